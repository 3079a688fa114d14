namespace Codec;

/// <summary>
/// A field of a wire message. Fields are laid out back to back, without padding, in ascending <see cref="Order"/>;
/// a field may start and end at any bit.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class FieldAttribute : Attribute
{
    /// <summary>Creates a field at position <paramref name="order"/> (0, 1, 2, … without gaps, shared with <see cref="ReservedAttribute"/>).</summary>
    public FieldAttribute(int order) => Order = order;

    /// <summary>Position of the field in wire order.</summary>
    public int Order { get; }

    /// <summary>Width in bits (1–64 for integers, enums and booleans). Default: the size of the member's type.</summary>
    public int Bits { get; set; }

    /// <summary>Overrides the message's byte order for this field. Only for byte-aligned fields whose width is whole bytes.</summary>
    public ByteOrder ByteOrder { get; set; }

    /// <summary>The field's name in the RFC's words, shown in dissections (for example <c>"Total Length"</c>). Default: derived from the member name.</summary>
    public string? Name { get; set; }
}
