using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net;
using Codec.Dns.Server;
using Codec.Protocols.Dns;
using Codec.Transport.Datagrams;
using Codec.Transport.InMemory;
using Microsoft.AspNetCore.Connections;

namespace Codec.Dns.Tests.Server;

/// <summary>The whole server over the in-memory datagram network and stream transport.</summary>
public sealed class DnsServerTests : IAsyncLifetime
{
    private static readonly IPEndPoint ServerEndPoint = new(IPAddress.Parse("127.0.0.1"), 53);
    private readonly InMemoryDatagramNetwork _network = new();
    private readonly InMemoryTransport _streams = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("codecs-dns-").FullName;
    private DnsServer _server = null!;
    private string _zoneFile = null!;

    public async Task InitializeAsync()
    {
        _zoneFile = Path.Combine(_directory, "example.com.zone");
        await File.WriteAllTextAsync(_zoneFile, DnsResponderTests.ZoneText);
        var options = new DnsServerOptions { DatagramSockets = _network, StreamTransport = _streams, ReceiveLoops = 2 };
        options.Listen.Add(ServerEndPoint);
        options.ZoneFiles.Add(_zoneFile);
        _server = new DnsServer(options);
        await _server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Udp_queries_are_answered()
    {
        using var client = new DatagramClient(factory: _network);

        DnsReply reply = await AskUdpAsync(client, DnsWireHelpers.Query("www.example.com", DnsType.A, id: 7));

        Assert.Equal(7, reply.Id);
        Assert.Equal(["www.example.com. 3600 A 192.0.2.80"], reply.Answer);
    }

    [Fact]
    public async Task Tcp_queries_are_answered_in_order_on_one_connection_with_length_prefixes()
    {
        await using ConnectionContext connection = await _streams.ConnectAsync(ServerEndPoint);
        await WriteFramedAsync(connection, DnsWireHelpers.Query("www.example.com", DnsType.A, id: 1));
        await WriteFramedAsync(connection, DnsWireHelpers.Query("big.example.com", DnsType.TXT, id: 2));

        DnsReply first = DnsWireHelpers.Read(await ReadFramedAsync(connection));
        DnsReply second = DnsWireHelpers.Read(await ReadFramedAsync(connection));

        Assert.Equal(1, first.Id);
        Assert.Equal(2, second.Id);
        Assert.False(second.Tc);
        Assert.Equal(6, second.Answer.Count);
    }

    [Fact]
    public async Task A_64_kilobyte_garbage_tcp_message_is_formerr_and_the_connection_goes_on()
    {
        byte[] garbage = new byte[ushort.MaxValue];
        new Random(7).NextBytes(garbage);
        garbage[2] = 0; // a query, so that it is answered
        garbage[0] = 0xAB;
        garbage[1] = 0xCD;
        await using ConnectionContext connection = await _streams.ConnectAsync(ServerEndPoint);

        await WriteFramedAsync(connection, garbage);
        DnsReply formerr = DnsWireHelpers.Read(await ReadFramedAsync(connection));
        await WriteFramedAsync(connection, DnsWireHelpers.Query("www.example.com", DnsType.A, id: 3));
        DnsReply answer = DnsWireHelpers.Read(await ReadFramedAsync(connection));

        Assert.Equal(0xABCD, formerr.Id);
        Assert.Equal(DnsResponseCode.FormErr, formerr.Code);
        Assert.Equal(DnsResponseCode.NoError, answer.Code);
        Assert.Equal(1, _server.Counters.Malformed);
    }

    [Fact]
    public async Task During_a_flood_that_is_half_garbage_every_valid_query_is_answered()
    {
        using var client = new DatagramClient(factory: _network);
        var random = new Random(42);
        SocketAddress server = ServerEndPoint.Serialize();
        const int valid = 500;
        for (int i = 0; i < valid; i++)
        {
            byte[] junk = new byte[random.Next(0, 300)];
            random.NextBytes(junk);
            await client.SendAsync(junk, server);
            await client.SendAsync(DnsWireHelpers.Query("www.example.com", DnsType.A, id: (ushort)(10_000 + i)), server);
        }

        var answered = new HashSet<int>();
        byte[] buffer = new byte[65535];
        var from = new SocketAddress(System.Net.Sockets.AddressFamily.InterNetwork);
        while (true)
        {
            DatagramReceiveResult received = await client.ReceiveAsync(buffer, from, TimeSpan.FromSeconds(2));
            if (received.TimedOut)
            {
                break;
            }

            ushort id = BinaryPrimitives.ReadUInt16BigEndian(buffer);
            if (id >= 10_000 && id < 10_000 + valid && (buffer[3] & 0xF) == 0)
            {
                answered.Add(id);
            }
        }

        Assert.Equal(valid, answered.Count);
        Assert.Equal(2 * valid, _server.Counters.Queries);
        Assert.True(_server.Counters.Malformed > 0);
    }

    [Fact]
    public async Task A_reload_with_a_bad_file_keeps_the_old_zone_and_a_good_one_replaces_it()
    {
        using var client = new DatagramClient(factory: _network);
        await File.WriteAllTextAsync(_zoneFile, DnsResponderTests.ZoneText + "\nbroken A 999.1.1.1\n");

        var errors = _server.Reload();

        ZoneFileErrorAssert(Assert.Single(errors));
        Assert.Equal(["www.example.com. 3600 A 192.0.2.80"], (await AskUdpAsync(client, DnsWireHelpers.Query("www.example.com", DnsType.A))).Answer);

        await File.WriteAllTextAsync(_zoneFile, DnsResponderTests.ZoneText.Replace("192.0.2.80", "192.0.2.81", StringComparison.Ordinal));
        Assert.Empty(_server.Reload());
        Assert.Equal(["www.example.com. 3600 A 192.0.2.81"], (await AskUdpAsync(client, DnsWireHelpers.Query("www.example.com", DnsType.A))).Answer);
    }

    [Fact]
    public async Task Without_zones_or_forwarders_the_sample_zone_is_served()
    {
        var network = new InMemoryDatagramNetwork();
        var options = new DnsServerOptions { DatagramSockets = network, Tcp = false, ReceiveLoops = 1 };
        options.Listen.Add(ServerEndPoint);
        await using var server = new DnsServer(options);
        await server.StartAsync();
        using var client = new DatagramClient(factory: network);

        DnsReply reply = await AskUdpAsync(client, DnsWireHelpers.Query("www.example.test", DnsType.A));

        Assert.Equal(["www.example.test. 3600 A 192.0.2.80"], reply.Answer);
    }

    [Fact]
    public async Task A_bad_zone_at_start_fails_with_file_and_line()
    {
        string bad = Path.Combine(_directory, "bad.zone");
        await File.WriteAllTextAsync(bad, "$TTL 60\n@ SOA ns h 1 2 3 4 5\nwww A nope\n");
        var options = new DnsServerOptions { DatagramSockets = new InMemoryDatagramNetwork(), Tcp = false };
        options.ZoneFiles.Add(bad);
        await using var server = new DnsServer(options);

        ZoneLoadException error = await Assert.ThrowsAsync<ZoneLoadException>(() => server.StartAsync());

        Assert.Equal($"{bad}:3: bad IPv4 address 'nope'", error.Message);
    }

    private void ZoneFileErrorAssert(Codec.Dns.Zones.ZoneFileError error)
    {
        Assert.Equal(_zoneFile, error.File);
        Assert.Equal(DnsResponderTests.ZoneText.Split('\n').Length + 1, error.Line);
        Assert.Equal("bad IPv4 address '999.1.1.1'", error.Reason);
    }

    internal static async Task<DnsReply> AskUdpAsync(DatagramClient client, byte[] query, IPEndPoint? server = null)
    {
        byte[] buffer = new byte[65535];
        DatagramRequestResult result = await client.RequestAsync(query, [server ?? ServerEndPoint], TimeSpan.FromSeconds(5), buffer, reply => reply.Length >= 2 && reply[0] == query[0] && reply[1] == query[1]);
        Assert.True(result.Answered, "no answer");
        return DnsWireHelpers.Read(buffer.AsSpan(0, result.Length));
    }

    private static async Task WriteFramedAsync(ConnectionContext connection, byte[] message)
    {
        byte[] framed = new byte[2 + message.Length];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)message.Length);
        message.CopyTo(framed, 2);
        await connection.Transport.Output.WriteAsync(framed);
    }

    private static async Task<byte[]> ReadFramedAsync(ConnectionContext connection)
    {
        PipeReader input = connection.Transport.Input;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            System.IO.Pipelines.ReadResult read = await input.ReadAsync(timeout.Token);
            System.Buffers.ReadOnlySequence<byte> buffer = read.Buffer;
            if (buffer.Length >= 2)
            {
                byte[] prefix = buffer.Slice(0, 2).ToArray();
                int length = BinaryPrimitives.ReadUInt16BigEndian(prefix);
                if (buffer.Length >= 2 + length)
                {
                    byte[] message = buffer.Slice(2, length).ToArray();
                    input.AdvanceTo(buffer.GetPosition(2 + length));
                    return message;
                }
            }

            Assert.False(read.IsCompleted, "the connection closed");
            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
