using System.Numerics;

namespace Codec.Runtime.Tests;

/// <summary>
/// Slow, obviously-correct reference implementations, written independently of the runtime: the whole buffer is
/// treated as one arbitrary-precision number, so that bit fields are plain shifts and masks of it.
/// </summary>
internal static class Reference
{
    /// <summary>The buffer as a big-endian number (byte 0 most significant).</summary>
    public static BigInteger BigEndianNumber(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: true, isBigEndian: true);

    /// <summary>The buffer as a little-endian number (byte 0 least significant).</summary>
    public static BigInteger LittleEndianNumber(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: true, isBigEndian: false);

    public static BigInteger MaskOf(int bits) => (BigInteger.One << bits) - 1;

    /// <summary>Bytes of <paramref name="n"/> as exactly <paramref name="length"/> bytes.</summary>
    public static byte[] ToBytes(BigInteger n, int length, bool bigEndian)
    {
        byte[] raw = n.ToByteArray(isUnsigned: true, isBigEndian: false); // little-endian, minimal length
        var result = new byte[length];
        for (int i = 0; i < Math.Min(raw.Length, length); i++)
        {
            result[i] = raw[i];
        }

        if (bigEndian)
        {
            Array.Reverse(result);
        }

        return result;
    }

    /// <summary>
    /// Big-endian bit numbering: bit 0 is the MSB of byte 0, so a field at bit <paramref name="bitOffset"/> of width
    /// <paramref name="bits"/> is the number shifted right by the bits that follow it.
    /// Little-endian: bit 0 is the LSB of byte 0, so the field is the number shifted right by <paramref name="bitOffset"/>.
    /// </summary>
    public static ulong ReadBits(byte[] buffer, int bitOffset, int bits, ByteOrder order)
    {
        int totalBits = buffer.Length * 8;
        BigInteger n;
        int shift;
        if (order == ByteOrder.LittleEndian)
        {
            n = LittleEndianNumber(buffer);
            shift = bitOffset;
        }
        else
        {
            n = BigEndianNumber(buffer);
            shift = totalBits - bitOffset - bits;
        }

        return (ulong)((n >> shift) & MaskOf(bits));
    }

    public static byte[] WriteBits(byte[] buffer, int bitOffset, int bits, ulong value, ByteOrder order)
    {
        int totalBits = buffer.Length * 8;
        bool little = order == ByteOrder.LittleEndian;
        BigInteger n = little ? LittleEndianNumber(buffer) : BigEndianNumber(buffer);
        int shift = little ? bitOffset : totalBits - bitOffset - bits;
        BigInteger fieldMask = MaskOf(bits) << shift;
        BigInteger all = MaskOf(totalBits);
        n = (n & (all ^ fieldMask)) | ((new BigInteger(value) & MaskOf(bits)) << shift);
        return ToBytes(n, buffer.Length, bigEndian: !little);
    }

    public static ulong LoadBigEndian(byte[] buffer, int offset, int count)
    {
        ulong v = 0;
        for (int i = 0; i < count; i++)
        {
            v = (v << 8) | buffer[offset + i];
        }

        return v;
    }

    public static ulong LoadLittleEndian(byte[] buffer, int offset, int count)
    {
        ulong v = 0;
        for (int i = 0; i < count; i++)
        {
            v |= (ulong)buffer[offset + i] << (8 * i);
        }

        return v;
    }

    public static void StoreBigEndian(byte[] buffer, int offset, int count, ulong value)
    {
        for (int i = 0; i < count; i++)
        {
            buffer[offset + i] = (byte)(value >> (8 * (count - 1 - i)));
        }
    }

    public static void StoreLittleEndian(byte[] buffer, int offset, int count, ulong value)
    {
        for (int i = 0; i < count; i++)
        {
            buffer[offset + i] = (byte)(value >> (8 * i));
        }
    }

    /// <summary>RFC 1071 taken literally: sum 16-bit big-endian words (odd byte padded with zero), fold carries, complement.</summary>
    public static ushort InternetChecksum(ReadOnlySpan<byte> data)
    {
        long sum = 0;
        for (int i = 0; i < data.Length; i += 2)
        {
            int hi = data[i];
            int lo = i + 1 < data.Length ? data[i + 1] : 0;
            sum += (hi << 8) | lo;
            while (sum > 0xFFFF)
            {
                sum = (sum & 0xFFFF) + (sum >> 16);
            }
        }

        return (ushort)~sum;
    }

    public static byte[] RandomBytes(Random random, int length)
    {
        var b = new byte[length];
        random.NextBytes(b);
        return b;
    }

    public static ulong RandomUInt64(Random random) => (ulong)random.NextInt64() ^ ((ulong)random.Next(4) << 62);

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);
}
