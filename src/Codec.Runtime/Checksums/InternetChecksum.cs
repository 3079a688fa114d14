using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Codec;

/// <summary>
/// The Internet checksum (RFC 1071): the 16-bit one's complement of the one's complement sum of 16-bit words,
/// and the incremental update of RFC 1624 for rewriting fields in place.
/// </summary>
public static class InternetChecksum
{
    /// <summary>
    /// Adds <paramref name="data"/> to a running 32-bit partial sum (RFC 1071 §4.1, taking 8 bytes per step; an odd
    /// final byte is padded with zero). Feed consecutive pieces that start at even offsets, then <see cref="Fold"/>.
    /// </summary>
    public static ulong Add(ulong partial, ReadOnlySpan<byte> data)
    {
        ulong sum = partial;
        ref byte p = ref MemoryMarshal.GetReference(data);
        int length = data.Length;
        int i = 0;

        // 32-bit big-endian words summed into 64 bits cannot overflow for any realistic length (2^32 words).
        for (; i + 8 <= length; i += 8)
        {
            ulong w = BinaryPrimitives.ReadUInt64BigEndian(data.Slice(i, 8));
            sum += (w >> 32) + (uint)w;
        }

        for (; i + 2 <= length; i += 2)
        {
            sum += (uint)((Unsafe.Add(ref p, i) << 8) | Unsafe.Add(ref p, i + 1));
        }

        if (i < length)
        {
            sum += (uint)(Unsafe.Add(ref p, i) << 8);
        }

        return sum;
    }

    /// <summary>Folds a partial sum to 16 bits and complements it: the value to put in a checksum field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort Fold(ulong sum)
    {
        sum = (sum >> 32) + (sum & 0xFFFF_FFFF);
        sum = (sum >> 32) + (sum & 0xFFFF_FFFF);
        sum = (sum >> 16) + (sum & 0xFFFF);
        sum = (sum >> 16) + (sum & 0xFFFF);
        sum = (sum >> 16) + (sum & 0xFFFF);
        return (ushort)~sum;
    }

    /// <summary>The checksum of <paramref name="data"/>.</summary>
    public static ushort Compute(ReadOnlySpan<byte> data) => Fold(Add(0, data));

    /// <summary>Whether data that includes its checksum field sums to zero (RFC 1071 §1, verification).</summary>
    public static bool IsValid(ReadOnlySpan<byte> data) => Compute(data) == 0;

    /// <summary>
    /// RFC 1624 eqn. 3: the new checksum after a 16-bit word covered by <paramref name="checksum"/> changed from
    /// <paramref name="oldWord"/> to <paramref name="newWord"/>: HC' = ~(~HC + ~m + m').
    /// </summary>
    public static ushort Update(ushort checksum, ushort oldWord, ushort newWord)
    {
        uint sum = (uint)(ushort)~checksum + (ushort)~oldWord + newWord;
        sum = (sum >> 16) + (sum & 0xFFFF);
        sum += sum >> 16;
        return (ushort)~sum;
    }

    /// <summary>RFC 1624 update for a 32-bit value (an IPv4 address) that changed.</summary>
    public static ushort Update(ushort checksum, uint oldValue, uint newValue) =>
        Update(Update(checksum, (ushort)(oldValue >> 16), (ushort)(newValue >> 16)), (ushort)oldValue, (ushort)newValue);
}
