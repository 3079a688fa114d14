using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.Logging;

namespace Codec.Transport.Connections;

/// <summary>
/// One accepted connection while its handler runs: it carries the close request of a graceful shutdown
/// (<see cref="IConnectionLifetimeNotificationFeature"/>, which <see cref="Protocols.ProtocolReader"/> honours) and
/// the input activity that the idle timeout looks at.
/// </summary>
internal sealed class ServerConnection : IConnectionLifetimeNotificationFeature
{
    private readonly Server _server;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _closeRequested = new();
    private long _waitingSince;
    private int _waiting;
    private int _idleClosed;

    public ServerConnection(Server server, ConnectionContext context, ILogger logger)
    {
        _server = server;
        Context = context;
        _logger = logger;
        ConnectionClosedRequested = _closeRequested.Token;
    }

    public ConnectionContext Context { get; }

    public Task ExecutionTask { get; private set; } = Task.CompletedTask;

    public CancellationToken ConnectionClosedRequested { get; set; }

    public void Start(ConnectionDelegate application, bool trackActivity) => ExecutionTask = RunAsync(application, trackActivity);

    public void RequestClose() => _closeRequested.Cancel();

    public void WaitingForInput()
    {
        Volatile.Write(ref _waitingSince, Environment.TickCount64);
        Volatile.Write(ref _waiting, 1);
    }

    public void InputArrived() => Volatile.Write(ref _waiting, 0);

    public void CloseIfIdle(long now, TimeSpan idleTimeout)
    {
        if (Volatile.Read(ref _waiting) == 0 || now - Volatile.Read(ref _waitingSince) <= (long)idleTimeout.TotalMilliseconds)
        {
            return;
        }

        if (Interlocked.Exchange(ref _idleClosed, 1) == 0)
        {
            ServerLog.IdleTimeout(_logger, Context.ConnectionId, idleTimeout);
            Context.Abort(new ConnectionAbortedException($"No input for more than {idleTimeout}."));
        }
    }

    private async Task RunAsync(ConnectionDelegate application, bool trackActivity)
    {
        // Leave the accept loop at once: the handler runs on the thread pool.
        await Task.Yield();

        ConnectionContext context = Context;
        IDuplexPipe transport = context.Transport;
        string id = context.ConnectionId;
        try
        {
            if (trackActivity)
            {
                context.Transport = new DuplexPipe(new ActivityPipeReader(transport.Input, this), transport.Output);
            }

            context.Features.Set<IConnectionLifetimeNotificationFeature>(this);
            ServerLog.Accepted(_logger, id, context.RemoteEndPoint);
            await application(context).ConfigureAwait(false);
        }
        catch (ConnectionResetException)
        {
            ServerLog.Reset(_logger, id);
        }
        catch (ConnectionAbortedException exception)
        {
            ServerLog.Aborted(_logger, id, exception.Message);
        }
        catch (OperationCanceledException exception) when (_closeRequested.IsCancellationRequested)
        {
            ServerLog.Aborted(_logger, id, exception.Message);
        }
        catch (IOException exception)
        {
            ServerLog.Failed(_logger, id, exception.Message);
        }
        catch (Exception exception)
        {
            ServerLog.HandlerFailed(_logger, exception, id);
        }
        finally
        {
            context.Transport = transport;
            try
            {
                await context.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                ServerLog.DisposeFailed(_logger, exception, id);
            }

            _server.Remove(this);
            ServerLog.Closed(_logger, id);
        }
    }
}
