using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace Codec.Transport.Protocols;

/// <summary>
/// Parses one message from the front of a buffered input (Bedrock.Framework's shape). On success it reports how far
/// it consumed; when the input holds no whole message yet it returns false and says how far it examined, so a
/// <see cref="System.IO.Pipelines.PipeReader"/> loop waits for more data rather than spinning.
/// </summary>
/// <typeparam name="TMessage">The message type.</typeparam>
public interface IMessageReader<TMessage>
{
    /// <summary>Tries to read a message from <paramref name="input"/>.</summary>
    bool TryParseMessage(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, [MaybeNullWhen(false)] out TMessage message);
}
