namespace Codec;

/// <summary>Why a read or write failed.</summary>
public enum CodecErrorKind : byte
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The input ends inside this field.</summary>
    Truncated,

    /// <summary>A constant field holds another value (<see cref="CodecError.Expected"/> vs <see cref="CodecError.Actual"/>).</summary>
    ConstantMismatch,

    /// <summary>Reserved bits that must be zero are not.</summary>
    ReservedNotZero,

    /// <summary>A value does not fit the field's width (when writing) or its allowed range.</summary>
    ValueOutOfRange,

    /// <summary>The destination buffer is too small.</summary>
    DestinationTooSmall,

    /// <summary>A length field gives a length that does not fit: below the minimum, or past the end of the message.</summary>
    LengthOutOfRange,

    /// <summary>
    /// DNS name compression (RFC 1035 §4.1.4): a pointer leads back into the name being read, or a name follows
    /// more than <c>DnsName.MaxPointerHops</c> pointers. <see cref="CodecError.Expected"/> is the limit the pointer
    /// broke (the offset it had to stay below, or the hop limit), <see cref="CodecError.Actual"/> what it had.
    /// </summary>
    CompressionLoop,

    /// <summary>
    /// DNS name compression: a pointer to an offset at or past the end of the message, or a forward pointer (one that
    /// does not point strictly before the labels that hold it). <see cref="CodecError.Expected"/> is the offset the
    /// target had to stay below, <see cref="CodecError.Actual"/> the target.
    /// </summary>
    PointerOutOfRange,

    /// <summary>
    /// A DNS label longer than 63 octets; on the wire, a length octet of 0x40–0xBF (the reserved extended and
    /// binary label types). <see cref="CodecError.Expected"/> is 63, <see cref="CodecError.Actual"/> the length or octet.
    /// </summary>
    LabelTooLong,

    /// <summary>
    /// A DNS name longer than 255 octets in uncompressed wire form (length octets and the root included).
    /// <see cref="CodecError.Expected"/> is 255, <see cref="CodecError.Actual"/> the length reached.
    /// </summary>
    NameTooLong,

    /// <summary>A DNS name in presentation form has an empty label (<c>a..b</c>, a leading dot, or empty text).</summary>
    EmptyLabel,

    /// <summary>
    /// Presentation-form text holds a character it may not (not ASCII) or a malformed escape (<c>\</c> at the end,
    /// <c>\DDD</c> with fewer than three digits or above 255). <see cref="CodecError.Actual"/> is the character or value.
    /// </summary>
    InvalidCharacter,

    /// <summary>A checksum field does not match the data (<see cref="CodecError.Expected"/> is the right value).</summary>
    ChecksumMismatch,
}
