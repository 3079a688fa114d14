using System.Runtime.InteropServices;
using Codec.Dns.Server;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Codec.Dns.Hosting;

/// <summary>Runs a <see cref="DnsServer"/> for the host's lifetime: SIGHUP reloads zones, the counters are logged periodically.</summary>
internal sealed partial class DnsServerHostedService(DnsServer server, IOptions<DnsServerOptions> options, ILogger<DnsServerHostedService> logger)
    : IHostedService, IDisposable
{
    private PosixSignalRegistration? _sighup;
    private Timer? _counters;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await server.StartAsync(cancellationToken).ConfigureAwait(false);
        DnsServerOptions settings = options.Value;
        if (settings.ReloadOnSighup && !OperatingSystem.IsWindows())
        {
            _sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                // Handled: the default action of SIGHUP would end the process.
                context.Cancel = true;
                LogSighup(logger);
                server.Reload();
            });
        }

        if (settings.CounterLogInterval > TimeSpan.Zero)
        {
            _counters = new Timer(_ => LogCounters(logger, server.Counters.ToString()), null, settings.CounterLogInterval, settings.CounterLogInterval);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        await server.StopAsync(cancellationToken).ConfigureAwait(false);
        LogCounters(logger, server.Counters.ToString());
    }

    public void Dispose()
    {
        _sighup?.Dispose();
        _sighup = null;
        _counters?.Dispose();
        _counters = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Counters: {Counters}")]
    private static partial void LogCounters(ILogger logger, string counters);

    [LoggerMessage(Level = LogLevel.Information, Message = "SIGHUP: reloading zones")]
    private static partial void LogSighup(ILogger logger);
}
