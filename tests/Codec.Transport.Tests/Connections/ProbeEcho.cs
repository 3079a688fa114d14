using System.Net;
using System.Net.Sockets;
using Codec.Transport.Connections;
using Codec.Transport.Framing;
using Codec.Transport.Protocols;
using Codec.Transport.Tests.Protocols;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace Codec.Transport.Tests.Connections;

/// <summary>A server that echoes length-prefixed <see cref="Probe"/> messages, and a client side for it.</summary>
public static class ProbeEcho
{
    /// <summary>Largest frame payload the echo server accepts (a Probe is 8 bytes).</summary>
    public const int MaximumPayload = 64;

    public static readonly LengthPrefixedWriter<Probe> Writer = new(new WireMessageWriter<Probe>());

    public static LengthPrefixedReader<Probe> NewReader() => new(new WireMessageReader<Probe>(), MaximumPayload);

    public static Probe Numbered(uint sequence) => new() { Sequence = sequence, Kind = (byte)(sequence % 16), Length = (ushort)(sequence % 4096) };

    public static byte[] Frame(params Probe[] probes)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        foreach (Probe probe in probes)
        {
            Writer.WriteMessage(probe, output);
        }

        return output.WrittenSpan.ToArray();
    }

    /// <summary>The server's handler: echo every probe until the input ends.</summary>
    public static async Task HandleAsync(ConnectionContext connection, ILogger logger, Action<Probe>? onMessage = null)
    {
        using var reader = new ProtocolReader(connection, logger);
        var writer = new ProtocolWriter(connection);
        LengthPrefixedReader<Probe> messages = NewReader();
        while (true)
        {
            ProtocolReadResult<Probe> result = await reader.ReadAsync(messages);
            if (result.IsCompleted)
            {
                return;
            }

            Probe probe = result.Message;
            reader.Advance();
            onMessage?.Invoke(probe);
            await writer.WriteAsync(Writer, probe);
        }
    }

    public static ServerBuilder EchoServer(RecordingLoggerFactory logs, Action<Probe>? onMessage = null, EndPoint? endPoint = null) =>
        new ServerBuilder(logs).Listen(endPoint ?? new IPEndPoint(IPAddress.Loopback, 0), connection => connection
            .Run(c => HandleAsync(c, logs.CreateLogger("EchoHandler"), onMessage)));

    /// <summary>Sends probes on a client connection and reads as many echoes back.</summary>
    public static async Task<List<Probe>> ExchangeAsync(ConnectionContext connection, IReadOnlyList<Probe> probes, CancellationToken cancellationToken)
    {
        var writer = new ProtocolWriter(connection);
        foreach (Probe probe in probes)
        {
            Assert.True(await writer.WriteAsync(Writer, probe, cancellationToken));
        }

        using var reader = new ProtocolReader(connection);
        LengthPrefixedReader<Probe> messages = NewReader();
        var echoes = new List<Probe>(probes.Count);
        while (echoes.Count < probes.Count)
        {
            ProtocolReadResult<Probe> result = await reader.ReadAsync(messages, cancellationToken);
            Assert.False(result.IsCompleted, $"The server closed after {echoes.Count} of {probes.Count} echoes: {result.Error}");
            echoes.Add(result.Message);
            reader.Advance();
        }

        return echoes;
    }

    /// <summary>Proves the server still serves: a new client gets its echo.</summary>
    public static async Task AssertServesAsync(EndPoint endPoint, CancellationToken cancellationToken, uint sequence = 4242)
    {
        using Client client = new ClientBuilder().Build();
        await using ConnectionContext connection = await client.ConnectAsync(endPoint, cancellationToken);
        List<Probe> echoes = await ExchangeAsync(connection, [Numbered(sequence)], cancellationToken);
        Assert.Equal(Numbered(sequence), Assert.Single(echoes));
    }

    /// <summary>A raw socket connected to the server, for peers that misbehave.</summary>
    public static async Task<Socket> ConnectRawAsync(EndPoint endPoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endPoint, cancellationToken);
        return socket;
    }

    /// <summary>Reads from a raw socket until the server closes its side; returns everything read.</summary>
    public static async Task<byte[]> ReadToEndAsync(Socket socket, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (true)
        {
            int count;
            try
            {
                count = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
            {
                return [.. received];
            }

            if (count == 0)
            {
                return [.. received];
            }

            received.AddRange(buffer.AsSpan(0, count));
        }
    }
}
