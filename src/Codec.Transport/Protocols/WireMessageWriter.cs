using System.Buffers;

namespace Codec.Transport.Protocols;

/// <summary>The <see cref="IMessageWriter{TMessage}"/> of any generated message; serializing validates.</summary>
/// <typeparam name="TMessage">A generated message.</typeparam>
public sealed class WireMessageWriter<TMessage> : IMessageWriter<TMessage>
    where TMessage : struct, IWireMessage<TMessage>
{
    /// <inheritdoc/>
    public void WriteMessage(TMessage message, IBufferWriter<byte> output)
    {
        int size = message.GetSerializedSize();
        WriteResult result = message.TryWrite(output.GetSpan(size));
        if (!result.IsDone)
        {
            ThrowHelper.ThrowWriteFailed(result);
        }

        output.Advance(result.BytesWritten);
    }
}
