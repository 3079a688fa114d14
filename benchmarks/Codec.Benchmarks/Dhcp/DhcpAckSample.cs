using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Codec.Benchmarks;

/// <summary>
/// The DHCP scenario's input: a DHCPACK (RFC 2131 §4.3.1) from the server 192.168.1.1:67 to 192.168.1.100:68, with the
/// options a home router sends (RFC 2132):
/// <code>
/// 53 01 05                          DHCP message type ACK
/// 54 04 c0 a8 01 01                 server identifier 192.168.1.1
/// 51 04 00 01 51 80                 lease time 86400 s
/// 58 04 00 00 a8 c0                 renewal (T1) 43200 s
/// 59 04 00 01 27 50                 rebinding (T2) 75600 s
/// 01 04 ff ff ff 00                 subnet mask 255.255.255.0
/// 03 04 c0 a8 01 01                 router 192.168.1.1
/// 06 08 c0 a8 01 01 08 08 08 08     DNS servers 192.168.1.1, 8.8.8.8
/// 0f 0b "example.com"               domain name
/// ff                                end
/// </code>
/// after the 236-octet BOOTP header (op 2, Ethernet, xid, yiaddr 192.168.1.100, chaddr 00:0c:29:4f:8e:35, sname and
/// file empty) and the magic cookie: 303 octets of DHCP, 331 with UDP and IPv4. Built by hand (<see cref="Write"/>);
/// the batch varies the xid and the IPv4 identification.
/// </summary>
internal static class DhcpAckSample
{
    public const int BatchSize = 8;
    public const int DhcpLength = 303;
    public const int Length = 28 + DhcpLength;
    public const uint Server = 0xC0A80101;     // 192.168.1.1
    public const uint Client = 0xC0A80164;     // 192.168.1.100
    public const uint Mask = 0xFFFFFF00;
    public const uint PublicDns = 0x08080808;
    public const uint Lease = 86400;
    public const uint Renewal = 43200;
    public const uint Rebinding = 75600;
    public const uint MagicCookie = 0x63825363;
    public const ulong ClientHardwareAddress = 0x000c294f8e35;

    public static ReadOnlySpan<byte> DomainName => "example.com"u8;

    public static uint XidOf(int i) => 0x3903f326u + (uint)i;

    public static ushort IdentificationOf(int i) => (ushort)(0x5100 + i);

    public static byte[][] CreatePackets()
    {
        var packets = new byte[BatchSize][];
        for (int i = 0; i < BatchSize; i++)
        {
            packets[i] = new byte[Length];
            Write(packets[i], i);
        }

        return packets;
    }

    /// <summary>The hand-written writer: packet <paramref name="i"/> of the batch, checksums computed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Write(Span<byte> packet, int i)
    {
        if (packet.Length < Length)
        {
            return 0;
        }

        Span<byte> dhcp = packet.Slice(28, DhcpLength);
        dhcp.Clear();
        dhcp[0] = 2;   // BOOTREPLY
        dhcp[1] = 1;   // Ethernet
        dhcp[2] = 6;
        BinaryPrimitives.WriteUInt32BigEndian(dhcp.Slice(4, 4), XidOf(i));
        BinaryPrimitives.WriteUInt32BigEndian(dhcp.Slice(16, 4), Client);
        BinaryPrimitives.WriteUInt16BigEndian(dhcp.Slice(28, 2), (ushort)(ClientHardwareAddress >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(dhcp.Slice(30, 4), unchecked((uint)ClientHardwareAddress));
        BinaryPrimitives.WriteUInt32BigEndian(dhcp.Slice(236, 4), MagicCookie);

        Span<byte> o = dhcp[240..];
        o[0] = 53; o[1] = 1; o[2] = 5;
        WriteUInt32Option(o[3..], 54, Server);
        WriteUInt32Option(o[9..], 51, Lease);
        WriteUInt32Option(o[15..], 58, Renewal);
        WriteUInt32Option(o[21..], 59, Rebinding);
        WriteUInt32Option(o[27..], 1, Mask);
        WriteUInt32Option(o[33..], 3, Server);
        o[39] = 6; o[40] = 8;
        BinaryPrimitives.WriteUInt32BigEndian(o.Slice(41, 4), Server);
        BinaryPrimitives.WriteUInt32BigEndian(o.Slice(45, 4), PublicDns);
        o[49] = 15; o[50] = (byte)DomainName.Length;
        DomainName.CopyTo(o[51..]);
        o[62] = 255;

        HandWrittenPackets.WriteIpv4(packet, Length, IdentificationOf(i), 64, HandWrittenPackets.Udp, Server, Client);
        HandWrittenPackets.WriteUdp(packet[20..], 67, 68, 8 + DhcpLength);
        HandWrittenPackets.FillTransportChecksum(packet, 6);
        return Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteUInt32Option(Span<byte> destination, byte code, uint value)
    {
        destination[0] = code;
        destination[1] = 4;
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(2, 4), value);
    }
}
