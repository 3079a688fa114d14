using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Codec.Dns.Authority;
using Codec.Dns.Forwarding;
using Codec.Dns.Server;
using Codec.Dns.Tests.Server;
using Codec.Dns.Zones;
using Codec.Protocols.Dns;
using Codec.Transport.Datagrams;

namespace Codec.Dns.Tests.Forwarding;

/// <summary>The caching forwarder against upstreams on the in-memory network: failover, health, cache, coalescing, matching.</summary>
public sealed class DnsForwarderTests : IAsyncDisposable
{
    private static readonly IPEndPoint First = new(IPAddress.Parse("10.0.0.1"), 53);
    private static readonly IPEndPoint Second = new(IPAddress.Parse("10.0.0.2"), 53);
    private static readonly IPEndPoint Server = new(IPAddress.Parse("127.0.0.1"), 53);

    private readonly InMemoryDatagramNetwork _network = new();
    private readonly List<IAsyncDisposable> _disposables = [];

    public async ValueTask DisposeAsync()
    {
        foreach (IAsyncDisposable disposable in _disposables)
        {
            await disposable.DisposeAsync();
        }
    }

    [Fact]
    public async Task With_the_first_upstream_silent_the_answer_comes_from_the_second_within_timeout_plus_a_round_trip()
    {
        FakeUpstream silent = Upstream(First, answer: false);
        FakeUpstream working = Upstream(Second);
        TimeSpan timeout = TimeSpan.FromMilliseconds(300);
        DnsServer server = await StartServerAsync(timeout, First, Second);
        using var client = new DatagramClient(factory: _network);

        var clock = Stopwatch.StartNew();
        DnsReply reply = await DnsServerTests.AskUdpAsync(client, DnsWireHelpers.Query("www.example.net", DnsType.A, udpPayload: 1232), Server);
        clock.Stop();

        Assert.Equal(["www.example.net. 300 A 198.51.100.80"], reply.Answer);
        Assert.True(reply.Ra);
        Assert.False(reply.Aa);
        Assert.Equal(1, silent.Queries);
        Assert.Equal(1, working.Queries);
        Assert.True(clock.Elapsed < timeout + TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        Assert.Equal(1, server.Counters.UpstreamFailures);
    }

    [Fact]
    public async Task An_upstream_that_keeps_failing_is_marked_down_skipped_and_probed_back()
    {
        FakeUpstream flaky = Upstream(First, answer: false);
        FakeUpstream working = Upstream(Second);
        DnsForwarder forwarder = Forwarder(TimeSpan.FromMilliseconds(100), probeInterval: TimeSpan.FromMilliseconds(500), First, Second);

        for (int i = 0; i < 3; i++)
        {
            Assert.NotNull(await forwarder.ResolveAsync(ForwardQuestion.Create($"n{i}.example.net", DnsType.A)));
        }

        Assert.True(forwarder.Upstreams[0].IsDown);
        Assert.NotNull(await forwarder.ResolveAsync(ForwardQuestion.Create("n3.example.net", DnsType.A)));
        Assert.Equal(3, flaky.Queries);

        // After the probe interval one query tries the first again; it answers now, so it is up again.
        flaky.Answer = true;
        await Task.Delay(600);
        Assert.NotNull(await forwarder.ResolveAsync(ForwardQuestion.Create("n4.example.net", DnsType.A)));
        Assert.Equal(4, flaky.Queries);
        Assert.False(forwarder.Upstreams[0].IsDown);
        Assert.Equal(4, working.Queries);
    }

    [Fact]
    public async Task When_every_upstream_fails_the_client_gets_servfail()
    {
        Upstream(First, answer: false);
        await StartServerAsync(TimeSpan.FromMilliseconds(100), First);
        using var client = new DatagramClient(factory: _network);

        DnsReply reply = await DnsServerTests.AskUdpAsync(client, DnsWireHelpers.Query("www.example.net", DnsType.A), Server);

        Assert.Equal(DnsResponseCode.ServFail, reply.Code);
    }

    [Fact]
    public async Task A_second_identical_question_is_answered_from_the_cache_in_the_clients_spelling()
    {
        FakeUpstream upstream = Upstream(First);
        DnsServer server = await StartServerAsync(TimeSpan.FromSeconds(1), First);
        using var client = new DatagramClient(factory: _network);

        await DnsServerTests.AskUdpAsync(client, DnsWireHelpers.Query("www.example.net", DnsType.A, id: 1), Server);
        DnsReply cached = await DnsServerTests.AskUdpAsync(client, DnsWireHelpers.Query("WWW.Example.NET", DnsType.A, id: 2, udpPayload: 1232), Server);

        Assert.Equal(1, upstream.Queries);
        Assert.Equal(2, cached.Id);
        Assert.Equal("WWW.Example.NET. A", cached.Question);
        Assert.Equal(["www.example.net. 300 A 198.51.100.80"], cached.Answer);
        Assert.True(cached.HasOpt);
        Assert.Equal(1, server.Counters.CacheHits);
        Assert.Equal(1, server.Counters.CacheMisses);
    }

    [Fact]
    public async Task Negative_answers_are_cached_for_the_soa_derived_ttl()
    {
        FakeUpstream upstream = Upstream(First);
        DnsForwarder forwarder = Forwarder(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), First);

        CachedAnswer? answer = await forwarder.ResolveAsync(ForwardQuestion.Create("missing.example.net", DnsType.A));
        await forwarder.ResolveAsync(ForwardQuestion.Create("missing.example.net", DnsType.A));

        Assert.Equal(DnsResponseCode.NXDomain, answer!.Rcode);
        Assert.Equal(60u, answer.Ttl); // min(SOA TTL 600, MINIMUM 60)
        Assert.Equal(1, upstream.Queries);
    }

