using System.Globalization;
using System.Text.Json;
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
        foreach (string line in File.ReadLines(Path.Combine(Corpus.Directory, "dns", "unbound", "test_packets.decoded.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            JsonElement decode = doc.RootElement.GetProperty("dnspython_2.3.0");
            if (!decode.GetProperty("ok").GetBoolean())
            {
                continue;
            }

            byte[] bytes = Convert.FromHexString(doc.RootElement.GetProperty("hex").GetString()!);
            string where = doc.RootElement.GetProperty("source").GetString() + " #" + doc.RootElement.GetProperty("index").GetInt32();
            ReadResult result = DnsMessage.TryRead(bytes, out DnsMessage dns);
            Assert.True(result.IsDone, $"{where}: {result}");

            // dnspython's record lines, section by section (it shows OPT in the header, not as a record).
            string[] lines = decode.GetProperty("text").GetString()!.Split('\n');
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
