using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace Codec.Transport.Connections;

/// <summary>
/// Accepts connections on its endpoints and runs each through its middleware chain to its handler, within the
/// <see cref="ConnectionLimits"/>. <see cref="StopAsync"/> is graceful: it stops accepting, asks open connections to
/// close, waits for them up to the shutdown timeout, then aborts the rest. Built by <see cref="ServerBuilder"/>.
/// </summary>
public sealed class Server : IAsyncDisposable
{
    /// <summary>How long handlers get to end after being aborted, before the server stops waiting for them.</summary>
    private static readonly TimeSpan AbortGrace = TimeSpan.FromSeconds(5);

    private readonly IReadOnlyList<ServerBinding> _bindings;
    private readonly ConnectionLimits _limits;
    private readonly ILogger _logger;
    private readonly List<ServerListener> _listeners = [];
    private readonly ConcurrentDictionary<ServerConnection, byte> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Task _heartbeat = Task.CompletedTask;
    private Task? _stopTask;
    private int _count;
    private bool _started;

    internal Server(IReadOnlyList<ServerBinding> bindings, ConnectionLimits limits, ILoggerFactory loggerFactory)
    {
        _bindings = bindings;
        _limits = limits;
        _logger = loggerFactory.CreateLogger<Server>();
    }

    /// <summary>The endpoints listened on, as bound (an ephemeral port 0 resolved); empty before <see cref="StartAsync"/>.</summary>
    public IReadOnlyList<EndPoint> EndPoints
    {
        get
        {
            lock (_gate)
            {
                return _listeners.Select(listener => listener.EndPoint).ToArray();
            }
        }
    }

    /// <summary>Connections being served now.</summary>
    public int ConnectionCount => Volatile.Read(ref _count);

    internal bool IsStopping => _stopping.IsCancellationRequested;

    /// <summary>Binds every endpoint and starts accepting. If one fails to bind, those already bound are released and the error is thrown.</summary>
    /// <param name="cancellationToken">Cancels binding.</param>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_started || _stopTask is not null)
            {
                throw new InvalidOperationException("The server has already been started or stopped.");
            }

            _started = true;
        }

        var bound = new List<ServerListener>();
        try
        {
            foreach (ServerBinding binding in _bindings)
            {
                IConnectionListener listener = await binding.Transport.BindAsync(binding.EndPoint, cancellationToken).ConfigureAwait(false);
                bound.Add(new ServerListener(this, listener, binding.Application, _logger));
            }
        }
        catch
        {
            foreach (ServerListener listener in bound)
            {
                await listener.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        lock (_gate)
        {
            _listeners.AddRange(bound);
        }

        foreach (ServerListener listener in bound)
        {
            ServerLog.Listening(_logger, listener.EndPoint);
            listener.Start();
        }

        if (_limits.IdleTimeout is TimeSpan idleTimeout)
        {
            _heartbeat = HeartbeatAsync(idleTimeout, _stopping.Token);
        }
    }

    /// <summary>
    /// Stops gracefully: no new connections; open ones are asked to close (a <see cref="Protocols.ProtocolReader"/> waiting
    /// for the next message ends its read) and get the shutdown timeout to do so; those still open are then aborted.
    /// </summary>
    /// <param name="cancellationToken">When canceled, stops waiting for connections and aborts them at once.</param>
    /// <returns>Completes when every handler has ended (or ignored its abort for a few seconds more) and the listeners are released.</returns>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return _stopTask ??= StopCoreAsync(cancellationToken);
        }
    }

    /// <summary>Stops the server (<see cref="StopAsync"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
    }

    internal void Accept(ConnectionContext context, ConnectionDelegate application)
    {
        int count = Interlocked.Increment(ref _count);
        if (_limits.MaximumConnections is int maximum && count > maximum)
        {
            Interlocked.Decrement(ref _count);
            ServerLog.LimitReached(_logger, maximum, context.ConnectionId, context.RemoteEndPoint);
            _ = RejectAsync(context);
            return;
        }

        var connection = new ServerConnection(this, context, _logger);
        _connections.TryAdd(connection, 0);
        connection.Start(application, trackActivity: _limits.IdleTimeout is not null);
    }

    internal void Remove(ServerConnection connection)
    {
        if (_connections.TryRemove(connection, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        // Let StopAsync return its task before the work starts.
        await Task.Yield();
        _stopping.Cancel();

        ServerListener[] listeners;
        lock (_gate)
        {
            listeners = [.. _listeners];
        }

        await Task.WhenAll(listeners.Select(listener => listener.StopAcceptingAsync())).ConfigureAwait(false);

        // No connection is accepted any more: the set is final.
        ServerConnection[] open = [.. _connections.Keys];
        ServerLog.Draining(_logger, _limits.ShutdownTimeout, open.Length);
        foreach (ServerConnection connection in open)
        {
            connection.RequestClose();
        }

        Task all = Task.WhenAll(open.Select(connection => connection.ExecutionTask));
        if (!await CompletesWithinAsync(all, _limits.ShutdownTimeout, cancellationToken).ConfigureAwait(false))
        {
            ServerConnection[] remaining = open.Where(connection => !connection.ExecutionTask.IsCompleted).ToArray();
            ServerLog.AbortingRemaining(_logger, remaining.Length);
            foreach (ServerConnection connection in remaining)
            {
                connection.Context.Abort(new ConnectionAbortedException("The server is shutting down."));
            }

            if (!await CompletesWithinAsync(all, AbortGrace, CancellationToken.None).ConfigureAwait(false))
            {
                ServerLog.HandlersIgnoredAbort(_logger, open.Count(connection => !connection.ExecutionTask.IsCompleted), AbortGrace);
            }
        }

        await _heartbeat.ConfigureAwait(false);
        foreach (ServerListener listener in listeners)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }

        ServerLog.Stopped(_logger);
    }

    private async Task HeartbeatAsync(TimeSpan idleTimeout, CancellationToken stopping)
    {
        // Check often enough that a connection overstays its idle timeout by at most a quarter of it (within 10 ms..1 s).
        var period = TimeSpan.FromTicks(Math.Clamp(idleTimeout.Ticks / 4, TimeSpan.TicksPerMillisecond * 10, TimeSpan.TicksPerSecond));
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                long now = Environment.TickCount64;
                foreach (ServerConnection connection in _connections.Keys)
                {
                    connection.CloseIfIdle(now, idleTimeout);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RejectAsync(ConnectionContext context)
    {
        try
        {
            await context.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            ServerLog.DisposeFailed(_logger, exception, context.ConnectionId);
        }
    }

    private static async Task<bool> CompletesWithinAsync(Task task, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
