namespace Codec;

/// <summary>
/// One option of a type-length-value list, where it lies in the message: its kind, its value (a slice, no copy) and its
/// place. Single-octet options (NOP, Pad, End) have an empty value. Kept small (a span and three numbers) because every
/// step of an enumeration returns one.
/// </summary>
public readonly ref struct OptionEntry
{
    private readonly ReadOnlySpan<byte> _value;
    private readonly int _kind;
    private readonly int _offset;
    private readonly int _length;
    private readonly bool _endsList;

    /// <summary>
    /// An option of <paramref name="kind"/> at <paramref name="offset"/>, <paramref name="length"/> octets in all (1 for a
    /// single-octet option), with <paramref name="value"/>. Generated enumerators make these; a length of 1 is what
    /// makes an option single-octet (any other has a kind and a length octet at least).
    /// </summary>
    public OptionEntry(int kind, int offset, int length, ReadOnlySpan<byte> value, bool endsList)
    {
        _value = value;
        _kind = kind;
        _offset = offset;
        _length = length;
        _endsList = endsList;
    }

    /// <summary>The kind (type, code).</summary>
    public int Kind => _kind;

    /// <summary>Where the option starts, in octets from the start of the enclosing message.</summary>
    public int Offset => _offset;

    /// <summary>Octets the whole option occupies: kind, length and value.</summary>
    public int Length => _length;

    /// <summary>The value octets (empty for a single-octet option).</summary>
    public ReadOnlySpan<byte> Value => _value;

    /// <summary>Whether the option is a lone kind octet.</summary>
    public bool IsSingleByte => _length == 1;

    /// <summary>Whether the option ends the list.</summary>
    public bool EndsList => _endsList;
}
