namespace Codec;

/// <summary>
/// Marks a <c>partial struct</c> as one integer of bit-fields: a flags word such as the second 16 bits of a DNS header
/// (QR, Opcode, AA, …, RCODE) kept as the number it is on the wire, with each bit-field a view of it. Declare each
/// bit-field as a <c>partial</c> property with <see cref="FieldAttribute"/> (order and <see cref="FieldAttribute.Bits"/>,
/// a <c>bool</c>, an integer or an enum; <c>{ readonly get; set; }</c> makes the getter readonly) and
/// <see cref="ReservedAttribute"/> for bits without a member; the first field takes the most significant bits, as in an
/// RFC's diagram. The widths must add up to 8, 16, 32 or 64 bits.
/// </summary>
/// <remarks>
/// The generator implements the properties over one integer <c>Value</c> (<c>byte</c>, <c>ushort</c>, <c>uint</c> or
/// <c>ulong</c>), a constructor from it, equality and <c>ToString</c>. A message field of such a type is read and written
/// as that one integer, so a reader copies a flags word in one store and a consumer can take all of it at once
/// (<c>Value</c>); reserved bits are kept as they came. Assigning a bit-field a value its width cannot hold throws
/// <see cref="ArgumentOutOfRangeException"/>. Dissections show each bit-field where it lies.
/// </remarks>
[AttributeUsage(AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class BitFieldsAttribute : Attribute
{
}
