using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Codec.Transport.Datagrams;

/// <summary>
/// Where a datagram came from and where it arrived. The source is the receive loop's reusable
/// <see cref="SocketAddress"/>: read it during the call (or copy it), never keep it.
/// </summary>
public readonly struct DatagramContext
{
    /// <summary>Creates a context.</summary>
    public DatagramContext(SocketAddress remoteAddress, IPEndPoint localEndPoint)
    {
        RemoteAddress = remoteAddress;
        LocalEndPoint = localEndPoint;
    }

    /// <summary>The source of the datagram, where a reply goes. Owned by the receive loop; valid during the call.</summary>
    public SocketAddress RemoteAddress { get; }

    /// <summary>The endpoint the datagram arrived at.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>The source port, read without allocating.</summary>
    public int RemotePort => RemoteAddress is null ? 0 : BinaryPrimitives.ReadUInt16BigEndian(RemoteAddress.Buffer.Span[2..]);

    /// <summary>The source as an <see cref="IPEndPoint"/>. Allocates; a hot path uses <see cref="RemoteAddress"/>.</summary>
    public IPEndPoint GetRemoteEndPoint() => (IPEndPoint)LocalEndPoint.Create(RemoteAddress);

    /// <summary>The source address when it is IPv4, read without allocating.</summary>
    public bool TryGetRemoteIPv4(out IPv4Address address)
    {
        if (RemoteAddress is { Family: AddressFamily.InterNetwork })
        {
            // struct sockaddr_in: family (2), port (2, network order), address (4, network order).
            address = new IPv4Address(BinaryPrimitives.ReadUInt32BigEndian(RemoteAddress.Buffer.Span[4..]));
            return true;
        }

        address = default;
        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{GetRemoteEndPoint()} -> {LocalEndPoint}";
}
