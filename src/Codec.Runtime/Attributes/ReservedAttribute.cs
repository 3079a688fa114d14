namespace Codec;

/// <summary>
/// Reserved bits of a message at position <see cref="Order"/> in wire order (the same sequence as
/// <see cref="FieldAttribute.Order"/>). They have no member; they are written as zeros.
/// </summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false, AllowMultiple = true)]
public sealed class ReservedAttribute : Attribute
{
    /// <summary>Declares <paramref name="bits"/> reserved bits at position <paramref name="order"/>.</summary>
    public ReservedAttribute(int order, int bits)
    {
        Order = order;
        Bits = bits;
    }

    /// <summary>Position in wire order.</summary>
    public int Order { get; }

    /// <summary>Width in bits.</summary>
    public int Bits { get; }

    /// <summary>What reading does when the bits are not zero.</summary>
    public ReservedPolicy Policy { get; set; }

    /// <summary>Name shown in dissections. Default: "Reserved".</summary>
    public string? Name { get; set; }
}
