namespace Codec.Runtime.Tests.Primitives;

public class WireBitsLoadStoreTests
{
    public static TheoryData<int, int> CountsAndOffsets()
    {
        var data = new TheoryData<int, int>();
        for (int count = 1; count <= 8; count++)
        {
            foreach (int offset in new[] { 0, 1, 2, 3, 5, 7, 8 })
            {
                data.Add(count, offset);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CountsAndOffsets))]
    public void LoadBigEndian_matches_reference(int count, int offset)
    {
        var random = new Random((count * 100) + offset);
        for (int trial = 0; trial < 50; trial++)
        {
            byte[] buffer = Reference.RandomBytes(random, 16);
            ulong expected = Reference.LoadBigEndian(buffer, offset, count);
            Assert.Equal(expected, WireBits.LoadBigEndian(ref buffer[0], offset, count));
            Assert.Equal(expected, WireBits.LoadBigEndian((ReadOnlySpan<byte>)buffer, offset, count));
            // Exactly-sized span: the checked overload must not need bytes past the field.
            Assert.Equal(expected, WireBits.LoadBigEndian(buffer.AsSpan(offset, count), 0, count));
        }
    }

    [Theory]
    [MemberData(nameof(CountsAndOffsets))]
    public void LoadLittleEndian_matches_reference(int count, int offset)
    {
        var random = new Random((count * 100) + offset + 7);
        for (int trial = 0; trial < 50; trial++)
        {
            byte[] buffer = Reference.RandomBytes(random, 16);
            ulong expected = Reference.LoadLittleEndian(buffer, offset, count);
            Assert.Equal(expected, WireBits.LoadLittleEndian(ref buffer[0], offset, count));
            Assert.Equal(expected, WireBits.LoadLittleEndian((ReadOnlySpan<byte>)buffer, offset, count));
            Assert.Equal(expected, WireBits.LoadLittleEndian(buffer.AsSpan(offset, count), 0, count));
        }
    }

    [Theory]
    [MemberData(nameof(CountsAndOffsets))]
    public void StoreBigEndian_matches_reference_and_touches_only_its_bytes(int count, int offset)
    {
        var random = new Random((count * 100) + offset + 13);
        for (int trial = 0; trial < 50; trial++)
        {
            byte[] original = Reference.RandomBytes(random, 16);
            ulong value = Reference.RandomUInt64(random);

            byte[] expected = (byte[])original.Clone();
            Reference.StoreBigEndian(expected, offset, count, value);

            byte[] viaRef = (byte[])original.Clone();
            WireBits.StoreBigEndian(ref viaRef[0], offset, count, value);
            Assert.Equal(Reference.Hex(expected), Reference.Hex(viaRef));

            byte[] viaSpan = (byte[])original.Clone();
            WireBits.StoreBigEndian(viaSpan.AsSpan(), offset, count, value);
            Assert.Equal(Reference.Hex(expected), Reference.Hex(viaSpan));

            byte[] viaTightSpan = (byte[])original.Clone();
            WireBits.StoreBigEndian(viaTightSpan.AsSpan(offset, count), 0, count, value);
            Assert.Equal(Reference.Hex(expected), Reference.Hex(viaTightSpan));

            // Round trip of the low `count` bytes.
            Assert.Equal(value & WireBits.Mask(count * 8), WireBits.LoadBigEndian((ReadOnlySpan<byte>)viaSpan, offset, count));
        }
    }

    [Theory]
    [MemberData(nameof(CountsAndOffsets))]
    public void StoreLittleEndian_matches_reference_and_touches_only_its_bytes(int count, int offset)
    {
        var random = new Random((count * 100) + offset + 17);
        for (int trial = 0; trial < 50; trial++)
        {
            byte[] original = Reference.RandomBytes(random, 16);
            ulong value = Reference.RandomUInt64(random);

            byte[] expected = (byte[])original.Clone();
            Reference.StoreLittleEndian(expected, offset, count, value);

            byte[] viaRef = (byte[])original.Clone();
            WireBits.StoreLittleEndian(ref viaRef[0], offset, count, value);
            Assert.Equal(Reference.Hex(expected), Reference.Hex(viaRef));

            byte[] viaSpan = (byte[])original.Clone();
            WireBits.StoreLittleEndian(viaSpan.AsSpan(), offset, count, value);
            Assert.Equal(Reference.Hex(expected), Reference.Hex(viaSpan));

            byte[] viaTightSpan = (byte[])original.Clone();
            WireBits.StoreLittleEndian(viaTightSpan.AsSpan(offset, count), 0, count, value);
            Assert.Equal(Reference.Hex(expected), Reference.Hex(viaTightSpan));

            Assert.Equal(value & WireBits.Mask(count * 8), WireBits.LoadLittleEndian((ReadOnlySpan<byte>)viaSpan, offset, count));
        }
    }

