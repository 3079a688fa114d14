using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Codec;

/// <summary>
/// Loads and stores of 1–8 byte big- and little-endian words, as generated code uses them.
/// The <c>ref byte</c> overloads do no bounds check: callers check the length once, up front (the generated
/// readers do so for the whole fixed part). The span overloads check, and are what views and hand-written code use.
/// </summary>
public static class WireBits
{
    /// <summary>Reads <paramref name="count"/> (1–8) bytes at <paramref name="offset"/> as a big-endian number. No bounds check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong LoadBigEndian(ref byte start, int offset, int count)
    {
        ref byte p = ref Unsafe.Add(ref start, offset);
        switch (count)
        {
            case 1: return p;
            case 2: return ReadUInt16BigEndian(ref p);
            case 3: return ((ulong)ReadUInt16BigEndian(ref p) << 8) | Unsafe.Add(ref p, 2);
            case 4: return ReadUInt32BigEndian(ref p);
            case 5: return ((ulong)ReadUInt32BigEndian(ref p) << 8) | Unsafe.Add(ref p, 4);
            case 6: return ((ulong)ReadUInt32BigEndian(ref p) << 16) | ReadUInt16BigEndian(ref Unsafe.Add(ref p, 4));
            case 7: return ((ulong)ReadUInt32BigEndian(ref p) << 24) | ((ulong)ReadUInt16BigEndian(ref Unsafe.Add(ref p, 4)) << 8) | Unsafe.Add(ref p, 6);
            default: return ReadUInt64BigEndian(ref p);
        }
    }

    /// <summary>Reads <paramref name="count"/> (1–8) bytes at <paramref name="offset"/> as a little-endian number. No bounds check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong LoadLittleEndian(ref byte start, int offset, int count)
    {
        ref byte p = ref Unsafe.Add(ref start, offset);
        switch (count)
        {
            case 1: return p;
            case 2: return ReadUInt16LittleEndian(ref p);
            case 3: return ReadUInt16LittleEndian(ref p) | ((ulong)Unsafe.Add(ref p, 2) << 16);
            case 4: return ReadUInt32LittleEndian(ref p);
            case 5: return ReadUInt32LittleEndian(ref p) | ((ulong)Unsafe.Add(ref p, 4) << 32);
            case 6: return ReadUInt32LittleEndian(ref p) | ((ulong)ReadUInt16LittleEndian(ref Unsafe.Add(ref p, 4)) << 32);
            case 7: return ReadUInt32LittleEndian(ref p) | ((ulong)ReadUInt16LittleEndian(ref Unsafe.Add(ref p, 4)) << 32) | ((ulong)Unsafe.Add(ref p, 6) << 48);
            default: return ReadUInt64LittleEndian(ref p);
        }
    }

    /// <summary>Writes the low <paramref name="count"/> (1–8) bytes of <paramref name="value"/> big-endian at <paramref name="offset"/>. No bounds check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreBigEndian(ref byte start, int offset, int count, ulong value)
    {
        ref byte p = ref Unsafe.Add(ref start, offset);
        switch (count)
        {
            case 1: p = (byte)value; break;
            case 2: WriteUInt16BigEndian(ref p, (ushort)value); break;
            case 3: WriteUInt16BigEndian(ref p, (ushort)(value >> 8)); Unsafe.Add(ref p, 2) = (byte)value; break;
            case 4: WriteUInt32BigEndian(ref p, (uint)value); break;
            case 5: WriteUInt32BigEndian(ref p, (uint)(value >> 8)); Unsafe.Add(ref p, 4) = (byte)value; break;
            case 6: WriteUInt32BigEndian(ref p, (uint)(value >> 16)); WriteUInt16BigEndian(ref Unsafe.Add(ref p, 4), (ushort)value); break;
            case 7: WriteUInt32BigEndian(ref p, (uint)(value >> 24)); WriteUInt16BigEndian(ref Unsafe.Add(ref p, 4), (ushort)(value >> 8)); Unsafe.Add(ref p, 6) = (byte)value; break;
            default: WriteUInt64BigEndian(ref p, value); break;
        }
    }

