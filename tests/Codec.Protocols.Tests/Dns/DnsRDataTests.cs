using Codec.Protocols.Dns;
using Snapshooter.Xunit;

namespace Codec.Protocols.Tests.Dns;

public class DnsRDataTests
{
    // example.com. A? → MX 10 mail.example. (compressed), CNAME example.com. (a pointer), TYPE65000 "abc", and an OPT
    // record with a COOKIE option. The MX RDATA starts at offset 41.
    private static readonly byte[] Response = Convert.FromHexString(
        "123481800001000300000001076578616d706c6503636f6d0000010001" +
        "c00c000f000100000e100009000a046d61696cc00c" +
        "c00c0005000100000e100002c00c" +
        "c00cfde8000100000e100003616263" +
        "000029100000000000000c000a00080102030405060708");

    [Fact]
    public void Rdata_is_typed_by_type_with_names_resolved_against_the_message()
    {
        Assert.True(DnsMessage.TryRead(Response, out DnsMessage dns).IsDone);
        var records = new List<string>();
        foreach (DnsResourceRecord record in dns.Answers)
        {
            records.Add(record.RData.ToString());
        }

        Assert.Equal(3, records.Count);
        Assert.Equal("DnsMxData { Preference = 10, Exchange = mail.example.com. }", records[0]);
        Assert.Equal("DnsNameData { Target = example.com. }", records[1]);
        Assert.Equal("\\# 3 616263", records[2]);

        var answers = dns.Answers.GetEnumerator();
        Assert.True(answers.MoveNext());
        DnsRData mx = answers.Current.RData;
        Assert.True(mx.IsMx);
        Assert.False(mx.IsA);
        Assert.Equal(41, mx.Offset);
        Assert.True(mx.TryGetMx(out DnsMxData data));
        Assert.Equal(10, data.Preference);
        Assert.Equal("mail.example.com.", data.Exchange.ToString());
        Assert.False(mx.TryGetA(out _));
        Assert.True(answers.MoveNext());
        Assert.True(answers.Current.RData.TryGetCname(out DnsNameData cname));
        Assert.Equal("example.com.", cname.Target.ToString());
        Assert.True(answers.MoveNext());
        Assert.True(answers.Current.RData.IsUnknown);
        Assert.Equal("616263", Convert.ToHexString(answers.Current.RData.Bytes).ToLowerInvariant());
    }

    [Fact]
    public void A_name_case_read_in_a_record_is_handed_over_as_the_same_name_a_fresh_read_gives()
    {
        // The CNAME's target is a pointer to example.com.: the union keeps what validating it found (the name's memo).
        Assert.True(DnsMessage.TryRead(Response, out DnsMessage dns).IsDone);
        var answers = dns.Answers.GetEnumerator();
        Assert.True(answers.MoveNext());
        Assert.True(answers.MoveNext());
        DnsRData rdata = answers.Current.RData;

        Assert.True(rdata.TryGetCname(out DnsNameData kept));
        Assert.True(DnsNameData.TryReadAt(Response.AsSpan(0, rdata.Offset + rdata.Length), rdata.Offset, out DnsNameData fresh).IsDone);
        Assert.Equal(fresh.Target.ToString(), kept.Target.ToString());
        Assert.Equal(fresh.Target.WireLength, kept.Target.WireLength);
        Assert.Equal(fresh.Target.LabelCount, kept.Target.LabelCount);
        Assert.Equal(fresh.Target.Offset, kept.Target.Offset);
        Assert.False(rdata.TryGetNs(out _));
        Assert.False(rdata.TryGetPtr(out _));
    }

    [Fact]
    public void Name_cases_of_unions_not_read_as_that_case_are_read_again_or_refused()
    {
        byte[] bytes = [3, (byte)'w', (byte)'w', (byte)'w', 0];

        // Read alone as CNAME: the memo path; from raw octets: no case; default: no case either.
        Assert.True(DnsRData.TryRead(bytes, 5, out DnsRData read).IsDone);
        Assert.True(read.TryGetCname(out DnsNameData cname));
        Assert.Equal("www.", cname.Target.ToString());
        Assert.Equal(5, cname.Target.WireLength);
        DnsRData raw = new ReadOnlySpan<byte>(bytes);
        Assert.False(raw.TryGetCname(out _));
        Assert.False(default(DnsRData).TryGetCname(out _));
        Assert.False(default(DnsRData).TryGetA(out _));

        // A name that does not fill the octets is not the case, whatever reads it.
        Assert.False(DnsRData.TryRead([3, (byte)'w', (byte)'w', (byte)'w', 0, 0], 5, out _).IsDone);
    }

    [Fact]
    public void Opt_rdata_holds_edns_options()
    {
        Assert.True(DnsMessage.TryRead(Response, out DnsMessage dns).IsDone);
        var additionals = dns.Additionals.GetEnumerator();
        Assert.True(additionals.MoveNext());

        Assert.True(additionals.Current.RData.TryGetOpt(out DnsOptData opt));
        Assert.True(opt.Options.TryGetCookie(out EdnsCookie cookie));
        Assert.Equal(0x0102030405060708UL, cookie.ClientCookie);
        Assert.Equal(1, opt.Options.Count);
    }

    [Theory]
    [InlineData(1, "A", "c0a80001" + "00")]             // A with 5 octets: the case does not fill them
    [InlineData(28, "Address", "00")]                    // AAAA with 1 octet: its address is cut off
    [InlineData(15, "Exchange", "000a")]                 // MX without its name
    [InlineData(15, "Exchange", "000a" + "046d61696c")]  // MX whose name runs past RDLENGTH
    [InlineData(41, "OptionLength", "000a0009" + "0102")] // an EDNS option past the end
    public void Malformed_rdata_of_a_known_type_is_invalid(int type, string field, string rdata)
    {
        byte[] message = Record(type, rdata);

        ReadResult result = DnsMessage.TryRead(message, out _);

        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.True(result.Error.Field == field, result.ToString());
        Assert.InRange(result.Error.ByteOffset, 12 + 11, message.Length);
    }

