namespace Codec.Runtime.Tests.Primitives;

public class WireBitsBitFieldTests
{
    private static readonly int[] Widths = [1, 3, 7, 8, 13, 16, 19, 33, 63, 64];

    public static TheoryData<int, ByteOrder> WidthsAndOrders()
    {
        var data = new TheoryData<int, ByteOrder>();
        foreach (int width in Widths)
        {
            data.Add(width, ByteOrder.BigEndian);
            data.Add(width, ByteOrder.LittleEndian);
        }

        return data;
    }

    private static int BytesFor(int bitOffset, int bits) => (bitOffset + bits + 7) / 8;

    [Theory]
    [MemberData(nameof(WidthsAndOrders))]
    public void ReadBits_matches_reference_at_every_bit_offset(int bits, ByteOrder order)
    {
        var random = new Random((bits * 31) + (int)order);
        for (int bitOffset = 0; bitOffset <= 15; bitOffset++)
        {
            for (int trial = 0; trial < 40; trial++)
            {
                // Sometimes the span ends exactly at the field's last byte, sometimes there are spare bytes after it.
                int length = BytesFor(bitOffset, bits) + (trial % 3);
                byte[] buffer = Reference.RandomBytes(random, length);
                ulong expected = Reference.ReadBits(buffer, bitOffset, bits, order);
                ulong actual = WireBits.ReadBits(buffer, bitOffset, bits, order);
                Assert.True(expected == actual, $"{order} bits={bits} offset={bitOffset} buffer={Reference.Hex(buffer)}: expected 0x{expected:X}, got 0x{actual:X}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(WidthsAndOrders))]
    public void WriteBits_matches_reference_and_leaves_neighbouring_bits_alone(int bits, ByteOrder order)
    {
        var random = new Random((bits * 37) + (int)order);
        for (int bitOffset = 0; bitOffset <= 15; bitOffset++)
        {
            for (int trial = 0; trial < 40; trial++)
            {
                int length = BytesFor(bitOffset, bits) + (trial % 3);

                // Neighbours all ones, all zeros, or random: a stray clear or set shows in each case.
                byte[] original = (trial % 4) switch
                {
                    0 => Enumerable.Repeat((byte)0xFF, length).ToArray(),
                    1 => new byte[length],
                    _ => Reference.RandomBytes(random, length),
                };
                ulong value = (trial % 5) switch
                {
                    0 => 0,
                    1 => WireBits.Mask(bits),
                    _ => Reference.RandomUInt64(random) & WireBits.Mask(bits),
                };

                byte[] expected = Reference.WriteBits(original, bitOffset, bits, value, order);
                byte[] actual = (byte[])original.Clone();
                WireBits.WriteBits(actual, bitOffset, bits, value, order);
                Assert.True(
                    expected.AsSpan().SequenceEqual(actual),
                    $"{order} bits={bits} offset={bitOffset} value=0x{value:X} before={Reference.Hex(original)}: expected {Reference.Hex(expected)}, got {Reference.Hex(actual)}");
                Assert.Equal(value, WireBits.ReadBits(actual, bitOffset, bits, order));
            }
        }
    }

    [Theory]
    [MemberData(nameof(WidthsAndOrders))]
    public void WriteBits_ignores_value_bits_above_the_width(int bits, ByteOrder order)
    {
        if (bits == 64)
        {
            return;
        }

        var random = new Random(bits);
        for (int bitOffset = 0; bitOffset <= 15; bitOffset++)
        {
            byte[] original = Reference.RandomBytes(random, BytesFor(bitOffset, bits) + 1);
            ulong value = Reference.RandomUInt64(random) | ~WireBits.Mask(bits);
            byte[] expected = Reference.WriteBits(original, bitOffset, bits, value & WireBits.Mask(bits), order);
            byte[] actual = (byte[])original.Clone();
            WireBits.WriteBits(actual, bitOffset, bits, value, order);
            Assert.Equal(Reference.Hex(expected), Reference.Hex(actual));
        }
    }

    [Fact]
    public void Bit_numbering_follows_the_byte_order()
    {
        // Big-endian: bit 0 is the most significant bit of byte 0.
        byte[] be = new byte[2];
        WireBits.WriteBits(be, 0, 1, 1, ByteOrder.BigEndian);
        Assert.Equal(new byte[] { 0x80, 0x00 }, be);
        WireBits.WriteBits(be, 15, 1, 1, ByteOrder.BigEndian);
        Assert.Equal(new byte[] { 0x80, 0x01 }, be);

        // Little-endian: bit 0 is the least significant bit of byte 0.
        byte[] le = new byte[2];
        WireBits.WriteBits(le, 0, 1, 1, ByteOrder.LittleEndian);
        Assert.Equal(new byte[] { 0x01, 0x00 }, le);
        WireBits.WriteBits(le, 15, 1, 1, ByteOrder.LittleEndian);
        Assert.Equal(new byte[] { 0x01, 0x80 }, le);

        // IPv4 first byte 0x45: version (bits 0-3) = 4, IHL (bits 4-7) = 5.
        byte[] ip = [0x45];
        Assert.Equal(4UL, WireBits.ReadBits(ip, 0, 4, ByteOrder.BigEndian));
        Assert.Equal(5UL, WireBits.ReadBits(ip, 4, 4, ByteOrder.BigEndian));
        Assert.Equal(5UL, WireBits.ReadBits(ip, 0, 4, ByteOrder.LittleEndian));
        Assert.Equal(4UL, WireBits.ReadBits(ip, 4, 4, ByteOrder.LittleEndian));

        // IPv4 flags + fragment offset: 0x40 0x00 = DF set, offset 0; 0x20 0x10 = MF set, offset 16.
        Assert.Equal(2UL, WireBits.ReadBits([0x40, 0x00], 0, 3, ByteOrder.BigEndian));
        Assert.Equal(0UL, WireBits.ReadBits([0x40, 0x00], 3, 13, ByteOrder.BigEndian));
        Assert.Equal(1UL, WireBits.ReadBits([0x20, 0x10], 0, 3, ByteOrder.BigEndian));
        Assert.Equal(16UL, WireBits.ReadBits([0x20, 0x10], 3, 13, ByteOrder.BigEndian));

        // Whole aligned bytes: big-endian bit fields equal big-endian loads; little-endian ones equal little-endian loads.
        byte[] w = [0x12, 0x34, 0x56];
        Assert.Equal(0x123456UL, WireBits.ReadBits(w, 0, 24, ByteOrder.BigEndian));
        Assert.Equal(0x563412UL, WireBits.ReadBits(w, 0, 24, ByteOrder.LittleEndian));
    }

    [Theory]
    [InlineData(ByteOrder.BigEndian)]
    [InlineData(ByteOrder.LittleEndian)]
    public void Out_of_range_fields_throw_ArgumentOutOfRange_and_write_nothing(ByteOrder order)
    {
        foreach (int bits in Widths)
        {
            for (int bitOffset = 0; bitOffset <= 15; bitOffset++)
            {
                // One byte short of what the field needs; the span is a prefix of a larger array.
                int length = BytesFor(bitOffset, bits) - 1;
                byte[] backing = new byte[length + 16];
                Array.Fill(backing, (byte)0xA5);
                Assert.Throws<ArgumentOutOfRangeException>(() => WireBits.ReadBits(new ReadOnlySpan<byte>(backing, 0, length), bitOffset, bits, order));
                Assert.Throws<ArgumentOutOfRangeException>(() => WireBits.WriteBits(new Span<byte>(backing, 0, length), bitOffset, bits, 0, order));
                Assert.All(backing, b => Assert.Equal(0xA5, b));
            }
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => WireBits.ReadBits(new byte[4], -1, 4, order));
        Assert.Throws<ArgumentOutOfRangeException>(() => WireBits.WriteBits(new byte[4], -1, 4, 0, order));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(65)]
    [InlineData(128)]
    public void Widths_outside_1_to_64_throw_ArgumentOutOfRange(int bits)
    {
        byte[] buffer = new byte[32];
        foreach (var order in new[] { ByteOrder.BigEndian, ByteOrder.LittleEndian })
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => WireBits.ReadBits(buffer, 3, bits, order));
            Assert.Throws<ArgumentOutOfRangeException>(() => WireBits.WriteBits(buffer, 3, bits, 0, order));
        }
    }
}
