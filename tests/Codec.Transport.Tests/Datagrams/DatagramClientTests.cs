using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Codec.Transport.Datagrams;
using static Codec.Transport.Tests.Datagrams.DatagramTestKit;

namespace Codec.Transport.Tests.Datagrams;

public class DatagramClientTests
{
    private const int Timeout = 30_000;

    [Fact(Timeout = Timeout)]
    public async Task A_receive_with_a_timeout_reports_the_timeout_and_the_client_stays_usable()
    {
        await using var listener = new DatagramListener(new() { EndPoints = [Loopback4], ReceiveLoops = 1 }, new EchoHandler());
        listener.Start();
        using var client = new DatagramClient();
        var buffer = new byte[16];
        var from = new SocketAddress(AddressFamily.InterNetwork);

        var clock = Stopwatch.StartNew();
        DatagramReceiveResult nothing = await client.ReceiveAsync(buffer, from, TimeSpan.FromMilliseconds(100));
        Assert.True(nothing.TimedOut);
        Assert.InRange(clock.ElapsedMilliseconds, 90, 5_000);

        // After a timeout fired, the next timed receive gets a fresh timer and works.
        await client.SendAsync(new byte[] { 1, 2 }, listener.LocalEndPoints[0]);
        DatagramReceiveResult reply = await client.ReceiveAsync(buffer, from, Patience);
        Assert.Equal(new DatagramReceiveResult(2, false), reply);
        Assert.Equal(listener.LocalEndPoints[0].Serialize(), from);
    }

    [Fact(Timeout = Timeout)]
    public async Task Cancelling_a_timed_receive_throws_rather_than_timing_out()
    {
        using var client = new DatagramClient();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await client.ReceiveAsync(new byte[16], new SocketAddress(AddressFamily.InterNetwork), TimeSpan.FromSeconds(20), cancel.Token));
    }

    [Fact(Timeout = Timeout)]
    public async Task Concurrent_receives_are_refused()
    {
        using var client = new DatagramClient();
        ValueTask<DatagramReceiveResult> first = client.ReceiveAsync(new byte[16], new SocketAddress(AddressFamily.InterNetwork), TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await client.ReceiveAsync(new byte[16], new SocketAddress(AddressFamily.InterNetwork), TimeSpan.FromMilliseconds(10)));
        Assert.True((await first).TimedOut);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_request_moves_to_the_next_endpoint_when_one_does_not_answer()
    {
        using var silent = UdpDatagramSocket.Bind(Loopback4);
        await using var listener = new DatagramListener(new() { EndPoints = [Loopback4], ReceiveLoops = 1 }, new ProbeHandler());
        listener.Start();
        using var client = new DatagramClient();
        byte[] request = Probe(77);
        var reply = new byte[64];

        // The first endpoint never answers, so the timeout only bounds how long the listener may take: generous, for a
        // busy machine.
        DatagramRequestResult result = await client.RequestAsync(request, [silent.LocalEndPoint, listener.LocalEndPoints[0]],
            TimeSpan.FromSeconds(1), reply, r => r.Length == EchoProbe.Size && SequenceOf(r) == 77);

        Assert.True(result.Answered);
        Assert.Equal(listener.LocalEndPoints[0], result.Responder);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(request, reply[..result.Length]);

        // The silent endpoint did get the request.
        var from = new SocketAddress(AddressFamily.InterNetwork);
        Assert.Equal(request.Length, await silent.ReceiveFromAsync(new byte[64], from).AsTask().WaitAsync(Patience));
    }

    [Fact(Timeout = Timeout)]
    public async Task A_request_ignores_replies_that_do_not_match_and_datagrams_from_strangers()
    {
        using var upstream = UdpDatagramSocket.Bind(Loopback4);
        using var stranger = UdpDatagramSocket.Bind(Loopback4);
        using var client = new DatagramClient();
        var reply = new byte[64];

        // The upstream answers with a stale reply first, then the right one; a stranger chimes in too.
        Task serve = Task.Run(async () =>
        {
            var from = new SocketAddress(AddressFamily.InterNetwork);
            int length = await upstream.ReceiveFromAsync(new byte[64], from);
            Assert.Equal(EchoProbe.Size, length);
            await stranger.SendToAsync(Probe(5), from);
            await upstream.SendToAsync(Probe(4), from);
            await upstream.SendToAsync(Probe(5), from);
        });

        DatagramRequestResult result = await client.RequestAsync(Probe(5), [upstream.LocalEndPoint], Patience, reply, r => SequenceOf(r) == 5);
        await serve;

        Assert.True(result.Answered);
        Assert.Equal(upstream.LocalEndPoint, result.Responder);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(2, result.Ignored);
        Assert.Equal(Probe(5), reply[..result.Length]);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_late_answer_from_an_earlier_endpoint_counts()
    {
        using var slow = UdpDatagramSocket.Bind(Loopback4);
        using var next = UdpDatagramSocket.Bind(Loopback4);
        using var client = new DatagramClient();

        // The first endpoint answers only once the client has given up on it and asked the next one (which never
        // answers): ordered by the datagrams themselves rather than by timers, so a busy machine cannot reorder it.
        Task serve = Task.Run(async () =>
        {
            var from = new SocketAddress(AddressFamily.InterNetwork);
            var buffer = new byte[64];
            int length = await slow.ReceiveFromAsync(buffer, from);
            await next.ReceiveFromAsync(new byte[64], new SocketAddress(AddressFamily.InterNetwork));
            await slow.SendToAsync(buffer.AsMemory(0, length), from);
        });

        var reply = new byte[64];
        DatagramRequestResult result = await client.RequestAsync(Probe(9), [slow.LocalEndPoint, next.LocalEndPoint],
            TimeSpan.FromMilliseconds(500), reply, r => SequenceOf(r) == 9);
        await serve;

        Assert.True(result.Answered);
        Assert.Equal(slow.LocalEndPoint, result.Responder);
        Assert.Equal(2, result.Attempts);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_request_nobody_answers_is_a_result_not_an_exception()
    {
        using var silent = UdpDatagramSocket.Bind(Loopback4);
        using var client = new DatagramClient();
        var clock = Stopwatch.StartNew();

        DatagramRequestResult result = await client.RequestAsync(Probe(1), [silent.LocalEndPoint, silent.LocalEndPoint, silent.LocalEndPoint],
            TimeSpan.FromMilliseconds(100), new byte[64], _ => true);

        Assert.False(result.Answered);
        Assert.Null(result.Responder);
        Assert.Equal(3, result.Attempts);
        Assert.InRange(clock.ElapsedMilliseconds, 280, 10_000);
    }

    [Fact]
    public async Task A_request_checks_its_endpoints()
    {
        using var client = new DatagramClient();
        await Assert.ThrowsAsync<ArgumentException>(async () => await client.RequestAsync(new byte[1], [], TimeSpan.FromSeconds(1), new byte[1], _ => true));
        await Assert.ThrowsAsync<ArgumentException>(async () => await client.RequestAsync(new byte[1], [new IPEndPoint(IPAddress.IPv6Loopback, 53)], TimeSpan.FromSeconds(1), new byte[1], _ => true));
    }
}
