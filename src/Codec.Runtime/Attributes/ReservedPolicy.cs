namespace Codec;

/// <summary>What a reader does with reserved bits that are not zero. Writers always write zeros.</summary>
public enum ReservedPolicy
{
    /// <summary>Accept any value (RFC 1122's "be liberal in what you accept").</summary>
    Ignore = 0,

    /// <summary>Fail with <see cref="CodecErrorKind.ReservedNotZero"/>.</summary>
    Reject = 1,
}
