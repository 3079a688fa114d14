using Microsoft.AspNetCore.Connections;

namespace Codec.Transport.Connections;

/// <summary>Ends a server's middleware chain with a handler object.</summary>
public static class ConnectionBuilderExtensions
{
    /// <summary>Runs <paramref name="handler"/> for every connection that gets through the middleware.</summary>
    /// <param name="builder">The chain.</param>
    /// <param name="handler">The handler; it serves every connection, so it must be safe to use concurrently.</param>
    public static IConnectionBuilder UseConnectionHandler(this IConnectionBuilder builder, ConnectionHandler handler)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(handler);
        return builder.Run(handler.OnConnectedAsync);
    }
}