    [Fact]
    public void Known_values()
    {
        byte[] b = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08];
        Assert.Equal(0x0102030405060708UL, WireBits.LoadBigEndian((ReadOnlySpan<byte>)b, 0, 8));
        Assert.Equal(0x0807060504030201UL, WireBits.LoadLittleEndian((ReadOnlySpan<byte>)b, 0, 8));
        Assert.Equal(0x020304UL, WireBits.LoadBigEndian((ReadOnlySpan<byte>)b, 1, 3));
        Assert.Equal(0x040302UL, WireBits.LoadLittleEndian((ReadOnlySpan<byte>)b, 1, 3));
        Assert.Equal(0x0203040506UL, WireBits.LoadBigEndian((ReadOnlySpan<byte>)b, 1, 5));
        Assert.Equal(0x0605040302UL, WireBits.LoadLittleEndian((ReadOnlySpan<byte>)b, 1, 5));
        Assert.Equal(0x02030405060708UL, WireBits.LoadBigEndian((ReadOnlySpan<byte>)b, 1, 7));
        Assert.Equal(0x08070605040302UL, WireBits.LoadLittleEndian((ReadOnlySpan<byte>)b, 1, 7));

        var d = new byte[6];
        WireBits.StoreBigEndian(d.AsSpan(), 0, 6, 0xAABB_0011_2233_4455UL);
        Assert.Equal("001122334455", Reference.Hex(d));
        WireBits.StoreLittleEndian(d.AsSpan(), 0, 6, 0xAABB_0011_2233_4455UL);
        Assert.Equal("554433221100", Reference.Hex(d));
    }

    public static TheoryData<int, int, int> OutOfRange() => new()
    {
        // buffer length, offset, count
        { 0, 0, 1 },
        { 4, 0, 5 },
        { 4, 1, 4 },
        { 4, 4, 1 },
        { 8, 1, 8 },
        { 8, -1, 2 },
        { 16, 0, 0 },   // count must be 1..8
        { 16, 0, 9 },   // count must be 1..8
        { 16, 0, -1 },
        { 2, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Span_overloads_throw_ArgumentOutOfRange(int length, int offset, int count)
    {
        // The span handed to WireBits is a prefix of a larger array, so an unchecked access past its end would not
        // crash: it would silently read or write the neighbouring bytes, which the test then sees.
        byte[] backing = new byte[length + 16];
        Array.Fill(backing, (byte)0x5A);

        Assert.Throws<ArgumentOutOfRangeException>(() => WireBits.LoadBigEndian(new ReadOnlySpan<byte>(backing, 0, length), offset, count));
        Assert.Throws<ArgumentOutOfRangeException>(() => WireBits.LoadLittleEndian(new ReadOnlySpan<byte>(backing, 0, length), offset, count));
        Assert.Throws<ArgumentOutOfRangeException>(() => WireBits.StoreBigEndian(new Span<byte>(backing, 0, length), offset, count, ulong.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => WireBits.StoreLittleEndian(new Span<byte>(backing, 0, length), offset, count, ulong.MaxValue));
        Assert.All(backing, b => Assert.Equal(0x5A, b));
    }

    [Fact]
    public void Mask_edge_cases()
    {
        Assert.Equal(1UL, WireBits.Mask(1));
        Assert.Equal(0x7UL, WireBits.Mask(3));
        Assert.Equal(0xFFUL, WireBits.Mask(8));
        Assert.Equal(0xFFFF_FFFFUL, WireBits.Mask(32));
        Assert.Equal(0x1_FFFF_FFFFUL, WireBits.Mask(33));
        Assert.Equal(0x7FFF_FFFF_FFFF_FFFFUL, WireBits.Mask(63));
        Assert.Equal(ulong.MaxValue, WireBits.Mask(64));
        for (int bits = 1; bits <= 64; bits++)
        {
            Assert.Equal((ulong)Reference.MaskOf(bits), WireBits.Mask(bits));
        }
    }

    [Fact]
    public void SignExtend_edge_cases()
    {
        Assert.Equal(0L, WireBits.SignExtend(0, 1));
        Assert.Equal(-1L, WireBits.SignExtend(1, 1));
        Assert.Equal(127L, WireBits.SignExtend(0x7F, 8));
        Assert.Equal(-128L, WireBits.SignExtend(0x80, 8));
        Assert.Equal(-1L, WireBits.SignExtend(0xFF, 8));
        Assert.Equal(-1L, WireBits.SignExtend(0x1FF, 8));      // bits above the width are ignored
        Assert.Equal(0x7FL, WireBits.SignExtend(0xFF7F, 8));
        Assert.Equal(-4096L, WireBits.SignExtend(0x1000, 13));
        Assert.Equal(4095L, WireBits.SignExtend(0x0FFF, 13));
        Assert.Equal(int.MinValue, WireBits.SignExtend(0x8000_0000, 32));
        Assert.Equal(long.MinValue, WireBits.SignExtend(0x8000_0000_0000_0000, 64));
        Assert.Equal(-1L, WireBits.SignExtend(ulong.MaxValue, 64));
        Assert.Equal(long.MaxValue, WireBits.SignExtend(0x7FFF_FFFF_FFFF_FFFF, 64));
        Assert.Equal(-(1L << 62), WireBits.SignExtend(1UL << 62, 63));
        Assert.Equal((1L << 62) - 1, WireBits.SignExtend((1UL << 62) - 1, 63));

        var random = new Random(42);
        for (int bits = 1; bits <= 64; bits++)
        {
            for (int trial = 0; trial < 200; trial++)
            {
                ulong raw = Reference.RandomUInt64(random);
                var low = new System.Numerics.BigInteger(raw) & Reference.MaskOf(bits);
                var expected = low >= (System.Numerics.BigInteger.One << (bits - 1)) ? low - (System.Numerics.BigInteger.One << bits) : low;
                Assert.Equal((long)expected, WireBits.SignExtend(raw, bits));
            }
        }
    }
}
