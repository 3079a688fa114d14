namespace Codec;

/// <summary>
/// One option of a type-length-value list, where it lies in the message: its kind, its value (a slice, no copy) and its
/// place. Single-octet options (NOP, Pad, End) have an empty value.
/// </summary>
public readonly ref struct OptionEntry
{
    internal OptionEntry(int kind, int offset, int length, ReadOnlySpan<byte> value, bool isSingleByte, bool endsList)
    {
        Kind = kind;
        Offset = offset;
        Length = length;
        Value = value;
        IsSingleByte = isSingleByte;
        EndsList = endsList;
    }

    /// <summary>The kind (type, code).</summary>
    public int Kind { get; }

    /// <summary>Where the option starts, in octets from the start of the enclosing message.</summary>
    public int Offset { get; }

    /// <summary>Octets the whole option occupies: kind, length and value.</summary>
    public int Length { get; }

    /// <summary>The value octets (empty for a single-octet option).</summary>
    public ReadOnlySpan<byte> Value { get; }

    /// <summary>Whether the option is a lone kind octet.</summary>
    public bool IsSingleByte { get; }

    /// <summary>Whether the option ends the list.</summary>
    public bool EndsList { get; }
}
