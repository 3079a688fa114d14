using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace Codec.Transport.Protocols;

/// <summary>
/// The <see cref="IMessageReader{TMessage}"/> of any generated message, through its static abstract members: no
/// hand-written adapter, no reflection, no boxing. A message in one segment is read where it lies; one that straddles
/// segments is first copied to the stack.
/// </summary>
/// <typeparam name="TMessage">A generated fixed-layout message.</typeparam>
public sealed class WireMessageReader<TMessage> : IMessageReader<TMessage>
    where TMessage : struct, IWireMessage<TMessage>
{
    private const int StackLimit = 512;

    /// <summary>What the last failed read found, for logging: NeedMoreData, or InvalidData with the field and offset.</summary>
    public ReadResult LastResult { get; private set; }

    /// <inheritdoc/>
    public bool TryParseMessage(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, [MaybeNullWhen(false)] out TMessage message)
    {
        int size = TMessage.MinimumWireSize;
        if (input.Length < size)
        {
            message = default;
            examined = input.End;
            LastResult = ReadResult.NeedMoreData(null, 0, size, (int)input.Length);
            return false;
        }

        ReadOnlySequence<byte> window = input.Slice(0, size);
        ReadResult result = window.IsSingleSegment
            ? TMessage.TryRead(window.FirstSpan, out message)
            : size <= StackLimit
                ? TMessage.TryRead(Copy(window, stackalloc byte[size]), out message)
                : TMessage.TryRead(window.ToArray(), out message);

        LastResult = result;
        if (!result.IsDone)
        {
            // Invalid data: report it examined so the caller can close the connection with the reason.
            examined = window.End;
            return false;
        }

        consumed = input.GetPosition(result.BytesConsumed);
        examined = consumed;
        return true;
    }

    private static ReadOnlySpan<byte> Copy(in ReadOnlySequence<byte> source, Span<byte> destination)
    {
        source.CopyTo(destination);
        return destination;
    }
}
