using System.Buffers;

namespace Codec.Transport.Datagrams;

/// <summary>
/// Answers datagrams asynchronously, for handlers that wait on something else (a forwarder waiting on its upstream).
/// The listener copies each datagram and its source into pooled storage that stays valid until the returned task
/// completes, and runs up to <see cref="DatagramListenerOptions.MaxConcurrentHandlers"/> handlers at once. A handler
/// that completes synchronously costs no allocation of the listener's own; one that goes asynchronous costs a task.
/// </summary>
public interface IAsyncDatagramHandler
{
    /// <summary>Handles one datagram.</summary>
    /// <param name="context">Where it came from and where it arrived.</param>
    /// <param name="request">The datagram.</param>
    /// <param name="reply">Where to write the reply; it holds at most the listener's maximum datagram size.</param>
    /// <param name="cancellationToken">Cancelled when the listener stops.</param>
    /// <returns>True to send what was written to <paramref name="reply"/> back to the source; false to drop the datagram.</returns>
    ValueTask<bool> HandleAsync(DatagramContext context, ReadOnlyMemory<byte> request, IBufferWriter<byte> reply, CancellationToken cancellationToken);
}
