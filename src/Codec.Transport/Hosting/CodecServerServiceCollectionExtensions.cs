using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Codec.Transport.Hosting;

/// <summary>Runs codec servers in the generic host (<see cref="IHost"/>): started and stopped with it, logging and handlers from its services.</summary>
/// <example>
/// A DNS service on UDP and TCP port 53 (the handlers are the service's own):
/// <code>
/// builder.Services.AddSingleton&lt;DnsDatagramHandler&gt;();
/// builder.Services.AddCodecServer("dns", (services, server) =&gt;
/// {
///     DnsOptions options = services.GetRequiredService&lt;IOptions&lt;DnsOptions&gt;&gt;().Value;
///     server.ConfigureLimits(limits =&gt; limits.IdleTimeout = TimeSpan.FromSeconds(10))   // RFC 7766 §6.2.3
///           .Listen(options.TcpEndPoint, connection =&gt; connection.UseConnectionHandler&lt;DnsTcpHandler&gt;())
///           .ListenDatagrams&lt;DnsDatagramHandler&gt;(new DatagramListenerOptions { EndPoints = [options.UdpEndPoint] });
/// });
/// // later: services.GetRequiredKeyedService&lt;CodecServerHost&gt;("dns").DatagramEndPoints
/// </code>
/// </example>
public static class CodecServerServiceCollectionExtensions
{
    /// <summary>The name of a codec server registered without one.</summary>
    public const string DefaultName = "codec";

    /// <summary>Adds a codec server named <see cref="DefaultName"/>.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Declares the endpoints; runs when the host starts.</param>
    public static IServiceCollection AddCodecServer(this IServiceCollection services, Action<CodecServerBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddCodecServer(DefaultName, (_, server) => configure(server));
    }

    /// <summary>Adds a codec server named <see cref="DefaultName"/>, declared with the host's services at hand (options, handlers).</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Declares the endpoints; runs when the host starts.</param>
    public static IServiceCollection AddCodecServer(this IServiceCollection services, Action<IServiceProvider, CodecServerBuilder> configure) =>
        services.AddCodecServer(DefaultName, configure);

    /// <summary>
    /// Adds a codec server: a <see cref="CodecServerHost"/> registered as a keyed singleton under <paramref name="name"/>
    /// and as a hosted service. Several may be added under different names (a DNS and a DHCP service in one host).
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="name">The key to resolve the <see cref="CodecServerHost"/> by.</param>
    /// <param name="configure">Declares the endpoints; runs when the host starts, with the host's services.</param>
    /// <exception cref="InvalidOperationException">A codec server of that name was added before.</exception>
    public static IServiceCollection AddCodecServer(this IServiceCollection services, string name, Action<IServiceProvider, CodecServerBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        if (services.Any(descriptor => descriptor.IsKeyedService && descriptor.ServiceType == typeof(CodecServerHost) && Equals(descriptor.ServiceKey, name)))
        {
            throw new InvalidOperationException($"A codec server named '{name}' was added before.");
        }

        services.AddKeyedSingleton(name, (provider, _) =>
            new CodecServerHost(name, provider, configure, provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredKeyedService<CodecServerHost>(name));
        return services;
    }
}
