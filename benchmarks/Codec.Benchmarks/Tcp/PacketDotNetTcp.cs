using PacketDotNet;
using PacketDotNet.Tcp;

namespace Codec.Benchmarks;

/// <summary>PacketDotNet 1.4.8's side of the TCP scenario: <see cref="TcpPacket"/> with its <c>OptionsCollection</c>.</summary>
internal static class PacketDotNetTcp
{
    public static bool TryRead(byte[] packet, ref ulong acc)
    {
        if (PacketDotNetPackets.TryReadIpv4(packet, ref acc) is not IPv4Packet ip || ip.PayloadPacket is not TcpPacket tcp)
        {
            return false;
        }

        acc = TcpFold.Header(acc, tcp.SourcePort, tcp.DestinationPort, tcp.SequenceNumber, tcp.AcknowledgmentNumber, tcp.DataOffset, tcp.Flags, tcp.WindowSize, tcp.Checksum, tcp.UrgentPointer);
        foreach (TcpOption option in tcp.OptionsCollection)
        {
            int kind = (int)option.Kind;
            if (kind == TcpFold.EndOfOptions)
            {
                break;
            }

            acc = option switch
            {
                MaximumSegmentSizeOption mss => TcpFold.Option(acc, kind, mss.Value),
                WindowScaleFactorOption scale => TcpFold.Option(acc, kind, scale.ScaleFactor),
                TimeStampOption timestamps => TcpFold.Option(acc, kind, ((ulong)timestamps.Value << 32) | timestamps.EchoReply),
                NoOperationOption or SelectiveAcknowledgmentPermittedOption => TcpFold.Option(acc, kind, 0),
                _ => TcpFold.Option(acc, kind, option.Length),
            };
        }

        return true;
    }

    /// <summary>
    /// SYN <paramref name="i"/> with PacketDotNet's builders. PacketDotNet's options are views over octets (each option
    /// class is constructed from a byte array), so the options are laid out by hand into a new array, as its users do.
    /// </summary>
    public static int Write(Span<byte> destination, int i, System.Net.IPAddress source, System.Net.IPAddress target)
    {
        // TcpPacket(ushort, ushort) allocates a 20-octet header that the Options setter cannot grow, so a header with
        // room for the options is made first (data offset 10 in an otherwise empty 40-octet segment).
        byte[] header = new byte[40];
        header[12] = 10 << 4;
        byte[] options = new byte[20];
        TcpSynSample.WriteOptions(options, TcpSynSample.TsValOf(i));
        var tcp = new TcpPacket(new PacketDotNet.Utils.ByteArraySegment(header))
        {
            SourcePort = TcpSynSample.SourcePortOf(i), DestinationPort = TcpSynSample.DestinationPort,
            SequenceNumber = TcpSynSample.SequenceOf(i), Synchronize = true, WindowSize = TcpSynSample.Window, Options = options,
        };
        var ip = new IPv4Packet(source, target) { Id = TcpSynSample.IdentificationOf(i), FragmentFlags = 2, TimeToLive = 64, PayloadPacket = tcp };
        ip.UpdateCalculatedValues();
        tcp.UpdateCalculatedValues();
        tcp.UpdateTcpChecksum();
        ip.UpdateIPChecksum();
        byte[] bytes = ip.Bytes;
        bytes.CopyTo(destination);
        return bytes.Length;
    }
}
