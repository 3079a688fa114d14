namespace Codec;

/// <summary>
/// What every generated message offers, as static abstract members so that generic code (transports,
/// message readers) calls them with no reflection, no boxing and no hand-written adapter.
/// </summary>
/// <typeparam name="TSelf">The message type: a struct, or a ref struct when it holds spans into its input.</typeparam>
public interface IWireMessage<TSelf>
    where TSelf : IWireMessage<TSelf>, allows ref struct
{
    /// <summary>The smallest number of bytes the message can occupy.</summary>
    static abstract int MinimumWireSize { get; }

    /// <summary>Reads a message from the start of <paramref name="source"/>. Never throws on bad input.</summary>
    static abstract ReadResult TryRead(ReadOnlySpan<byte> source, out TSelf value);

    /// <summary>
    /// Reads a message that starts <paramref name="offset"/> bytes into an enclosing <paramref name="message"/> (a DNS
    /// question inside a DNS message: its names' compression pointers count from the enclosing message's start).
    /// BytesConsumed is the element's own length; error offsets count from the start of <paramref name="message"/>.
    /// </summary>
    static abstract ReadResult TryReadAt(ReadOnlySpan<byte> message, int offset, out TSelf value);

    /// <summary>
    /// Reads a message as <see cref="TryReadAt(ReadOnlySpan{byte}, int, out TSelf)"/> does, answering only whether it
    /// read and how many bytes it occupies: the fast path of generic code (list elements), with no error to carry.
    /// Generated messages implement it without building a <see cref="ReadResult"/>; it agrees with the detailed
    /// overload on every input.
    /// </summary>
    static virtual bool TryReadAt(ReadOnlySpan<byte> message, int offset, out TSelf value, out int bytesConsumed)
    {
        ReadResult result = TSelf.TryReadAt(message, offset, out value);
        bytesConsumed = result.BytesConsumed;
        return result.IsDone;
    }

    /// <summary>
    /// Reads a message as <see cref="TryReadAt(ReadOnlySpan{byte}, int, out TSelf, out int)"/> does and also answers a
    /// <paramref name="memo"/>: what validating it found that <see cref="ReadMemoizedAt"/> needs to rebuild the same value
    /// from the same octets without validating them again (a union keeps it for its typed accessors). 0 means none (the
    /// default: the message has nothing worth keeping, and <see cref="ReadMemoizedAt"/> is then never asked).
    /// </summary>
    static virtual bool TryReadAt(ReadOnlySpan<byte> message, int offset, out TSelf value, out int bytesConsumed, out int memo)
    {
        memo = 0;
        return TSelf.TryReadAt(message, offset, out value, out bytesConsumed);
    }

    /// <summary>
    /// Rebuilds the value that <see cref="TryReadAt(ReadOnlySpan{byte}, int, out TSelf, out int, out int)"/> read at
    /// <paramref name="offset"/> of the same <paramref name="message"/>, from its nonzero <paramref name="memo"/>. Memory-safe
    /// whatever the arguments (spans stay bounds-checked); only a memo from that read gives the value that read gave.
    /// The default reads and validates again.
    /// </summary>
    static virtual bool ReadMemoizedAt(ReadOnlySpan<byte> message, int offset, int memo, out TSelf value) =>
        TSelf.TryReadAt(message, offset, out value, out _);

    /// <summary>Dissects the message at the start of <paramref name="source"/> field by field; never throws on bad input.</summary>
    static abstract MessageDissection Dissect(ReadOnlySpan<byte> source);

    /// <summary>The exact number of bytes <see cref="TryWrite(Span{byte})"/> writes.</summary>
    int GetSerializedSize();

    /// <summary>Writes the message to the start of <paramref name="destination"/>. Writing never changes the message.</summary>
    WriteResult TryWrite(Span<byte> destination);

    /// <summary>
    /// Writes the message as <see cref="TryWrite(Span{byte})"/> does, with the same checks, returning only whether it
    /// was written (<paramref name="bytesWritten"/> its length): no result is built, so it is the cheaper call when the
    /// reason for a failure is not needed or is asked for afterwards. Writing never changes the message (generic writers
    /// such as <see cref="MessageListWriter{T}"/> rely on it to write an <c>in</c> element without copying it).
    /// </summary>
    bool TryWrite(Span<byte> destination, out int bytesWritten);
}
