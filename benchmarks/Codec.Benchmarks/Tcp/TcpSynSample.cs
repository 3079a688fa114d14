using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Codec.Benchmarks;

/// <summary>
/// The TCP scenario's input: a 60-octet IPv4 + TCP SYN as Linux sends it, from 192.0.2.10:50000+i to
/// 198.51.100.80:443, with the options in Linux's order (RFC 9293 §3.2, RFC 7323, RFC 2018):
/// <code>
/// 02 04 05 b4                    MSS 1460
/// 04 02                          SACK permitted
/// 08 0a TSval(4) 00 00 00 00     timestamps, TSecr 0
/// 01                             NOP
/// 03 03 07                       window scale 7
/// </code>
/// Built by hand (see <see cref="Write"/>); the batch varies the IPv4 identification, the source port, the initial
/// sequence number and TSval (checksums recomputed).
/// </summary>
internal static class TcpSynSample
{
    public const int BatchSize = 16;
    public const int Length = 60;
    public const uint Source = 0xC000020A;       // 192.0.2.10
    public const uint Destination = 0xC6336450;  // 198.51.100.80
    public const ushort DestinationPort = 443;
    public const ushort Window = 64240;
    public const ushort Mss = 1460;
    public const byte WindowScale = 7;

    public static ushort SourcePortOf(int i) => (ushort)(50000 + i);

    public static uint SequenceOf(int i) => 0x9e3779b9u * (uint)(i + 1);

    public static uint TsValOf(int i) => 0x0badf00du + (uint)i;

    public static ushort IdentificationOf(int i) => (ushort)(0x2000 + i);

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

    /// <summary>The hand-written writer: packet <paramref name="i"/> of the batch, both checksums computed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Write(Span<byte> packet, int i)
    {
        if (packet.Length < Length)
        {
            return 0;
        }

        HandWrittenPackets.WriteIpv4(packet, Length, IdentificationOf(i), 64, HandWrittenPackets.Tcp, Source, Destination);
        Span<byte> tcp = packet.Slice(20, 40);
        BinaryPrimitives.WriteUInt16BigEndian(tcp, SourcePortOf(i));
        BinaryPrimitives.WriteUInt16BigEndian(tcp.Slice(2, 2), DestinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(tcp.Slice(4, 4), SequenceOf(i));
        BinaryPrimitives.WriteUInt32BigEndian(tcp.Slice(8, 4), 0);
        tcp[12] = 10 << 4;   // data offset: 40 octets
        tcp[13] = 0x02;      // SYN
        BinaryPrimitives.WriteUInt16BigEndian(tcp.Slice(14, 2), Window);
        BinaryPrimitives.WriteUInt32BigEndian(tcp.Slice(16, 4), 0); // checksum (filled below), urgent pointer
        WriteOptions(tcp.Slice(20, 20), TsValOf(i));
        HandWrittenPackets.FillTransportChecksum(packet, 16);
        return Length;
    }

    /// <summary>The 20 octets of options, hand-written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteOptions(Span<byte> options, uint tsVal)
    {
        BinaryPrimitives.WriteUInt32BigEndian(options, 0x0204_0000u | Mss);
        BinaryPrimitives.WriteUInt32BigEndian(options.Slice(4, 4), 0x0402_080a);
        BinaryPrimitives.WriteUInt32BigEndian(options.Slice(8, 4), tsVal);
        BinaryPrimitives.WriteUInt32BigEndian(options.Slice(12, 4), 0);
        BinaryPrimitives.WriteUInt32BigEndian(options.Slice(16, 4), 0x0103_0300u | WindowScale);
    }
}
