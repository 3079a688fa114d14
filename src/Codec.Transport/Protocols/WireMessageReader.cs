using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Codec.Transport.Protocols;

/// <summary>
/// The <see cref="IMessageReader{TMessage}"/> of any generated message, through its static abstract members: no
/// hand-written adapter, no reflection, no boxing. A message in one segment is read where it lies; one that straddles
/// segments is copied first (<see cref="SequenceReading"/>). It says why a read failed (<see cref="IMessageReaderStatus"/>),
/// so create one per connection.
/// </summary>
/// <typeparam name="TMessage">A generated message.</typeparam>
public sealed class WireMessageReader<TMessage> : IMessageReader<TMessage>, IMessageReaderStatus
    where TMessage : struct, IWireMessage<TMessage>
{
    private ReadResult _lastFailure;
    private int _lastSize;
    private bool _failed;

    /// <summary>What the last read found, for logging: NeedMoreData, or InvalidData with the field and offset.</summary>
    public ReadResult LastResult => _failed ? _lastFailure : ReadResult.Done(_lastSize);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryParseMessage(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, [MaybeNullWhen(false)] out TMessage message)
    {
        // The common case, kept small: the message lies in the first segment. Only the size is kept on success (the
        // whole result is a large struct, and storing it costs more than the read).
        ReadResult result = TMessage.TryRead(input.FirstSpan, out message);
        if (result.IsDone)
        {
            _failed = false;
            _lastSize = result.BytesConsumed;
            SequencePosition end = input.GetPosition(result.BytesConsumed);
            consumed = end;
            examined = end;
            return true;
        }

        return TryParseSlow(input, ref consumed, ref examined, out message);
    }

    /// <summary>A message across segments, one not yet whole, or invalid input.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryParseSlow(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, out TMessage message)
    {
        ReadResult result = SequenceReading.TryRead(input, out message, out consumed, out examined);
        if (result.IsDone)
        {
            _failed = false;
            _lastSize = result.BytesConsumed;
            return true;
        }

        _lastFailure = result;
        _failed = true;
        return false;
    }
}