    /// <summary>Writes the low <paramref name="count"/> (1–8) bytes of <paramref name="value"/> little-endian at <paramref name="offset"/>. No bounds check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreLittleEndian(ref byte start, int offset, int count, ulong value)
    {
        ref byte p = ref Unsafe.Add(ref start, offset);
        switch (count)
        {
            case 1: p = (byte)value; break;
            case 2: WriteUInt16LittleEndian(ref p, (ushort)value); break;
            case 3: WriteUInt16LittleEndian(ref p, (ushort)value); Unsafe.Add(ref p, 2) = (byte)(value >> 16); break;
            case 4: WriteUInt32LittleEndian(ref p, (uint)value); break;
            case 5: WriteUInt32LittleEndian(ref p, (uint)value); Unsafe.Add(ref p, 4) = (byte)(value >> 32); break;
            case 6: WriteUInt32LittleEndian(ref p, (uint)value); WriteUInt16LittleEndian(ref Unsafe.Add(ref p, 4), (ushort)(value >> 32)); break;
            case 7: WriteUInt32LittleEndian(ref p, (uint)value); WriteUInt16LittleEndian(ref Unsafe.Add(ref p, 4), (ushort)(value >> 32)); Unsafe.Add(ref p, 6) = (byte)(value >> 48); break;
            default: WriteUInt64LittleEndian(ref p, value); break;
        }
    }

    // Loads and stores at a field's natural width: small enough to inline everywhere (the count-switch versions above
    // can exhaust the JIT's inlining budget in large callers), and no widening to 64 bits.

    /// <summary>The byte at <paramref name="offset"/>. No bounds check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte LoadByte(ref byte start, int offset) => Unsafe.Add(ref start, offset);

    /// <summary>A big-endian 16-bit number at <paramref name="offset"/>. No bounds check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort LoadUInt16BigEndian(ref byte start, int offset) => ReadUInt16BigEndian(ref Unsafe.Add(ref start, offset));

    /// <summary>A big-endian 32-bit number at <paramref name="offset"/>. No bounds check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint LoadUInt32BigEndian(ref byte start, int offset) => ReadUInt32BigEndian(ref Unsafe.Add(ref start, offset));

    /// <summary>A big-endian 64-bit number at <paramref name="offset"/>. No bounds check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong LoadUInt64BigEndian(ref byte start, int offset) => ReadUInt64BigEndian(ref Unsafe.Add(ref start, offset));

    /// <summary>A little-endian 16-bit number at <paramref name="offset"/>. No bounds check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort LoadUInt16LittleEndian(ref byte start, int offset) => ReadUInt16LittleEndian(ref Unsafe.Add(ref start, offset));

    /// <summary>A little-endian 32-bit number at <paramref name="offset"/>. No bounds check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint LoadUInt32LittleEndian(ref byte start, int offset) => ReadUInt32LittleEndian(ref Unsafe.Add(ref start, offset));

    /// <summary>A little-endian 64-bit number at <paramref name="offset"/>. No bounds check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong LoadUInt64LittleEndian(ref byte start, int offset) => ReadUInt64LittleEndian(ref Unsafe.Add(ref start, offset));

    /// <summary>Stores a byte at <paramref name="offset"/>. No bounds check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreByte(ref byte start, int offset, byte value) => Unsafe.Add(ref start, offset) = value;

    /// <summary>Stores a big-endian 16-bit number at <paramref name="offset"/>. No bounds check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreUInt16BigEndian(ref byte start, int offset, ushort value) => WriteUInt16BigEndian(ref Unsafe.Add(ref start, offset), value);

    /// <summary>Stores a big-endian 32-bit number at <paramref name="offset"/>. No bounds check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreUInt32BigEndian(ref byte start, int offset, uint value) => WriteUInt32BigEndian(ref Unsafe.Add(ref start, offset), value);

