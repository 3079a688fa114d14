namespace Codec;

/// <summary>One field of a dissected message: where it lies, what it holds, and how to show it.</summary>
/// <param name="Name">The member name (JSON uses its snake_case form).</param>
/// <param name="Label">The field's name in the RFC's words, for text dumps.</param>
/// <param name="BitOffset">Offset from the start of the message, in bits.</param>
/// <param name="BitLength">Width in bits.</param>
/// <param name="Value">The raw value for fields of up to 64 bits; <c>null</c> for wider ones (addresses, byte blocks).</param>
/// <param name="Display">The value as people read it: enum names, dotted addresses, hex bytes.</param>
/// <param name="Kind">What sort of value it is (decides how JSON writes it).</param>
public sealed record FieldDissection(string Name, string Label, int BitOffset, int BitLength, ulong? Value, string Display, FieldKind Kind);

/// <summary>The sort of value a dissected field holds.</summary>
public enum FieldKind
{
    /// <summary>An unsigned or signed number (JSON: number).</summary>
    Integer,

    /// <summary>A two's complement number (JSON: number, negative when the sign bit is set).</summary>
    SignedInteger,

    /// <summary>A single bit (JSON: true/false).</summary>
    Boolean,

    /// <summary>An enumeration or flags value (JSON: its number).</summary>
    Enum,

    /// <summary>An address (JSON: its text form).</summary>
    Address,

    /// <summary>A block of bytes (JSON: hex).</summary>
    Bytes,

    /// <summary>Reserved bits (JSON: number).</summary>
    Reserved,

    /// <summary>A domain name (JSON: its presentation form, with the trailing dot).</summary>
    DomainName,
}
