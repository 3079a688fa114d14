namespace Codec.Dns.PeerTests;

/// <summary>
/// dig asks knotd and our server the same questions about the same zone file; status, flags, question (with its case),
/// answer and authority must be the same.
/// </summary>
[Collection(PeerCollection.Name)]
public class AuthoritativeComparisonTests(PeerServers servers)
{
    [Theory]
    [InlineData("www.peer.example", "A")]                    // AA and an answer
    [InlineData("WwW.PeEr.ExAmPlE", "AAAA")]                  // query case preserved
    [InlineData("mail.peer.example", "A")]                   // from the $INCLUDEd file
    [InlineData("peer.example", "SOA")]
    [InlineData("peer.example", "NS")]
    [InlineData("peer.example", "MX")]
    [InlineData("peer.example", "TXT")]                      // quoted strings with escapes
    [InlineData("peer.example", "CAA")]
    [InlineData("_sip._udp.peer.example", "SRV")]
    [InlineData("ptr.peer.example", "PTR")]
    [InlineData("short.peer.example", "A")]
    [InlineData("alias.peer.example", "A")]                  // CNAME chain inside the zone
    [InlineData("web.peer.example", "CNAME")]                // the CNAME itself
    [InlineData("out.peer.example", "A")]                    // CNAME out of the zone
    [InlineData("dangling.peer.example", "A")]               // CNAME to a missing name: NXDOMAIN
    [InlineData("nope.peer.example", "A")]                   // NXDOMAIN with SOA, negative TTL
    [InlineData("www.peer.example", "MX")]                   // NODATA
    [InlineData("ent.peer.example", "A")]                    // empty non-terminal
    [InlineData("b.ent.peer.example", "TXT")]
    [InlineData("anything.apps.peer.example", "A")]          // wildcard
    [InlineData("x.y.apps.peer.example", "TXT")]
    [InlineData("anything.apps.peer.example", "MX")]         // wildcard NODATA
    [InlineData("exists.apps.peer.example", "TXT")]          // the wildcard does not cover existing names
    [InlineData("below.exists.apps.peer.example", "A")]
    [InlineData("host.sub.peer.example", "A")]               // referral
    [InlineData("sub.peer.example", "NS")]
    [InlineData("www.example.org", "A")]                     // not ours: REFUSED
    public async Task Answers_match_knotd(string name, string type)
    {
        await CompareAsync(name, type);
    }

    [Theory]
    [InlineData("+noedns")]
    [InlineData("+bufsize=512")]
    [InlineData("+bufsize=4096")]
    [InlineData("+norecurse")]
    [InlineData("+edns=1", "+noednsneg")]                    // BADVERS
    [InlineData("+opcode=2")]                                // STATUS: NOTIMP
    [InlineData("+opcode=3")]                                // unassigned: NOTIMP
    [InlineData("-c", "CH")]                                 // another class: REFUSED
    public async Task Header_and_edns_handling_match_knotd(params string[] extra)
    {
        await CompareAsync("www.peer.example", "A", extra);
    }

    [Fact]
    public async Task Truncation_without_edns_matches_knotd()
    {
        DigResult knot = await PeerServers.DigAsync(servers.KnotPort, "big.peer.example", "TXT", "+noedns", "+ignore");
        DigResult ours = await PeerServers.DigAsync(servers.OurPort, "big.peer.example", "TXT", "+noedns", "+ignore");

        Assert.Contains("tc", ours.Flags.Split(' '));
        Assert.Equal(knot.Status, ours.Status);
        Assert.Equal(knot.Flags, ours.Flags);
    }

    [Fact]
    public async Task Referral_glue_matches_knotd()
    {
        DigResult knot = await PeerServers.DigAsync(servers.KnotPort, "host.sub.peer.example", "A");
        DigResult ours = await PeerServers.DigAsync(servers.OurPort, "host.sub.peer.example", "A");

        Assert.Contains("ns.sub.peer.example. 3600 in a 192.0.2.54", ours.Additional);
        Assert.Equal(knot.Additional.Where(l => !l.Contains(" opt ", StringComparison.Ordinal)), ours.Additional);
    }

    [Fact]
    public async Task The_comparison_sees_a_difference_in_any_compared_part()
    {
        DigResult knot = await PeerServers.DigAsync(servers.KnotPort, "www.peer.example", "A");

        Assert.Equal(["www.peer.example. 3600 in a 192.0.2.80"], knot.Answer);
        Assert.Equal("aa qr rd", knot.Flags);
        Assert.NotEqual(knot.Comparable, (await PeerServers.DigAsync(servers.OurPort, "WWW.peer.example", "A")).Comparable);
        Assert.NotEqual(knot.Comparable, (await PeerServers.DigAsync(servers.OurPort, "www.peer.example", "A", "+norecurse")).Comparable);
        Assert.NotEqual(knot.Comparable, (await PeerServers.DigAsync(servers.OurPort, "www.peer.example", "AAAA")).Comparable);
        Assert.NotEqual(knot.Comparable, (await PeerServers.DigAsync(servers.OurPort, "nope.peer.example", "A")).Comparable);
    }

    private async Task CompareAsync(string name, string type, params string[] extra)
    {
        DigResult knot = await PeerServers.DigAsync(servers.KnotPort, name, type, extra);
        DigResult ours = await PeerServers.DigAsync(servers.OurPort, name, type, extra);

        Assert.NotEqual("(none)", knot.Status);
        Assert.NotEqual("(none)", knot.Flags);
        Assert.NotEmpty(knot.Question);
        Assert.True(knot.Comparable == ours.Comparable, $"knotd:\n{knot.Raw}\nours:\n{ours.Raw}");
    }
}
