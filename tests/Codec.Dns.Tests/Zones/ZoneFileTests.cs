using Codec.Dns.Zones;
using Codec.Protocols.Dns;

namespace Codec.Dns.Tests.Zones;

/// <summary>RFC 1035 §5 master files as BIND and Knot users write them, and the errors for broken ones.</summary>
public class ZoneFileTests
{
    private const string BindStyle = """
        ; BIND style: $TTL, @, relative names, omitted owner and class, parentheses with comments.
        $TTL 1h
        $ORIGIN example.com.
        @   IN SOA  ns1 hostmaster (
                    2024010101 ; serial
                    7200       ; refresh
                    1800       ; retry
                    1209600    ; expire
                    300 )      ; minimum
            IN NS   ns1
            IN NS   ns2.example.net.
            IN MX   10 mail
        ns1        A     192.0.2.1
        mail  600  IN A  192.0.2.25
        www   IN   300   AAAA 2001:db8::1
        ftp        CNAME www
        """;

    private const string KnotStyle = """
        example.org.          3600 IN SOA ns.example.org. admin.example.org. 1 86400 7200 3600000 600
        example.org.          3600 IN NS  ns.example.org.
        ns.example.org.       3600 IN A   198.51.100.53
        example.org.          3600 IN TXT "v=spf1 -all" "second string"
        example.org.          3600 IN CAA 128 issue "ca.example.net; account=230123"
        _ldap._tcp.example.org. 3600 IN SRV 0 5 389 ldap.example.org.
        53.100.51.198.in-addr.example.org. 3600 IN PTR ns.example.org.
        ldap.example.org.     3600 IN A   198.51.100.7
        """;

    [Fact]
    public void A_bind_style_zone_loads_with_origin_defaults_and_relative_names()
    {
        Zone zone = Load(BindStyle, "example.com.");

        Assert.Equal(
            [
                "example.com. 3600 IN SOA ns1.example.com. hostmaster.example.com. 2024010101 7200 1800 1209600 300",
                "example.com. 3600 IN NS ns1.example.com.",
                "example.com. 3600 IN NS ns2.example.net.",
                "example.com. 3600 IN MX 10 mail.example.com.",
                "ns1.example.com. 3600 IN A 192.0.2.1",
                "mail.example.com. 600 IN A 192.0.2.25",
                "www.example.com. 300 IN AAAA 2001:db8::1",
                "ftp.example.com. 3600 IN CNAME www.example.com.",
            ],
            zone.Records.Select(r => r.ToString()));
        Assert.Equal(300u, zone.NegativeTtl);
    }

    [Fact]
    public void A_knot_style_zone_with_absolute_names_txt_caa_srv_ptr_loads()
    {
        Zone zone = Load(KnotStyle, "example.org");

        Assert.Equal(8, zone.Records.Count);
        Assert.Contains("example.org. 3600 IN TXT \"v=spf1 -all\" \"second string\"", zone.Records.Select(r => r.ToString()));
        Assert.Contains("example.org. 3600 IN CAA 128 issue \"ca.example.net; account=230123\"", zone.Records.Select(r => r.ToString()));
        Assert.Contains("_ldap._tcp.example.org. 3600 IN SRV 0 5 389 ldap.example.org.", zone.Records.Select(r => r.ToString()));
        Assert.Contains("53.100.51.198.in-addr.example.org. 3600 IN PTR ns.example.org.", zone.Records.Select(r => r.ToString()));
        ZoneRecord caa = zone.Records.Single(r => r.Type == DnsType.CAA);
        Assert.Equal([128, 5, .. "issue"u8, .. "ca.example.net; account=230123"u8], caa.RData);
        Assert.Equal(600u, zone.NegativeTtl);
    }

    [Fact]
    public void Quoted_strings_keep_blanks_and_semicolons_and_resolve_escapes()
    {
        Zone zone = Load("""
            $TTL 60
            @ SOA ns h 1 2 3 4 5
            t TXT "a \"quoted\" word; not a comment" "\065\066C" plain\ word "back\\slash"
            """, "x.test.");

        byte[] rdata = zone.Records.Single(r => r.Type == DnsType.TXT).RData;
        Assert.Equal(
            [30, .. "a \"quoted\" word; not a comment"u8, 3, .. "ABC"u8, 10, .. "plain word"u8, 10, .. "back\\slash"u8],
            rdata);
    }

    [Fact]
    public void Escaped_dots_and_decimal_escapes_in_names_are_label_octets()
    {
        Zone zone = Load("""
            $TTL 60
            @ SOA ns h 1 2 3 4 5
            a\.b A 192.0.2.1
            c\032d A 192.0.2.2
            """, "x.test.");

        Assert.Equal([3, .. "a.b"u8, 1, (byte)'x', 4, .. "test"u8, 0], zone.Records[1].Owner);
        Assert.Equal([3, (byte)'c', 32, (byte)'d', 1, (byte)'x', 4, .. "test"u8, 0], zone.Records[2].Owner);
    }

    [Fact]
    public void Ttl_and_class_come_in_either_order_and_inherit_from_the_previous_record_without_ttl_directive()
    {
        Zone zone = Load("""
            @ 100 IN SOA ns h 1 2 3 4 5
            a IN 200 A 192.0.2.1
            b A 192.0.2.2
            c 1h30m A 192.0.2.3
            """, "x.test.");

        Assert.Equal([100u, 200u, 200u, 5400u], zone.Records.Select(r => r.Ttl));
    }

