using System.Buffers;

namespace Codec.Transport.Protocols;

/// <summary>
/// The <see cref="IMessageWriter{TMessage}"/> of any generated message, fixed (struct) or variable-length (ref struct),
/// through its interface members: no adapter, no reflection, no boxing. Serializing validates.
/// </summary>
/// <typeparam name="TMessage">A generated message.</typeparam>
public sealed class WireMessageWriter<TMessage> : IMessageWriter<TMessage>
    where TMessage : IWireMessage<TMessage>, allows ref struct
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
