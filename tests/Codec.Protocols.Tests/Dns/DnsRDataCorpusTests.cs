using System.Globalization;
using Codec.Dns;
using Codec.Protocols.Dns;
using Codec.Protocols.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Codec.Protocols.Tests.Dns;

/// <summary>
/// The typed RDATA of every record in unbound's test packets, in presentation form, compared with dnspython 2.3.0's
/// text of the same records (A, AAAA, NS, CNAME, PTR, MX, SOA, SRV).
/// </summary>
public class DnsRDataCorpusTests(ITestOutputHelper output)
{
    private static readonly HashSet<string> Compared = ["A", "AAAA", "NS", "CNAME", "PTR", "MX", "SOA", "SRV"];

    [Fact]
    public void Typed_rdata_matches_dnspython()
    {
        int compared = 0;
        foreach (UnboundPackets.Packet packet in UnboundPackets.All().Where(p => p.DnspythonOk))
        {
            string where = packet.Where;
            ReadResult result = DnsMessage.TryRead(packet.Bytes, out DnsMessage dns);
            Assert.True(result.IsDone, $"{where}: {result}");

            // dnspython's record lines, section by section (it shows OPT in the header, not as a record).
            string[] lines = packet.DnspythonText.Split('\n');
            int firstSection = Array.FindIndex(lines, l => l.StartsWith(';'));
            int answers = Array.FindIndex(lines, firstSection + 1, l => l.StartsWith(';'));
            var theirs = lines[(answers + 1)..].Where(l => !l.StartsWith(';') && l.Length > 0).ToList();
            var ours = new List<(string Type, string Text)>();
            Collect(dns.Answers, ours);
            Collect(dns.Authorities, ours);
            Collect(dns.Additionals, ours);
            if (theirs.Count != ours.Count)
            {
                continue; // TSIG and the like are shown apart; compare only what lines up
            }

            for (int i = 0; i < ours.Count; i++)
            {
                if (ours[i].Text.Length == 0)
                {
                    continue;
                }

                string[] tokens = theirs[i].Split(' ');
                Assert.True(tokens[3] == ours[i].Type, $"{where}: record {i} is {tokens[3]} there, {ours[i].Type} here");
                Assert.Equal(string.Join(' ', tokens[4..]), ours[i].Text);
                compared++;
            }
        }

        output.WriteLine($"{compared} RDATA compared");
        Assert.True(compared > 300, $"only {compared} RDATA compared");
    }

    [Fact]
    public void Names_read_from_a_message_write_into_another_as_the_names_they_are()
    {
        // Owner names and NS/CNAME/PTR targets (rebuilt from the union's memo) written by a fresh compressor and copied
        // uncompressed: a name that follows a pointer must be flattened, never taken as the octets where it lies
        // (pointers that mean nothing in the new message). Both reads: the visiting read (the unions' fast read) and
        // the lists of the plain read.
        int compressed = 0;
        foreach (UnboundPackets.Packet packet in UnboundPackets.All())
        {
            if (!DnsMessage.TryRead(packet.Bytes, out DnsMessage dns).IsDone)
            {
                continue;
            }

            string where = packet.Where;
            var visitor = new TargetWriter { Where = where };
            Assert.True(DnsMessage.TryRead(packet.Bytes, ref visitor, out _).IsDone, where);
            foreach (DnsResourceRecord record in dns.Answers)
            {
                WriteTargetElsewhere(record, where);
            }

            foreach (DnsResourceRecord record in dns.Authorities)
            {
                WriteTargetElsewhere(record, where);
            }

            foreach (DnsResourceRecord record in dns.Additionals)
            {
                WriteTargetElsewhere(record, where);
            }

            compressed += visitor.Compressed;
        }

        output.WriteLine($"{compressed} compressed NS/CNAME/PTR targets written into another message");
        Assert.True(compressed > 20, $"only {compressed} compressed targets");
    }

    private static bool WriteTargetElsewhere(DnsResourceRecord record, string where)
    {
        WriteElsewhere(record.Name, where);
        if (!record.RData.TryGetNs(out DnsNameData data) && !record.RData.TryGetCname(out data) && !record.RData.TryGetPtr(out data))
        {
            return false;
        }

        WriteElsewhere(data.Target, where);
        return record.RData.Length < data.Target.WireLength;
    }

    private static void WriteElsewhere(DnsName name, string where)
    {
        string expected = name.ToString();
        var compressor = new DnsNameCompressor();
        byte[] message = new byte[600];
        int position = 12;
        Assert.True(compressor.TryWrite(name, message, ref position, out _), where);
        Assert.True(DnsName.TryRead(message, 12, out DnsName again, out _), where);
        Assert.Equal(expected, again.ToString());

        byte[] flat = new byte[DnsName.MaxWireLength];
        int length = name.CopyUncompressedTo(flat);
        Assert.True(DnsName.TryRead(flat.AsSpan(0, length), 0, out DnsName copied, out int consumed) && consumed == length, where);
        Assert.Equal(expected, copied.ToString());
    }

    private struct TargetWriter : DnsMessage.IElementVisitor
    {
        public string Where;
        public int Compressed;

        public readonly void VisitHeader(scoped DnsMessage message)
        {
        }

        public readonly void VisitQuestions(DnsQuestion element)
        {
        }

        public void VisitAnswers(DnsResourceRecord element) => Visit(element);

        public void VisitAuthorities(DnsResourceRecord element) => Visit(element);

        public void VisitAdditionals(DnsResourceRecord element) => Visit(element);

        private void Visit(DnsResourceRecord element)
        {
            if (WriteTargetElsewhere(element, Where))
            {
                Compressed++;
            }
        }
    }

    private static void Collect(MessageList<DnsResourceRecord> records, List<(string, string)> into)
    {
        foreach (DnsResourceRecord record in records)
        {
            if (record.Type == DnsType.OPT)
            {
                Assert.True(record.RData.TryGetOpt(out _));
                continue;
            }

            string type = DnsText.Type(record.Type);
            into.Add((type, Compared.Contains(type) && record.Class == DnsClass.IN ? Present(record.RData) : string.Empty));
        }
    }

    private static string Present(DnsRData data)
    {
        if (data.TryGetA(out DnsAData a))
        {
            return a.Address.ToString();
        }

        if (data.TryGetAaaa(out DnsAaaaData aaaa))
        {
            return aaaa.Address.ToString();
        }

        if (data.TryGetNs(out DnsNameData ns) || data.TryGetCname(out ns) || data.TryGetPtr(out ns))
        {
            return ns.Target.ToString();
        }

        if (data.TryGetMx(out DnsMxData mx))
        {
            return N(mx.Preference) + " " + mx.Exchange.ToString();
        }

        if (data.TryGetSoa(out DnsSoaData soa))
        {
            return $"{soa.MName.ToString()} {soa.RName.ToString()} {N(soa.Serial)} {N(soa.Refresh)} {N(soa.Retry)} {N(soa.Expire)} {N(soa.Minimum)}";
        }

        Assert.True(data.TryGetSrv(out DnsSrvData srv), "an A, AAAA, NS, CNAME, PTR, MX, SOA or SRV that does not read");
        return $"{N(srv.Priority)} {N(srv.Weight)} {N(srv.Port)} {srv.Target.ToString()}";
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
