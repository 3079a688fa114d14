namespace Codec;

/// <summary>
/// Reads fields of any width (1–64 bits) one after another from a span, for hand-written code and tests.
/// Never throws on input: <see cref="TryRead"/> returns false when the span ends first.
/// </summary>
public ref struct BitReader
{
    private readonly ReadOnlySpan<byte> _source;
    private readonly ByteOrder _order;

    /// <summary>Reads <paramref name="source"/> in <paramref name="order"/> (big-endian numbers bits from the top of byte 0).</summary>
    public BitReader(ReadOnlySpan<byte> source, ByteOrder order = ByteOrder.BigEndian)
    {
        _source = source;
        _order = order == ByteOrder.LittleEndian ? ByteOrder.LittleEndian : ByteOrder.BigEndian;
        BitPosition = 0;
    }

    /// <summary>Bits read so far.</summary>
    public int BitPosition { get; private set; }

    /// <summary>Bits left.</summary>
    public readonly long BitsRemaining => ((long)_source.Length * 8) - BitPosition;

    /// <summary>Reads the next <paramref name="bits"/> bits, or returns false (and moves nothing) if fewer remain.</summary>
    public bool TryRead(int bits, out ulong value)
    {
        if (bits is < 1 or > 64 || bits > BitsRemaining)
        {
            value = 0;
            return false;
        }

        value = WireBits.ReadBits(_source, BitPosition, bits, _order);
        BitPosition += bits;
        return true;
    }
}

/// <summary>Writes fields of any width (1–64 bits) one after another into a span.</summary>
public ref struct BitWriter
{
    private readonly Span<byte> _destination;
    private readonly ByteOrder _order;

    /// <summary>Writes into <paramref name="destination"/> in <paramref name="order"/>.</summary>
    public BitWriter(Span<byte> destination, ByteOrder order = ByteOrder.BigEndian)
    {
        _destination = destination;
        _order = order == ByteOrder.LittleEndian ? ByteOrder.LittleEndian : ByteOrder.BigEndian;
        BitPosition = 0;
    }

    /// <summary>Bits written so far.</summary>
    public int BitPosition { get; private set; }

    /// <summary>Writes the low <paramref name="bits"/> bits of <paramref name="value"/>; false if they do not fit the span or the width.</summary>
    public bool TryWrite(int bits, ulong value)
    {
        if (bits is < 1 or > 64 || ((long)_destination.Length * 8) - BitPosition < bits || (value & ~WireBits.Mask(bits)) != 0)
        {
            return false;
        }

        WireBits.WriteBits(_destination, BitPosition, bits, value, _order);
        BitPosition += bits;
        return true;
    }
}
