using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Codec.Dns.Server;

namespace Codec.Dns.PeerTests;

/// <summary>Real clients over real sockets: TC and the retry over TCP, kdig, malformed input next to valid queries.</summary>
[Collection(PeerCollection.Name)]
public class TransportPeerTests(PeerServers servers)
{
    [Theory]
    [InlineData("+noedns")]
    [InlineData("+bufsize=512")]
    public async Task A_truncated_answer_makes_dig_retry_over_tcp_and_get_it_whole_as_from_knotd(string edns)
    {
        DigResult knot = await PeerServers.DigAsync(servers.KnotPort, "big.peer.example", "TXT", edns);
        DigResult ours = await PeerServers.DigAsync(servers.OurPort, "big.peer.example", "TXT", edns);

        Assert.Contains(";; Truncated, retrying in TCP mode.", ours.Raw);
        Assert.Equal(6, ours.Answer.Count);
        Assert.DoesNotContain("tc", ours.Flags.Split(' '));
        Assert.True(knot.Comparable == ours.Comparable, $"knotd:\n{knot.Raw}\nours:\n{ours.Raw}");
    }

    [Fact]
    public async Task Dig_over_tcp_matches_knotd()
    {
        DigResult knot = await PeerServers.DigAsync(servers.KnotPort, "alias.peer.example", "A", "+tcp");
        DigResult ours = await PeerServers.DigAsync(servers.OurPort, "alias.peer.example", "A", "+tcp");

        Assert.Equal(3, ours.Answer.Count);
        Assert.True(knot.Comparable == ours.Comparable, $"knotd:\n{knot.Raw}\nours:\n{ours.Raw}");
    }

    [Theory]
    [InlineData("www.peer.example", "A")]
    [InlineData("nope.peer.example", "A")]
    [InlineData("anything.apps.peer.example", "A")]
    [InlineData("host.sub.peer.example", "A")]
    [InlineData("big.peer.example", "TXT")]
    public async Task Kdig_gets_the_same_answers_as_from_knotd(string name, string type)
    {
        DigResult knot = await KdigAsync(servers.KnotPort, name, type);
        DigResult ours = await KdigAsync(servers.OurPort, name, type);

        Assert.NotEqual("(none)", ours.Status);
        Assert.NotEmpty(ours.Question);
        Assert.NotEmpty(ours.Answer.Concat(ours.Authority));
        Assert.True(knot.Comparable == ours.Comparable, $"knotd:\n{knot.Raw}\nours:\n{ours.Raw}");
    }

    [Fact]
    public async Task Kdig_with_a_512_byte_buffer_falls_back_to_tcp()
    {
        DigResult ours = await KdigAsync(servers.OurPort, "big.peer.example", "TXT", "+bufsize=512");

        Assert.Equal(6, ours.Answer.Count);
    }

    [Theory]
    [InlineData(new byte[] { 0x12, 0x34, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, (byte)'w', (byte)'w' })]          // question cut short
    [InlineData(new byte[] { 0x12, 0x34, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC0, 0x0C, 0x00, 0x01, 0x00, 0x01 })] // pointer loop
    [InlineData(new byte[] { 0x12, 0x34, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01 })] // two questions
    public async Task Malformed_queries_get_formerr_like_from_knotd(byte[] query)
    {
        int? knot = await RawRcodeAsync(servers.KnotPort, query);
        int? ours = await RawRcodeAsync(servers.OurPort, query);

        Assert.Equal(1, ours);
        Assert.True(knot is null or 1, $"knotd answered {knot}");
    }

    [Fact]
    public async Task During_a_flood_that_is_half_garbage_every_valid_query_is_answered()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.ReceiveBufferSize = 1 << 20;
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var server = new IPEndPoint(IPAddress.Loopback, servers.OurPort);
        var random = new Random(1127);
        long malformedBefore = servers.Ours.Counters.Malformed;
        const int rounds = 40;
        const int batch = 25;
        var answered = new HashSet<ushort>();
        byte[] buffer = new byte[65535];
        for (int round = 0; round < rounds; round++)
        {
            var expected = new HashSet<ushort>();
            for (int i = 0; i < batch; i++)
            {
                byte[] garbage = new byte[random.Next(0, 512)];
                random.NextBytes(garbage);
                await socket.SendToAsync(garbage, server);
                ushort id = (ushort)((round * batch) + i + 1);
                expected.Add(id);
                await socket.SendToAsync(Query(id, "www.peer.example"), server);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            while (expected.Count > 0)
            {
                int length = await socket.ReceiveAsync(buffer, timeout.Token);
                ushort id = BinaryPrimitives.ReadUInt16BigEndian(buffer);
                if (length > 12 && expected.Remove(id) && (buffer[3] & 0xF) == 0 && BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(6)) == 1)
                {
                    answered.Add(id);
                }
            }
        }

        Assert.Equal(rounds * batch, answered.Count);
        Assert.True(servers.Ours.Counters.Malformed > malformedBefore);
        Assert.Equal("NOERROR", (await PeerServers.DigAsync(servers.OurPort, "www.peer.example", "A")).Status);
    }

    [Fact]
    public async Task A_64_kilobyte_tcp_message_of_garbage_is_answered_formerr()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, servers.OurPort);
        NetworkStream stream = client.GetStream();
        byte[] message = new byte[2 + ushort.MaxValue];
        new Random(64).NextBytes(message);
        message[0] = 0xFF;
        message[1] = 0xFF;
        message[4] = 0; // QR = 0: a query
        await stream.WriteAsync(message);

        byte[] prefix = new byte[2];
        await stream.ReadExactlyAsync(prefix);
        byte[] response = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
        await stream.ReadExactlyAsync(response);

        Assert.Equal(1, response[3] & 0xF);
    }

    private static byte[] Query(ushort id, string name)
    {
        var query = new List<byte> { (byte)(id >> 8), (byte)id, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0 };
        foreach (string label in name.Split('.'))
        {
            query.Add((byte)label.Length);
            query.AddRange(System.Text.Encoding.ASCII.GetBytes(label));
        }

        query.AddRange([0, 0, 1, 0, 1]);
        return [.. query];
    }

    /// <summary>The RCODE of the answer to raw bytes, or null when the server does not answer within a second.</summary>
    private static async Task<int?> RawRcodeAsync(int port, byte[] query)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        await socket.SendToAsync(query, new IPEndPoint(IPAddress.Loopback, port));
        byte[] buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            int length = await socket.ReceiveAsync(buffer, timeout.Token);
            return length >= 4 ? buffer[3] & 0xF : null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private static async Task<DigResult> KdigAsync(int port, string name, string type, params string[] extra)
    {
        string[] arguments = ["@127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "+time=2", "+retry=1", .. extra, name, type];
        (int _, string output, string error) = await PeerTools.RunAsync(PeerTools.Kdig, arguments);
        return DigResult.Parse(output + error);
    }
}
