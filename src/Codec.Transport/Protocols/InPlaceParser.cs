using System.Buffers;
using System.Runtime.CompilerServices;

namespace Codec.Transport.Protocols;

/// <summary>What an in-place read yields to the read loop: nothing; the handler has already run.</summary>
internal readonly struct Handled;

/// <summary>
/// Reads a self-delimiting generated message (its own fields say where it ends) at the start of the input and hands it
/// to the handler there. A message in the first segment is read where it lies; one that straddles segments is read from
/// a contiguous copy (<see cref="ProtocolReader"/>'s scratch buffer), which the handler then sees.
/// </summary>
/// <remarks>Small and immutable, as it is copied into every read: why a read failed is kept by the owner.</remarks>
internal readonly struct InPlaceParser<TMessage, THandler>(ProtocolReader owner, THandler handler) : IInputParser<Handled>
    where TMessage : IWireMessage<TMessage>, allows ref struct
    where THandler : IMessageHandler<TMessage>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryParse(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, out Handled message)
    {
        message = default;
        ReadOnlySpan<byte> first = input.FirstSpan;
        ReadResult result = TMessage.TryRead(first, out TMessage value);
        if (result.IsDone)
        {
            consumed = input.GetPosition(result.BytesConsumed);
            examined = consumed;
            handler.Handle(in value);
            return true;
        }

        return TryParseCopy(input, ref consumed, ref examined, result);
    }

    public bool IsInvalid(out CodecError detail) => owner.IsPayloadInvalid(out detail);

    /// <summary>The first segment held no whole message: read a contiguous copy when more is buffered, else wait.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryParseCopy(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, ReadResult result)
    {
        long length = input.Length;

        // NeedMoreData says how many bytes the message needs at least: copy only when that many are buffered.
        if (length > result.BytesConsumed && !input.IsSingleSegment && (result.Status != CodecStatus.NeedMoreData || result.Error.Expected <= (ulong)length))
        {
            result = TMessage.TryRead(owner.Contiguous(input), out TMessage value);
            if (result.IsDone)
            {
                consumed = input.GetPosition(result.BytesConsumed);
                examined = consumed;
                handler.Handle(in value);
                return true;
            }
        }

        owner.SetPayloadResult(result.Status == CodecStatus.InvalidData, result.Error);
        consumed = input.Start;
        examined = input.End;
        return false;
    }
}

/// <summary>
/// Cuts a frame with <c>framing</c> (a 2-byte length prefix, a delimiter), reads the generated message from its payload
/// and hands it to the handler in place. A payload that is not a whole message is invalid: the frame is complete, so
/// more bytes cannot help. Bytes of the payload after the message are ignored, as <see cref="Framing.LengthPrefixedReader{TMessage}"/> does.
/// </summary>
internal readonly struct FramedInPlaceParser<TMessage, THandler>(ProtocolReader owner, IMessageReader<ReadOnlySequence<byte>> framing, THandler handler) : IInputParser<Handled>
    where TMessage : IWireMessage<TMessage>, allows ref struct
    where THandler : IMessageHandler<TMessage>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryParse(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, out Handled message)
    {
        message = default;
        if (!framing.TryParseMessage(input, ref consumed, ref examined, out ReadOnlySequence<byte> payload))
        {
            return false;
        }

        ReadResult result = TMessage.TryRead(payload.IsSingleSegment ? payload.FirstSpan : owner.Contiguous(payload), out TMessage value);
        if (!result.IsDone)
        {
            RejectPayload(result, payload.Length);
            consumed = input.Start;
            examined = input.End;
            return false;
        }

        handler.Handle(in value);
        return true;
    }

    public bool IsInvalid(out CodecError detail) =>
        owner.IsPayloadInvalid(out detail) || new MessageReaderParser<ReadOnlySequence<byte>>(framing).IsInvalid(out detail);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RejectPayload(ReadResult result, long payloadLength)
    {
        CodecError error = result.Error;

        // The frame ended before the message did.
        owner.SetPayloadResult(true, result.Status == CodecStatus.NeedMoreData
            ? new CodecError(CodecErrorKind.Truncated, error.Field ?? "Payload", error.BitOffset, error.Expected, (ulong)payloadLength)
            : error);
    }
}
