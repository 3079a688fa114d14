using System.IO.Pipelines;
using System.Net.Security;
using System.Security.Authentication;
using Codec.Transport.Connections;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace Codec.Transport.Tls;

/// <summary>
/// TLS as connection middleware, for either end: an <see cref="SslStream"/> runs over the connection's pipes, and the
/// rest of the chain gets new pipes over the <see cref="SslStream"/> as <see cref="ConnectionContext.Transport"/>. When the
/// rest of the chain ends, the session is closed (close_notify) and the original transport restored for its owner.
/// </summary>
internal sealed class TlsMiddleware
{
    private readonly ConnectionDelegate _next;
    private readonly SslServerAuthenticationOptions? _serverOptions;
    private readonly SslClientAuthenticationOptions? _clientOptions;
    private readonly TimeSpan _handshakeTimeout;
    private readonly ILogger _logger;

    public TlsMiddleware(ConnectionDelegate next, SslServerAuthenticationOptions? serverOptions, SslClientAuthenticationOptions? clientOptions, TimeSpan handshakeTimeout, ILogger logger)
    {
        _next = next;
        _serverOptions = serverOptions;
        _clientOptions = clientOptions;
        _handshakeTimeout = handshakeTimeout;
        _logger = logger;
    }

    private bool IsServer => _serverOptions is not null;

    public async Task OnConnectionAsync(ConnectionContext context)
    {
        IDuplexPipe original = context.Transport;
        var stream = new SslStream(new DuplexPipeStream(original), leaveInnerStreamOpen: false);
        try
        {
            if (!await AuthenticateAsync(context, stream).ConfigureAwait(false))
            {
                return;
            }

            context.Features.Set(new TlsConnectionFeature(stream));
            TlsLog.Established(_logger, context.ConnectionId, stream.SslProtocol);
            var secured = new DuplexPipe(
                PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true)),
                PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true)));
            context.Transport = secured;
            try
            {
                await _next(context).ConfigureAwait(false);
            }
            finally
            {
                context.Transport = original;
                await CloseAsync(context.ConnectionId, secured, stream).ConfigureAwait(false);
            }
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The handshake, bounded by the timeout and by the connection closing. A server logs a failure and ends the connection; a client throws it.</summary>
    private async Task<bool> AuthenticateAsync(ConnectionContext context, SslStream stream)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.ConnectionClosed);
        timeout.CancelAfter(_handshakeTimeout);
        try
        {
            if (IsServer)
            {
                await stream.AuthenticateAsServerAsync(_serverOptions!, timeout.Token).ConfigureAwait(false);
            }
            else
            {
                await stream.AuthenticateAsClientAsync(_clientOptions!, timeout.Token).ConfigureAwait(false);
            }

            return true;
        }
        catch (OperationCanceledException) when (IsServer && timeout.IsCancellationRequested)
        {
            TlsLog.HandshakeTimedOut(_logger, context.ConnectionId, _handshakeTimeout);
            return false;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"The TLS handshake did not complete within {_handshakeTimeout}.");
        }
        catch (Exception exception) when (IsServer && exception is AuthenticationException or IOException or ConnectionResetException or ConnectionAbortedException)
        {
            TlsLog.HandshakeFailed(_logger, context.ConnectionId, exception.Message);
            return false;
        }
    }

    private async Task CloseAsync(string connectionId, IDuplexPipe secured, SslStream stream)
    {
        try
        {
            // Completing the writer flushes what the application left buffered; then the close_notify alert.
            await secured.Input.CompleteAsync().ConfigureAwait(false);
            await secured.Output.CompleteAsync().ConfigureAwait(false);
            await stream.ShutdownAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or ConnectionResetException or ConnectionAbortedException or InvalidOperationException or ObjectDisposedException)
        {
            // The connection is already gone: nothing to close politely.
            TlsLog.CloseFailed(_logger, exception, connectionId);
        }
    }
}
