using System.Buffers;
using Codec.Transport.Protocols;

namespace Codec.Transport.Framing;

/// <summary>
/// Writes a message behind a 2-byte big-endian length prefix (RFC 1035 §4.2.2 / RFC 7766 §8). The inner writer
/// serializes into a reused per-thread buffer first, so that the prefix can be written before it; a message longer than
/// the maximum throws <see cref="CodecException"/> and writes nothing. Stateless: one instance serves every connection.
/// </summary>
/// <typeparam name="TMessage">The message type.</typeparam>
public sealed class LengthPrefixedWriter<TMessage> : IMessageWriter<TMessage>
    where TMessage : allows ref struct
{
    private readonly IMessageWriter<TMessage> _inner;

    /// <summary>Creates the writer.</summary>
    /// <param name="inner">Serializes the message.</param>
    /// <param name="maximumLength">The largest payload written, at most 65,535.</param>
    public LengthPrefixedWriter(IMessageWriter<TMessage> inner, int maximumLength = ushort.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        MaximumLength = LengthPrefix.ValidMaximum(maximumLength);
    }

    /// <summary>The largest payload written.</summary>
    public int MaximumLength { get; }

    /// <inheritdoc/>
    public void WriteMessage(TMessage message, IBufferWriter<byte> output)
    {
        ArrayBufferWriter<byte> scratch = ScratchBuffer.Rent();
        try
        {
            _inner.WriteMessage(message, scratch);
            LengthPrefix.Write(scratch.WrittenSpan, MaximumLength, output);
        }
        finally
        {
            ScratchBuffer.Return(scratch);
        }
    }
}
