using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Codec.Transport.Datagrams;
using static Codec.Transport.Tests.Datagrams.DatagramTestKit;

namespace Codec.Transport.Tests.Datagrams;

public class DatagramListenerTests
{
    private const int Timeout = 30_000;

    [Fact(Timeout = Timeout)]
    public async Task Answers_on_IPv4_and_IPv6_to_the_source_endpoint()
    {
        await using var listener = new DatagramListener(new() { EndPoints = [Loopback4, Loopback6], ReceiveLoops = 2 }, new EchoHandler());
        listener.Start();
        Assert.Equal(AddressFamily.InterNetwork, listener.LocalEndPoints[0].AddressFamily);
        Assert.Equal(AddressFamily.InterNetworkV6, listener.LocalEndPoints[1].AddressFamily);
        Assert.All(listener.LocalEndPoints, e => Assert.NotEqual(0, e.Port));

        using var v4 = new DatagramClient(AddressFamily.InterNetwork);
        using var v6 = new DatagramClient(AddressFamily.InterNetworkV6);
        Assert.Equal(Probe(4), await ExchangeAsync(v4, listener.LocalEndPoints[0], Probe(4)));
        Assert.Equal(Probe(6), await ExchangeAsync(v6, listener.LocalEndPoints[1], Probe(6)));

        // Replies can reach the client before the listener counts them: wait for every count, then compare.
        await EventuallyAsync(() => listener.Counters == new DatagramCounters(2, 2, 0, 0, 0, 0), "both replies are counted");
        Assert.Equal(new DatagramCounters(2, 2, 0, 0, 0, 0), listener.Counters);
    }

