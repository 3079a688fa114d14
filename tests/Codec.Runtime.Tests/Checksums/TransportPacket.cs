using System.Buffers.Binary;

namespace Codec.Runtime.Tests.Checksums;

/// <summary>
/// A TCP or UDP segment found in an IPv4 or IPv6 packet, parsed minimally and independently of the protocol codecs:
/// what the transport checksum covers (the addresses for the pseudo-header, the protocol, the segment) and where the
/// checksum field is.
/// </summary>
internal sealed class TransportPacket
{
    public const byte Tcp = 6;
    public const byte Udp = 17;

    private TransportPacket(byte protocol, byte[] segment)
    {
        Protocol = protocol;
        Segment = segment;
    }

    public bool IsIPv6 { get; private init; }

    public IPv4Address Source4 { get; private init; }

    public IPv4Address Destination4 { get; private init; }

    public IPv6Address Source6 { get; private init; }

    public IPv6Address Destination6 { get; private init; }

    public byte Protocol { get; }

    /// <summary>The transport header and data: for TCP everything the IP length covers, for UDP its length field's worth.</summary>
    public byte[] Segment { get; }

    public int ChecksumOffset => Protocol == Tcp ? 16 : 6;

    public ushort ChecksumField => BinaryPrimitives.ReadUInt16BigEndian(Segment.AsSpan(ChecksumOffset));

    /// <summary>The 12-byte IPv4 (RFC 768) or 40-byte IPv6 (RFC 8200 §8.1) pseudo-header, byte by byte.</summary>
    public byte[] PseudoHeaderBytes()
    {
        if (IsIPv6)
        {
            byte[] p6 = new byte[40];
            Source6.WriteBytes(p6.AsSpan(0, 16));
            Destination6.WriteBytes(p6.AsSpan(16, 16));
            BinaryPrimitives.WriteUInt32BigEndian(p6.AsSpan(32), (uint)Segment.Length);
            p6[39] = Protocol;
            return p6;
        }

        byte[] p4 = new byte[12];
        BinaryPrimitives.WriteUInt32BigEndian(p4, Source4.Value);
        BinaryPrimitives.WriteUInt32BigEndian(p4.AsSpan(4), Destination4.Value);
        p4[9] = Protocol;
        BinaryPrimitives.WriteUInt16BigEndian(p4.AsSpan(10), (ushort)Segment.Length);
        return p4;
    }

    public bool IsValid() => IsIPv6
        ? InternetChecksum.IsValidTransport(Source6, Destination6, Protocol, Segment)
        : InternetChecksum.IsValidTransport(Source4, Destination4, Protocol, Segment);

    /// <summary>The checksum the field should hold: computed over the segment with the field zeroed (UDP: 0 sent as 0xFFFF).</summary>
    public ushort Recompute()
    {
        byte[] zeroed = (byte[])Segment.Clone();
        BinaryPrimitives.WriteUInt16BigEndian(zeroed.AsSpan(ChecksumOffset), 0);
        ushort checksum = IsIPv6
            ? InternetChecksum.ComputeTransport(Source6, Destination6, Protocol, zeroed)
            : InternetChecksum.ComputeTransport(Source4, Destination4, Protocol, zeroed);
        return Protocol == Udp ? InternetChecksum.ForUdp(checksum) : checksum;
    }

    /// <summary>
    /// Finds the TCP or UDP segment of an IP packet. False for other protocols, fragments, routing headers (the
    /// pseudo-header would need the final destination) and anything truncated or inconsistent.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> ip, out TransportPacket packet)
    {
        packet = null!;
        if (ip.Length < 1)
        {
            return false;
        }

        return (ip[0] >> 4) switch
        {
            4 => TryParseIPv4(ip, out packet),
            6 => TryParseIPv6(ip, out packet),
            _ => false,
        };
    }

    private static bool TryParseIPv4(ReadOnlySpan<byte> ip, out TransportPacket packet)
    {
        packet = null!;
        if (ip.Length < 20)
        {
            return false;
        }

        int headerLength = (ip[0] & 0x0F) * 4;
        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        ushort flagsAndOffset = BinaryPrimitives.ReadUInt16BigEndian(ip[6..]);
        bool fragment = (flagsAndOffset & 0x3FFF) != 0; // MF set or a non-zero offset
        byte protocol = ip[9];

        // As tshark does: a total length of 0 is a TSO super-frame that runs to the end of the capture, and a total
        // length beyond the capture is cut to it (a UDP segment then still has its own length field).
        if (totalLength == 0 || totalLength > ip.Length)
        {
            totalLength = ip.Length;
        }

        if (headerLength < 20 || totalLength < headerLength || fragment)
        {
            return false;
        }

        if (!TrySegment(protocol, ip[headerLength..totalLength], out byte[] segment))
        {
            return false;
        }

        packet = new TransportPacket(protocol, segment)
        {
            Source4 = new IPv4Address(BinaryPrimitives.ReadUInt32BigEndian(ip[12..])),
            Destination4 = new IPv4Address(BinaryPrimitives.ReadUInt32BigEndian(ip[16..])),
        };
        return true;
    }

    private static bool TryParseIPv6(ReadOnlySpan<byte> ip, out TransportPacket packet)
    {
        packet = null!;
        if (ip.Length < 40)
        {
            return false;
        }

        int payloadLength = BinaryPrimitives.ReadUInt16BigEndian(ip[4..]);
        if (40 + payloadLength > ip.Length || payloadLength == 0)
        {
            return false;
        }

        ReadOnlySpan<byte> payload = ip.Slice(40, payloadLength);
        byte next = ip[6];

        // Hop-by-Hop and Destination Options headers do not change the pseudo-header; stop at anything else.
        while (next is 0 or 60)
        {
            if (payload.Length < 8 || payload.Length < (payload[1] + 1) * 8)
            {
                return false;
            }

            int length = (payload[1] + 1) * 8;
            next = payload[0];
            payload = payload[length..];
        }

        if (!TrySegment(next, payload, out byte[] segment))
        {
            return false;
        }

        packet = new TransportPacket(next, segment)
        {
            IsIPv6 = true,
            Source6 = IPv6Address.FromBytes(ip.Slice(8, 16)),
            Destination6 = IPv6Address.FromBytes(ip.Slice(24, 16)),
        };
        return true;
    }

    private static bool TrySegment(byte protocol, ReadOnlySpan<byte> payload, out byte[] segment)
    {
        segment = [];
        switch (protocol)
        {
            case Tcp when payload.Length >= 20:
                segment = payload.ToArray();
                return true;
            case Udp when payload.Length >= 8:
                int length = BinaryPrimitives.ReadUInt16BigEndian(payload[4..]);
                if (length < 8 || length > payload.Length)
                {
                    return false;
                }

                segment = payload[..length].ToArray();
                return true;
            default:
                return false;
        }
    }
}
