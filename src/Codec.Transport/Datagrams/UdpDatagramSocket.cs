using System.Net;
using System.Net.Sockets;

namespace Codec.Transport.Datagrams;

/// <summary>
/// An <see cref="IDatagramSocket"/> over a bound UDP <see cref="System.Net.Sockets.Socket"/>, through the
/// <see cref="SocketAddress"/> overloads of <see cref="Socket.ReceiveFromAsync(Memory{byte}, SocketFlags, SocketAddress, CancellationToken)"/>
/// and <see cref="Socket.SendToAsync(ReadOnlyMemory{byte}, SocketFlags, SocketAddress, CancellationToken)"/>: with one
/// receive and one send outstanding at a time, the socket reuses its cached operation objects and nothing is allocated.
/// </summary>
public sealed class UdpDatagramSocket : IDatagramSocket
{
    /// <summary>Wraps a bound socket and takes ownership of it.</summary>
    /// <exception cref="ArgumentException">The socket is not a bound datagram socket.</exception>
    public UdpDatagramSocket(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        if (socket.SocketType != SocketType.Dgram)
        {
            throw new ArgumentException("The socket is not a datagram socket.", nameof(socket));
        }

        LocalEndPoint = socket.LocalEndPoint as IPEndPoint
            ?? throw new ArgumentException("The socket is not bound to an IP endpoint.", nameof(socket));
        Socket = socket;
    }

    /// <summary>The underlying socket, for options this type does not expose.</summary>
    public Socket Socket { get; }

    /// <inheritdoc/>
    public IPEndPoint LocalEndPoint { get; }

    /// <inheritdoc/>
    public AddressFamily AddressFamily => Socket.AddressFamily;

    /// <summary>Creates a UDP socket bound to <paramref name="localEndPoint"/> (IPv6 sockets are IPv6-only).</summary>
    public static UdpDatagramSocket Bind(IPEndPoint localEndPoint, DatagramSocketOptions? options = null) =>
        new(UdpDatagramSocketFactory.CreateBound(localEndPoint, options ?? DatagramSocketOptions.Default, reusePort: false));

    /// <inheritdoc/>
    public ValueTask<int> ReceiveFromAsync(Memory<byte> buffer, SocketAddress remoteAddress, CancellationToken cancellationToken = default) =>
        Socket.ReceiveFromAsync(buffer, SocketFlags.None, remoteAddress, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<int> SendToAsync(ReadOnlyMemory<byte> datagram, SocketAddress remoteAddress, CancellationToken cancellationToken = default) =>
        Socket.SendToAsync(datagram, SocketFlags.None, remoteAddress, cancellationToken);

    /// <inheritdoc/>
    public void Dispose() => Socket.Dispose();

    /// <inheritdoc/>
    public override string ToString() => $"udp {LocalEndPoint}";
}
