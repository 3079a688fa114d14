using System.Buffers;
using Codec.Transport.Protocols;

namespace Codec.Transport.Framing;

/// <summary>
/// Writes a payload behind a 2-byte big-endian length prefix (RFC 1035 §4.2.2 / RFC 7766 §8), copying it straight into
/// the output. A payload longer than the maximum throws <see cref="CodecException"/>. Stateless: one instance serves
/// every connection.
/// </summary>
public sealed class LengthPrefixedPayloadWriter : IMessageWriter<ReadOnlyMemory<byte>>, IMessageWriter<ReadOnlySequence<byte>>
{
    /// <summary>Creates the writer.</summary>
    /// <param name="maximumLength">The largest payload written, at most 65,535.</param>
    public LengthPrefixedPayloadWriter(int maximumLength = ushort.MaxValue) => MaximumLength = LengthPrefix.ValidMaximum(maximumLength);

    /// <summary>The largest payload written.</summary>
    public int MaximumLength { get; }

    /// <inheritdoc/>
    public void WriteMessage(ReadOnlyMemory<byte> message, IBufferWriter<byte> output) =>
        LengthPrefix.Write(message.Span, MaximumLength, output);

    /// <inheritdoc/>
    public void WriteMessage(ReadOnlySequence<byte> message, IBufferWriter<byte> output) =>
        LengthPrefix.Write(message, MaximumLength, output);
}
