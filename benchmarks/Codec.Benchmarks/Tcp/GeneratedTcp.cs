using System.Runtime.CompilerServices;
using Codec.Protocols.IPv4;
using Codec.Protocols.Tcp;

namespace Codec.Benchmarks;

/// <summary>
/// Our side of the TCP scenario: the generated <see cref="Ipv4Packet"/> and the fixed <see cref="TcpHeader"/>, with the
/// options as the raw octets between the fixed header and the data offset. The options are handled in exactly one
/// place each way, <see cref="FoldOptions"/> and <see cref="WriteOptions"/>: today they walk and write the raw octets
/// by hand (<see cref="TcpFold.TryFoldOptions"/>, <see cref="TcpSynSample.WriteOptions"/>); when generated TCP options
/// exist, those two methods switch to them and the benchmarks then measure them.
/// </summary>
internal static class GeneratedTcp
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryRead(ReadOnlySpan<byte> packet, ref ulong acc)
    {
        if (!GeneratedPackets.TryReadIpv4(packet, ref acc, out ReadOnlySpan<byte> segment) || !TcpHeader.TryRead(segment, out TcpHeader tcp, out _))
        {
            return false;
        }

        int headerLength = tcp.DataOffset * 4;
        if (headerLength < TcpHeader.Size || headerLength > segment.Length)
        {
            return false;
        }

        acc = TcpFold.Header(acc, tcp.SourcePort, tcp.DestinationPort, tcp.SequenceNumber, tcp.AcknowledgmentNumber, tcp.DataOffset, (int)tcp.Flags, tcp.Window, tcp.Checksum, tcp.UrgentPointer);
        return FoldOptions(segment[TcpHeader.Size..headerLength], ref acc);
    }

    /// <summary>The options of a segment read by <see cref="TryRead"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool FoldOptions(ReadOnlySpan<byte> options, ref ulong acc) => TcpFold.TryFoldOptions(options, ref acc);

    /// <summary>Writes the sample's 20 octets of options; returns their length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteOptions(Span<byte> options, uint tsVal)
    {
        TcpSynSample.WriteOptions(options, tsVal);
        return 20;
    }

    /// <summary>Writes SYN <paramref name="i"/> of the sample batch with the generated writers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Write(Span<byte> packet, int i)
    {
        if (packet.Length < TcpSynSample.Length)
        {
            return 0;
        }

        int optionsLength = WriteOptions(packet.Slice(40, 20), TcpSynSample.TsValOf(i));
        var tcp = new TcpHeader
        {
            SourcePort = TcpSynSample.SourcePortOf(i), DestinationPort = TcpSynSample.DestinationPort, SequenceNumber = TcpSynSample.SequenceOf(i),
            DataOffset = (byte)((TcpHeader.Size + optionsLength) / 4), Flags = TcpFlags.Syn, Window = TcpSynSample.Window,
        };
        if (!tcp.TryWrite(packet.Slice(20, TcpHeader.Size), out _))
        {
            return 0;
        }

        var source = new IPv4Address(TcpSynSample.Source);
        var destination = new IPv4Address(TcpSynSample.Destination);
        int segmentLength = TcpHeader.Size + optionsLength;
        new TcpHeader.View(packet.Slice(20, TcpHeader.Size)).Checksum =
            InternetChecksum.ComputeTransport(source, destination, (byte)IPProtocol.Tcp, packet.Slice(20, segmentLength));
        var ip = new Ipv4Packet
        {
            Identification = TcpSynSample.IdentificationOf(i), DontFragment = true, Ttl = 64, Protocol = IPProtocol.Tcp,
            Source = source, Destination = destination, Payload = packet.Slice(20, segmentLength),
        };
        return ip.TryWrite(packet, out int written) ? written : 0;
    }
}
