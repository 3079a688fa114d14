using System.Diagnostics.CodeAnalysis;

namespace Codec;

/// <summary>The one place the convenience APIs throw from, so that callers stay small enough to inline.</summary>
public static class ThrowHelper
{
    /// <summary>Throws a <see cref="CodecException"/> for a failed read.</summary>
    [DoesNotReturn]
    public static void ThrowReadFailed(ReadResult result) => throw new CodecException(result.Status, result.Error);

    /// <summary>Throws a <see cref="CodecException"/> for a failed write.</summary>
    [DoesNotReturn]
    public static void ThrowWriteFailed(WriteResult result) => throw new CodecException(result.Status, result.Error);

    /// <summary>Throws for a value that does not fit a field of <paramref name="bits"/> bits (view setters).</summary>
    [DoesNotReturn]
    public static void ThrowValueOutOfRange(string field, int bitOffset, int bits, ulong actual) =>
        throw new ArgumentOutOfRangeException(field, actual, new CodecError(CodecErrorKind.ValueOutOfRange, field, bitOffset, bits >= 64 ? ulong.MaxValue : (1UL << bits) - 1, actual).ToString());

    /// <summary>Throws for a view over a buffer shorter than the message.</summary>
    [DoesNotReturn]
    public static void ThrowBufferTooSmall(int needed, int available) =>
        throw new ArgumentException($"The buffer holds {available} bytes; the message needs {needed}.", "buffer");

    /// <summary>Throws for positions outside a span (generated helpers that build a list over octets already validated).</summary>
    [DoesNotReturn]
    public static void ThrowArgumentOutOfRange(string paramName) => throw new ArgumentOutOfRangeException(paramName);
}
