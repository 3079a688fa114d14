using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;

namespace Codec.Transport.InMemory;

/// <summary>
/// A stream transport in memory, for unit tests of services: a server binds endpoints on it
/// (<see cref="Connections.ServerBuilder.Listen(IConnectionListenerFactory, EndPoint, Action{IConnectionBuilder})"/>),
/// a client connects through it (<see cref="Connections.ClientBuilder.UseTransport"/>), and server code runs unchanged.
/// Connections behave like TCP ones: ordered bytes, half-close, reset, back-pressure. Endpoints are private to the
/// instance; <see cref="InMemoryEndPoint"/> names them, though any <see cref="EndPoint"/> serves as a key.
/// </summary>
public sealed class InMemoryTransport : IConnectionListenerFactory, IConnectionFactory
{
    private readonly ConcurrentDictionary<EndPoint, InMemoryListener> _listeners = new();
    private long _nextClient;

    /// <summary>Creates the two ends of a connection without a listener: for tests of a handler or of middleware.</summary>
    public static (ConnectionContext Client, ConnectionContext Server) CreatePair() =>
        InMemoryConnection.CreatePair(new InMemoryEndPoint("client"), new InMemoryEndPoint("server"));

    /// <inheritdoc/>
    /// <exception cref="AddressInUseException">The endpoint is already bound on this transport.</exception>
    public ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        cancellationToken.ThrowIfCancellationRequested();
        var listener = new InMemoryListener(this, endpoint);
        if (!_listeners.TryAdd(endpoint, listener))
        {
            throw new AddressInUseException($"{endpoint} is already bound.");
        }

        return new(listener);
    }

    /// <inheritdoc/>
    /// <exception cref="SocketException">Nothing listens on the endpoint (<see cref="SocketError.ConnectionRefused"/>).</exception>
    public ValueTask<ConnectionContext> ConnectAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_listeners.TryGetValue(endpoint, out InMemoryListener? listener))
        {
            throw new SocketException((int)SocketError.ConnectionRefused);
        }

        var clientEndPoint = new InMemoryEndPoint("client-" + Interlocked.Increment(ref _nextClient).ToString(System.Globalization.CultureInfo.InvariantCulture));
        (InMemoryConnection client, InMemoryConnection server) = InMemoryConnection.CreatePair(clientEndPoint, endpoint);
        if (!listener.TryEnqueue(server))
        {
            client.Abort(new ConnectionAbortedException("The listener was unbound."));
            throw new SocketException((int)SocketError.ConnectionRefused);
        }

        return new(client);
    }

    internal void Remove(InMemoryListener listener) =>
        _listeners.TryRemove(new KeyValuePair<EndPoint, InMemoryListener>(listener.EndPoint, listener));
}
