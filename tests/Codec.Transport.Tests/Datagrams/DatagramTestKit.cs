using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using Codec.Transport.Datagrams;

namespace Codec.Transport.Tests.Datagrams;

/// <summary>A request the test handlers understand: a magic constant, a sequence number and an attempt number.</summary>
[Message]
public partial struct EchoProbe
{
    [Field(0), Constant(0xEC40)]
    public ushort Magic;

    [Field(1)]
    public uint Sequence;

    [Field(2)]
    public ushort Attempt;
}

/// <summary>Echoes every datagram.</summary>
public sealed class EchoHandler : IDatagramHandler
{
    public bool Handle(in DatagramContext context, ReadOnlySpan<byte> request, IBufferWriter<byte> reply)
    {
        reply.Write(request);
        return true;
    }
}

/// <summary>
/// Answers a valid <see cref="EchoProbe"/> with the same probe; drops what does not parse (counted by the listener);
/// throws on a probe whose sequence number is <see cref="ThrowOn"/>.
/// </summary>
public sealed class ProbeHandler : IDatagramHandler
{
    public const uint ThrowOn = 0xDEAD_BEEF;

    public bool Handle(in DatagramContext context, ReadOnlySpan<byte> request, IBufferWriter<byte> reply)
    {
        if (!EchoProbe.TryRead(request, out EchoProbe probe).IsDone)
        {
            return false;
        }

        if (probe.Sequence == ThrowOn)
        {
            throw new InvalidOperationException("The handler was told to throw.");
        }

        return probe.Write(reply).IsDone;
    }
}

internal static class DatagramTestKit
{
    /// <summary>Every wait of these tests is bounded by this.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static IPEndPoint Loopback4 => new(IPAddress.Loopback, 0);

    public static IPEndPoint Loopback6 => new(IPAddress.IPv6Loopback, 0);

    public static byte[] Probe(uint sequence, ushort attempt = 0)
    {
        var bytes = new byte[EchoProbe.Size];
        Assert.True(new EchoProbe { Sequence = sequence, Attempt = attempt }.TryWrite(bytes).IsDone);
        return bytes;
    }

    public static uint SequenceOf(ReadOnlySpan<byte> probe) => BinaryPrimitives.ReadUInt32BigEndian(probe[2..]);

    /// <summary>Sends <paramref name="request"/> and waits (bounded) for one reply.</summary>
    public static async Task<byte[]> ExchangeAsync(DatagramClient client, IPEndPoint server, byte[] request)
    {
        await client.SendAsync(request, server);
        var buffer = new byte[65536];
        var from = new SocketAddress(client.Socket.AddressFamily);
        DatagramReceiveResult result = await client.ReceiveAsync(buffer, from, Patience);
        Assert.False(result.TimedOut, $"no reply from {server} within {Patience}");
        return buffer[..result.Length];
    }

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        long deadline = Environment.TickCount64 + (long)Patience.TotalMilliseconds;
        while (!condition())
        {
            Assert.True(Environment.TickCount64 < deadline, $"timed out waiting until {what}");
            await Task.Delay(10);
        }
    }
}
