using System.Net;

namespace Codec.Transport.Datagrams;

/// <summary>Binds datagram sockets: UDP (<see cref="UdpDatagramSocketFactory"/>) or in-memory (<see cref="InMemoryDatagramNetwork"/>).</summary>
public interface IDatagramSocketFactory
{
    /// <summary>
    /// Binds <paramref name="count"/> sockets that share <paramref name="localEndPoint"/>: each datagram sent to the
    /// endpoint arrives at exactly one of them, and a reply sent from any of them comes from the endpoint. A factory
    /// that cannot give each its own queue may return the same socket several times.
    /// </summary>
    /// <param name="localEndPoint">The endpoint; port 0 picks a free port, the same for all of them.</param>
    /// <param name="count">How many sockets (one per receive loop).</param>
    /// <param name="options">Kernel buffer sizes; null for the defaults.</param>
    IReadOnlyList<IDatagramSocket> Bind(IPEndPoint localEndPoint, int count, DatagramSocketOptions? options = null);
}
