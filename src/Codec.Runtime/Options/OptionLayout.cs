namespace Codec;

/// <summary>
/// The shape of a type-length-value option list: how wide kinds and lengths are, whether a length counts the header,
/// which kinds are a lone octet, and which kind ends the list. Generated option lists hold one as a constant-like
/// static; it is a small value, so reading with it allocates nothing.
/// </summary>
public readonly struct OptionLayout
{
    private readonly ulong _single0;
    private readonly ulong _single1;
    private readonly ulong _single2;
    private readonly ulong _single3;

    /// <summary>Creates a layout.</summary>
    /// <param name="kindSize">Octets of the kind: 1 or 2.</param>
    /// <param name="lengthSize">Octets of the length: 1 or 2.</param>
    /// <param name="lengthIncludesHeader">Whether the length counts the kind and length octets.</param>
    /// <param name="endKind">The kind that ends the list, or -1.</param>
    /// <param name="single0">Bits 0–63 of the set of single-octet kinds (bit k set: kind k is a lone octet).</param>
    /// <param name="single1">Bits 64–127 of that set.</param>
    /// <param name="single2">Bits 128–191 of that set.</param>
    /// <param name="single3">Bits 192–255 of that set.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not 1 or 2, or single-octet kinds with 2-octet kinds.</exception>
    public OptionLayout(int kindSize, int lengthSize, bool lengthIncludesHeader, int endKind = -1, ulong single0 = 0, ulong single1 = 0, ulong single2 = 0, ulong single3 = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(kindSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(kindSize, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(lengthSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lengthSize, 2);
        if (kindSize != 1 && (single0 | single1 | single2 | single3) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(kindSize), "Single-octet kinds need 1-octet kinds.");
        }

        KindSize = kindSize;
        LengthSize = lengthSize;
        LengthIncludesHeader = lengthIncludesHeader;
        EndKind = endKind;
        _single0 = single0;
        _single1 = single1;
        _single2 = single2;
        _single3 = single3;
    }

    /// <summary>Octets of the kind.</summary>
    public int KindSize { get; }

    /// <summary>Octets of the length.</summary>
    public int LengthSize { get; }

    /// <summary>Octets of kind and length together.</summary>
    public int HeaderSize => KindSize + LengthSize;

    /// <summary>Whether the length counts the kind and length octets.</summary>
    public bool LengthIncludesHeader { get; }

    /// <summary>The kind that ends the list (the rest is padding), or -1.</summary>
    public int EndKind { get; }

    /// <summary>The largest kind value.</summary>
    public int MaxKind => KindSize == 1 ? byte.MaxValue : ushort.MaxValue;

    /// <summary>The largest value an option's value can hold, in octets.</summary>
    public int MaxValueLength => (LengthSize == 1 ? byte.MaxValue : ushort.MaxValue) - (LengthIncludesHeader ? HeaderSize : 0);

    /// <summary>Whether <paramref name="kind"/> is a lone octet with no length or value.</summary>
    public bool IsSingleByte(int kind)
    {
        if ((uint)kind > byte.MaxValue)
        {
            return false;
        }

        ulong word = (kind >> 6) switch
        {
            0 => _single0,
            1 => _single1,
            2 => _single2,
            _ => _single3,
        };
        return (word & (1UL << (kind & 63))) != 0;
    }
}
