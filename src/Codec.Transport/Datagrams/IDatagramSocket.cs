using System.Net;
using System.Net.Sockets;

namespace Codec.Transport.Datagrams;

/// <summary>
/// One bound datagram endpoint: a UDP socket (<see cref="UdpDatagramSocket"/>) or an in-memory one
/// (<see cref="InMemoryDatagramSocket"/>). Peers are named by a <see cref="SocketAddress"/> that the caller owns and
/// reuses, which is what lets a receive loop run without allocating per datagram.
/// </summary>
/// <remarks>
/// Receives and sends may run concurrently with each other and with further receives. A datagram longer than the
/// receive buffer is truncated to it, as UDP does on Linux.
/// </remarks>
public interface IDatagramSocket : IDisposable
{
    /// <summary>The endpoint the socket is bound to (the actual port when 0 was asked for).</summary>
    IPEndPoint LocalEndPoint { get; }

    /// <summary>The address family of the socket and of every address it accepts.</summary>
    AddressFamily AddressFamily { get; }

    /// <summary>
    /// Receives one datagram into <paramref name="buffer"/> and writes its source into <paramref name="remoteAddress"/>
    /// (which must be at least <see cref="SocketAddress.GetMaximumAddressSize"/> of <see cref="AddressFamily"/> long).
    /// </summary>
    /// <returns>The number of bytes received.</returns>
    /// <exception cref="ObjectDisposedException">The socket was disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<int> ReceiveFromAsync(Memory<byte> buffer, SocketAddress remoteAddress, CancellationToken cancellationToken = default);

    /// <summary>Sends <paramref name="datagram"/> to <paramref name="remoteAddress"/> as one datagram.</summary>
    /// <returns>The number of bytes sent.</returns>
    ValueTask<int> SendToAsync(ReadOnlyMemory<byte> datagram, SocketAddress remoteAddress, CancellationToken cancellationToken = default);
}
