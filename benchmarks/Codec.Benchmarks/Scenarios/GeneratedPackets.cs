using System.Runtime.CompilerServices;
using Codec.Protocols.IPv4;
using Codec.Protocols.Udp;

namespace Codec.Benchmarks;

/// <summary>Our side of the IPv4 and UDP layers: the generated <see cref="Ipv4Packet"/> (header checksum verified) and <see cref="UdpDatagram"/>.</summary>
internal static class GeneratedPackets
{
    /// <summary>
    /// Reads the IPv4 packet with its generated visitor: the header is folded in <see cref="HeaderFold.VisitHeader"/>,
    /// as soon as it is read, and the packet then read on (options validated, header checksum verified). Folding the
    /// fields from the returned packet instead kept a dozen of them alive across the inlined checksum loop, spilled to
    /// the stack; a packet that does not read still returns false (the fold is dropped).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadIpv4(ReadOnlySpan<byte> packet, ref ulong acc, out ReadOnlySpan<byte> payload)
    {
        var fold = new HeaderFold { Acc = acc };
        if (!Ipv4Packet.TryRead(packet, ref fold, out Ipv4Packet ip, out _))
        {
            payload = default;
            return false;
        }

        acc = fold.Acc;
        payload = ip.Payload;
        return true;
    }

    /// <summary>Folds the fixed IPv4 header (<see cref="Fold.Ipv4"/>); options are not folded, as the hand-written reader does not.</summary>
    private struct HeaderFold : Ipv4Packet.IElementVisitor
    {
        public ulong Acc;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void VisitHeader(in Ipv4Packet ip) =>
            Acc = Fold.Ipv4(
                Acc, ip.Ihl * 4, (ip.Dscp << 2) | ip.Ecn, ip.TotalLength, ip.Identification, (ip.DontFragment ? 2 : 0) | (ip.MoreFragments ? 1 : 0),
                ip.FragmentOffset, ip.Ttl, (int)ip.Protocol, ip.HeaderChecksum, ip.Source.Value, ip.Destination.Value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void VisitOptions(Codec.OptionEntry element)
        {
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadUdp(ReadOnlySpan<byte> datagram, ref ulong acc, out ReadOnlySpan<byte> data)
    {
        if (!UdpDatagram.TryRead(datagram, out UdpDatagram udp, out _))
        {
            data = default;
            return false;
        }

        acc = Fold.Udp(acc, udp.SourcePort, udp.DestinationPort, udp.Length, udp.Checksum);
        data = udp.Data;
        return true;
    }

    /// <summary>
    /// Wraps the <paramref name="dataLength"/> octets already at <c>packet[28..]</c> in UDP and IPv4 headers with the
    /// generated writers: <see cref="Ipv4Packet"/> (IHL, total length and header checksum computed) around the UDP
    /// datagram's place, then <see cref="UdpDatagram"/> (length computed), then the UDP checksum set through the generated
    /// <see cref="UdpHeader.View"/>. Both writers copy a payload into place unless it already lies there, as here: then
    /// they do not copy it. Outer header first, as the hand-written writer does: the checksum then reads the datagram
    /// after the IPv4 header's stores, not straight after its own.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int WrapUdp(Span<byte> packet, int dataLength, ushort identification, uint source, uint destination, ushort sourcePort, ushort destinationPort)
    {
        var sourceAddress = new IPv4Address(source);
        var destinationAddress = new IPv4Address(destination);
        int udpLength = UdpDatagram.MinimumSize + dataLength;
        if ((uint)udpLength > (uint)(packet.Length - 20))
        {
            return 0;
        }

        var ip = new Ipv4Packet
        {
            Identification = identification, DontFragment = true, Ttl = 64, Protocol = IPProtocol.Udp,
            Source = sourceAddress, Destination = destinationAddress, Payload = packet.Slice(20, udpLength),
        };
        if (!ip.TryWrite(packet, out int written))
        {
            return 0;
        }

        var udp = new UdpDatagram { SourcePort = sourcePort, DestinationPort = destinationPort, Data = packet.Slice(28, dataLength) };
        if (!udp.TryWrite(packet[20..], out _))
        {
            return 0;
        }

        new UdpHeader.View(packet.Slice(20, 8)).Checksum =
            InternetChecksum.ForUdp(InternetChecksum.ComputeTransport(sourceAddress, destinationAddress, (byte)IPProtocol.Udp, packet.Slice(20, udpLength)));
        return written;
    }
}
