using System.Buffers.Binary;
using Codec.Protocols.IPv4;
using Codec.Protocols.Udp;

namespace Codec.Transport.Tests.Tun;

/// <summary>Builds and checks IPv4/UDP packets with the generated headers and RFC 1071 checksums.</summary>
internal static class Udp4Packet
{
    private const int UdpChecksumOffset = 6;

    public static byte[] Build(IPv4Address source, ushort sourcePort, IPv4Address destination, ushort destinationPort, ReadOnlySpan<byte> payload)
    {
        int udpLength = UdpHeader.Size + payload.Length;
        var packet = new byte[Ipv4Header.Size + udpLength];
        var ip = new Ipv4Header
        {
            Ihl = Ipv4Header.Size / 4,
            TotalLength = (ushort)packet.Length,
            Identification = 0x4242,
            DontFragment = true,
            Ttl = 64,
            Protocol = IPProtocol.Udp,
            Source = source,
            Destination = destination,
        };
        Assert.True(ip.TryWrite(packet).IsDone);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(10), InternetChecksum.Compute(packet.AsSpan(0, Ipv4Header.Size)));

        Span<byte> segment = packet.AsSpan(Ipv4Header.Size);
        Assert.True(new UdpHeader { SourcePort = sourcePort, DestinationPort = destinationPort, Length = (ushort)udpLength }.TryWrite(segment).IsDone);
        payload.CopyTo(segment[UdpHeader.Size..]);
        ushort checksum = InternetChecksum.Fold(InternetChecksum.Add(PseudoHeaderSum(source, destination, udpLength), segment));
        BinaryPrimitives.WriteUInt16BigEndian(segment[UdpChecksumOffset..], checksum == 0 ? (ushort)0xFFFF : checksum); // RFC 768: 0 means none
        return packet;
    }

    /// <summary>Whether the UDP checksum of <paramref name="segment"/> (header and data) verifies.</summary>
    public static bool UdpChecksumIsValid(IPv4Address source, IPv4Address destination, ReadOnlySpan<byte> segment) =>
        InternetChecksum.Fold(InternetChecksum.Add(PseudoHeaderSum(source, destination, segment.Length), segment)) == 0;

    // RFC 768: source address, destination address, zero, protocol, UDP length.
    private static ulong PseudoHeaderSum(IPv4Address source, IPv4Address destination, int udpLength)
    {
        Span<byte> pseudo = stackalloc byte[12];
        BinaryPrimitives.WriteUInt32BigEndian(pseudo, source.Value);
        BinaryPrimitives.WriteUInt32BigEndian(pseudo[4..], destination.Value);
        pseudo[8] = 0;
        pseudo[9] = (byte)IPProtocol.Udp;
        BinaryPrimitives.WriteUInt16BigEndian(pseudo[10..], (ushort)udpLength);
        return InternetChecksum.Add(0, pseudo);
    }
}
