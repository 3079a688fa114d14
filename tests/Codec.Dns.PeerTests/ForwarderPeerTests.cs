using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Codec.Dns.Server;

namespace Codec.Dns.PeerTests;

/// <summary>Our server forwarding to knotd over real sockets, with a silent first upstream.</summary>
[Collection(PeerCollection.Name)]
public class ForwarderPeerTests(PeerServers servers)
{
    [Fact]
    public async Task With_a_silent_first_upstream_dig_gets_knotds_answer_within_timeout_plus_a_round_trip()
    {
        // A bound socket that never answers: the worst kind of dead upstream (no ICMP to give it away).
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        TimeSpan timeout = TimeSpan.FromMilliseconds(400);
        int port = PeerTools.FreePort();
        var options = new DnsServerOptions { ForwardTimeout = timeout, CounterLogInterval = TimeSpan.Zero, ReceiveLoops = 1 };
        options.Listen.Add(new IPEndPoint(IPAddress.Loopback, port));
        options.Forwarders.Add((IPEndPoint)silent.LocalEndPoint!);
        options.Forwarders.Add(new IPEndPoint(IPAddress.Loopback, servers.KnotPort));
        await using var forwarder = new DnsServer(options);
        await forwarder.StartAsync();

        var clock = Stopwatch.StartNew();
        DigResult first = await PeerServers.DigAsync(port, "alias.peer.example", "A", "+tries=1", "+time=5");
        clock.Stop();
        DigResult direct = await PeerServers.DigAsync(servers.KnotPort, "alias.peer.example", "A");
        DigResult cached = await PeerServers.DigAsync(port, "ALIAS.peer.example", "A");

        Assert.Equal("NOERROR", first.Status);
        Assert.Equal(direct.Answer, first.Answer);
        Assert.Equal("qr ra rd", first.Flags);
        Assert.True(clock.Elapsed < timeout + TimeSpan.FromMilliseconds(900), $"took {clock.Elapsed} (dig's own start-up included)");
        Assert.Equal("ALIAS.peer.example. IN A", cached.Question);
        Assert.Equal(3, cached.Answer.Count);
        Assert.Equal(1, forwarder.Counters.CacheHits);
        Assert.Equal(1, forwarder.Counters.UpstreamFailures);
    }

    [Fact]
    public async Task Negative_answers_and_truncated_ones_come_through_the_forwarder_as_from_knotd()
    {
        int port = PeerTools.FreePort();
        var options = new DnsServerOptions { CounterLogInterval = TimeSpan.Zero, ReceiveLoops = 1 };
        options.Listen.Add(new IPEndPoint(IPAddress.Loopback, port));
        options.Forwarders.Add(new IPEndPoint(IPAddress.Loopback, servers.KnotPort));
        await using var forwarder = new DnsServer(options);
        await forwarder.StartAsync();

        DigResult nx = await PeerServers.DigAsync(port, "nope.peer.example", "A");
        DigResult big = await PeerServers.DigAsync(port, "big.peer.example", "TXT", "+noedns");
        DigResult bigAgain = await PeerServers.DigAsync(port, "big.peer.example", "TXT", "+noedns", "+ignore");

        Assert.Equal("NXDOMAIN", nx.Status);
        Assert.Equal((await PeerServers.DigAsync(servers.KnotPort, "nope.peer.example", "A")).Authority, nx.Authority);
        Assert.Equal(6, big.Answer.Count);
        Assert.Contains("tc", bigAgain.Flags.Split(' '));
    }
}