    /// <summary>Stores a big-endian 64-bit number at <paramref name="offset"/>. No bounds check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreUInt64BigEndian(ref byte start, int offset, ulong value) => WriteUInt64BigEndian(ref Unsafe.Add(ref start, offset), value);

    /// <summary>Stores a little-endian 16-bit number at <paramref name="offset"/>. No bounds check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreUInt16LittleEndian(ref byte start, int offset, ushort value) => WriteUInt16LittleEndian(ref Unsafe.Add(ref start, offset), value);

    /// <summary>Stores a little-endian 32-bit number at <paramref name="offset"/>. No bounds check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreUInt32LittleEndian(ref byte start, int offset, uint value) => WriteUInt32LittleEndian(ref Unsafe.Add(ref start, offset), value);

    /// <summary>Stores a little-endian 64-bit number at <paramref name="offset"/>. No bounds check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreUInt64LittleEndian(ref byte start, int offset, ulong value) => WriteUInt64LittleEndian(ref Unsafe.Add(ref start, offset), value);

    /// <summary>Bounds-checked <see cref="LoadBigEndian(ref byte, int, int)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong LoadBigEndian(ReadOnlySpan<byte> source, int offset, int count) =>
        LoadBigEndian(ref MemoryMarshal.GetReference(source.Slice(offset, CheckCount(count))), 0, count);

    /// <summary>Bounds-checked <see cref="LoadLittleEndian(ref byte, int, int)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong LoadLittleEndian(ReadOnlySpan<byte> source, int offset, int count) =>
        LoadLittleEndian(ref MemoryMarshal.GetReference(source.Slice(offset, CheckCount(count))), 0, count);

    /// <summary>Bounds-checked <see cref="StoreBigEndian(ref byte, int, int, ulong)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreBigEndian(Span<byte> destination, int offset, int count, ulong value) =>
        StoreBigEndian(ref MemoryMarshal.GetReference(destination.Slice(offset, CheckCount(count))), 0, count, value);

    /// <summary>Bounds-checked <see cref="StoreLittleEndian(ref byte, int, int, ulong)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreLittleEndian(Span<byte> destination, int offset, int count, ulong value) =>
        StoreLittleEndian(ref MemoryMarshal.GetReference(destination.Slice(offset, CheckCount(count))), 0, count, value);

    /// <summary>A mask of the low <paramref name="bits"/> bits (1–64).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mask(int bits) => bits >= 64 ? ulong.MaxValue : (1UL << bits) - 1;

    /// <summary>Sign-extends the low <paramref name="bits"/> bits of <paramref name="raw"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long SignExtend(ulong raw, int bits) => bits >= 64 ? (long)raw : (long)(raw << (64 - bits)) >> (64 - bits);

    /// <summary>
    /// Reads a field of <paramref name="bits"/> (1–64) bits at bit <paramref name="bitOffset"/> of <paramref name="source"/>.
    /// Big-endian numbers bits from the most significant bit of byte 0, little-endian from the least significant.
    /// Bounds-checked; this is the general path behind <see cref="BitReader"/> and wide bit groups.
    /// </summary>
    public static ulong ReadBits(ReadOnlySpan<byte> source, int bitOffset, int bits, ByteOrder order)
    {
        // Bounds are checked once for the whole window, then bit by bit: this is the rare, general path.
        ReadOnlySpan<byte> window = source.Slice(bitOffset >> 3, WindowLength(bitOffset, bits));
        int start = bitOffset & 7;
        ulong value = 0;
        for (int i = 0; i < bits; i++)
        {
            int bit = start + i;
            if (order == ByteOrder.LittleEndian)
            {
                value |= (ulong)((window[bit >> 3] >> (bit & 7)) & 1) << i;
            }
            else
            {
                value = (value << 1) | (uint)((window[bit >> 3] >> (7 - (bit & 7))) & 1);
            }
        }

        return value;
    }

