using System.Buffers.Binary;
using Codec.Protocols.Dns;

namespace Codec.Transport.Tests.Protocols;

/// <summary>DNS messages (RFC 1035 §4.1) built byte by byte, and what a handler records of one.</summary>
internal static class DnsSamples
{
    /// <summary>A query: ID 0x1234, RD, one question example.com A IN.</summary>
    public static byte[] Query { get; } =
    [
        0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        7, (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e', 3, (byte)'c', (byte)'o', (byte)'m', 0,
        0x00, 0x01, 0x00, 0x01,
    ];

    /// <summary>
    /// A response: ID 0xBEEF, QR RD RA, question www.example.org A IN, and one answer whose name is a compression
    /// pointer to the question's name (offset 12), TTL 3600, 192.0.2.1.
    /// </summary>
    public static byte[] Response { get; } =
    [
        0xBE, 0xEF, 0x81, 0x80, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00,
        3, (byte)'w', (byte)'w', (byte)'w', 7, (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e', 3, (byte)'o', (byte)'r', (byte)'g', 0,
        0x00, 0x01, 0x00, 0x01,
        0xC0, 0x0C, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x0E, 0x10, 0x00, 0x04, 192, 0, 2, 1,
    ];

    /// <summary>Each message after a 2-byte big-endian length (DNS over TCP, RFC 1035 §4.2.2).</summary>
    public static byte[] Framed(params byte[][] messages)
    {
        var frames = new List<byte>();
        foreach (byte[] message in messages)
        {
            byte[] prefix = new byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(prefix, (ushort)message.Length);
            frames.AddRange(prefix);
            frames.AddRange(message);
        }

        return [.. frames];
    }

    /// <summary>What <see cref="Describe(in DnsMessage)"/> says of <paramref name="wire"/>, read from one contiguous array.</summary>
    public static string Describe(byte[] wire)
    {
        ReadResult result = DnsMessage.TryRead(wire, out DnsMessage message);
        Assert.True(result.IsDone, result.ToString());
        Assert.Equal(wire.Length, result.BytesConsumed);
        return Describe(message);
    }

    /// <summary>The header, every question and every answer, with names decompressed: all the fields a handler reads in place.</summary>
    public static string Describe(scoped in DnsMessage message)
    {
        var text = new System.Text.StringBuilder();
        text.Append($"{message.Id:X4} qr={message.Flags.Qr} rcode={message.Flags.Rcode}");
        foreach (DnsQuestion question in message.Questions)
        {
            text.Append($" | Q {question.Name.ToString()} {question.Type} {question.Class}");
        }

        foreach (DnsResourceRecord answer in message.Answers)
        {
            text.Append($" | A {answer.Name.ToString()} {answer.Type} {answer.Ttl} {Convert.ToHexString(answer.RData)}");
        }

        return text.ToString();
    }
}
