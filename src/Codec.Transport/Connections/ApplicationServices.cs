using Microsoft.Extensions.Logging;

namespace Codec.Transport.Connections;

/// <summary>The services a builder offers its middleware when none were given: only the logger factory.</summary>
internal sealed class ApplicationServices(ILoggerFactory loggerFactory) : IServiceProvider
{
    public object? GetService(Type serviceType) => serviceType == typeof(ILoggerFactory) ? loggerFactory : null;
}

/// <summary>Finds the logger factory among application services.</summary>
internal static class ServiceProviderExtensions
{
    public static ILoggerFactory GetLoggerFactory(this IServiceProvider services) =>
        services.GetService(typeof(ILoggerFactory)) as ILoggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
}
