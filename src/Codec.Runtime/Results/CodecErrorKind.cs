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
}
