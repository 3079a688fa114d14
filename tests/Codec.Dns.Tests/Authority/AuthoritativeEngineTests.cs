using Codec.Dns.Authority;
using Codec.Dns.Server;
using Codec.Dns.Tests.Server;
using Codec.Dns.Zones;
using Codec.Protocols.Dns;

namespace Codec.Dns.Tests.Authority;

/// <summary>Authoritative answers (RFC 1034 §4.3.2, RFC 2308, RFC 4592, RFC 8020) through the responder.</summary>
public class AuthoritativeEngineTests
{
    private const string Soa = "example.com. 300 SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 300";

    private readonly DnsResponder _responder = new(new ZoneSet([DnsResponderTests.ExampleZone()]));

    [Fact]
    public void An_existing_name_and_type_is_answered_authoritatively()
    {
        DnsReply reply = Ask("www.example.com", DnsType.AAAA);

        Assert.Equal(DnsResponseCode.NoError, reply.Code);
        Assert.True(reply.Aa);
        Assert.Equal(["www.example.com. 3600 AAAA 2001:db8::80"], reply.Answer);
        Assert.Empty(reply.Authority);
    }

    [Fact]
    public void The_answer_owner_keeps_the_query_case()
    {
        byte[] response = new byte[512];
        int length = _responder.Respond(DnsWireHelpers.Query("WWW.example.COM", DnsType.A), response, overTcp: false);

        // The owner is a pointer to the question, so it reads as the requestor spelled it.
        Assert.True(DnsName.TryRead(response.AsSpan(0, length), 12 + 17 + 4, out DnsName owner, out _));
        Assert.Equal("WWW.example.COM.", owner.ToString());
    }

    [Fact]
    public void A_cname_chain_is_followed_inside_the_zone()
    {
        DnsReply reply = Ask("alias.example.com", DnsType.A);

        Assert.Equal(
            [
                "alias.example.com. 3600 CNAME web.example.com.",
                "web.example.com. 3600 CNAME www.example.com.",
                "www.example.com. 3600 A 192.0.2.80",
            ],
            reply.Answer);
        Assert.True(reply.Aa);
    }

    [Fact]
    public void A_cname_out_of_the_zone_is_answered_alone()
    {
        DnsReply reply = Ask("out.example.com", DnsType.A);

        Assert.Equal(DnsResponseCode.NoError, reply.Code);
        Assert.Equal(["out.example.com. 3600 CNAME www.example.net."], reply.Answer);
    }

    [Fact]
    public void A_cname_to_a_missing_name_is_nxdomain_with_the_cname_and_the_soa()
    {
        DnsReply reply = Ask("dangling.example.com", DnsType.A);

        Assert.Equal(DnsResponseCode.NXDomain, reply.Code);
        Assert.Equal(["dangling.example.com. 3600 CNAME missing.example.com."], reply.Answer);
        Assert.Equal([Soa], reply.Authority);
    }

    [Fact]
    public void A_cname_loop_ends()
    {
        DnsReply reply = Ask("loop1.example.com", DnsType.A);

        Assert.Equal(DnsResponseCode.NoError, reply.Code);
        Assert.InRange(reply.Answer.Count, 2, AuthoritativeEngine.MaxCnameHops + 1);
    }

    [Fact]
    public void A_query_for_the_cname_itself_is_not_followed()
    {
        Assert.Equal(["web.example.com. 3600 CNAME www.example.com."], Ask("web.example.com", DnsType.CNAME).Answer);
    }

    [Fact]
    public void A_missing_name_is_nxdomain_with_the_soa_at_the_negative_ttl()
    {
        DnsReply reply = Ask("nope.example.com", DnsType.A);

        Assert.Equal(DnsResponseCode.NXDomain, reply.Code);
        Assert.True(reply.Aa);
        Assert.Empty(reply.Answer);
        Assert.Equal([Soa], reply.Authority);
    }

    [Fact]
    public void The_negative_ttl_is_the_soa_ttl_when_that_is_below_the_minimum()
    {
        Zone zone = ZoneFile.Parse("@ 60 SOA ns h 1 2 3 4 900\n", "z", "short.test.").Zone!;
        var responder = new DnsResponder(new ZoneSet([zone]));

        DnsReply reply = DnsResponderTests.Ask(responder, DnsWireHelpers.Query("x.short.test", DnsType.A));

        Assert.Equal("short.test. 60 SOA ns.short.test. h.short.test. 1 2 3 4 900", Assert.Single(reply.Authority));
    }

    [Fact]
    public void An_existing_name_without_the_type_is_nodata()
    {
        DnsReply reply = Ask("www.example.com", DnsType.MX);

        Assert.Equal(DnsResponseCode.NoError, reply.Code);
        Assert.Empty(reply.Answer);
        Assert.Equal([Soa], reply.Authority);
    }

