using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Codec.Runtime.Tests.Primitives;

/// <summary>A field to write: its width (1–64) and a value that fits it.</summary>
public sealed record BitField(int Width, ulong Value)
{
    public override string ToString() => $"({Width}, 0x{Value:X})";
}

/// <summary>A buffer, some bits already read from it, and a read request.</summary>
public sealed record ReadRequest(byte[] Buffer, int Consumed, int Width)
{
    public override string ToString() => $"buffer={Convert.ToHexString(Buffer)} consumed={Consumed} width={Width}";
}

public static class BitArbitraries
{
    private static readonly Gen<ulong> Word16 = Gen.Choose(0, 0xFFFF).Select(x => (ulong)x);

    /// <summary>Uniform over all 64-bit values (FsCheck's own ulong generator favours small ones).</summary>
    public static readonly Gen<ulong> AnyUInt64 =
        from a in Word16
        from b in Word16
        from c in Word16
        from d in Word16
        select (a << 48) | (b << 32) | (c << 16) | d;

    private static readonly Gen<int> Width = Gen.Frequency(
        (6, Gen.Choose(1, 64)),
        (1, Gen.Elements(1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64)));

    public static readonly Gen<BitField> Field =
        from width in Width
        from kind in Gen.Choose(0, 5)
        from raw in AnyUInt64
        select new BitField(width, kind switch
        {
            0 => 0UL,
            1 => WireBits.Mask(width),
            2 => 1UL,
            _ => raw & WireBits.Mask(width),
        });

    public static Arbitrary<BitField[]> Fields() => Arb.From(Field.ArrayOf());

    public static Arbitrary<ReadRequest> Requests() => Arb.From(
        from length in Gen.Choose(0, 10)
        from bytes in Gen.Choose(0, 255).Select(x => (byte)x).ArrayOf(length)
        from consumed in Gen.Choose(0, length * 8)
        from width in Gen.Choose(1, 64)
        select new ReadRequest(bytes, consumed, width));

    public static Arbitrary<ByteOrder> Orders() => Arb.From(Gen.Elements(ByteOrder.BigEndian, ByteOrder.LittleEndian));
}

public class BitReaderWriterTests
{
    private const string Seed = "(20240611,7919)";

    [Property(Arbitrary = [typeof(BitArbitraries)], MaxTest = 1000, Replay = Seed)]
    public void Writer_then_reader_round_trips(BitField[] fields, ByteOrder order)
    {
        int totalBits = fields.Sum(f => f.Width);
        byte[] buffer = new byte[(totalBits + 7) / 8];

        var writer = new BitWriter(buffer, order);
        foreach (var field in fields)
        {
            Assert.True(writer.TryWrite(field.Width, field.Value), $"write {field} at bit {writer.BitPosition}");
        }

        Assert.Equal(totalBits, writer.BitPosition);

        // The bytes are what the independent reference lays down, field after field (trailing pad bits stay zero).
        byte[] expected = new byte[buffer.Length];
        int position = 0;
        foreach (var field in fields)
        {
            expected = Reference.WriteBits(expected, position, field.Width, field.Value, order);
            position += field.Width;
        }

        Assert.Equal(Reference.Hex(expected), Reference.Hex(buffer));

        var reader = new BitReader(buffer, order);
        foreach (var field in fields)
        {
            Assert.True(reader.TryRead(field.Width, out ulong value));
            Assert.Equal(field.Value, value);
        }

        Assert.Equal(totalBits, reader.BitPosition);
        Assert.Equal((buffer.Length * 8) - totalBits, reader.BitsRemaining);
        Assert.True(reader.BitsRemaining < 8);
        if (reader.BitsRemaining > 0)
        {
            Assert.True(reader.TryRead((int)reader.BitsRemaining, out ulong pad));
            Assert.Equal(0UL, pad);
        }

        Assert.False(reader.TryRead(1, out _));
    }

