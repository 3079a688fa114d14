using System.Net;
using PacketDotNet;
using PacketDotNet.Utils;

namespace Codec.Benchmarks;

/// <summary>
/// PacketDotNet 1.4.8 for the IPv4 and UDP layers: <see cref="IPv4Packet"/> over a <see cref="ByteArraySegment"/>
/// (the header checksum checked with <see cref="IPv4Packet.ValidIPChecksum"/>, as the generated reader verifies it),
/// the <see cref="UdpPacket"/> it decodes as its payload; and the same classes to build packets.
/// </summary>
internal static class PacketDotNetPackets
{
    public static IPv4Packet? TryReadIpv4(byte[] packet, ref ulong acc)
    {
        var ip = new IPv4Packet(new ByteArraySegment(packet));
        if (!ip.ValidIPChecksum)
        {
            return null;
        }

        acc = Fold.Ipv4(
            acc, ip.HeaderLength * 4, ip.TypeOfService, ip.TotalLength, ip.Id, ip.FragmentFlags, ip.FragmentOffset, ip.TimeToLive,
            (int)ip.Protocol, ip.Checksum, Fold.Address(ip.SourceAddress), Fold.Address(ip.DestinationAddress));
        return ip;
    }

    public static UdpPacket? TryReadUdp(IPv4Packet ip, ref ulong acc)
    {
        if (ip.PayloadPacket is not UdpPacket udp)
        {
            return null;
        }

        acc = Fold.Udp(acc, udp.SourcePort, udp.DestinationPort, udp.Length, udp.Checksum);
        return udp;
    }

    /// <summary>An IPv4 address as PacketDotNet wants it.</summary>
    public static IPAddress Address(uint value) => new([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);

    /// <summary>Wraps <paramref name="data"/> in UDP and IPv4 with PacketDotNet, checksums computed, and copies the packet into <paramref name="destination"/>.</summary>
    public static int WriteUdp(Span<byte> destination, byte[] data, ushort identification, IPAddress source, IPAddress target, ushort sourcePort, ushort destinationPort)
    {
        var udp = new UdpPacket(sourcePort, destinationPort) { PayloadData = data };
        var ip = new IPv4Packet(source, target) { Id = identification, FragmentFlags = 2, TimeToLive = 64, PayloadPacket = udp };
        ip.UpdateCalculatedValues();
        udp.UpdateCalculatedValues();
        udp.UpdateUdpChecksum();
        ip.UpdateIPChecksum();
        byte[] bytes = ip.Bytes;
        bytes.CopyTo(destination);
        return bytes.Length;
    }
}