    [Fact(Timeout = Timeout)]
    public async Task The_handler_sees_the_source_and_the_local_endpoint()
    {
        IPEndPoint? seenRemote = null;
        IPEndPoint? seenLocal = null;
        int seenPort = 0;
        IPv4Address seenAddress = default;
        await using var listener = new DatagramListener(new() { EndPoints = [Loopback4], ReceiveLoops = 1 },
            (in DatagramContext context, ReadOnlySpan<byte> request, IBufferWriter<byte> reply) =>
            {
                seenRemote = context.GetRemoteEndPoint();
                seenLocal = context.LocalEndPoint;
                seenPort = context.RemotePort;
                Assert.True(context.TryGetRemoteIPv4(out seenAddress));
                reply.Write("ok"u8);
                return true;
            });
        listener.Start();

        using var client = new DatagramClient();
        Assert.Equal("ok"u8.ToArray(), await ExchangeAsync(client, listener.LocalEndPoints[0], [1, 2, 3]));
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, client.LocalEndPoint.Port), seenRemote);
        Assert.Equal(client.LocalEndPoint.Port, seenPort);
        Assert.Equal(IPv4Address.Parse("127.0.0.1"), seenAddress);
        Assert.Equal(listener.LocalEndPoints[0], seenLocal);
    }

    [Fact(Timeout = Timeout)]
    public async Task Garbage_is_dropped_and_counted_and_the_server_keeps_serving()
    {
        // A kernel buffer that holds the burst: lost datagrams would make the counts below inexact.
        var buffers = new DatagramSocketOptions { ReceiveBufferSize = 4 << 20 };
        await using var listener = new DatagramListener(new() { EndPoints = [Loopback4], ReceiveLoops = 2, SocketOptions = buffers }, new ProbeHandler());
        listener.Start();
        IPEndPoint server = listener.LocalEndPoints[0];
        using var client = new DatagramClient();

        // Empty, short, wrong magic, random lengths up to a large datagram: none parses as a probe.
        var random = new Random(1234);
        List<byte[]> garbage = [[], [0xEC], [0xEC, 0x40, 1], Convert.FromHexString("BADC0FFEE0DDF00D")];
        for (int i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, i < 190 ? 64 : 60_000)];
            random.NextBytes(bytes);
            if (bytes.Length >= 2)
            {
                bytes[0] = 0xBA;
            }

            garbage.Add(bytes);
        }

        // Between bursts, a probe must still be answered; bursts stay small enough for any kernel buffer.
        int probes = 0;
        for (int i = 0; i < garbage.Count; i++)
        {
            await client.SendAsync(garbage[i], server);
            if (garbage[i].Length > 1000 || i % 20 == 19 || i == garbage.Count - 1)
            {
                Assert.Equal(Probe((uint)i), await ExchangeAsync(client, server, Probe((uint)i)));
                probes++;
            }
        }

        // Replies can reach the client before the listener counts them: wait for every count, then compare.
        await EventuallyAsync(() => listener.Counters == new DatagramCounters(garbage.Count + probes, probes, garbage.Count, 0, 0, 0), "every datagram was received");
        Assert.Equal(new DatagramCounters(garbage.Count + probes, probes, garbage.Count, 0, 0, 0), listener.Counters);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_handler_exception_is_counted_and_logged_and_the_loop_goes_on()
    {
        var logger = new ListLogger();
        await using var listener = new DatagramListener(new() { EndPoints = [Loopback4], ReceiveLoops = 1 }, new ProbeHandler(), logger);
        listener.Start();
        IPEndPoint server = listener.LocalEndPoints[0];
        using var client = new DatagramClient();

        for (int i = 0; i < 3; i++)
        {
            await client.SendAsync(Probe(ProbeHandler.ThrowOn), server);
        }

        Assert.Equal(Probe(8), await ExchangeAsync(client, server, Probe(8)));
        // Replies can reach the client before the listener counts them: wait for every count, then compare.
        await EventuallyAsync(() => listener.Counters == new DatagramCounters(4, 1, 0, 3, 0, 0), "the three exceptions are counted");
        Assert.Equal(new DatagramCounters(4, 1, 0, 3, 0, 0), listener.Counters);
        Assert.Equal(3, logger.Entries.Count(e => e.Exception is InvalidOperationException && e.Message.Contains(server.ToString(), StringComparison.Ordinal)));
    }

    [Fact(Timeout = Timeout)]
    public async Task A_datagram_longer_than_the_maximum_is_dropped_not_truncated()
    {
        int handled = 0;
        await using var listener = new DatagramListener(new() { EndPoints = [Loopback4], ReceiveLoops = 1, MaxDatagramSize = 100 },
            (in DatagramContext context, ReadOnlySpan<byte> request, IBufferWriter<byte> reply) =>
            {
                Interlocked.Increment(ref handled);
                reply.Write(request);
                return true;
            });
        listener.Start();
        IPEndPoint server = listener.LocalEndPoints[0];
        using var client = new DatagramClient();

        await client.SendAsync(new byte[101], server);
        await client.SendAsync(new byte[5000], server);
        Assert.Equal(new byte[100], await ExchangeAsync(client, server, new byte[100]));

        // Replies can reach the client before the listener counts them: wait for every count, then compare.
        await EventuallyAsync(() => listener.Counters == new DatagramCounters(3, 1, 2, 0, 0, 0), "all three arrived and the reply was counted");
        Assert.Equal(1, handled);
        Assert.Equal(new DatagramCounters(3, 1, 2, 0, 0, 0), listener.Counters);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_reply_longer_than_the_maximum_is_a_handler_error()
    {
        await using var listener = new DatagramListener(new() { EndPoints = [Loopback4], ReceiveLoops = 1, MaxDatagramSize = 64 },
            (in DatagramContext context, ReadOnlySpan<byte> request, IBufferWriter<byte> reply) =>
            {
                reply.Write(request.Length == 1 ? new byte[65] : new byte[64]);
                return true;
            });
        listener.Start();
        IPEndPoint server = listener.LocalEndPoints[0];
        using var client = new DatagramClient();

        await client.SendAsync(new byte[1], server);
        Assert.Equal(64, (await ExchangeAsync(client, server, new byte[2])).Length);
        await EventuallyAsync(() => listener.Counters.HandlerErrors == 1, "the oversized reply is counted");
    }

    [Fact(Timeout = Timeout)]
    public async Task Several_loops_on_one_port_answer_many_peers()
    {
        await using var listener = new DatagramListener(new() { EndPoints = [Loopback4], ReceiveLoops = 4 }, new ProbeHandler());
        listener.Start();
        IPEndPoint server = listener.LocalEndPoints[0];

        // Many source ports spread over the SO_REUSEPORT group; every one must be answered from the one port.
        var clients = Enumerable.Range(0, 32).Select(_ => new DatagramClient()).ToArray();
        try
        {
            byte[][] replies = await Task.WhenAll(clients.Select((c, i) => ExchangeAsync(c, server, Probe((uint)i))));
            for (int i = 0; i < replies.Length; i++)
            {
                Assert.Equal(Probe((uint)i), replies[i]);
            }
        }
        finally
        {
            foreach (DatagramClient client in clients)
            {
                client.Dispose();
            }
        }
    }

    [Fact(Timeout = Timeout)]
    public async Task Declined_datagrams_are_dropped_without_reply()
    {
        await using var listener = new DatagramListener(new() { EndPoints = [Loopback4], ReceiveLoops = 1 },
            (in DatagramContext context, ReadOnlySpan<byte> request, IBufferWriter<byte> reply) =>
            {
                reply.Write(request);
                return request[0] != 0;
            });
        listener.Start();
        IPEndPoint server = listener.LocalEndPoints[0];
        using var client = new DatagramClient();

        await client.SendAsync(new byte[] { 0 }, server);
        Assert.Equal([1], await ExchangeAsync(client, server, [1]));
        await EventuallyAsync(() => listener.Counters == new DatagramCounters(2, 1, 1, 0, 0, 0), "the declined and the answered datagram are counted");
        Assert.Equal(new DatagramCounters(2, 1, 1, 0, 0, 0), listener.Counters);
    }

    [Fact(Timeout = Timeout)]
    public async Task Start_binds_once_and_stop_is_idempotent()
    {
        var listener = new DatagramListener(new() { EndPoints = [Loopback4] }, new EchoHandler());
        Assert.Empty(listener.LocalEndPoints);
        Assert.False(listener.IsRunning);
        listener.Start();
        Assert.True(listener.IsRunning);
        Assert.Throws<InvalidOperationException>(listener.Start);
        IPEndPoint bound = listener.LocalEndPoints[0];

        await listener.StopAsync();
        await listener.StopAsync();
        await listener.DisposeAsync();
        Assert.False(listener.IsRunning);

        // The port is free again.
        using var socket = UdpDatagramSocket.Bind(bound);
        Assert.Equal(bound, socket.LocalEndPoint);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_port_in_use_fails_start_and_leaves_nothing_bound()
    {
        using var taken = UdpDatagramSocket.Bind(Loopback4);
        var listener = new DatagramListener(new() { EndPoints = [Loopback6, taken.LocalEndPoint] }, new EchoHandler());
        Assert.Throws<SocketException>(listener.Start);
        Assert.False(listener.IsRunning);
        await listener.DisposeAsync();
    }

    [Fact]
    public void Options_are_validated()
    {
        Assert.Throws<ArgumentException>(() => new DatagramListener(new(), new EchoHandler()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DatagramListener(new() { EndPoints = [Loopback4], ReceiveLoops = 0 }, new EchoHandler()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DatagramListener(new() { EndPoints = [Loopback4], MaxDatagramSize = 70_000 }, new EchoHandler()));
    }

    [Fact(Timeout = Timeout)]
    public async Task An_async_handler_answers_and_runs_concurrently()
    {
        var handler = new DelayedEcho(TimeSpan.FromMilliseconds(300));
        await using var listener = new DatagramListener(new() { EndPoints = [Loopback4], ReceiveLoops = 1, MaxConcurrentHandlers = 64 }, handler);
        listener.Start();
        IPEndPoint server = listener.LocalEndPoints[0];

        var clients = Enumerable.Range(0, 20).Select(_ => new DatagramClient()).ToArray();
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            byte[][] replies = await Task.WhenAll(clients.Select((c, i) => ExchangeAsync(c, server, Probe((uint)i))));
            for (int i = 0; i < replies.Length; i++)
            {
                Assert.Equal(Probe((uint)i), replies[i]);
            }

            // One after another they would take 20 × 300 ms.
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(3), $"took {started.Elapsed}");
            Assert.True(handler.MaxConcurrent > 1, $"at most {handler.MaxConcurrent} handler ran at once");
        }
        finally
        {
            foreach (DatagramClient client in clients)
            {
                client.Dispose();
            }
        }
    }

    [Fact(Timeout = Timeout)]
    public async Task Stopping_waits_for_async_handlers_and_their_replies_go_out()
    {
        var handler = new DelayedEcho(TimeSpan.FromMilliseconds(200), ignoreCancellation: true);
        var listener = new DatagramListener(new() { EndPoints = [Loopback4], ReceiveLoops = 1 }, handler);
        listener.Start();
        IPEndPoint server = listener.LocalEndPoints[0];
        using var client = new DatagramClient();

        await client.SendAsync(Probe(1), server);
        await EventuallyAsync(() => handler.Started == 1, "the handler started");
        await listener.StopAsync().WaitAsync(Patience);

        var buffer = new byte[64];
        DatagramReceiveResult reply = await client.ReceiveAsync(buffer, new SocketAddress(AddressFamily.InterNetwork), Patience);
        Assert.True(reply.Received);
        Assert.Equal(Probe(1), buffer[..reply.Length]);
        Assert.Equal(new DatagramCounters(1, 1, 0, 0, 0, 0), listener.Counters);
    }

    [Fact(Timeout = Timeout)]
    public async Task An_async_handler_exception_is_counted_and_the_loop_goes_on()
    {
        await using var listener = new DatagramListener(new() { EndPoints = [Loopback4], ReceiveLoops = 1 }, new ThrowingAsyncHandler());
        listener.Start();
        IPEndPoint server = listener.LocalEndPoints[0];
        using var client = new DatagramClient();

        await client.SendAsync(new byte[] { 0 }, server);
        Assert.Equal([1], await ExchangeAsync(client, server, [1]));
        await EventuallyAsync(() => listener.Counters.HandlerErrors == 1, "the exception is counted");
    }

    private sealed class DelayedEcho(TimeSpan delay, bool ignoreCancellation = false) : IAsyncDatagramHandler
    {
        private int _running;
        private int _maxConcurrent;
        private int _started;

        public int MaxConcurrent => Volatile.Read(ref _maxConcurrent);

        public int Started => Volatile.Read(ref _started);

        public async ValueTask<bool> HandleAsync(DatagramContext context, ReadOnlyMemory<byte> request, IBufferWriter<byte> reply, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _started);
            int running = Interlocked.Increment(ref _running);
            int max;
            while ((max = Volatile.Read(ref _maxConcurrent)) < running && Interlocked.CompareExchange(ref _maxConcurrent, running, max) != max)
            {
            }

            try
            {
                await Task.Delay(delay, ignoreCancellation ? CancellationToken.None : cancellationToken);
                reply.Write(request.Span);
                return true;
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }
    }

    private sealed class ThrowingAsyncHandler : IAsyncDatagramHandler
    {
        public async ValueTask<bool> HandleAsync(DatagramContext context, ReadOnlyMemory<byte> request, IBufferWriter<byte> reply, CancellationToken cancellationToken)
        {
            await Task.Yield();
            if (request.Span[0] == 0)
            {
                throw new InvalidOperationException("zero");
            }

            reply.Write(request.Span);
            return true;
        }
    }
}
