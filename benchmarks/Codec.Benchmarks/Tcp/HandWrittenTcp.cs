using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Codec.Benchmarks;

/// <summary>The hand-written TCP reader: the fixed header with <see cref="BinaryPrimitives"/>, data offset checked, options walked.</summary>
internal static class HandWrittenTcp
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryRead(ReadOnlySpan<byte> packet, ref ulong acc)
    {
        if (!HandWrittenPackets.TryReadIpv4(packet, ref acc, out ReadOnlySpan<byte> segment) || segment.Length < 20)
        {
            return false;
        }

        int dataOffset = segment[12] >> 4;
        if (dataOffset < 5 || dataOffset * 4 > segment.Length || (segment[12] & 0x0F) != 0)
        {
            return false;
        }

        acc = TcpFold.Header(
            acc, BinaryPrimitives.ReadUInt16BigEndian(segment), BinaryPrimitives.ReadUInt16BigEndian(segment.Slice(2, 2)),
            BinaryPrimitives.ReadUInt32BigEndian(segment.Slice(4, 4)), BinaryPrimitives.ReadUInt32BigEndian(segment.Slice(8, 4)),
            dataOffset, segment[13], BinaryPrimitives.ReadUInt16BigEndian(segment.Slice(14, 2)),
            BinaryPrimitives.ReadUInt16BigEndian(segment.Slice(16, 2)), BinaryPrimitives.ReadUInt16BigEndian(segment.Slice(18, 2)));
        return TcpFold.TryFoldOptions(segment[20..(dataOffset * 4)], ref acc);
    }
}