    [Fact]
    public void Unknown_types_are_kept_raw_whatever_they_hold()
    {
        Assert.True(DnsMessage.TryRead(Record(65280, "ff"), out DnsMessage dns).IsDone);
        foreach (DnsResourceRecord record in dns.Answers)
        {
            Assert.True(record.RData.IsUnknown);
            Assert.Null(DnsRData.CaseName(65280));
        }
    }

    [Fact]
    public void Client_subnet_and_cookie_options_are_typed()
    {
        // ECS (RFC 7871): family 1, source /24, scope 0, 192.0.2; COOKIE (RFC 7873): client cookie only.
        byte[] message = Record(41, "0008" + "0007" + "0001" + "18" + "00" + "c00002" + "000a" + "0008" + "0102030405060708");
        Assert.True(DnsMessage.TryRead(message, out DnsMessage dns).IsDone);
        foreach (DnsResourceRecord record in dns.Answers)
        {
            Assert.True(record.RData.TryGetOpt(out DnsOptData opt));
            Assert.True(opt.Options.TryGetClientSubnet(out EdnsClientSubnet subnet));
            Assert.Equal(1, subnet.Family);
            Assert.Equal(24, subnet.SourcePrefixLength);
            Assert.Equal(0, subnet.ScopePrefixLength);
            Assert.Equal(new byte[] { 192, 0, 2 }, subnet.Address.ToArray());
            Assert.True(opt.Options.TryGetCookie(out EdnsCookie cookie));
            Assert.Equal(0x0102030405060708UL, cookie.ClientCookie);
            Assert.True(cookie.ServerCookie.IsEmpty);
        }
    }

    [Theory]
    [InlineData(1)]  // A
    [InlineData(5)]  // CNAME
    [InlineData(15)] // MX
    [InlineData(6)]  // SOA
    public void Empty_rdata_of_any_type_is_kept_raw_as_RFC_2136_updates_send_it(int type)
    {
        // RFC 2136 §2.5.2, Delete An RRset: CLASS ANY, TTL 0, RDLENGTH 0, for any TYPE.
        Assert.True(DnsMessage.TryRead(Record(type, string.Empty), out DnsMessage dns).IsDone);
        foreach (DnsResourceRecord record in dns.Answers)
        {
            Assert.Equal(0, record.RData.Length);
            Assert.True(record.RData.IsUnknown);
            Assert.Equal(DnsRData.UnknownDiscriminator, record.RData.Discriminator);
            Assert.Equal((DnsType)type, record.Type);
        }

        // One octet is not "empty": an A of one octet is still malformed; and an empty OPT is an OPT without options.
        Assert.True(DnsMessage.TryRead(Record(41, string.Empty), out DnsMessage withOpt).IsDone);
        foreach (DnsResourceRecord record in withOpt.Answers)
        {
            Assert.True(record.RData.TryGetOpt(out DnsOptData opt));
            Assert.Equal(0, opt.Options.Count);
        }

        Assert.Equal(CodecStatus.InvalidData, DnsMessage.TryRead(Record(1, "c0"), out _).Status);
    }

    [Fact]
    public void Every_truncation_returns_a_status_and_dissection_names_the_case()
    {
        for (int length = 0; length <= Response.Length; length++)
        {
            ReadResult result = DnsMessage.TryRead(Response.AsSpan(0, length), out _);
            Assert.True(length == Response.Length ? result.IsDone : !result.IsDone);
            Assert.NotNull(DnsMessage.Dissect(Response.AsSpan(0, length)));
        }

        Assert.True(DnsResourceRecord.TryReadAt(Response, 29, out _).IsDone);
    }

    [Fact]
    public void Raw_octets_convert_to_rdata_for_writing()
    {
        var record = new DnsResourceRecord { Type = DnsType.A, Class = DnsClass.IN, Ttl = 60, RData = (ReadOnlySpan<byte>)[192, 0, 2, 1] };
        byte[] bytes = new byte[record.GetSerializedSize()];

        Assert.True(record.TryWrite(bytes).IsDone);
        Assert.True(DnsResourceRecord.TryRead(bytes, out DnsResourceRecord back).IsDone);
        Assert.True(back.RData.TryGetA(out DnsAData a));
        Assert.Equal("192.0.2.1", a.Address.ToString());
        Assert.Equal(DnsRData.UnknownDiscriminator, record.RData.Discriminator);
        Assert.Equal(4, ((ReadOnlySpan<byte>)back.RData).Length);
    }

    [Fact]
    public void Text_dissection_of_a_record()
    {
        // a. 3600 IN MX 10 mail. (a record on its own: no compression pointers to resolve)
        var text = new System.Text.StringBuilder();
        DissectionText.Write(text, DnsResourceRecord.Dissect(Convert.FromHexString("016100" + "000f0001" + "00000e10" + "0008" + "000a046d61696c00")));
        Snapshot.Match(text.ToString());
    }

    /// <summary>A response with one answer of <paramref name="type"/> whose RDATA is <paramref name="rdata"/> (hex).</summary>
    private static byte[] Record(int type, string rdata) => Convert.FromHexString(
        "123481800000000100000000" + "0161" + "00" + type.ToString("x4", System.Globalization.CultureInfo.InvariantCulture) + "0001" + "00000e10"
        + (rdata.Length / 2).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) + rdata);
}