    [Fact]
    public void Ttls_are_lowered_by_the_time_spent_in_the_cache_and_the_entry_expires()
    {
        byte[] upstreamResponse = UpstreamResponder.Answer(DnsWireHelpers.Query("www.example.net", DnsType.A, id: 9));
        ForwardQuestion question = ForwardQuestion.Create("www.example.net", DnsType.A);
        CachedAnswer answer = CachedAnswer.FromResponse(upstreamResponse, 9, question, now: 1_000)!;
        byte[] client = DnsWireHelpers.Query("www.example.net", DnsType.A, id: 5);
        byte[] response = new byte[512];

        int length = answer.WriteTo(response, 512, 5, new ClientFlags(true, false, false, 512, false), client, now: 1_000 + 42_500, out bool truncated);

        Assert.False(truncated);
        Assert.Equal(["www.example.net. 258 A 198.51.100.80"], DnsWireHelpers.Read(response.AsSpan(0, length)).Answer);
        Assert.False(answer.IsExpired(1_000 + 299_999));
        Assert.True(answer.IsExpired(1_000 + 300_000));
    }

    [Fact]
    public void A_cached_answer_too_big_for_the_client_is_sent_truncated()
    {
        byte[] upstreamResponse = UpstreamResponder.Answer(DnsWireHelpers.Query("big.example.net", DnsType.TXT, id: 9, udpPayload: 1232));
        CachedAnswer answer = CachedAnswer.FromResponse(upstreamResponse, 9, ForwardQuestion.Create("big.example.net", DnsType.TXT), now: 0)!;
        byte[] response = new byte[512];

        int length = answer.WriteTo(response, 512, 5, new ClientFlags(true, false, false, 512, false), DnsWireHelpers.Query("big.example.net", DnsType.TXT, id: 5), now: 0, out bool truncated);

        DnsReply reply = DnsWireHelpers.Read(response.AsSpan(0, length));
        Assert.True(truncated);
        Assert.True(reply.Tc);
        Assert.Empty(reply.Answer);
        Assert.Equal("big.example.net. TXT", reply.Question);
    }

