using System.Runtime.CompilerServices;
using Codec.Protocols.IPv4;
using Codec.Protocols.Tcp;

namespace Codec.Benchmarks;

/// <summary>
/// Our side of the TCP scenario: the generated <see cref="Ipv4Packet"/> and <see cref="TcpSegment"/> with its
/// generated <see cref="TcpOptions"/>. Reading hands the segment to a generated visitor (<see cref="TcpSegment.IElementVisitor"/>):
/// the header, then each option in wire order as soon as the read has validated it (as <see cref="TcpFold"/> requires),
/// so the options are walked once — reading the segment and then enumerating <c>tcp.Options</c> walked them twice (the
/// read validates the whole list first). Each known option's value is read with its generated type's bool
/// <c>TryRead</c> and must fill the value exactly (the rule of the list's typed accessors). Not the accessors themselves
/// (<c>TryGetMaximumSegmentSize</c> …): each searches the list from its start for the first option of its kind, so they
/// cannot fold in wire order nor see a repeated kind (two NOPs). Nor the types' <c>ReadOnlyView</c>: a probe measured
/// the fold through views at about 20 ns more per SYN than through <c>TryRead</c> (2026-11-27).
/// Writing uses <see cref="TcpOptions.Writer"/> in its bool forms (<c>TryAdd{Member}(value, out written)</c>).
/// </summary>
internal static class GeneratedTcp
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryRead(ReadOnlySpan<byte> packet, ref ulong acc)
    {
        if (!GeneratedPackets.TryReadIpv4(packet, ref acc, out ReadOnlySpan<byte> payload))
        {
            return false;
        }

        var fold = new SegmentFold { Acc = acc };
        if (!TcpSegment.TryRead(payload, ref fold, out _, out _))
        {
            return false;
        }

        acc = fold.Acc;
        return true;
    }

    /// <summary>Folds the segment's header, then its options in wire order up to the end option.</summary>
    private struct SegmentFold : TcpSegment.IElementVisitor
    {
        public ulong Acc;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void VisitHeader(in TcpSegment tcp) =>
            Acc = TcpFold.Header(Acc, tcp.SourcePort, tcp.DestinationPort, tcp.SequenceNumber, tcp.AcknowledgmentNumber, tcp.DataOffset, (int)tcp.Flags, tcp.Window, tcp.Checksum, tcp.UrgentPointer);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void VisitOptions(Codec.OptionEntry option)
        {
            int kind = option.Kind;
            ReadOnlySpan<byte> value = option.Value;
            switch (kind)
            {
                case TcpOptions.EndOfOptionListKind:
                    break; // the last option the read hands over
                case TcpOptions.NoOperationKind:
                    Acc = TcpFold.Option(Acc, kind, 0);
                    break;
                case TcpOptions.MaximumSegmentSizeKind when TcpMaximumSegmentSize.TryRead(value, out TcpMaximumSegmentSize mss, out int read) && read == value.Length:
                    Acc = TcpFold.Option(Acc, kind, mss.Value);
                    break;
                case TcpOptions.WindowScaleKind when TcpWindowScale.TryRead(value, out TcpWindowScale scale, out int read) && read == value.Length:
                    Acc = TcpFold.Option(Acc, kind, scale.ShiftCount);
                    break;
                case TcpOptions.SackPermittedKind when value.IsEmpty:
                    Acc = TcpFold.Option(Acc, kind, 0);
                    break;
                case TcpOptions.TimestampsKind when TcpTimestamps.TryRead(value, out TcpTimestamps timestamps, out int read) && read == value.Length:
                    Acc = TcpFold.Option(Acc, kind, ((ulong)timestamps.Value << 32) | timestamps.EchoReply);
                    break;
                default:
                    Acc = TcpFold.Option(Acc, kind, (ulong)(uint)option.Length);
                    break;
            }
        }
    }

    /// <summary>Writes the sample's options (MSS, SACK permitted, timestamps, NOP, window scale: 20 octets) with the generated writer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryWriteOptions(Span<byte> buffer, uint tsVal, out TcpOptions options)
    {
        var writer = new TcpOptions.Writer(buffer);
        if (!writer.TryAddMaximumSegmentSize(new TcpMaximumSegmentSize { Value = TcpSynSample.Mss }, out _)
            || !writer.TryAddSackPermitted(out _)
            || !writer.TryAddTimestamps(new TcpTimestamps { Value = tsVal }, out _)
            || !writer.TryAddNoOperation(out _)
            || !writer.TryAddWindowScale(new TcpWindowScale { ShiftCount = TcpSynSample.WindowScale }, out _))
        {
            options = default;
            return false;
        }

        options = writer.ToList();
        return true;
    }

    /// <summary>
    /// Writes SYN <paramref name="i"/> of the sample batch with the generated writers. A method of its own, not forced
    /// into the benchmark's loop: there it used up the JIT's inline budget of that small method, which then left span
    /// helpers, the view's constructor and the checksum as calls (1.43× against 1.04× the hand-written writer, 2026-11-27).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Write(Span<byte> packet, int i)
    {
        if (packet.Length < TcpSynSample.Length)
        {
            return 0;
        }

        // The options are written where the segment puts them, so TcpSegment.TryWrite leaves them there (no copy).
        if (!TryWriteOptions(packet.Slice(40, 20), TcpSynSample.TsValOf(i), out TcpOptions options))
        {
            return 0;
        }

        var tcp = new TcpSegment
        {
            SourcePort = TcpSynSample.SourcePortOf(i), DestinationPort = TcpSynSample.DestinationPort, SequenceNumber = TcpSynSample.SequenceOf(i),
            Flags = TcpFlags.Syn, Window = TcpSynSample.Window, Options = options,
        };
        if (!tcp.TryWrite(packet[20..], out int segmentLength))
        {
            return 0;
        }

        var source = new IPv4Address(TcpSynSample.Source);
        var destination = new IPv4Address(TcpSynSample.Destination);
        new TcpSegment.View(packet.Slice(20, segmentLength)).Checksum =
            InternetChecksum.ComputeTransport(source, destination, (byte)IPProtocol.Tcp, packet.Slice(20, segmentLength));
        var ip = new Ipv4Packet
        {
            Identification = TcpSynSample.IdentificationOf(i), DontFragment = true, Ttl = 64, Protocol = IPProtocol.Tcp,
            Source = source, Destination = destination, Payload = packet.Slice(20, segmentLength),
        };
        return ip.TryWrite(packet, out int written) ? written : 0;
    }
}
