using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Connections;

namespace Codec.Transport.Protocols;

/// <summary>
/// Writes messages to a connection's output with an <see cref="IMessageWriter{TMessage}"/> and flushes each one.
/// Concurrent writers are serialized, so messages never interleave. Nothing is allocated per message when the flush
/// completes at once.
/// </summary>
public sealed class ProtocolWriter
{
    private readonly PipeWriter _output;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates a writer over a connection's output (its current <see cref="ConnectionContext.Transport"/>).</summary>
    /// <param name="connection">The connection.</param>
    public ProtocolWriter(ConnectionContext connection)
        : this(OutputOf(connection))
    {
    }

    /// <summary>Creates a writer over a pipe.</summary>
    /// <param name="output">The output.</param>
    public ProtocolWriter(PipeWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>Writes one message and flushes it.</summary>
    /// <typeparam name="TMessage">The message type.</typeparam>
    /// <param name="writer">Serializes the message.</param>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels waiting for the gate or for the flush.</param>
    /// <returns>
    /// True when the message was handed to a transport that still accepts data; false when the other end stopped
    /// reading (the connection is closing) or the flush was canceled with <see cref="PipeWriter.CancelPendingFlush"/>.
    /// </returns>
    public ValueTask<bool> WriteAsync<TMessage>(IMessageWriter<TMessage> writer, TMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!_gate.Wait(0))
        {
            return WriteContendedAsync(writer, message, cancellationToken);
        }

        bool handedOff = false;
        try
        {
            writer.WriteMessage(message, _output);
            ValueTask<FlushResult> flush = _output.FlushAsync(cancellationToken);
            if (flush.IsCompletedSuccessfully)
            {
                return new(Accepted(flush.Result));
            }

            handedOff = true;
            return AwaitFlushAsync(flush);
        }
        finally
        {
            if (!handedOff)
            {
                _gate.Release();
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> WriteContendedAsync<TMessage>(IMessageWriter<TMessage> writer, TMessage message, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            writer.WriteMessage(message, _output);
            return Accepted(await _output.FlushAsync(cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            _gate.Release();
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> AwaitFlushAsync(ValueTask<FlushResult> flush)
    {
        try
        {
            return Accepted(await flush.ConfigureAwait(false));
        }
        finally
        {
            _gate.Release();
        }
    }

    private static bool Accepted(FlushResult result) => !result.IsCompleted && !result.IsCanceled;

    private static PipeWriter OutputOf(ConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Transport.Output;
    }
}
