using System.Buffers.Binary;

namespace Codec.Benchmarks;

/// <summary>
/// The DNS scenario's input: the response a recursive resolver gives for <c>www.example.com. IN A</c> when the name is an
/// alias, as an IPv4/UDP datagram from 192.0.2.53:53 to 198.51.100.7:40000.
/// </summary>
/// <remarks>
/// <para>Built by hand here (not captured), octet by octet as RFC 1035 §4.1 lays it out, compressed the way BIND and
/// Unbound compress (each name points to the earliest occurrence of its longest known suffix, RFC 1035 §4.1.4):</para>
/// <code>
/// offset  bytes                                         meaning
///      0  1a 2b 81 80 00 01 00 03 00 00 00 01           id, QR RD RA, QD=1 AN=3 NS=0 AR=1
///     12  03 www 07 example 03 com 00 | 00 01 00 01      question www.example.com. A IN
///     33  c0 0c | 00 05 00 01 00 00 01 2c 00 06          answer 1: www.example.com. (→12) CNAME IN TTL 300
///     45  03 web c0 10                                   RDATA web.example.com. (example.com. →16)
///     51  c0 2d | 00 01 00 01 00 00 00 3c 00 04 5d b8 d8 22   answer 2: web.example.com. (→45) A 93.184.216.34 TTL 60
///     67  c0 2d | 00 01 00 01 00 00 00 3c 00 04 5d b8 d8 23   answer 3: web.example.com. A 93.184.216.35
///     83  00 | 00 29 04 d0 00 00 80 00 00 00             additional: OPT root, UDP payload 1232, version 0, DO, no options
/// </code>
/// <para>94 octets of DNS; with the UDP and IPv4 headers, 122. The owner of answers 2 and 3 is a pointer to a name
/// that itself ends in a pointer, so reading it follows two hops. The batch varies the DNS id and the IPv4
/// identification per packet (checksums recomputed).</para>
/// </remarks>
internal static class DnsSample
{
    /// <summary>Packets per benchmark invocation (<c>OperationsPerInvoke</c>).</summary>
    public const int BatchSize = 8;

    public const ushort Id = 0x1a2b;
    public const uint ServerAddress = 0xC0000235;  // 192.0.2.53
    public const uint ClientAddress = 0xC6336407;  // 198.51.100.7
    public const ushort ClientPort = 40000;
    public const uint Address1 = 0x5DB8D822;       // 93.184.216.34
    public const uint Address2 = 0x5DB8D823;       // 93.184.216.35
    public const int CnameTtl = 300;
    public const int ATtl = 60;
    public const ushort UdpPayloadSize = 1232;

    /// <summary>The DNS message of the table above.</summary>
    public static ReadOnlySpan<byte> Message =>
    [
        0x1a, 0x2b, 0x81, 0x80, 0x00, 0x01, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01,
        0x03, (byte)'w', (byte)'w', (byte)'w', 0x07, (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e',
        0x03, (byte)'c', (byte)'o', (byte)'m', 0x00, 0x00, 0x01, 0x00, 0x01,
        0xc0, 0x0c, 0x00, 0x05, 0x00, 0x01, 0x00, 0x00, 0x01, 0x2c, 0x00, 0x06,
        0x03, (byte)'w', (byte)'e', (byte)'b', 0xc0, 0x10,
        0xc0, 0x2d, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x3c, 0x00, 0x04, 0x5d, 0xb8, 0xd8, 0x22,
        0xc0, 0x2d, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x3c, 0x00, 0x04, 0x5d, 0xb8, 0xd8, 0x23,
        0x00, 0x00, 0x29, 0x04, 0xd0, 0x00, 0x00, 0x80, 0x00, 0x00, 0x00,
    ];

    /// <summary>Offsets of every name in <see cref="Message"/>: question, the three owners, the CNAME target, the OPT owner.</summary>
    public static ReadOnlySpan<int> NameOffsets => [12, 33, 45, 51, 67, 83];

    /// <summary>The uncompressed names, for writers that take names as input: www.example.com., web.example.com.</summary>
    public static ReadOnlySpan<byte> WwwName => [3, (byte)'w', (byte)'w', (byte)'w', 7, (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e', 3, (byte)'c', (byte)'o', (byte)'m', 0];

    public static ReadOnlySpan<byte> WebName => [3, (byte)'w', (byte)'e', (byte)'b', 7, (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e', 3, (byte)'c', (byte)'o', (byte)'m', 0];

    /// <summary>The DNS id of packet <paramref name="index"/> of a batch.</summary>
    public static ushort IdOf(int index) => (ushort)(Id + index);

    /// <summary><see cref="BatchSize"/> DNS messages, each in its own array (peers parse arrays).</summary>
    public static byte[][] CreateMessages()
    {
        var messages = new byte[BatchSize][];
        for (int i = 0; i < BatchSize; i++)
        {
            messages[i] = Message.ToArray();
            BinaryPrimitives.WriteUInt16BigEndian(messages[i], IdOf(i));
        }

        return messages;
    }

    /// <summary><see cref="BatchSize"/> IPv4/UDP/DNS packets, each in its own array.</summary>
    public static byte[][] CreatePackets()
    {
        byte[][] messages = CreateMessages();
        var packets = new byte[BatchSize][];
        for (int i = 0; i < BatchSize; i++)
        {
            packets[i] = new byte[28 + messages[i].Length];
            Wrap(messages[i], packets[i], (ushort)(0x4d00 + i));
        }

        return packets;
    }

    /// <summary>Puts <paramref name="message"/> into an IPv4/UDP packet from the server to the client, checksums computed.</summary>
    public static void Wrap(ReadOnlySpan<byte> message, Span<byte> packet, ushort identification)
    {
        message.CopyTo(packet[28..]);
        HandWrittenPackets.WrapUdp(packet, message.Length, identification, ServerAddress, ClientAddress, 53, ClientPort);
    }
}