    /// <summary>
    /// Writes the low <paramref name="bits"/> bits of <paramref name="value"/> at bit <paramref name="bitOffset"/>,
    /// leaving the other bits of the bytes it touches as they are. Bounds-checked.
    /// </summary>
    public static void WriteBits(Span<byte> destination, int bitOffset, int bits, ulong value, ByteOrder order)
    {
        // As in ReadBits: check the whole window first, so that a field that does not fit writes nothing.
        Span<byte> window = destination.Slice(bitOffset >> 3, WindowLength(bitOffset, bits));
        int start = bitOffset & 7;
        value &= Mask(bits);
        for (int i = 0; i < bits; i++)
        {
            int bit = start + i;
            int byteIndex = bit >> 3;
            int mask;
            bool set;
            if (order == ByteOrder.LittleEndian)
            {
                mask = 1 << (bit & 7);
                set = ((value >> i) & 1) != 0;
            }
            else
            {
                mask = 0x80 >> (bit & 7);
                set = ((value >> (bits - 1 - i)) & 1) != 0;
            }

            window[byteIndex] = set ? (byte)(window[byteIndex] | mask) : (byte)(window[byteIndex] & ~mask);
        }
    }

    /// <summary>Bytes touched by a field of 1–64 bits at <paramref name="bitOffset"/>; throws for other widths and negative offsets.</summary>
    private static int WindowLength(int bitOffset, int bits)
    {
        if (bits is < 1 or > 64)
        {
            ThrowArgumentOutOfRange(nameof(bits));
        }

        if (bitOffset < 0)
        {
            ThrowArgumentOutOfRange(nameof(bitOffset));
        }

        return ((bitOffset + bits - 1) >> 3) - (bitOffset >> 3) + 1;
    }

    /// <summary>Returns <paramref name="count"/> if it is 1–8: the span overloads must not read or write past a shorter slice.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CheckCount(int count)
    {
        if ((uint)(count - 1) > 7)
        {
            ThrowArgumentOutOfRange(nameof(count));
        }

        return count;
    }

    [DoesNotReturn]
    private static void ThrowArgumentOutOfRange(string name) =>
        throw new ArgumentOutOfRangeException(name);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ushort ReadUInt16BigEndian(ref byte p)
    {
        ushort v = Unsafe.ReadUnaligned<ushort>(ref p);
        return BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(v) : v;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ReadUInt32BigEndian(ref byte p)
    {
        uint v = Unsafe.ReadUnaligned<uint>(ref p);
        return BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(v) : v;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadUInt64BigEndian(ref byte p)
    {
        ulong v = Unsafe.ReadUnaligned<ulong>(ref p);
        return BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(v) : v;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ushort ReadUInt16LittleEndian(ref byte p)
    {
        ushort v = Unsafe.ReadUnaligned<ushort>(ref p);
        return BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ReadUInt32LittleEndian(ref byte p)
    {
        uint v = Unsafe.ReadUnaligned<uint>(ref p);
        return BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadUInt64LittleEndian(ref byte p)
    {
        ulong v = Unsafe.ReadUnaligned<ulong>(ref p);
        return BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteUInt16BigEndian(ref byte p, ushort v) =>
        Unsafe.WriteUnaligned(ref p, BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(v) : v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteUInt32BigEndian(ref byte p, uint v) =>
        Unsafe.WriteUnaligned(ref p, BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(v) : v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteUInt64BigEndian(ref byte p, ulong v) =>
        Unsafe.WriteUnaligned(ref p, BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(v) : v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteUInt16LittleEndian(ref byte p, ushort v) =>
        Unsafe.WriteUnaligned(ref p, BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteUInt32LittleEndian(ref byte p, uint v) =>
        Unsafe.WriteUnaligned(ref p, BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteUInt64LittleEndian(ref byte p, ulong v) =>
        Unsafe.WriteUnaligned(ref p, BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v));
}
