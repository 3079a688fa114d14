using System.Buffers.Binary;
using Codec.Dns;
using Xunit.Abstractions;

namespace Codec.Runtime.Tests.Dns;

/// <summary>
/// NLnet Labs unbound's <c>testdata/test_packets.*</c> (real and hand-made messages, compression loops and garbage
/// included) against dnspython 2.3.0's decoding of them, from <c>shared/corpus/dns/unbound/</c>.
/// </summary>
public class DnsCorpusTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<DnsCorpus.Packet> Packets = DnsCorpus.UnboundPackets();

    [Fact]
    public void Question_and_record_names_print_as_dnspython_prints_them()
    {
        if (Packets.Count == 0)
        {
            output.WriteLine("corpus not found: nothing compared");
            return;
        }

        int questions = 0;
        int records = 0;
        foreach (DnsCorpus.Packet packet in Packets.Where(p => p.DecodedOk))
        {
            var names = new List<(int Section, string Name)>();
            Assert.True(MessageWalk.Walk(packet.Bytes, names, out ReadResult failure), $"{packet}: {failure}");

            // Questions in order, exactly (case and escapes). dnspython calls the question section ZONE in UPDATEs.
            string[] expected = Section(packet.Text, ";QUESTION", ";ZONE").ToArray();
            string[] actual = names.Where(n => n.Section == 0).Select(n => n.Name).ToArray();
            Assert.True(expected.SequenceEqual(actual), $"{packet}: dnspython [{string.Join(", ", expected)}], ours [{string.Join(", ", actual)}]");
            questions += actual.Length;

            // Answer and authority owners: dnspython groups records into RRsets (one spelling per set), so compare the
            // sets of names ignoring case. The additional section is left out: dnspython prints OPT and TSIG apart.
            for (int section = 1; section <= 2; section++)
            {
                var theirs = Section(packet.Text, section == 1 ? ";ANSWER" : ";AUTHORITY", section == 1 ? ";PREREQ" : ";UPDATE")
                    .Select(n => n.ToLowerInvariant()).ToHashSet();
                var ours = names.Where(n => n.Section == section).Select(n => n.Name.ToLowerInvariant()).ToHashSet();
                Assert.True(theirs.SetEquals(ours), $"{packet} section {section}: dnspython [{string.Join(", ", theirs)}], ours [{string.Join(", ", ours)}]");
                records += ours.Count;
            }
        }

        output.WriteLine($"{questions} question names and {records} distinct record owner names matched dnspython");
        Assert.True(questions >= 200, $"only {questions} questions compared");
        Assert.True(records >= 100, $"only {records} record owners compared");
        Assert.Contains(Packets, p => p.Text.Contains(@"PC-09\032TEA\032&\032RIA.bruinhof.nl.", StringComparison.Ordinal));
    }

    [Fact]
    public void Messages_dnspython_rejects_for_their_names_are_rejected_too()
    {
        if (Packets.Count == 0)
        {
            return;
        }

        int rejected = 0;
        foreach (DnsCorpus.Packet packet in Packets.Where(p => !p.DecodedOk))
        {
            bool walked = MessageWalk.Walk(packet.Bytes, [], out ReadResult failure);
            if (packet.Error.StartsWith("BadPointer", StringComparison.Ordinal))
            {
                Assert.False(walked, packet.ToString());
                Assert.True(failure.Error.Kind is CodecErrorKind.PointerOutOfRange or CodecErrorKind.CompressionLoop, $"{packet}: {failure}");
                rejected++;
            }
            else if (packet.Error.StartsWith("BadLabelType", StringComparison.Ordinal))
            {
                Assert.False(walked, packet.ToString());
                Assert.Equal(CodecErrorKind.LabelTooLong, failure.Error.Kind);
                rejected++;
            }
            else if (packet.Error.StartsWith("FormError", StringComparison.Ordinal))
            {
                Assert.False(walked, packet.ToString());
                rejected++;
            }
        }

        Assert.True(rejected >= 20, $"only {rejected} rejections checked");
    }

    [Theory]
    [InlineData(1, true, null)]                                        // 0b. correct compression from answer to query
    [InlineData(2, false, CodecErrorKind.PointerOutOfRange)]           // 1. compression from query to answer
    [InlineData(3, false, CodecErrorKind.PointerOutOfRange)]           // 2. compression loop answer 1 to answer 2
    [InlineData(4, true, null)]                                        // 2b. answer 2 to answer 1: backwards, fine
    [InlineData(5, false, CodecErrorKind.CompressionLoop)]             // 3. compression loop to self
    [InlineData(6, true, null)]                                        // 4. pointer to the header (octet 4 is 0: ".")
    [InlineData(7, false, CodecErrorKind.PointerOutOfRange)]           // 5. pointer past the end of the packet
    public void Unbound_compression_cases(int index, bool valid, CodecErrorKind? kind)
    {
        if (Packets.Count == 0)
        {
            return;
        }

        DnsCorpus.Packet packet = Packets.Single(p => p.Source.EndsWith("test_packets.5", StringComparison.Ordinal) && p.Index == index);
        bool walked = MessageWalk.Walk(packet.Bytes, [], out ReadResult failure);
        Assert.Equal(valid, walked);
        if (kind is { } k)
        {
            Assert.Equal(k, failure.Error.Kind);
        }
    }

    [Fact]
    public void Mutated_corpus_messages_never_throw_and_agree_with_the_reference()
    {
        if (Packets.Count == 0)
        {
            return;
        }

        var random = new Random(1034);
        int reads = 0;
        for (int round = 0; round < 400; round++)
        {
            foreach (DnsCorpus.Packet packet in Packets)
            {
                byte[] message = DnsNameFuzz.Mutate(random, packet.Bytes);
                MessageWalk.Walk(message, [], out _);
                foreach (int offset in DnsNameFuzz.Offsets(random, message))
                {
                    DnsNameFuzz.CheckAgainstReference(message, offset);
                    reads++;
                }
            }
        }

        output.WriteLine($"{400 * Packets.Count} mutated messages, {reads} names read");
        Assert.True(reads >= 100_000);
    }

    /// <summary>The owner names of the lines under <paramref name="header"/> (or its UPDATE name) in dnspython's text.</summary>
    private static IEnumerable<string> Section(string text, string header, string updateHeader)
    {
        bool inside = false;
        foreach (string line in text.Split('\n'))
        {
            if (line.StartsWith(';'))
            {
                inside = line == header || line == updateHeader;
                continue;
            }

            if (inside && line.Length > 0)
            {
                yield return line.Split(' ')[0];
            }
        }
    }
}