    [Theory]
    [InlineData("ent.example.com")]
    [InlineData("b.ent.example.com")]
    public void An_empty_non_terminal_is_nodata_not_nxdomain(string name)
    {
        DnsReply reply = Ask(name, DnsType.A);

        Assert.Equal(DnsResponseCode.NoError, reply.Code);
        Assert.Equal([Soa], reply.Authority);
    }

    [Fact]
    public void A_wildcard_synthesizes_records_owned_by_the_query_name()
    {
        DnsReply reply = Ask("anything.apps.example.com", DnsType.A);

        Assert.Equal(DnsResponseCode.NoError, reply.Code);
        Assert.True(reply.Aa);
        Assert.Equal(["anything.apps.example.com. 3600 A 192.0.2.100"], reply.Answer);
    }

    [Fact]
    public void A_wildcard_matches_several_labels_below_the_closest_encloser()
    {
        Assert.Equal(["x.y.apps.example.com. 3600 A 192.0.2.100"], Ask("x.y.apps.example.com", DnsType.A).Answer);
    }

    [Fact]
    public void A_wildcard_without_the_type_is_nodata()
    {
        DnsReply reply = Ask("anything.apps.example.com", DnsType.MX);

        Assert.Equal(DnsResponseCode.NoError, reply.Code);
        Assert.Empty(reply.Answer);
        Assert.Equal([Soa], reply.Authority);
    }

    [Fact]
    public void A_wildcard_does_not_cover_existing_names_or_names_below_them()
    {
        Assert.Equal(["exists.apps.example.com. 3600 A 192.0.2.101"], Ask("exists.apps.example.com", DnsType.A).Answer);
        Assert.Empty(Ask("exists.apps.example.com", DnsType.TXT).Answer);
        Assert.Equal(DnsResponseCode.NXDomain, Ask("below.exists.apps.example.com", DnsType.A).Code);
    }

    [Fact]
    public void A_name_at_or_below_a_zone_cut_gets_a_referral_with_glue()
    {
        foreach (string name in (string[])["host.sub.example.com", "sub.example.com"])
        {
            DnsReply reply = Ask(name, DnsType.A);

            Assert.Equal(DnsResponseCode.NoError, reply.Code);
            Assert.False(reply.Aa);
            Assert.Empty(reply.Answer);
            Assert.Equal(["sub.example.com. 3600 NS ns.sub.example.com.", "sub.example.com. 3600 NS ns.elsewhere.net."], reply.Authority);
            Assert.Equal(["ns.sub.example.com. 3600 A 192.0.2.54"], reply.Additional);
        }
    }

    [Fact]
    public void Names_outside_every_zone_are_refused_without_a_forwarder()
    {
        DnsReply reply = Ask("www.example.org", DnsType.A);

        Assert.Equal(DnsResponseCode.Refused, reply.Code);
        Assert.False(reply.Aa);
        Assert.Empty(reply.Answer);
    }

    [Fact]
    public void Mx_answers_carry_the_exchange_addresses_as_additional_data()
    {
        Zone zone = ZoneFile.Parse("$TTL 60\n@ SOA ns h 1 2 3 4 5\n@ MX 10 mail\nmail A 192.0.2.25\n", "z", "m.test.").Zone!;
        var responder = new DnsResponder(new ZoneSet([zone]));

        DnsReply reply = DnsResponderTests.Ask(responder, DnsWireHelpers.Query("m.test", DnsType.MX));

        Assert.Equal(["m.test. 60 MX 10 mail.m.test."], reply.Answer);
        Assert.Equal(["mail.m.test. 60 A 192.0.2.25"], reply.Additional);
    }

    [Fact]
    public void The_deepest_zone_answers_when_zones_nest()
    {
        Zone parent = DnsResponderTests.ExampleZone();
        Zone child = ZoneFile.Parse("$TTL 60\n@ SOA ns h 1 2 3 4 5\nhost A 192.0.2.200\n", "z", "sub.example.com.").Zone!;
        var responder = new DnsResponder(new ZoneSet([parent, child]));

        DnsReply reply = DnsResponderTests.Ask(responder, DnsWireHelpers.Query("host.sub.example.com", DnsType.A));

        Assert.True(reply.Aa);
        Assert.Equal(["host.sub.example.com. 60 A 192.0.2.200"], reply.Answer);
    }

    [Fact]
    public void Names_are_compressed_in_the_response()
    {
        byte[] response = new byte[512];
        int length = _responder.Respond(DnsWireHelpers.Query("alias.example.com", DnsType.A), response, overTcp: false);

        // Header 12, question 19 + 4, then three records whose names are pointers or short labels + pointers.
        Assert.True(length < 12 + 23 + (3 * 30), $"{length} bytes: names are not compressed");
    }

    private DnsReply Ask(string name, DnsType type) => DnsResponderTests.Ask(_responder, DnsWireHelpers.Query(name, type));
}
