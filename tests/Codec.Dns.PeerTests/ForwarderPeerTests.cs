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

        // Timed with a socket of our own: a dig process's start-up is no part of the server's latency.
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        byte[] query = [0x42, 0x42, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 5, .. "alias"u8, 4, .. "peer"u8, 7, .. "example"u8, 0, 0, 1, 0, 1];
        byte[] buffer = new byte[4096];
        var clock = Stopwatch.StartNew();
        await client.SendToAsync(query, new IPEndPoint(IPAddress.Loopback, port));
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        int length = await client.ReceiveAsync(buffer, wait.Token);
        clock.Stop();
        DigResult direct = await PeerServers.DigAsync(servers.KnotPort, "alias.peer.example", "A");
        DigResult cached = await PeerServers.DigAsync(port, "ALIAS.peer.example", "A");

        Assert.True(length > 12 && buffer[0] == 0x42 && (buffer[3] & 0xF) == 0 && buffer[7] == 3, "not the answer");
        Assert.True(clock.Elapsed < timeout + TimeSpan.FromMilliseconds(500), $"took {clock.Elapsed}");
        Assert.Equal(direct.Answer, cached.Answer);
        Assert.Equal("qr ra rd", cached.Flags);
        Assert.Equal("ALIAS.peer.example. IN A", cached.Question);
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

    [Fact]
    public async Task An_answer_too_big_for_udp_upstream_is_fetched_over_tcp_and_served_whole_over_tcp()
    {
        int port = PeerTools.FreePort();
        var options = new DnsServerOptions { CounterLogInterval = TimeSpan.Zero, ReceiveLoops = 1 };
        options.Listen.Add(new IPEndPoint(IPAddress.Loopback, port));
        options.Forwarders.Add(new IPEndPoint(IPAddress.Loopback, servers.KnotPort));
        await using var forwarder = new DnsServer(options);
        await forwarder.StartAsync();

        DigResult direct = await PeerServers.DigAsync(servers.KnotPort, "huge.peer.example", "TXT", "+ignore");
        DigResult viaUs = await PeerServers.DigAsync(port, "huge.peer.example", "TXT");

        Assert.Contains("tc", direct.Flags.Split(' '));
        Assert.Contains(";; Truncated, retrying in TCP mode.", viaUs.Raw);
        Assert.Equal(16, viaUs.Answer.Count);
        Assert.Equal(0, forwarder.Counters.UpstreamFailures);
    }
}
