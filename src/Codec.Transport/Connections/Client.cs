using System.Net;
using Microsoft.AspNetCore.Connections;

namespace Codec.Transport.Connections;

/// <summary>
/// Opens connections and runs each through the client's middleware chain before handing it over. Disposing a connection
/// unwinds its chain (TLS closes its session) and closes it. Built by <see cref="ClientBuilder"/>.
/// </summary>
public sealed class Client : IDisposable
{
    private readonly IConnectionFactory _transport;
    private readonly IDisposable? _owned;
    private readonly ConnectionDelegate _chain;

    internal Client(IConnectionFactory transport, IDisposable? owned, ConnectionDelegate chain)
    {
        _transport = transport;
        _owned = owned;
        _chain = chain;
    }

    /// <summary>Connects to <paramref name="endPoint"/> and runs the middleware chain (a TLS handshake, say).</summary>
    /// <param name="endPoint">Where to connect.</param>
    /// <param name="cancellationToken">Cancels connecting and the middleware's set-up.</param>
    /// <returns>The connection, ready for a <see cref="Protocols.ProtocolReader"/> and <see cref="Protocols.ProtocolWriter"/>; dispose it to close.</returns>
    public async ValueTask<ConnectionContext> ConnectAsync(EndPoint endPoint, CancellationToken cancellationToken = default)
    {
        ConnectionContext inner = await _transport.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
        var connection = new ClientConnection(inner);
        connection.Run(_chain);
        try
        {
            await Task.WhenAny(connection.Established, connection.Chain).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            inner.Abort(new ConnectionAbortedException("Connecting was canceled."));
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        if (!connection.Established.IsCompleted)
        {
            // Middleware ended the chain before the connection was established (a failed TLS handshake, say).
            Task chain = connection.Chain;
            await connection.DisposeAsync().ConfigureAwait(false);
            await chain.ConfigureAwait(false);
            throw new ConnectionAbortedException("Client middleware closed the connection before it was established.");
        }

        return connection;
    }

    /// <summary>Releases the socket transport the client created (connections still open keep working until disposed).</summary>
    public void Dispose() => _owned?.Dispose();
}
