using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;

namespace Codec.Transport.Connections;

/// <summary>
/// A client connection as its middleware chain left it (TLS, say, replaces <see cref="Transport"/>). The chain stays
/// suspended at its innermost step until the connection is disposed; disposing unwinds it (so TLS can send its
/// close_notify) and then closes the transport connection.
/// </summary>
internal sealed class ClientConnection : ConnectionContext
{
    private readonly ConnectionContext _inner;
    private readonly TaskCompletionSource _established = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _disposing = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _chain = Task.CompletedTask;
    private int _disposed;

    public ClientConnection(ConnectionContext inner)
    {
        _inner = inner;
        Transport = inner.Transport;
    }

    public override string ConnectionId
    {
        get => _inner.ConnectionId;
        set => _inner.ConnectionId = value;
    }

    public override IFeatureCollection Features => _inner.Features;

    public override IDictionary<object, object?> Items
    {
        get => _inner.Items;
        set => _inner.Items = value;
    }

    public override IDuplexPipe Transport { get; set; }

    public override CancellationToken ConnectionClosed
    {
        get => _inner.ConnectionClosed;
        set => _inner.ConnectionClosed = value;
    }

    public override EndPoint? LocalEndPoint
    {
        get => _inner.LocalEndPoint;
        set => _inner.LocalEndPoint = value;
    }

    public override EndPoint? RemoteEndPoint
    {
        get => _inner.RemoteEndPoint;
        set => _inner.RemoteEndPoint = value;
    }

    /// <summary>Completes when the chain reached its innermost step: the connection is ready for the caller.</summary>
    public Task Established => _established.Task;

    /// <summary>The chain's execution; it ends once the connection is disposed (or earlier if middleware gives up).</summary>
    public Task Chain => _chain;

    /// <summary>The innermost step of every client chain.</summary>
    public static Task Innermost(ConnectionContext context)
    {
        if (context is not ClientConnection connection)
        {
            throw new InvalidOperationException("Client middleware must pass on the connection it was given.");
        }

        connection._established.TrySetResult();
        return connection._disposing.Task;
    }

    public void Run(ConnectionDelegate chain) => _chain = RunAsync(chain);

    public override void Abort(ConnectionAbortedException abortReason) => _inner.Abort(abortReason);

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _disposing.TrySetResult();
        try
        {
            await _chain.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or ConnectionResetException or ConnectionAbortedException or OperationCanceledException)
        {
            // The connection is going away either way.
        }
        finally
        {
            await _inner.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task RunAsync(ConnectionDelegate chain)
    {
        await Task.Yield();
        await chain(this).ConfigureAwait(false);
    }
}
