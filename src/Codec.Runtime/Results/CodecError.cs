using System.Globalization;

namespace Codec;

/// <summary>
/// Where and why reading or writing failed: the field, its position in the message, and the reason.
/// A plain value: creating one allocates nothing (field names are string literals).
/// </summary>
public readonly record struct CodecError
{
    /// <summary>Creates an error.</summary>
    public CodecError(CodecErrorKind kind, string? field, int bitOffset, ulong expected = 0, ulong actual = 0)
    {
        Kind = kind;
        Field = field;
        BitOffset = bitOffset;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>Why it failed.</summary>
    public CodecErrorKind Kind { get; }

    /// <summary>The member name of the field that failed, or <c>null</c> when not tied to a field.</summary>
    public string? Field { get; }

    /// <summary>Offset of the field from the start of the message, in bits.</summary>
    public int BitOffset { get; }

    /// <summary>Offset of the byte holding the field's first bit, from the start of the message.</summary>
    public int ByteOffset => BitOffset >> 3;

    /// <summary>What was expected: the constant, the maximum value, or the bytes needed, depending on <see cref="Kind"/>.</summary>
    public ulong Expected { get; }

    /// <summary>What was found: the value read, the value written, or the bytes available, depending on <see cref="Kind"/>.</summary>
    public ulong Actual { get; }

    /// <summary>A one-line description, for logs and error messages.</summary>
    public override string ToString()
    {
        string where = Field is null
            ? string.Create(CultureInfo.InvariantCulture, $"at byte {ByteOffset}")
            : string.Create(CultureInfo.InvariantCulture, $"in field '{Field}' at byte {ByteOffset} (bit {BitOffset})");
        return Kind switch
        {
            CodecErrorKind.None => "no error",
            CodecErrorKind.Truncated => string.Create(CultureInfo.InvariantCulture, $"truncated {where}: {Expected} bytes needed, {Actual} available"),
            CodecErrorKind.ConstantMismatch => string.Create(CultureInfo.InvariantCulture, $"constant mismatch {where}: expected {Expected}, got {Actual}"),
            CodecErrorKind.ReservedNotZero => string.Create(CultureInfo.InvariantCulture, $"reserved bits not zero {where}: got 0x{Actual:X}"),
            CodecErrorKind.ValueOutOfRange => string.Create(CultureInfo.InvariantCulture, $"value out of range {where}: maximum {Expected}, got {Actual}"),
            CodecErrorKind.DestinationTooSmall => string.Create(CultureInfo.InvariantCulture, $"destination too small {where}: {Expected} bytes needed, {Actual} available"),
            CodecErrorKind.LengthOutOfRange => string.Create(CultureInfo.InvariantCulture, $"length out of range {where}: {Actual} bytes, {Expected} available"),
            CodecErrorKind.CompressionLoop => string.Create(CultureInfo.InvariantCulture, $"compression loop {where}: limit {Expected}, got {Actual}"),
            CodecErrorKind.PointerOutOfRange => string.Create(CultureInfo.InvariantCulture, $"compression pointer out of range {where}: target {Actual}, must be below {Expected}"),
            CodecErrorKind.LabelTooLong => string.Create(CultureInfo.InvariantCulture, $"label too long {where}: maximum {Expected}, got {Actual}"),
            CodecErrorKind.NameTooLong => string.Create(CultureInfo.InvariantCulture, $"name too long {where}: maximum {Expected} octets, got {Actual}"),
            CodecErrorKind.EmptyLabel => string.Create(CultureInfo.InvariantCulture, $"empty label {where}"),
            CodecErrorKind.InvalidCharacter => string.Create(CultureInfo.InvariantCulture, $"invalid character or escape {where}: 0x{Actual:X}"),
            CodecErrorKind.ChecksumMismatch => string.Create(CultureInfo.InvariantCulture, $"checksum mismatch {where}: expected 0x{Expected:x4}, got 0x{Actual:x4}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{Kind} {where}"),
        };
    }
}
