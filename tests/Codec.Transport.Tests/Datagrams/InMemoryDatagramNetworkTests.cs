using System.Net;
using System.Net.Sockets;
using Codec.Transport.Datagrams;
using static Codec.Transport.Tests.Datagrams.DatagramTestKit;

namespace Codec.Transport.Tests.Datagrams;

public class InMemoryDatagramNetworkTests
{
    private const int Timeout = 30_000;
    private static readonly IPEndPoint Server = new(IPAddress.Parse("192.0.2.53"), 53);

    [Fact(Timeout = Timeout)]
    public async Task The_same_handler_and_listener_run_over_the_in_memory_network()
    {
        var network = new InMemoryDatagramNetwork();
        await using var listener = new DatagramListener(new() { EndPoints = [Server], ReceiveLoops = 2, SocketFactory = network }, new ProbeHandler());
        listener.Start();
        Assert.Equal(Server, listener.LocalEndPoints[0]);

        using var client = new DatagramClient(AddressFamily.InterNetwork, network);
        Assert.Equal(Probe(3), await ExchangeAsync(client, Server, Probe(3)));
        await client.SendAsync(new byte[] { 1, 2, 3 }, Server);
        await client.SendAsync(Probe(ProbeHandler.ThrowOn), Server);
        Assert.Equal(Probe(4), await ExchangeAsync(client, Server, Probe(4)));

        // Replies can reach the client before the listener counts them: wait for every count, then compare.
        await EventuallyAsync(() => listener.Counters == new DatagramCounters(4, 2, 1, 1, 0, 0), "all four arrived");
        Assert.Equal(new DatagramCounters(4, 2, 1, 1, 0, 0), listener.Counters);
    }