/// <summary>Walks a message's names the way a resolver would: questions, then each record's owner, skipping RDATA.</summary>
internal static class MessageWalk
{
    public static bool Walk(byte[] message, List<(int Section, string Name)> names, out ReadResult failure)
    {
        failure = default;
        if (message.Length < 12)
        {
            failure = ReadResult.NeedMoreData(null, 0, 12, message.Length);
            return false;
        }

        int position = 12;
        for (int section = 0; section < 4; section++)
        {
            int count = BinaryPrimitives.ReadUInt16BigEndian(message.AsSpan(4 + (2 * section)));
            for (int i = 0; i < count; i++)
            {
                ReadResult read = DnsName.TryRead(message, position, out DnsName name);
                if (!read.IsDone)
                {
                    failure = read;
                    return false;
                }

                names.Add((section, name.ToString()));
                position += read.BytesConsumed;
                int fixedPart = section == 0 ? 4 : 10;   // QTYPE QCLASS, or TYPE CLASS TTL RDLENGTH
                if (position + fixedPart > message.Length)
                {
                    failure = ReadResult.NeedMoreData(null, position * 8, position + fixedPart, message.Length);
                    return false;
                }

                int rdLength = section == 0 ? 0 : BinaryPrimitives.ReadUInt16BigEndian(message.AsSpan(position + 8));
                position += fixedPart + rdLength;
                if (position > message.Length)
                {
                    failure = ReadResult.NeedMoreData(null, position * 8, position, message.Length);
                    return false;
                }
            }
        }

        return true;
    }
}
