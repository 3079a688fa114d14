using System.Net;
using Codec.Transport.Datagrams;

namespace Codec.Dns.Forwarding;

/// <summary>Settings of a <see cref="DnsForwarder"/>.</summary>
public sealed record ForwarderOptions
{
    /// <summary>The upstream servers, in order of preference.</summary>
    public IReadOnlyList<IPEndPoint> Upstreams { get; init; } = [];

    /// <summary>How long to wait for one upstream before asking the next (RFC 1035 §7.2 "resend after a short time").</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(800);

    /// <summary>The most answers cached.</summary>
    public int CacheSize { get; init; } = 10_000;

    /// <summary>Consecutive failures after which an upstream is marked down.</summary>
    public int FailuresBeforeDown { get; init; } = 3;

    /// <summary>How long a down upstream is skipped before one query probes it again.</summary>
    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether every upstream query leaves from a socket of its own, bound to a fresh ephemeral port (Linux picks it
    /// at random) and closed when the query ends: 16 bits of port on top of the 16-bit random ID against spoofed
    /// answers (RFC 5452 §4.5, §9.2). The default. When false, queries share <see cref="Sockets"/> long-lived sockets.
    /// </summary>
    public bool PortPerQuery { get; init; } = true;

    /// <summary>With <see cref="PortPerQuery"/> off: the UDP sockets queries share, each on its own random port.</summary>
    public int Sockets { get; init; } = 4;

    /// <summary>Where the sockets come from: UDP by default, an <see cref="InMemoryDatagramNetwork"/> in tests.</summary>
    public IDatagramSocketFactory SocketFactory { get; init; } = UdpDatagramSocketFactory.Instance;

    /// <summary>Whether a truncated upstream answer is asked again over TCP (off for in-memory tests).</summary>
    public bool RetryTruncatedOverTcp { get; init; } = true;
}
