using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;

namespace Codec.Transport.Connections;

/// <summary>
/// Connects TCP sockets and wraps them with Kestrel's <see cref="SocketConnectionContextFactory"/>, so that a client
/// connection has the same pipes, memory pool and abort semantics as a server one.
/// </summary>
public sealed class SocketConnectionFactory : IConnectionFactory, IDisposable
{
    private readonly SocketConnectionContextFactory _contexts;

    /// <summary>Creates the factory.</summary>
    /// <param name="options">Kestrel's options for the connections (buffer sizes, I/O queues); defaults when null.</param>
    /// <param name="logger">Kestrel's transport logs there.</param>
    public SocketConnectionFactory(SocketConnectionFactoryOptions? options = null, ILogger? logger = null)
    {
        _contexts = new SocketConnectionContextFactory(options ?? new SocketConnectionFactoryOptions(), logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
    }

    /// <summary>Whether Nagle's algorithm is off on new sockets (the default: small messages leave at once).</summary>
    public bool NoDelay { get; init; } = true;

    /// <inheritdoc/>
    public async ValueTask<ConnectionContext> ConnectAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Socket socket = endpoint is IPEndPoint ip
            ? new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
            : new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.NoDelay = NoDelay;
            await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
            return _contexts.Create(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Releases the memory pool and I/O queues (connections still open keep working until disposed).</summary>
    public void Dispose() => _contexts.Dispose();
}