    [Property(Arbitrary = [typeof(BitArbitraries)], MaxTest = 1000, Replay = Seed)]
    public void Reader_TryRead_fails_without_moving_when_too_few_bits_remain(ReadRequest request, ByteOrder order)
    {
        var reader = new BitReader(request.Buffer, order);
        int consumed = request.Consumed;
        while (consumed > 0)
        {
            int step = Math.Min(consumed, 64);
            Assert.True(reader.TryRead(step, out _));
            consumed -= step;
        }

        Assert.Equal(request.Consumed, reader.BitPosition);
        long remaining = (request.Buffer.Length * 8L) - request.Consumed;
        Assert.Equal(remaining, reader.BitsRemaining);

        bool ok = reader.TryRead(request.Width, out ulong value);
        if (request.Width > remaining)
        {
            Assert.False(ok);
            Assert.Equal(0UL, value);
            Assert.Equal(request.Consumed, reader.BitPosition);
            Assert.Equal(remaining, reader.BitsRemaining);

            // What does remain can still be read.
            if (remaining > 0)
            {
                Assert.True(reader.TryRead((int)remaining, out ulong rest));
                Assert.Equal(Reference.ReadBits(request.Buffer, request.Consumed, (int)remaining, order), rest);
            }
        }
        else
        {
            Assert.True(ok);
            Assert.Equal(Reference.ReadBits(request.Buffer, request.Consumed, request.Width, order), value);
            Assert.Equal(request.Consumed + request.Width, reader.BitPosition);
        }
    }

    [Property(Arbitrary = [typeof(BitArbitraries)], MaxTest = 500, Replay = Seed)]
    public void Writer_TryWrite_fails_without_moving_or_writing_when_the_span_is_full(ReadRequest request, ByteOrder order)
    {
        byte[] buffer = (byte[])request.Buffer.Clone();
        var writer = new BitWriter(buffer, order);
        int consumed = request.Consumed;
        while (consumed > 0)
        {
            int step = Math.Min(consumed, 64);
            Assert.True(writer.TryWrite(step, 0));
            consumed -= step;
        }

        byte[] before = (byte[])buffer.Clone();
        long remaining = (buffer.Length * 8L) - request.Consumed;
        bool ok = writer.TryWrite(request.Width, WireBits.Mask(request.Width));
        if (request.Width > remaining)
        {
            Assert.False(ok);
            Assert.Equal(request.Consumed, writer.BitPosition);
            Assert.Equal(Reference.Hex(before), Reference.Hex(buffer));
        }
        else
        {
            Assert.True(ok);
            Assert.Equal(request.Consumed + request.Width, writer.BitPosition);
            Assert.Equal(Reference.Hex(Reference.WriteBits(before, request.Consumed, request.Width, WireBits.Mask(request.Width), order)), Reference.Hex(buffer));
        }
    }

    [Theory]
    [InlineData(ByteOrder.BigEndian)]
    [InlineData(ByteOrder.LittleEndian)]
    public void Invalid_widths_and_too_wide_values_are_refused(ByteOrder order)
    {
        byte[] buffer = new byte[16];
        var reader = new BitReader(buffer, order);
        Assert.False(reader.TryRead(0, out _));
        Assert.False(reader.TryRead(-1, out _));
        Assert.False(reader.TryRead(65, out _));
        Assert.Equal(0, reader.BitPosition);
        Assert.Equal(128, reader.BitsRemaining);

        var writer = new BitWriter(buffer, order);
        Assert.False(writer.TryWrite(0, 0));
        Assert.False(writer.TryWrite(65, 0));
        Assert.False(writer.TryWrite(3, 8));             // 8 needs 4 bits
        Assert.False(writer.TryWrite(63, 1UL << 63));
        Assert.Equal(0, writer.BitPosition);
        Assert.All(buffer, b => Assert.Equal(0, b));
        Assert.True(writer.TryWrite(3, 7));
        Assert.True(writer.TryWrite(64, ulong.MaxValue));
        Assert.Equal(67, writer.BitPosition);
    }

    [Fact]
    public void Default_order_is_big_endian()
    {
        byte[] buffer = new byte[2];
        var writer = new BitWriter(buffer, ByteOrder.Default);
        Assert.True(writer.TryWrite(4, 0x4));
        Assert.True(writer.TryWrite(4, 0x5));
        Assert.True(writer.TryWrite(3, 0x2));
        Assert.Equal(new byte[] { 0x45, 0x40 }, buffer);

        var reader = new BitReader(buffer);
        Assert.True(reader.TryRead(4, out ulong version));
        Assert.True(reader.TryRead(4, out ulong ihl));
        Assert.Equal(4UL, version);
        Assert.Equal(5UL, ihl);
    }

    [Fact]
    public void Empty_span()
    {
        var reader = new BitReader(ReadOnlySpan<byte>.Empty);
        Assert.Equal(0, reader.BitsRemaining);
        Assert.False(reader.TryRead(1, out _));
        var writer = new BitWriter(Span<byte>.Empty);
        Assert.False(writer.TryWrite(1, 0));
    }
}
