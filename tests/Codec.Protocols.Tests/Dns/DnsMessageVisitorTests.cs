using Codec.Protocols.Dns;

namespace Codec.Protocols.Tests.Dns;

/// <summary>
/// The visiting read of the record sections: the loop that reads records whose RDATA it validates without a call (A,
/// AAAA, the one-name cases NS/CNAME/PTR, empty RDATA) hands over, at the first other record (MX, SOA, TXT...), to a loop
/// that reads every case. Whichever loop reads a record, the visitor must see the same records in the same sections as
/// the plain read's lists, and a bad record must fail both reads.
/// </summary>
public class DnsMessageVisitorTests
{
    // www.example.com. A? → CNAME web.example.com., A, MX 10 web.example.com., A; authority NS ns1.example.com.;
    // additional TXT "abc", OPT. The MX (offset 67) is the first record the visiting loop hands over at.
    private static readonly byte[] Response = Convert.FromHexString(
        "12348180000100040001000203777777076578616d706c6503636f6d0000010001" +
        "c00c00050001" + "0000012c" + "0006" + "03776562c010" +
        "c02d00010001" + "0000003c" + "0004" + "5db8d822" +
        "c02d000f0001" + "0000003c" + "0004" + "000ac02d" +
        "c02d00010001" + "0000003c" + "0004" + "5db8d823" +
        "c01000020001" + "00000e10" + "0006" + "036e7331c010" +
        "c02d00100001" + "0000003c" + "0004" + "03616263" +
        "00" + "0029" + "04d0" + "00008000" + "0000");

    [Fact]
    public void The_sample_is_what_the_comment_says()
    {
        Assert.True(DnsMessage.TryRead(Response, out DnsMessage dns).IsDone);
        Assert.Equal("CNAME A MX A | NS | TXT OPT", Sections(dns));
    }

    [Fact]
    public void The_visitor_sees_every_record_in_its_section_whichever_loop_reads_it()
    {
        Assert.True(DnsMessage.TryRead(Response, out DnsMessage dns).IsDone);
        var recorder = new Recorder { Seen = [] };
        Assert.True(DnsMessage.TryRead(Response, ref recorder, out DnsMessage visited, out int consumed));

        Assert.Equal(Response.Length, consumed);
        Assert.Equal(Listed(dns), recorder.Seen);
        Assert.Equal(Listed(dns), Listed(visited));
        Assert.Equal(["web.example.com.", "ns1.example.com."], recorder.Names);
    }

    [Theory]
    [InlineData(81, 0xC0, 0x60)]   // the MX exchange points forward: the loop that reads every case says no
    [InlineData(49, 0xC0, 0x60)]   // the CNAME target points forward: the loop without calls says no, and so does the other
    [InlineData(115, 0xC0, 0x70)]  // the NS target, read after the hand-over
    public void A_bad_record_fails_the_visiting_read_as_it_fails_the_plain_one(int at, byte first, byte second)
    {
        byte[] bad = (byte[])Response.Clone();
        bad[at] = first;
        bad[at + 1] = second;

        ReadResult plain = DnsMessage.TryRead(bad, out _);
        var recorder = new Recorder { Seen = [] };
        ReadResult visiting = DnsMessage.TryRead(bad, ref recorder, out _);

        Assert.False(plain.IsDone);
        Assert.Equal(plain, visiting);
        Assert.False(DnsMessage.TryRead(bad, ref recorder, out _, out _));
    }

    private static string Sections(DnsMessage dns) =>
        string.Join(" ", Types(dns.Answers)) + " | " + string.Join(" ", Types(dns.Authorities)) + " | " + string.Join(" ", Types(dns.Additionals));

    private static List<string> Types(MessageList<DnsResourceRecord> list)
    {
        var types = new List<string>();
        foreach (DnsResourceRecord record in list)
        {
            types.Add(record.Type.ToString());
        }

        return types;
    }

    private static List<string> Listed(DnsMessage dns)
    {
        var seen = new List<string>();
        Add(seen, "an", dns.Answers);
        Add(seen, "ns", dns.Authorities);
        Add(seen, "ar", dns.Additionals);
        return seen;
    }

    private static void Add(List<string> seen, string section, MessageList<DnsResourceRecord> list)
    {
        foreach (DnsResourceRecord record in list)
        {
            seen.Add(Describe(section, record));
        }
    }

    private static string Describe(string section, DnsResourceRecord record) =>
        section + " " + record.Type + " " + record.Name.ToString() + " " + record.Ttl + " @" + record.RData.Offset + "+" + record.RData.Length + " " + record.RData.ToString();

    private struct Recorder : DnsMessage.IElementVisitor
    {
        public List<string> Seen;
        public List<string>? Names;

        public readonly void VisitHeader(scoped DnsMessage message)
        {
        }

        public readonly void VisitQuestions(DnsQuestion element)
        {
        }

        public void VisitAnswers(DnsResourceRecord element) => Record("an", element);

        public void VisitAuthorities(DnsResourceRecord element) => Record("ns", element);

        public void VisitAdditionals(DnsResourceRecord element) => Record("ar", element);

        private void Record(string section, DnsResourceRecord element)
        {
            Seen.Add(Describe(section, element));
            Names ??= [];
            if (element.RData.TryGetCname(out DnsNameData cname))
            {
                Names.Add(cname.Target.ToString());
            }
            else if (element.RData.TryGetNs(out DnsNameData ns))
            {
                Names.Add(ns.Target.ToString());
            }
        }
    }
}
