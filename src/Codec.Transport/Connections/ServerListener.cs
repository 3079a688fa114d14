using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace Codec.Transport.Connections;

/// <summary>One bound listener and its accept loop.</summary>
internal sealed class ServerListener(Server server, IConnectionListener listener, ConnectionDelegate application, ILogger logger)
{
    private Task _acceptLoop = Task.CompletedTask;

    public EndPoint EndPoint => listener.EndPoint;

    public void Start() => _acceptLoop = AcceptLoopAsync();

    /// <summary>Unbinds, so the accept loop ends (connections already accepted go on).</summary>
    public async Task StopAcceptingAsync()
    {
        try
        {
            await listener.UnbindAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ObjectDisposedException or OperationCanceledException)
        {
        }

        await _acceptLoop.ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => listener.DisposeAsync();

    private async Task AcceptLoopAsync()
    {
        // Off the caller of StartAsync.
        await Task.Yield();
        while (true)
        {
            ConnectionContext? context;
            try
            {
                context = await listener.AcceptAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (server.IsStopping || exception is ObjectDisposedException)
            {
                return;
            }
            catch (Exception exception)
            {
                ServerLog.AcceptFailed(logger, exception, listener.EndPoint);
                return;
            }

            if (context is null)
            {
                return;
            }

            server.Accept(context, application);
        }
    }
}