    [Fact]
    public void The_cache_evicts_the_least_recently_used()
    {
        var cache = new DnsCache(2);
        CachedAnswer Entry(string name) => CachedAnswer.FromResponse(UpstreamResponder.Answer(DnsWireHelpers.Query(name, DnsType.A, id: 1)), 1, ForwardQuestion.Create(name, DnsType.A), now: 0)!;
        cache.Set("a", Entry("www.example.net"));
        cache.Set("b", Entry("www.example.net"));
        Assert.True(cache.TryGet("a", 0, out _));

        cache.Set("c", Entry("www.example.net"));

        Assert.True(cache.TryGet("a", 0, out _));
        Assert.False(cache.TryGet("b", 0, out _));
        Assert.True(cache.TryGet("c", 0, out _));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public async Task Identical_questions_in_flight_share_one_upstream_query()
    {
        FakeUpstream upstream = Upstream(First, delay: TimeSpan.FromMilliseconds(300));
        DnsForwarder forwarder = Forwarder(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), First);

        CachedAnswer?[] answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => forwarder.ResolveAsync(ForwardQuestion.Create("www.example.net", DnsType.A)).AsTask()));

        Assert.All(answers, Assert.NotNull);
        Assert.Equal(1, upstream.Queries);
        Assert.Equal(9, forwarder.Counters.Coalesced);
    }

    [Fact]
    public async Task Answers_with_the_wrong_id_question_or_source_are_dropped()
    {
        using IDatagramSocket rogue = _network.Bind(First, 1)[0];
        using IDatagramSocket impostor = _network.Bind(new IPEndPoint(IPAddress.Parse("10.0.0.66"), 53), 1)[0];
        DnsForwarder forwarder = Forwarder(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), First);
        _ = Task.Run(async () =>
        {
            byte[] buffer = new byte[512];
            var from = new SocketAddress(AddressFamily.InterNetwork);
            int length = await rogue.ReceiveFromAsync(buffer, from);
            byte[] right = UpstreamResponder.Answer(buffer[..length]);
            byte[] wrongId = (byte[])right.Clone();
            wrongId[1] ^= 0xFF;
            byte[] wrongQuestion = UpstreamResponder.Answer([.. buffer[..2], .. DnsWireHelpers.Query("mail.example.net", DnsType.A)[2..]]);
            await rogue.SendToAsync(wrongId, from);
            await rogue.SendToAsync(wrongQuestion, from);
            await impostor.SendToAsync(right, from);
            await Task.Delay(50);
            await rogue.SendToAsync(right, from);
        });

        CachedAnswer? answer = await forwarder.ResolveAsync(ForwardQuestion.Create("www.example.net", DnsType.A));

        Assert.NotNull(answer);
        Assert.Equal(3, forwarder.Counters.UpstreamMismatches);
    }

    [Fact]
    public async Task Upstream_queries_carry_random_ids_from_several_ports()
    {
        FakeUpstream upstream = Upstream(First);
        DnsForwarder forwarder = Forwarder(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), First);

        for (int i = 0; i < 64; i++)
        {
            await forwarder.ResolveAsync(ForwardQuestion.Create($"r{i}.example.net", DnsType.A));
        }

        ushort[] ids = [.. upstream.Ids];
        Assert.True(ids.Distinct().Count() >= 60, "IDs repeat");
        Assert.False(ids.Zip(ids.Skip(1)).All(p => p.Second == (ushort)(p.First + 1)), "IDs are sequential");
        Assert.Equal(64, upstream.Ports.Distinct().Count()); // a port of its own for every query
    }

    [Fact]
    public async Task Shared_sockets_spread_queries_over_their_ports_when_port_per_query_is_off()
    {
        FakeUpstream upstream = Upstream(First);
        var forwarder = new DnsForwarder(new ForwarderOptions
        {
            Upstreams = [First], Timeout = TimeSpan.FromSeconds(2), PortPerQuery = false, Sockets = 4, SocketFactory = _network, RetryTruncatedOverTcp = false,
        });
        _disposables.Add(forwarder);
        for (int i = 0; i < 64; i++)
        {
            await forwarder.ResolveAsync(ForwardQuestion.Create($"s{i}.example.net", DnsType.A));
        }

        int ports = upstream.Ports.Distinct().Count();
        Assert.InRange(ports, 2, 4);
    }

    private FakeUpstream Upstream(IPEndPoint endPoint, bool answer = true, TimeSpan delay = default)
    {
        var upstream = new FakeUpstream(answer, delay);
        var listener = new DatagramListener(new DatagramListenerOptions { EndPoints = [endPoint], ReceiveLoops = 1, SocketFactory = _network }, upstream);
        listener.Start();
        _disposables.Add(listener);
        return upstream;
    }

    private DnsForwarder Forwarder(TimeSpan timeout, TimeSpan probeInterval, params IPEndPoint[] upstreams)
    {
        var forwarder = new DnsForwarder(new ForwarderOptions
        {
            Upstreams = upstreams,
            Timeout = timeout,
            ProbeInterval = probeInterval,
            SocketFactory = _network,
            RetryTruncatedOverTcp = false,
        });
        _disposables.Add(forwarder);
        return forwarder;
    }

    private async Task<DnsServer> StartServerAsync(TimeSpan timeout, params IPEndPoint[] upstreams)
    {
        var options = new DnsServerOptions { DatagramSockets = _network, Tcp = false, ReceiveLoops = 1, ForwardTimeout = timeout };
        options.Listen.Add(Server);
        foreach (IPEndPoint upstream in upstreams)
        {
            options.Forwarders.Add(upstream);
        }

        var server = new DnsServer(options);
        await server.StartAsync();
        _disposables.Add(server);
        return server;
    }

    /// <summary>An upstream that answers from a small authoritative zone (or stays silent), counting what it gets.</summary>
    private sealed class FakeUpstream(bool answer, TimeSpan delay) : IAsyncDatagramHandler
    {
        private int _queries;

        public bool Answer { get; set; } = answer;

        public int Queries => Volatile.Read(ref _queries);

        public ConcurrentQueue<ushort> Ids { get; } = new();

        public ConcurrentQueue<int> Ports { get; } = new();

        public async ValueTask<bool> HandleAsync(DatagramContext context, ReadOnlyMemory<byte> request, IBufferWriter<byte> reply, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _queries);
            Ids.Enqueue(BinaryPrimitives.ReadUInt16BigEndian(request.Span));
            Ports.Enqueue(context.RemotePort);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
            }

            if (!Answer)
            {
                return false;
            }

            reply.Write(UpstreamResponder.Answer(request.Span));
            return true;
        }
    }
}

/// <summary>The upstream's answers: an authoritative server for example.net.</summary>
internal static class UpstreamResponder
{
    private static readonly DnsResponder Responder = new(new ZoneSet([ZoneFile.Parse("""
        $TTL 300
        @    600 SOA ns hostmaster 1 7200 3600 1209600 60
             NS  ns
        ns   A   198.51.100.53
        www  A   198.51.100.80
        mail A   198.51.100.25
        big  TXT "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
             TXT "1123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
             TXT "2123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
             TXT "3123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
             TXT "4123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
             TXT "5123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
        """, "example.net.zone", "example.net.").Zone!]));

    public static byte[] Answer(ReadOnlySpan<byte> query)
    {
        byte[] response = new byte[4096];
        int length = Responder.Respond(query, response, overTcp: false);
        return response[..length];
    }
}
