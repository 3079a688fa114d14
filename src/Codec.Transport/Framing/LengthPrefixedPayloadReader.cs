using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Codec.Transport.Protocols;

namespace Codec.Transport.Framing;

/// <summary>
/// Reads the payload of each 2-byte length-prefixed frame (RFC 1035 §4.2.2 / RFC 7766 §8) as it lies in the pipe's
/// buffer, without copying: the sequence stays valid until <see cref="ProtocolReader.Advance"/>. For services that parse
/// the payload themselves (a DNS message, say), and as the framing of
/// <see cref="ProtocolReader.ReadAsync{TMessage, THandler}(IMessageReader{ReadOnlySequence{byte}}, THandler, int?, CancellationToken)"/>.
/// </summary>
/// <remarks>Holds per-read state (<see cref="IMessageReaderStatus"/>): one per connection.</remarks>
public sealed class LengthPrefixedPayloadReader : IMessageReader<ReadOnlySequence<byte>>, IMessageReaderStatus
{
    private ReadResult _lastFailure;
    private int _lastFrameSize;
    private bool _failed;

    /// <summary>Creates the reader.</summary>
    /// <param name="maximumLength">The largest payload accepted, at most 65,535.</param>
    public LengthPrefixedPayloadReader(int maximumLength = ushort.MaxValue) => MaximumLength = LengthPrefix.ValidMaximum(maximumLength);

    /// <summary>The largest payload accepted.</summary>
    public int MaximumLength { get; }

    /// <inheritdoc/>
    public ReadResult LastResult => _failed ? _lastFailure : ReadResult.Done(_lastFrameSize);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryParseMessage(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, [MaybeNullWhen(false)] out ReadOnlySequence<byte> message)
    {
        // The common case first, kept small: the prefix and the whole frame lie in the first segment.
        ReadOnlySpan<byte> first = input.FirstSpan;
        if (first.Length >= LengthPrefix.Size)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(first);
            int frameSize = LengthPrefix.Size + length;
            if (length <= MaximumLength && first.Length >= frameSize)
            {
                message = input.Slice(LengthPrefix.Size, length);
                _failed = false;
                _lastFrameSize = frameSize;
                SequencePosition end = message.End;
                consumed = end;
                examined = end;
                return true;
            }
        }

        return TryParseSlow(input, ref consumed, ref examined, out message);
    }

    /// <summary>A frame across segments, one not yet whole, or a length over the maximum.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryParseSlow(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, out ReadOnlySequence<byte> message)
    {
        ReadResult frame = LengthPrefix.TryReadFrame(input, MaximumLength, out message);
        if (!frame.IsDone)
        {
            _lastFailure = frame;
            _failed = true;
            examined = LengthPrefix.Examined(input, frame);
            return false;
        }

        _failed = false;
        _lastFrameSize = frame.BytesConsumed;
        consumed = message.End;
        examined = consumed;
        return true;
    }
}
