using System.Net;
using Codec.Dns.Zones;
using Codec.Transport.Datagrams;
using Microsoft.AspNetCore.Connections;

namespace Codec.Dns.Server;

/// <summary>Settings of a <see cref="DnsServer"/>.</summary>
public sealed class DnsServerOptions
{
    /// <summary>The default listen address: 127.0.0.1 port 5353 (no privileges needed).</summary>
    public static IPEndPoint DefaultListen => new(IPAddress.Loopback, 5353);

    /// <summary>Where to serve UDP and TCP; port 0 picks a free port, the same for both. Empty means <see cref="DefaultListen"/>.</summary>
    public IList<IPEndPoint> Listen { get; } = [];

    /// <summary>Zone files to load (origin: first <c>$ORIGIN</c>, else the file name; see <see cref="ZoneFile.Load"/>).</summary>
    public IList<string> ZoneFiles { get; } = [];

    /// <summary>Zones given already built (tests, embedding applications); served besides <see cref="ZoneFiles"/>.</summary>
    public IList<Zone> Zones { get; } = [];

    /// <summary>Upstream servers for names outside our zones; none means REFUSED for them.</summary>
    public IList<IPEndPoint> Forwarders { get; } = [];

    /// <summary>How long to wait for one upstream before the next.</summary>
    public TimeSpan ForwardTimeout { get; set; } = TimeSpan.FromMilliseconds(800);

    /// <summary>The most forwarded answers cached.</summary>
    public int CacheSize { get; set; } = 10_000;

    /// <summary>The largest UDP response, and the size offered in OPT records.</summary>
    public ushort MaxUdpPayload { get; set; } = DnsResponder.DefaultMaxUdpPayload;

    /// <summary>Serve the embedded sample zone (<c>example.test.</c>) when there is no zone and no forwarder.</summary>
    public bool SampleZoneWhenEmpty { get; set; } = true;

    /// <summary>How often the counters are logged; zero or less never.</summary>
    public TimeSpan CounterLogInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether SIGHUP reloads the zone files (hosted service only).</summary>
    public bool ReloadOnSighup { get; set; } = true;

    /// <summary>Receive loops per UDP endpoint.</summary>
    public int ReceiveLoops { get; set; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Whether TCP is served besides UDP.</summary>
    public bool Tcp { get; set; } = true;

    /// <summary>Where UDP sockets come from (server and forwarder): UDP by default, an in-memory network in tests.</summary>
    public IDatagramSocketFactory DatagramSockets { get; set; } = UdpDatagramSocketFactory.Instance;

    /// <summary>Where TCP listeners come from: Kestrel's sockets when null, the in-memory transport in tests.</summary>
    public IConnectionListenerFactory? StreamTransport { get; set; }
}