    [Fact(Timeout = Timeout)]
    public async Task The_receiver_sees_the_sender_and_replies_reach_it()
    {
        var network = new InMemoryDatagramNetwork();
        using InMemoryDatagramSocket a = network.Bind(new IPEndPoint(IPAddress.Parse("10.0.0.1"), 0));
        using InMemoryDatagramSocket b = network.Bind(new IPEndPoint(IPAddress.Any, 5353));
        Assert.InRange(a.LocalEndPoint.Port, 49152, 65535);

        await a.SendToAsync(new byte[] { 9 }, new IPEndPoint(IPAddress.Parse("10.9.9.9"), 5353).Serialize());
        var from = new SocketAddress(AddressFamily.InterNetwork);
        var buffer = new byte[8];
        Assert.Equal(1, await b.ReceiveFromAsync(buffer, from).AsTask().WaitAsync(Patience));
        Assert.Equal(a.LocalEndPoint.Serialize(), from);

        // The wildcard socket's datagrams come from loopback, and the reply finds its way back.
        await b.SendToAsync(new byte[] { 7, 7 }, from);
        Assert.Equal(2, await a.ReceiveFromAsync(buffer, from).AsTask().WaitAsync(Patience));
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 5353).Serialize(), from);
    }

    [Fact(Timeout = Timeout)]
    public async Task Datagrams_to_nobody_are_dropped_and_long_ones_truncated()
    {
        var network = new InMemoryDatagramNetwork();
        using InMemoryDatagramSocket a = network.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using InMemoryDatagramSocket b = network.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        await a.SendToAsync(new byte[10], new IPEndPoint(IPAddress.Loopback, 9).Serialize());
        Assert.Equal(1, network.Dropped);

        await a.SendToAsync(Enumerable.Range(0, 10).Select(i => (byte)i).ToArray(), b.LocalEndPoint.Serialize());
        var buffer = new byte[4];
        Assert.Equal(4, await b.ReceiveFromAsync(buffer, new SocketAddress(AddressFamily.InterNetwork)));
        Assert.Equal([0, 1, 2, 3], buffer);
        Assert.Equal(1, network.Delivered);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_full_queue_drops()
    {
        var network = new InMemoryDatagramNetwork(queueCapacity: 2);
        using InMemoryDatagramSocket a = network.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using InMemoryDatagramSocket b = network.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        for (int i = 0; i < 5; i++)
        {
            await a.SendToAsync(new byte[] { (byte)i }, b.LocalEndPoint.Serialize());
        }

        Assert.Equal(2, network.Delivered);
        Assert.Equal(3, network.Dropped);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_lossy_network_makes_the_client_move_on_to_the_next_endpoint()
    {
        var network = new InMemoryDatagramNetwork();
        var primary = new IPEndPoint(IPAddress.Parse("192.0.2.1"), 53);
        var secondary = new IPEndPoint(IPAddress.Parse("192.0.2.2"), 53);
        await using var one = new DatagramListener(new() { EndPoints = [primary], ReceiveLoops = 1, SocketFactory = network }, new ProbeHandler());
        await using var two = new DatagramListener(new() { EndPoints = [secondary], ReceiveLoops = 1, SocketFactory = network }, new ProbeHandler());
        one.Start();
        two.Start();

        // Everything to or from the primary is lost.
        network.Filter = (source, destination, _) => !source.Equals(primary) && !destination.Equals(primary);
        using var client = new DatagramClient(AddressFamily.InterNetwork, network);
        var reply = new byte[64];
        // The primary never answers: the timeout only bounds how long the secondary may take (generous, for a busy machine).
        DatagramRequestResult result = await client.RequestAsync(Probe(11), [primary, secondary], TimeSpan.FromSeconds(1), reply, r => SequenceOf(r) == 11);

        Assert.True(result.Answered);
        Assert.Equal(secondary, result.Responder);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(1, network.Dropped);
        Assert.Equal(0, one.Counters.Received);
    }

    [Fact]
    public void An_endpoint_in_use_cannot_be_bound_again_until_released()
    {
        var network = new InMemoryDatagramNetwork();
        InMemoryDatagramSocket first = network.Bind(new IPEndPoint(IPAddress.Any, 67));
        Assert.Equal(SocketError.AddressAlreadyInUse, Assert.Throws<SocketException>(() => network.Bind(new IPEndPoint(IPAddress.Loopback, 67))).SocketErrorCode);
        Assert.Equal(SocketError.AddressAlreadyInUse, Assert.Throws<SocketException>(() => network.Bind(new IPEndPoint(IPAddress.Any, 67))).SocketErrorCode);
        using InMemoryDatagramSocket v6 = network.Bind(new IPEndPoint(IPAddress.IPv6Any, 67));

        first.Dispose();
        using InMemoryDatagramSocket again = network.Bind(new IPEndPoint(IPAddress.Loopback, 67));
        Assert.Equal(67, again.LocalEndPoint.Port);
    }

    [Fact(Timeout = Timeout)]
    public async Task Disposing_ends_a_pending_receive()
    {
        var network = new InMemoryDatagramNetwork();
        InMemoryDatagramSocket socket = network.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        ValueTask<int> pending = socket.ReceiveFromAsync(new byte[8], new SocketAddress(AddressFamily.InterNetwork));
        socket.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await pending.AsTask().WaitAsync(Patience));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await socket.SendToAsync(new byte[1], socket.LocalEndPoint.Serialize()));
    }

    [Fact(Timeout = Timeout)]
    public async Task IPv6_works_in_memory_too()
    {
        var network = new InMemoryDatagramNetwork();
        var server = new IPEndPoint(IPAddress.Parse("2001:db8::53"), 53);
        await using var listener = new DatagramListener(new() { EndPoints = [server], ReceiveLoops = 1, SocketFactory = network }, new EchoHandler());
        listener.Start();
        using var client = new DatagramClient(AddressFamily.InterNetworkV6, network);
        Assert.Equal([1, 2, 3], await ExchangeAsync(client, server, [1, 2, 3]));
    }
}
