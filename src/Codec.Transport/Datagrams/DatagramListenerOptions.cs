using System.Net;

namespace Codec.Transport.Datagrams;

/// <summary>Settings of a <see cref="DatagramListener"/>.</summary>
public sealed record DatagramListenerOptions
{
    /// <summary>The largest UDP payload over IPv4: 65,535 − 20 (IPv4 header) − 8 (UDP header).</summary>
    public const int MaxUdpPayload = 65507;

    /// <summary>The endpoints to serve, IPv4 and IPv6 alike; port 0 picks a free port.</summary>
    public IReadOnlyList<IPEndPoint> EndPoints { get; init; } = [];

    /// <summary>Receive loops per endpoint, each with its own socket where the factory allows it (at least 1).</summary>
    public int ReceiveLoops { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>
    /// The largest datagram accepted and the largest reply (1 to 65,527). Each loop's receive buffer is rented at this
    /// size plus one byte, so that a longer datagram shows as too long and is dropped rather than handled truncated.
    /// </summary>
    public int MaxDatagramSize { get; init; } = MaxUdpPayload;

    /// <summary>Kernel buffer sizes of the sockets.</summary>
    public DatagramSocketOptions SocketOptions { get; init; } = DatagramSocketOptions.Default;

    /// <summary>How many asynchronous handlers may run at once, over all loops (at least 1); unused by synchronous handlers.</summary>
    public int MaxConcurrentHandlers { get; init; } = 256;

    /// <summary>Where sockets come from: UDP by default, an <see cref="InMemoryDatagramNetwork"/> in tests.</summary>
    public IDatagramSocketFactory SocketFactory { get; init; } = UdpDatagramSocketFactory.Instance;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(EndPoints);
        ArgumentNullException.ThrowIfNull(SocketOptions);
        ArgumentNullException.ThrowIfNull(SocketFactory);
        if (EndPoints.Count == 0)
        {
            throw new ArgumentException("At least one endpoint is needed.", nameof(EndPoints));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(ReceiveLoops, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDatagramSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxDatagramSize, 65527);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentHandlers, 1);
    }
}
