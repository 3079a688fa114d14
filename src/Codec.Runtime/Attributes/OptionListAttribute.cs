namespace Codec;

/// <summary>
/// Marks a <c>readonly ref partial struct</c> as a list of type-length-value options (TCP and IPv4 options, DHCP
/// options, EDNS options). The generator emits a zero-copy reader that validates the list's structure, an
/// allocation-free enumerator of <see cref="OptionEntry"/>, typed accessors for the kinds declared with
/// <see cref="OptionAttribute"/>, a writer, and a dissection. Use the type as a member of a variable-length message,
/// bounded by <see cref="LengthAttribute"/> or <see cref="RemainingAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class OptionListAttribute : Attribute
{
    /// <summary>Octets of the kind (type, code) of each option: 1 or 2. Default 1.</summary>
    public int KindSize { get; set; } = 1;

    /// <summary>Octets of the length of each option: 1 or 2. Default 1.</summary>
    public int LengthSize { get; set; } = 1;

    /// <summary>
    /// Whether the length counts the kind and length octets too (TCP, IPv4: a 4-octet MSS option has length 4) or only
    /// the value (DHCP, EDNS: subnet mask has length 4). Default false.
    /// </summary>
    public bool LengthIncludesHeader { get; set; }

    /// <summary>Name shown in dissections. Default: the type name.</summary>
    public string? Name { get; set; }
}
