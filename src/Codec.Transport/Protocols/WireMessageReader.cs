using System.Buffers;
using System.Diagnostics.CodeAnalysis;

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
    /// <summary>What the last read found, for logging: NeedMoreData, or InvalidData with the field and offset.</summary>
    public ReadResult LastResult { get; private set; }

    /// <inheritdoc/>
    public bool TryParseMessage(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, [MaybeNullWhen(false)] out TMessage message)
    {
        LastResult = SequenceReading.TryRead(input, out message, out consumed, out examined);
        return LastResult.IsDone;
    }
}
