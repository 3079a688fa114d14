using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Codec.Transport.Protocols;

namespace Codec.Transport.Framing;

/// <summary>
/// Reads the payload of each 2-byte length-prefixed frame (RFC 1035 §4.2.2 / RFC 7766 §8) as it lies in the pipe's
/// buffer, without copying: the sequence stays valid until <see cref="ProtocolReader.Advance"/>. For services that parse
/// the payload themselves (a DNS message, say).
/// </summary>
/// <remarks>Holds per-read state (<see cref="IMessageReaderStatus"/>): one per connection.</remarks>
public sealed class LengthPrefixedPayloadReader : IMessageReader<ReadOnlySequence<byte>>, IMessageReaderStatus
{
    /// <summary>Creates the reader.</summary>
    /// <param name="maximumLength">The largest payload accepted, at most 65,535.</param>
    public LengthPrefixedPayloadReader(int maximumLength = ushort.MaxValue) => MaximumLength = LengthPrefix.ValidMaximum(maximumLength);

    /// <summary>The largest payload accepted.</summary>
    public int MaximumLength { get; }

    /// <inheritdoc/>
    public ReadResult LastResult { get; private set; }

    /// <inheritdoc/>
    public bool TryParseMessage(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, [MaybeNullWhen(false)] out ReadOnlySequence<byte> message)
    {
        ReadResult frame = LengthPrefix.TryReadFrame(input, MaximumLength, out message);
        LastResult = frame;
        if (!frame.IsDone)
        {
            examined = LengthPrefix.Examined(input, frame);
            return false;
        }

        consumed = message.End;
        examined = consumed;
        return true;
    }
}
