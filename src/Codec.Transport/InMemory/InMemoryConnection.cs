using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Features;
using PipeReadResult = System.IO.Pipelines.ReadResult;

namespace Codec.Transport.InMemory;

/// <summary>
/// One end of an in-memory connection. Like a socket connection, each end has its own pipes and a "wire" between them:
/// a pump per direction copies what one application flushes into the other's input. That keeps TCP's semantics where
/// tests look at them: completing the output is a half-close (the peer's read completes), <see cref="Abort"/> is a
/// reset (the peer's read throws <see cref="ConnectionResetException"/>, the own read
/// <see cref="ConnectionAbortedException"/>), and a full peer input pushes back on the writer.
/// </summary>
internal sealed class InMemoryConnection : ConnectionContext,
    IConnectionIdFeature, IConnectionTransportFeature, IConnectionItemsFeature, IConnectionLifetimeFeature, IConnectionEndPointFeature
{
    private static readonly PipeOptions Options = new(useSynchronizationContext: false);
    private static long s_nextId;

    private readonly Pipe _input = new(Options);
    private readonly Pipe _output = new(Options);
    private readonly CancellationTokenSource _link;
    private readonly CancellationTokenSource _closed = new();
    private ConnectionAbortedException? _abortReason;
    private int _aborted;
    private int _disposed;

    private InMemoryConnection(CancellationTokenSource link, EndPoint? localEndPoint, EndPoint? remoteEndPoint)
    {
        _link = link;
        ConnectionId = "mem-" + Interlocked.Increment(ref s_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Transport = new Connections.DuplexPipe(_input.Reader, _output.Writer);
        ConnectionClosed = _closed.Token;
        LocalEndPoint = localEndPoint;
        RemoteEndPoint = remoteEndPoint;
        Features = new FeatureCollection();
        Features.Set<IConnectionIdFeature>(this);
        Features.Set<IConnectionTransportFeature>(this);
        Features.Set<IConnectionItemsFeature>(this);
        Features.Set<IConnectionLifetimeFeature>(this);
        Features.Set<IConnectionEndPointFeature>(this);
    }

    public override string ConnectionId { get; set; }

    public override IFeatureCollection Features { get; }

    public override IDictionary<object, object?> Items { get; set; } = new ConnectionItems();

    public override IDuplexPipe Transport { get; set; }

    public override CancellationToken ConnectionClosed { get; set; }

    public override EndPoint? LocalEndPoint { get; set; }

    public override EndPoint? RemoteEndPoint { get; set; }

    private bool IsAborted => Volatile.Read(ref _aborted) != 0;

    /// <summary>Creates both ends of a connection and starts the pumps between them.</summary>
    public static (InMemoryConnection Client, InMemoryConnection Server) CreatePair(EndPoint? clientEndPoint, EndPoint? serverEndPoint)
    {
        var link = new CancellationTokenSource();
        var client = new InMemoryConnection(link, clientEndPoint, serverEndPoint);
        var server = new InMemoryConnection(link, serverEndPoint, clientEndPoint);
        _ = PumpAsync(client, server);
        _ = PumpAsync(server, client);
        return (client, server);
    }

    /// <summary>Resets the connection: both directions stop at once, whatever is in flight is lost.</summary>
    public override void Abort(ConnectionAbortedException abortReason)
    {
        Interlocked.CompareExchange(ref _abortReason, abortReason ?? new ConnectionAbortedException(), null);
        if (Interlocked.Exchange(ref _aborted, 1) == 0)
        {
            _link.Cancel();
            SignalClosed();
        }
    }

    /// <summary>Closes this end like a socket: what was written still reaches the peer, then its read completes.</summary>
    public override ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _output.Writer.Complete();
            _input.Reader.Complete();
            SignalClosed();
        }

        return default;
    }

    private void SignalClosed() =>
        ThreadPool.UnsafeQueueUserWorkItem(static closed => closed.Cancel(), _closed, preferLocal: false);

    /// <summary>The wire from <paramref name="from"/>'s output to <paramref name="to"/>'s input.</summary>
    private static async Task PumpAsync(InMemoryConnection from, InMemoryConnection to)
    {
        await Task.Yield();
        PipeReader source = from._output.Reader;
        PipeWriter destination = to._input.Writer;
        CancellationToken link = from._link.Token;
        bool sourceFailed = false;
        try
        {
            while (true)
            {
                PipeReadResult read = await source.ReadAsync(link).ConfigureAwait(false);
                ReadOnlySequence<byte> buffer = read.Buffer;
                foreach (ReadOnlyMemory<byte> segment in buffer)
                {
                    destination.Write(segment.Span);
                }

                source.AdvanceTo(buffer.End);
                if (!buffer.IsEmpty && (await destination.FlushAsync(link).ConfigureAwait(false)).IsCompleted)
                {
                    // The peer no longer reads; later writes of ours see a completed flush.
                    break;
                }

                if (read.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (link.IsCancellationRequested)
        {
        }
        catch (Exception)
        {
            // The application completed its output with an error: the peer sees a reset.
            sourceFailed = true;
        }
        finally
        {
            if (from.IsAborted || sourceFailed)
            {
                destination.Complete(new ConnectionResetException("The peer reset the connection."));
            }
            else if (to.IsAborted)
            {
                destination.Complete(to._abortReason);
            }
            else
            {
                destination.Complete();
            }

            source.Complete();

            // Like Kestrel's socket transport: a connection counts as closed once nothing more can arrive.
            to.SignalClosed();
        }
    }

    void IConnectionLifetimeFeature.Abort() => Abort(new ConnectionAbortedException("The connection was aborted by the application."));
}
