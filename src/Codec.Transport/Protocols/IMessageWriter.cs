using System.Buffers;

namespace Codec.Transport.Protocols;

/// <summary>Writes one message into an output buffer (Bedrock.Framework's shape).</summary>
/// <typeparam name="TMessage">The message type; may be a ref struct (a variable-length generated message), written synchronously to an output such as a connection's <see cref="System.IO.Pipelines.PipeWriter"/>, then flushed.</typeparam>
public interface IMessageWriter<TMessage>
    where TMessage : allows ref struct
{
    /// <summary>Writes <paramref name="message"/> to <paramref name="output"/>.</summary>
    void WriteMessage(TMessage message, IBufferWriter<byte> output);
}
