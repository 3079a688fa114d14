using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Codec.Benchmarks;

/// <summary>
/// The hand-written baseline for the IPv4 and UDP layers of the packet scenarios: <see cref="BinaryPrimitives"/> and
/// span indexing, the same checks the generated code makes (version, IHL, total length within the input, the IPv4
/// header checksum verified; UDP length within the IP payload), every field folded into the accumulator.
/// </summary>
internal static class HandWrittenPackets
{
    public const byte Tcp = 6;
    public const byte Udp = 17;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadIpv4(ReadOnlySpan<byte> packet, ref ulong acc, out ReadOnlySpan<byte> payload)
    {
        payload = default;
        if (packet.Length < 20)
        {
            return false;
        }

        uint destination = BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(16, 4));
        byte b0 = packet[0];
        int headerLength = (b0 & 0x0F) * 4;
        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(2, 2));
        if ((b0 >> 4) != 4 || headerLength < 20 || totalLength < headerLength || totalLength > packet.Length
            || (packet[6] & 0x80) != 0 || !InternetChecksum.IsValid(packet[..headerLength]))
        {
            return false;
        }

        ushort flagsAndOffset = BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(6, 2));
        acc = Fold.Ipv4(
            acc, headerLength, packet[1], totalLength, BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(4, 2)),
            flagsAndOffset >> 13, flagsAndOffset & 0x1FFF, packet[8], packet[9], BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(10, 2)),
            BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(12, 4)), destination);
        payload = packet[headerLength..totalLength];
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadUdp(ReadOnlySpan<byte> datagram, ref ulong acc, out ReadOnlySpan<byte> data)
    {
        data = default;
        if (datagram.Length < 8)
        {
            return false;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(datagram.Slice(4, 2));
        if (length < 8 || length > datagram.Length)
        {
            return false;
        }

        acc = Fold.Udp(acc, BinaryPrimitives.ReadUInt16BigEndian(datagram), BinaryPrimitives.ReadUInt16BigEndian(datagram.Slice(2, 2)), length, BinaryPrimitives.ReadUInt16BigEndian(datagram.Slice(6, 2)));
        data = datagram[8..length];
        return true;
    }

    /// <summary>A 20-byte IPv4 header with DF set and its checksum computed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteIpv4(Span<byte> destination, int totalLength, ushort identification, byte ttl, byte protocol, uint source, uint target)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(16, 4), target);
        destination[0] = 0x45;
        destination[1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2, 2), (ushort)totalLength);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(4, 2), identification);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(6, 2), 0x4000);
        destination[8] = ttl;
        destination[9] = protocol;
        destination[10] = 0;
        destination[11] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(12, 4), source);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(10, 2), InternetChecksum.Compute(destination[..20]));
    }

    /// <summary>An 8-byte UDP header; the checksum is left 0 for <see cref="FillUdpChecksum"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteUdp(Span<byte> destination, ushort sourcePort, ushort destinationPort, int length)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(6, 2), 0);
        BinaryPrimitives.WriteUInt16BigEndian(destination, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2, 2), destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(4, 2), (ushort)length);
    }

    /// <summary>
    /// The IPv4 (DF, TTL 64) and UDP headers in front of the <paramref name="length"/> octets at <c>packet[28..]</c>, both
    /// checksums computed; returns the packet's length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WrapUdp(Span<byte> packet, int length, ushort identification, uint source, uint target, ushort sourcePort, ushort destinationPort)
    {
        WriteIpv4(packet, 28 + length, identification, 64, Udp, source, target);
        WriteUdp(packet[20..], sourcePort, destinationPort, 8 + length);
        FillTransportChecksum(packet, 6);
        return 28 + length;
    }

    /// <summary>Computes the UDP or TCP checksum (pseudo-header included) of the segment after a 20-byte IPv4 header and stores it.</summary>
    public static void FillTransportChecksum(Span<byte> packet, int checksumOffset)
    {
        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(2, 2));
        Span<byte> segment = packet[20..totalLength];
        ushort checksum = InternetChecksum.ComputeTransport(
            new IPv4Address(BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(12, 4))),
            new IPv4Address(BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(16, 4))),
            packet[9],
            segment);
        if (packet[9] == Udp)
        {
            checksum = InternetChecksum.ForUdp(checksum);
        }

        BinaryPrimitives.WriteUInt16BigEndian(segment.Slice(checksumOffset, 2), checksum);
    }
}
