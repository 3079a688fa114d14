using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Codec.Transport.Protocols;

namespace Codec.Transport.Framing;

/// <summary>
/// Reads a message framed by a 2-byte big-endian length prefix (DNS over TCP, RFC 1035 §4.2.2 / RFC 7766 §8): the frame
/// is cut out first, then <c>inner</c> reads the message from its payload. The whole frame is consumed, whatever the
/// inner reader consumed of it.
/// </summary>
/// <remarks>
/// A prefix above the maximum is rejected as soon as it arrives, without waiting for the payload. A payload the inner
/// reader cannot read is invalid (the frame is complete, so more bytes cannot help); the error positions of the inner
/// reader are relative to the payload. Holds per-read state (<see cref="IMessageReaderStatus"/>): one per connection.
/// </remarks>
/// <typeparam name="TMessage">The message type.</typeparam>
public sealed class LengthPrefixedReader<TMessage> : IMessageReader<TMessage>, IMessageReaderStatus
{
    private readonly IMessageReader<TMessage> _inner;
    private ReadResult _lastFailure;
    private int _lastFrameSize;
    private bool _failed;

    /// <summary>Creates the reader.</summary>
    /// <param name="inner">Reads the message from a frame's payload.</param>
    /// <param name="maximumLength">The largest payload accepted, at most 65,535.</param>
    public LengthPrefixedReader(IMessageReader<TMessage> inner, int maximumLength = ushort.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        MaximumLength = LengthPrefix.ValidMaximum(maximumLength);
    }

    /// <summary>The largest payload accepted.</summary>
    public int MaximumLength { get; }

    /// <inheritdoc/>
    public ReadResult LastResult => _failed ? _lastFailure : ReadResult.Done(_lastFrameSize);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryParseMessage(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, [MaybeNullWhen(false)] out TMessage message)
    {
        // The common case first, kept small: the prefix and the whole frame lie in the first segment.
        ReadOnlySpan<byte> first = input.FirstSpan;
        if (first.Length >= LengthPrefix.Size)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(first);
            int frameSize = LengthPrefix.Size + length;
            if (length <= MaximumLength && first.Length >= frameSize)
            {
                ReadOnlySequence<byte> payload = input.Slice(LengthPrefix.Size, length);
                SequencePosition innerConsumed = payload.Start;
                SequencePosition innerExamined = payload.End;
                if (_inner.TryParseMessage(payload, ref innerConsumed, ref innerExamined, out message))
                {
                    _failed = false;
                    _lastFrameSize = frameSize;

                    // Both from a local, not one from the other: a copy of a just-written position stalls the load.
                    SequencePosition end = payload.End;
                    consumed = end;
                    examined = end;
                    return true;
                }
            }
        }

        return TryParseSlow(input, ref consumed, ref examined, out message);
    }

    /// <summary>Every case: a frame across segments, one not yet whole, a length over the maximum, a payload rejected.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryParseSlow(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, [MaybeNullWhen(false)] out TMessage message)
    {
        ReadResult frame = LengthPrefix.TryReadFrame(input, MaximumLength, out ReadOnlySequence<byte> payload);
        if (!frame.IsDone)
        {
            Fail(frame);
            examined = LengthPrefix.Examined(input, frame);
            message = default;
            return false;
        }

        SequencePosition innerConsumed = payload.Start;
        SequencePosition innerExamined = payload.End;
        if (!_inner.TryParseMessage(payload, ref innerConsumed, ref innerExamined, out message))
        {
            Fail(PayloadRejected(_inner, payload.Length));
            examined = payload.End;
            return false;
        }

        _failed = false;
        _lastFrameSize = frame.BytesConsumed;
        consumed = payload.End;
        examined = consumed;
        return true;
    }

    private void Fail(ReadResult result)
    {
        _lastFailure = result;
        _failed = true;
    }

    private static ReadResult PayloadRejected(IMessageReader<TMessage> inner, long payloadLength)
    {
        ReadResult result = inner is IMessageReaderStatus status ? status.LastResult : default;
        return result.Status switch
        {
            CodecStatus.InvalidData => result,

            // The frame ended before the message did.
            CodecStatus.NeedMoreData => ReadResult.Invalid(new CodecError(CodecErrorKind.Truncated, result.Error.Field, result.Error.BitOffset, result.Error.Expected, result.Error.Actual)),
            _ => ReadResult.Invalid(new CodecError(CodecErrorKind.Truncated, "Payload", LengthPrefix.PayloadBitOffset, 0, (ulong)payloadLength)),
        };
    }
}
