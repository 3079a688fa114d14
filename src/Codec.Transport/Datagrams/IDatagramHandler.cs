using System.Buffers;

namespace Codec.Transport.Datagrams;

/// <summary>
/// Answers datagrams synchronously, from the span the datagram was received into to the reply buffer: the shape that
/// lets <see cref="DatagramListener"/> serve without allocating. Both spans belong to the receive loop and are valid
/// only during the call.
/// </summary>
public interface IDatagramHandler
{
    /// <summary>Handles one datagram.</summary>
    /// <param name="context">Where it came from and where it arrived.</param>
    /// <param name="request">The datagram.</param>
    /// <param name="reply">Where to write the reply; it holds at most the listener's maximum datagram size.</param>
    /// <returns>True to send what was written to <paramref name="reply"/> back to the source; false to drop the datagram.</returns>
    /// <remarks>An exception is caught, counted and logged by the listener, and the datagram is dropped.</remarks>
    bool Handle(in DatagramContext context, ReadOnlySpan<byte> request, IBufferWriter<byte> reply);
}

/// <summary>An <see cref="IDatagramHandler"/> as a delegate.</summary>
/// <returns>True to send the reply; false to drop the datagram.</returns>
public delegate bool DatagramHandlerFunc(in DatagramContext context, ReadOnlySpan<byte> request, IBufferWriter<byte> reply);
