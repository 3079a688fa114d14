using System.Buffers;
using Codec.Transport.Framing;
using Codec.Transport.Protocols;
using Codec.Transport.Tests.Protocols;

namespace Codec.Transport.Tests.Framing;

public class LengthPrefixedReaderTests
{
    // A DNS query for example.com A, as sent over TCP (RFC 1035 §4.2.2): the 2-byte length 0x001D, then the message.
    private static readonly byte[] DnsOverTcpQuery = Convert.FromHexString(
        "001D" + "ABCD01000001000000000000" + "076578616D706C6503636F6D00" + "00010001");

    [Fact]
    public void Reads_a_DNS_over_TCP_frame_split_at_every_byte_boundary()
    {
        var reader = new LengthPrefixedPayloadReader();
        for (int cut = 0; cut <= DnsOverTcpQuery.Length; cut++)
        {
            for (int length = 0; length < DnsOverTcpQuery.Length; length++)
            {
                // Every prefix of the frame needs more data and examines everything it was given.
                ReadOnlySequence<byte> partial = Segment.Split(DnsOverTcpQuery[..length], Math.Min(cut, length));
                SequencePosition consumed = partial.Start;
                SequencePosition examined = partial.Start;
                Assert.False(reader.TryParseMessage(partial, ref consumed, ref examined, out _));
                Assert.Equal(CodecStatus.NeedMoreData, reader.LastResult.Status);
                Assert.Equal(partial.Start, consumed);
                Assert.Equal(partial.End, examined);
            }

            ReadOnlySequence<byte> input = Segment.Split(DnsOverTcpQuery, cut);
            SequencePosition c = input.Start;
            SequencePosition e = input.Start;
            Assert.True(reader.TryParseMessage(input, ref c, ref e, out ReadOnlySequence<byte> payload));
            Assert.Equal(DnsOverTcpQuery[2..], payload.ToArray());
            Assert.Equal(input.End, c);
        }
    }

    [Fact]
    public void Reads_generated_messages_from_their_frames_split_anywhere()
    {
        byte[] frames = Connections.ProbeEcho.Frame(Connections.ProbeEcho.Numbered(1), Connections.ProbeEcho.Numbered(2));
        var reader = new LengthPrefixedReader<Probe>(new WireMessageReader<Probe>());
        for (int first = 0; first <= frames.Length; first++)
        {
            for (int second = first; second <= frames.Length; second++)
            {
                ReadOnlySequence<byte> input = Segment.Split(frames, first, second);
                var read = new List<uint>();
                while (true)
                {
                    SequencePosition consumed = input.Start;
                    SequencePosition examined = input.End;
                    if (!reader.TryParseMessage(input, ref consumed, ref examined, out Probe probe))
                    {
                        break;
                    }

                    read.Add(probe.Sequence);
                    input = input.Slice(consumed);
                }

                Assert.Equal([1u, 2u], read);
                Assert.Equal(0, input.Length);
            }
        }
    }

    [Fact]
    public void A_length_above_the_maximum_is_rejected_on_the_prefix_alone()
    {
        var reader = new LengthPrefixedPayloadReader(maximumLength: 512);
        ReadOnlySequence<byte> input = new(Convert.FromHexString("0201"));
        SequencePosition consumed = input.Start;
        SequencePosition examined = input.Start;

        Assert.False(reader.TryParseMessage(input, ref consumed, ref examined, out _));

        Assert.Equal(CodecStatus.InvalidData, reader.LastResult.Status);
        Assert.Equal(CodecErrorKind.ValueOutOfRange, reader.LastResult.Error.Kind);
        Assert.Equal("Length", reader.LastResult.Error.Field);
        Assert.Equal(512ul, reader.LastResult.Error.Expected);
        Assert.Equal(513ul, reader.LastResult.Error.Actual);
    }

    [Fact]
    public void A_frame_shorter_than_its_message_is_invalid_not_incomplete()
    {
        // A Probe needs 8 bytes; the frame holds 5. More input cannot help: the frame is complete.
        var reader = new LengthPrefixedReader<Probe>(new WireMessageReader<Probe>());
        ReadOnlySequence<byte> input = new(Convert.FromHexString("0005C0DE000000" + "FFFF"));
        SequencePosition consumed = input.Start;
        SequencePosition examined = input.Start;

        Assert.False(reader.TryParseMessage(input, ref consumed, ref examined, out _));

        Assert.Equal(CodecStatus.InvalidData, reader.LastResult.Status);
        Assert.Equal(CodecErrorKind.Truncated, reader.LastResult.Error.Kind);
        Assert.Equal("Sequence", reader.LastResult.Error.Field);
    }

    [Fact]
    public void Invalid_content_reports_the_inner_readers_error()
    {
        var reader = new LengthPrefixedReader<Probe>(new WireMessageReader<Probe>());
        ReadOnlySequence<byte> input = new(Convert.FromHexString("0008BADC0FFEE0DDF00D"));
        SequencePosition consumed = input.Start;
        SequencePosition examined = input.Start;

        Assert.False(reader.TryParseMessage(input, ref consumed, ref examined, out _));

        Assert.Equal(CodecErrorKind.ConstantMismatch, reader.LastResult.Error.Kind);
        Assert.Equal("Magic", reader.LastResult.Error.Field);
    }

    [Fact]
    public void A_longer_frame_is_consumed_whole()
    {
        var reader = new LengthPrefixedReader<Probe>(new WireMessageReader<Probe>());
        ReadOnlySequence<byte> input = new(Convert.FromHexString("000AC0DE0000002A1005EEEE" + "0000"));
        SequencePosition consumed = input.Start;
        SequencePosition examined = input.Start;

        Assert.True(reader.TryParseMessage(input, ref consumed, ref examined, out Probe probe));

        Assert.Equal(42u, probe.Sequence);
        Assert.Equal(12, input.Slice(input.Start, consumed).Length);
    }

    [Fact]
    public void An_empty_frame_is_an_empty_payload()
    {
        var reader = new LengthPrefixedPayloadReader();
        ReadOnlySequence<byte> input = new(Convert.FromHexString("0000" + "0001AB"));
        SequencePosition consumed = input.Start;
        SequencePosition examined = input.Start;

        Assert.True(reader.TryParseMessage(input, ref consumed, ref examined, out ReadOnlySequence<byte> payload));

        Assert.True(payload.IsEmpty);
        Assert.Equal(2, input.Slice(input.Start, consumed).Length);
    }

    [Fact]
    public void The_maximum_cannot_exceed_what_the_prefix_can_say()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LengthPrefixedPayloadReader(65_536));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LengthPrefixedWriter<Probe>(new WireMessageWriter<Probe>(), -1));
    }
}
