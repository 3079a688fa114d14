using System.Buffers;

namespace Codec.Transport.Protocols;

/// <summary>Writes one message into an output buffer (Bedrock.Framework's shape).</summary>
/// <typeparam name="TMessage">The message type.</typeparam>
public interface IMessageWriter<TMessage>
{
    /// <summary>Writes <paramref name="message"/> to <paramref name="output"/>.</summary>
    void WriteMessage(TMessage message, IBufferWriter<byte> output);
}
