using Codec.Dns;
using Codec.Protocols.Dns;
using Codec.Protocols.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Codec.Protocols.Tests.Dns;

/// <summary>
/// Every message of NLnet Labs unbound's test packets (../shared/corpus/dns/unbound), compared with dnspython 2.3.0's
/// decode of the same bytes (test_packets.decoded.jsonl).
/// </summary>
public class DnsMessageCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Messages_dnspython_accepts_are_read_whole_with_the_same_header_and_questions()
    {
        int compared = 0;
        foreach (UnboundPackets.Packet packet in UnboundPackets.All().Where(p => p.DnspythonOk))
        {
            var result = DnsMessage.TryRead(packet.Bytes, out var dns);
            Assert.True(result.IsDone, $"{packet.Source} #{packet.Index}: {result}");
            Assert.Equal(packet.Bytes.Length, result.BytesConsumed);

            string[] lines = packet.DnspythonText.Split('\n');
            Assert.Equal("id " + dns.Id, lines[0]);
            Assert.Equal("rcode " + Rcode(dns.Flags.Rcode), lines[2]);
            Assert.Equal(Flags(dns), lines[3]);

            var questions = new List<string>();
            foreach (DnsQuestion question in dns.Questions)
            {
                questions.Add(question.Name.ToString() + " " + ClassText(question.Class) + " " + TypeText(question.Type));
            }

            // The first section (";QUESTION", or ";ZONE" for UPDATE) runs to the next section's heading.
            int start = Array.FindIndex(lines, l => l.StartsWith(';')) + 1;
            int end = Array.FindIndex(lines, start, l => l.StartsWith(';'));
            Assert.Equal(lines[start..end], questions);
            compared++;
        }

        output.WriteLine($"{compared} messages agree with dnspython");
        Assert.True(compared > 200, $"only {compared} messages compared");
    }

    [Fact]
    public void Names_dnspython_rejects_are_rejected_too()
    {
        // BadPointer and BadLabelType concern names in the header sections, which we read; dnspython's other complaints
        // (unknown opcodes, RDATA contents) are about parts we keep raw.
        int rejected = 0;
        foreach (UnboundPackets.Packet packet in UnboundPackets.All().Where(p => !p.DnspythonOk && (p.DnspythonText.StartsWith("BadPointer", StringComparison.Ordinal) || p.DnspythonText.StartsWith("BadLabelType", StringComparison.Ordinal))))
        {
            var result = DnsMessage.TryRead(packet.Bytes, out _);
            output.WriteLine($"{packet.Source} #{packet.Index}: dnspython {packet.DnspythonText.Split(':')[0]}, ours {result}");
            if (!result.IsDone)
            {
                rejected++;
            }
        }

        Assert.True(rejected >= 12, $"only {rejected} of the messages with bad names were rejected");
    }

    [Fact]
    public void Every_message_and_every_mutation_of_it_is_read_and_dissected_without_an_exception()
    {
        var random = new Random(1035);
        int reads = 0;
        foreach (UnboundPackets.Packet packet in UnboundPackets.All())
        {
            for (int length = 0; length <= packet.Bytes.Length; length++)
            {
                DnsMessage.TryRead(packet.Bytes.AsSpan(0, length), out _);
                reads++;
            }

            for (int trial = 0; trial < 200; trial++)
            {
                byte[] mutated = (byte[])packet.Bytes.Clone();
                for (int flips = random.Next(1, 4); flips > 0 && mutated.Length > 0; flips--)
                {
                    mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
                }

                var result = DnsMessage.TryRead(mutated, out var dns);
                if (result.IsDone)
                {
                    int questions = 0;
                    foreach (DnsQuestion question in dns.Questions)
                    {
                        Assert.True(question.Name.WireLength <= DnsName.MaxWireLength);
                        questions++;
                    }

                    Assert.Equal(dns.QdCount, questions);
                }

                Assert.Equal(result.Status, DnsMessage.Dissect(mutated).Result.Status);
                reads++;
            }
        }

        output.WriteLine($"{reads} reads");
    }

    private static string Rcode(DnsResponseCode code) => code switch
    {
        DnsResponseCode.NoError => "NOERROR",
        DnsResponseCode.FormErr => "FORMERR",
        DnsResponseCode.ServFail => "SERVFAIL",
        DnsResponseCode.NXDomain => "NXDOMAIN",
        DnsResponseCode.NotImp => "NOTIMP",
        DnsResponseCode.Refused => "REFUSED",
        _ => code.ToString().ToUpperInvariant(),
    };

    private static string Flags(DnsMessage dns)
    {
        var flags = new List<string>();
        if (dns.Flags.Qr) flags.Add("QR");
        if (dns.Flags.Aa) flags.Add("AA");
        if (dns.Flags.Tc) flags.Add("TC");
        if (dns.Flags.Rd) flags.Add("RD");
        if (dns.Flags.Ra) flags.Add("RA");
        if (dns.Flags.Ad) flags.Add("AD");
        if (dns.Flags.Cd) flags.Add("CD");
        return "flags " + string.Join(' ', flags);
    }

    private static string ClassText(DnsClass c) => Enum.IsDefined(c) ? c.ToString() : "CLASS" + (ushort)c;

    private static string TypeText(DnsType t) => Enum.IsDefined(t) ? t.ToString() : "TYPE" + (ushort)t;
}
