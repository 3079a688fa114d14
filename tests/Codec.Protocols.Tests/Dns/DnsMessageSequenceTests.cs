using Codec.Transport.Tests.Protocols;
using System.Buffers;
using System.Text;
using Codec.Protocols.Dns;
using Codec.Protocols.Tests.Infrastructure;

namespace Codec.Protocols.Tests.Dns;

/// <summary>
/// DNS messages (variable-length ref structs) read from multi-segment <see cref="ReadOnlySequence{T}"/>s with
/// <see cref="SequenceReading.TryRead{T}(in ReadOnlySequence{byte}, Span{byte}, out T, out SequencePosition, out SequencePosition)"/>:
/// every corpus message split at every byte reads exactly as from one span, including the ones whose compression
/// pointers reach back across the cut.
/// </summary>
public class DnsMessageSequenceTests
{
    private static IEnumerable<byte[]> CorpusMessages() => UnboundPackets.All().Select(p => p.Bytes);

    private static string Render(scoped in DnsMessage dns)
    {
        var text = new StringBuilder();
        text.Append(dns.Id).Append(' ').Append(dns.Flags.Qr).Append(' ').Append(dns.Flags.Opcode).Append(' ').Append(dns.Flags.Rcode).Append('\n');
        foreach (DnsQuestion question in dns.Questions)
        {
            text.Append("Q ").Append(question.Name.ToString()).Append(' ').Append(question.Type).Append('\n');
        }

        RenderRecords(text, dns.Answers);
        RenderRecords(text, dns.Authorities);
        RenderRecords(text, dns.Additionals);
        return text.ToString();
    }

    private static void RenderRecords(StringBuilder text, MessageList<DnsResourceRecord> section)
    {
        foreach (DnsResourceRecord record in section)
        {
            text.Append("R ").Append(record.Name.ToString()).Append(' ').Append(record.Type).Append(' ').Append(record.Ttl)
                .Append(' ').Append(Convert.ToHexString(record.RData)).Append('\n');
        }
    }

    [Fact]
    public void Every_corpus_message_split_at_every_byte_reads_as_from_one_span()
    {
        byte[] scratch = new byte[ushort.MaxValue];
        int messages = 0, splits = 0;
        foreach (byte[] bytes in CorpusMessages())
        {
            ReadResult expected = DnsMessage.TryRead(bytes, out DnsMessage whole);
            string expectedText = expected.IsDone ? Render(whole) : string.Empty;
            for (int cut = 1; cut < bytes.Length; cut++)
            {
                ReadOnlySequence<byte> source = Segment.Split(bytes, cut);
                ReadResult actual = SequenceReading.TryRead(source, scratch, out DnsMessage dns, out SequencePosition consumed, out SequencePosition examined);
                Assert.Equal(expected, actual);
                if (actual.IsDone)
                {
                    Assert.Equal(expectedText, Render(dns));
                    Assert.Equal(expected.BytesConsumed, source.Slice(0, consumed).Length);
                    Assert.Equal(consumed, examined);
                }
                else
                {
                    Assert.Equal(0, source.Slice(0, consumed).Length);
                    Assert.Equal(bytes.Length, source.Slice(0, examined).Length);
                }

                splits++;
            }

            messages++;
        }

        Assert.True(messages > 200, $"only {messages} messages");
        Assert.True(splits > 10_000, $"only {splits} splits");
    }

    [Fact]
    public void A_message_split_three_ways_reads_as_from_one_span()
    {
        byte[] bytes = CorpusMessages().First(b => DnsMessage.TryRead(b, out _).IsDone && b.Length > 64);
        DnsMessage.TryRead(bytes, out DnsMessage whole);
        string expected = Render(whole);
        byte[] scratch = new byte[bytes.Length];
        for (int first = 1; first < bytes.Length - 1; first++)
        {
            for (int second = first + 1; second < bytes.Length; second += 7)
            {
                Assert.True(SequenceReading.TryRead(Segment.Split(bytes, first, second), scratch, out DnsMessage dns, out _, out _).IsDone);
                Assert.Equal(expected, Render(dns));
            }
        }
    }

    [Fact]
    public void A_single_segment_is_read_in_place_without_touching_the_scratch()
    {
        byte[] bytes = CorpusMessages().First(b => DnsMessage.TryRead(b, out _).IsDone);
        var source = new ReadOnlySequence<byte>(bytes);
        Assert.True(SequenceReading.TryRead(source, Span<byte>.Empty, out DnsMessage dns, out SequencePosition consumed, out _).IsDone);
        DnsMessage.TryRead(bytes, out DnsMessage whole);
        Assert.Equal(Render(whole), Render(dns));
        Assert.Equal(bytes.Length, source.Slice(0, consumed).Length);
    }

    [Fact]
    public void Every_truncation_of_a_split_message_asks_for_more_and_examines_everything()
    {
        byte[] bytes = CorpusMessages().First(b => DnsMessage.TryRead(b, out _).IsDone && b.Length > 64);
        byte[] scratch = new byte[bytes.Length];
        for (int length = 2; length < bytes.Length; length++)
        {
            byte[] prefix = bytes[..length];
            ReadResult spanResult = DnsMessage.TryRead(prefix, out _);
            ReadOnlySequence<byte> source = Segment.Split(prefix, length / 2);
            ReadResult result = SequenceReading.TryRead(source, scratch, out DnsMessage _, out SequencePosition consumed, out SequencePosition examined);
            Assert.Equal(spanResult, result);
            Assert.NotEqual(CodecStatus.Done, result.Status);
            Assert.Equal(source.Start, consumed);
            Assert.Equal(source.End, examined);
        }
    }

    [Fact]
    public void A_split_input_longer_than_the_scratch_is_refused_with_the_bound()
    {
        byte[] bytes = CorpusMessages().First(b => DnsMessage.TryRead(b, out _).IsDone && b.Length > 64);
        byte[] scratch = new byte[12];
        ReadResult result = SequenceReading.TryRead(Segment.Split(bytes, 5), scratch, out DnsMessage _, out _, out _);
        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal(CodecErrorKind.LengthOutOfRange, result.Error.Kind);
        Assert.Equal(12UL, result.Error.Expected);
        Assert.Equal((ulong)bytes.Length, result.Error.Actual);
    }
}
