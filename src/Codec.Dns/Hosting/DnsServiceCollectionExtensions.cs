using Codec.Dns.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Codec.Dns.Hosting;

/// <summary>Adds a DNS server to the generic host.</summary>
public static class DnsServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="DnsServer"/> configured by <paramref name="configure"/> and a hosted service that starts
    /// it with the host, reloads zones on SIGHUP, logs the counters periodically and stops it cleanly.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.Services.AddDnsServer(options =>
    /// {
    ///     options.ZoneFiles.Add("example.com.zone");
    ///     options.Forwarders.Add(IPEndPoint.Parse("9.9.9.9:53"));
    /// });
    /// </code>
    /// </example>
    public static IServiceCollection AddDnsServer(this IServiceCollection services, Action<DnsServerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<DnsServerOptions>().Configure(configure);
        services.AddSingleton(provider => new DnsServer(
            provider.GetRequiredService<IOptions<DnsServerOptions>>().Value,
            provider.GetService<ILoggerFactory>()));
        services.AddHostedService<DnsServerHostedService>();
        return services;
    }
}
