namespace Codec;

/// <summary>
/// The byte length of a variable-length member (a <see cref="ReadOnlySpan{T}"/> of byte) comes from an earlier integer
/// field: length = field × <see cref="Scale"/> + <see cref="Offset"/>. IPv4 options: <c>[Length(nameof(Ihl), Scale = 4,
/// Offset = -20)]</c>. On write the field is computed from the member's length when the field is 0, and written as set
/// otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class LengthAttribute : Attribute
{
    /// <summary>The length comes from the field named <paramref name="field"/>.</summary>
    public LengthAttribute(string field) => Field = field;

    /// <summary>The name of the integer field holding the length.</summary>
    public string Field { get; }

    /// <summary>Bytes per unit of the field (4 for IPv4's IHL, counted in 32-bit words). Default 1.</summary>
    public int Scale { get; set; } = 1;

    /// <summary>Added after scaling (−20 when the field counts the 20-byte fixed header too). Default 0.</summary>
    public int Offset { get; set; }
}
