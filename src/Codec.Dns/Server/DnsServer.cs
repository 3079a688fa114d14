using System.Net;
using Codec.Dns.Authority;
using Codec.Dns.Forwarding;
using Codec.Dns.Zones;
using Codec.Transport.Connections;
using Codec.Transport.Datagrams;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TransportServer = Codec.Transport.Connections.Server;

namespace Codec.Dns.Server;

/// <summary>
/// A DNS server: UDP and TCP on every listen address, answering from zones and, for other names, through a caching
/// forwarder. Zones reload atomically (<see cref="Reload"/>): queries under way finish with the old set, and a bad
/// file keeps it.
/// </summary>
public sealed partial class DnsServer : IAsyncDisposable
{
    private readonly DnsServerOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private DatagramListener? _udp;
    private TransportServer? _tcp;
    private IReadOnlyList<IPEndPoint> _endPoints = [];
    private int _stopped;

    /// <summary>Creates a server (not started).</summary>
    public DnsServer(DnsServerOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger("Codec.Dns.Server");
        Counters = new DnsCounters();
    }

    /// <summary>The counters.</summary>
    public DnsCounters Counters { get; }

    /// <summary>The responder (null before <see cref="StartAsync"/>).</summary>
    public DnsResponder? Responder { get; private set; }

    /// <summary>The forwarder, when upstreams are configured.</summary>
    public DnsForwarder? Forwarder { get; private set; }

    /// <summary>The bound endpoints with their actual ports (UDP and TCP share each); empty before start.</summary>
    public IReadOnlyList<IPEndPoint> EndPoints => _endPoints;

    /// <summary>Loads the zones, then binds UDP and TCP on every listen address.</summary>
    /// <exception cref="ZoneLoadException">A zone file is bad; nothing is bound.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ZoneSet zones = ZoneLoader.Load(_options, out IReadOnlyList<ZoneFileError> errors) ?? throw new ZoneLoadException(errors);
        if (_options.Forwarders.Count > 0)
        {
            Forwarder = new DnsForwarder(
                new ForwarderOptions
                {
                    Upstreams = [.. _options.Forwarders],
                    Timeout = _options.ForwardTimeout,
                    CacheSize = _options.CacheSize,
                    SocketFactory = _options.DatagramSockets,
                    RetryTruncatedOverTcp = _options.DatagramSockets is UdpDatagramSocketFactory,
                },
                Counters,
                _loggerFactory.CreateLogger("Codec.Dns.Forwarder"));
        }

        Responder = new DnsResponder(zones, Forwarder, Counters, _options.MaxUdpPayload);
        IReadOnlyList<IPEndPoint> listen = _options.Listen.Count > 0 ? [.. _options.Listen] : [DnsServerOptions.DefaultListen];
        var udpOptions = new DatagramListenerOptions
        {
            EndPoints = listen,
            ReceiveLoops = _options.ReceiveLoops,
            SocketFactory = _options.DatagramSockets,
        };
        ILogger udpLogger = _loggerFactory.CreateLogger("Codec.Dns.Udp");
        _udp = Forwarder is null
            ? new DatagramListener(udpOptions, new DnsDatagramHandler(Responder), udpLogger)
            : new DatagramListener(udpOptions, new DnsAsyncDatagramHandler(Responder), udpLogger);
        _udp.Start();
        _endPoints = _udp.LocalEndPoints;

        if (_options.Tcp)
        {
            var stream = new DnsStreamHandler(Responder, _loggerFactory.CreateLogger("Codec.Dns.Tcp"));
            var builder = new ServerBuilder(_loggerFactory);
            foreach (IPEndPoint endPoint in _endPoints)
            {
                void Configure(IConnectionBuilder connection) => connection.Run(stream.HandleAsync);
                if (_options.StreamTransport is { } transport)
                {
                    builder.Listen(transport, endPoint, Configure);
                }
                else
                {
                    builder.Listen(endPoint, Configure);
                }
            }

            _tcp = builder.Build();
            try
            {
                await _tcp.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await _udp.StopAsync(CancellationToken.None).ConfigureAwait(false);
                throw;
            }
        }

        foreach (Zone zone in zones.Zones)
        {
            LogZoneLoaded(_logger, zone.OriginText, zone.Records.Count);
        }

        LogListening(_logger, string.Join(", ", _endPoints.Select(e => e.ToString())), _options.Tcp ? "UDP and TCP" : "UDP");
    }

    /// <summary>Loads the zone files again and swaps them in; on any error the old zones stay and the errors come back.</summary>
    public IReadOnlyList<ZoneFileError> Reload()
    {
        DnsResponder responder = Responder ?? throw new InvalidOperationException("The server is not started.");
        ZoneSet? zones = ZoneLoader.Load(_options, out IReadOnlyList<ZoneFileError> errors);
        if (zones is null)
        {
            foreach (ZoneFileError error in errors)
            {
                LogReloadFailed(_logger, error.ToString());
            }

            return errors;
        }

        responder.Zones = zones;
        LogReloaded(_logger, zones.Zones.Count);
        return [];
    }

    /// <summary>Stops receiving, lets answers under way go out, closes everything. Idempotent.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        if (_udp is not null)
        {
            await _udp.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_tcp is not null)
        {
            await _tcp.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        if (Forwarder is not null)
        {
            await Forwarder.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (_udp is not null)
        {
            await _udp.DisposeAsync().ConfigureAwait(false);
        }

        if (_tcp is not null)
        {
            await _tcp.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Zone {Origin} loaded: {Records} records")]
    private static partial void LogZoneLoaded(ILogger logger, string origin, int records);

    [LoggerMessage(Level = LogLevel.Information, Message = "DNS served on {EndPoints} ({Transports})")]
    private static partial void LogListening(ILogger logger, string endPoints, string transports);

    [LoggerMessage(Level = LogLevel.Error, Message = "Zone reload failed, the old zones stay: {Error}")]
    private static partial void LogReloadFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zones reloaded: {Count} zones")]
    private static partial void LogReloaded(ILogger logger, int count);
}

/// <summary>Zone files could not be loaded at start: each error names file, line and reason.</summary>
public sealed class ZoneLoadException(IReadOnlyList<ZoneFileError> errors)
    : Exception(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
{
    /// <summary>The errors.</summary>
    public IReadOnlyList<ZoneFileError> Errors { get; } = errors;
}
