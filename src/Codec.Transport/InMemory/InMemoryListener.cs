using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Connections;

namespace Codec.Transport.InMemory;

/// <summary>An endpoint bound on an <see cref="InMemoryTransport"/>: connections wait in a queue until accepted.</summary>
internal sealed class InMemoryListener(InMemoryTransport transport, EndPoint endPoint) : IConnectionListener
{
    private readonly Channel<ConnectionContext> _pending = Channel.CreateUnbounded<ConnectionContext>();

    public EndPoint EndPoint { get; } = endPoint;

    public async ValueTask<ConnectionContext?> AcceptAsync(CancellationToken cancellationToken = default)
    {
        while (await _pending.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_pending.Reader.TryRead(out ConnectionContext? connection))
            {
                return connection;
            }
        }

        return null;
    }

    public bool TryEnqueue(ConnectionContext connection) => _pending.Writer.TryWrite(connection);

    public async ValueTask UnbindAsync(CancellationToken cancellationToken = default)
    {
        transport.Remove(this);
        if (_pending.Writer.TryComplete())
        {
            // Connected but never accepted: their clients see a reset.
            while (_pending.Reader.TryRead(out ConnectionContext? connection))
            {
                connection.Abort(new ConnectionAbortedException("The listener was unbound."));
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    public ValueTask DisposeAsync() => UnbindAsync();
}