    [Fact]
    public void Unknown_types_use_the_rfc3597_generic_form()
    {
        Zone zone = Load("""
            $TTL 60
            @ SOA ns h 1 2 3 4 5
            a TYPE65280 \# 4 0A0B0C0D
            b A \# 4 C0000201
            """, "x.test.");

        Assert.Equal([0x0A, 0x0B, 0x0C, 0x0D], zone.Records[1].RData);
        Assert.Equal((DnsType)65280, zone.Records[1].Type);
        Assert.Equal("b.x.test. 60 IN A 192.0.2.1", zone.Records[2].ToString());
    }

    [Fact]
    public void Include_reads_a_file_relative_to_the_including_one_with_its_own_origin()
    {
        string directory = Directory.CreateTempSubdirectory("codecs-zone-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "hosts.inc"), "www A 192.0.2.80\nmail A 192.0.2.25\n");
            File.WriteAllText(Path.Combine(directory, "example.com.zone"), """
                $ORIGIN example.com.
                $TTL 300
                @ SOA ns h 1 2 3 4 5
                $INCLUDE hosts.inc lab.example.com.
                after A 192.0.2.9
                """);

            ZoneLoadResult result = ZoneFile.Load(Path.Combine(directory, "example.com.zone"));

            Assert.True(result.IsLoaded, result.Error?.ToString());
            Assert.Equal(
                ["www.lab.example.com.", "mail.lab.example.com.", "after.example.com."],
                result.Zone!.Records.Skip(1).Select(r => Zone.Format(r.Owner)));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_origin_comes_from_the_file_name_when_there_is_no_origin_directive()
    {
        string directory = Directory.CreateTempSubdirectory("codecs-zone-").FullName;
        try
        {
            string path = Path.Combine(directory, "named.test.zone");
            File.WriteAllText(path, "$TTL 60\n@ SOA ns h 1 2 3 4 5\nwww A 192.0.2.1\n");

            ZoneLoadResult result = ZoneFile.Load(path);

            Assert.Equal("named.test.", result.Zone!.OriginText);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("$TTL 60\n@ SOA ns h 1 2 3 4 5\nwww A 192.0.2.300\n", 3, "bad IPv4 address '192.0.2.300'")]
    [InlineData("$TTL 60\n@ SOA ns h 1 2 3 4 5\nwww BOGUS 1\n", 3, "unknown type 'BOGUS'")]
    [InlineData("$TTL 60\n@ SOA ns h 1 2 3 4 5\n\nwww MX mail\n", 4, "MX (preference, exchange) needs 2 fields, found 1")]
    [InlineData("$TTL 60\n@ SOA ns h (1 2 3\n 4 5\n", 2, "'(' without a matching ')'")]
    [InlineData("$TTL 60\n@ SOA ns h 1 2 3 4 5\nt TXT \"open\n", 3, "unterminated quoted string")]
    [InlineData("$TTL 60\n@ SOA ns h 1 2 3 4 5\nwww CNAME a\nwww A 192.0.2.1\n", 4, "www.x.test. has a CNAME and other data (RFC 1034 §3.6.2)")]
    [InlineData("$TTL 60\n@ SOA ns h 1 2 3 4 5\nwww.other. A 192.0.2.1\n", 3, "www.other. is outside the zone x.test.")]
    [InlineData("$TTL 60\nwww A 192.0.2.1\n", 1, "no SOA record at the origin x.test.")]
    [InlineData("$TTL 1x\n", 1, "bad TTL '1x'")]
    [InlineData("$GENERATE 1-2 a$ A 192.0.2.$\n", 1, "unknown directive $GENERATE")]
    [InlineData("www A 192.0.2.1\n@ SOA ns h 1 2 3 4 5\n", 1, "no TTL: give one, or a $TTL before this record")]
    [InlineData("$TTL 60\n@ SOA ns h 1 2 3 4 5\n@ SOA ns h 1 2 3 4 5\n", 3, "a second SOA record")]
    [InlineData("$TTL 60\n@ SOA ns h 1 2 3 4 5\nt TXT \"\\300\"\n", 3, "bad escape in '\\300': \\300 is over 255")]
    [InlineData("$TTL 60\n@ SOA ns h 1 2 3 4 5\nbad..name A 192.0.2.1\n", 3, "bad domain name 'bad..name': EmptyLabel")]
    public void A_bad_zone_is_rejected_with_file_line_and_reason(string text, int line, string reason)
    {
        ZoneLoadResult result = ZoneFile.Parse(text, "bad.zone", "x.test.");

        Assert.False(result.IsLoaded);
        Assert.Equal(new ZoneFileError("bad.zone", line, reason), result.Error);
        Assert.Equal($"bad.zone:{line}: {reason}", result.Error.ToString());
    }

    [Fact]
    public void A_missing_include_names_the_including_line()
    {
        ZoneLoadResult result = ZoneFile.Parse("$TTL 60\n@ SOA ns h 1 2 3 4 5\n$INCLUDE /nonexistent/codecs.inc\n", "main.zone", "x.test.", File.ReadAllText);

        Assert.Equal("main.zone", result.Error!.Value.File);
        Assert.Equal(3, result.Error.Value.Line);
        Assert.StartsWith("$INCLUDE /nonexistent/codecs.inc: ", result.Error.Value.Reason);
    }

    [Fact]
    public void The_embedded_sample_zone_loads()
    {
        Zone zone = ZoneFile.Sample();

        Assert.Equal("example.test.", zone.OriginText);
        Assert.Contains(zone.Records, r => r.Type == DnsType.SRV);
    }

    private static Zone Load(string text, string origin)
    {
        ZoneLoadResult result = ZoneFile.Parse(text, "test.zone", origin);
        Assert.True(result.IsLoaded, result.Error?.ToString());
        return result.Zone!;
    }
}
