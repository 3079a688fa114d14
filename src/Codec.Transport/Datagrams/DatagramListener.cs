using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Codec.Transport.Datagrams;

/// <summary>
/// Serves datagrams on IPv4 and IPv6 endpoints: several receive loops per endpoint, each with a pooled receive buffer,
/// a reusable source address and a pooled reply buffer; a handler answers each datagram and the reply goes back to
/// its source. With a synchronous <see cref="IDatagramHandler"/> the steady state allocates nothing per datagram.
/// </summary>
/// <remarks>
/// A handler that throws is counted and logged and its datagram dropped; the loop goes on. Counters are kept per loop
/// and summed by <see cref="Counters"/>.
/// </remarks>
public sealed class DatagramListener : IAsyncDisposable
{
    private const int Created = 0;
    private const int Running = 1;
    private const int Stopped = 2;

    private readonly DatagramListenerOptions _options;
    private readonly IDatagramHandler? _handler;
    private readonly IAsyncDatagramHandler? _asyncHandler;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<IDatagramSocket> _sockets = [];
    private readonly List<Loop> _loops = [];
    private readonly List<Task> _loopTasks = [];
    private readonly SemaphoreSlim? _handlerSlots;
    private readonly ConcurrentQueue<AsyncWork> _workPool = new();
    private IPEndPoint[] _localEndPoints = [];
    private int _state;

    /// <summary>Creates a listener that answers with a synchronous handler; <see cref="Start"/> binds it.</summary>
    public DatagramListener(DatagramListenerOptions options, IDatagramHandler handler, ILogger? logger = null)
        : this(options, logger)
    {
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
    }

    /// <summary>Creates a listener that answers with a delegate; <see cref="Start"/> binds it.</summary>
    public DatagramListener(DatagramListenerOptions options, DatagramHandlerFunc handler, ILogger? logger = null)
        : this(options, new FuncHandler(handler ?? throw new ArgumentNullException(nameof(handler))), logger)
    {
    }

    /// <summary>Creates a listener that answers with an asynchronous handler; <see cref="Start"/> binds it.</summary>
    public DatagramListener(DatagramListenerOptions options, IAsyncDatagramHandler handler, ILogger? logger = null)
        : this(options, logger)
    {
        _asyncHandler = handler ?? throw new ArgumentNullException(nameof(handler));
        _handlerSlots = new SemaphoreSlim(options.MaxConcurrentHandlers, options.MaxConcurrentHandlers);
    }

    private DatagramListener(DatagramListenerOptions options, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The bound endpoints, in the order of <see cref="DatagramListenerOptions.EndPoints"/>, with actual ports; empty before <see cref="Start"/>.</summary>
    public IReadOnlyList<IPEndPoint> LocalEndPoints => _localEndPoints;

    /// <summary>Whether the listener has started and not stopped.</summary>
    public bool IsRunning => Volatile.Read(ref _state) == Running;

    /// <summary>The counters summed over every loop.</summary>
    public DatagramCounters Counters
    {
        get
        {
            DatagramCounters sum = default;
            lock (_loops)
            {
                foreach (Loop loop in _loops)
                {
                    sum += loop.Snapshot();
                }
            }

            return sum;
        }
    }

    /// <summary>Binds every endpoint and starts the receive loops.</summary>
    /// <exception cref="InvalidOperationException">The listener was started before.</exception>
    /// <exception cref="SocketException">An endpoint could not be bound (nothing stays bound then).</exception>
    public void Start()
    {
        if (Interlocked.CompareExchange(ref _state, Running, Created) != Created)
        {
            throw new InvalidOperationException("The listener was already started.");
        }

        var endPoints = new IPEndPoint[_options.EndPoints.Count];
        try
        {
            for (int i = 0; i < endPoints.Length; i++)
            {
                IReadOnlyList<IDatagramSocket> group = _options.SocketFactory.Bind(_options.EndPoints[i], _options.ReceiveLoops, _options.SocketOptions);
                foreach (IDatagramSocket socket in group.Distinct())
                {
                    _sockets.Add(socket);
                }

                endPoints[i] = group[0].LocalEndPoint;
                lock (_loops)
                {
                    foreach (IDatagramSocket socket in group)
                    {
                        _loops.Add(new Loop(socket));
                    }
                }
            }
        }
        catch
        {
            Volatile.Write(ref _state, Stopped);
            DisposeSockets();
            throw;
        }

        _localEndPoints = endPoints;

        // The loops outlive the caller's async-local state (activities, scopes): do not capture it.
        using (ExecutionContext.SuppressFlow())
        {
            foreach (Loop loop in _loops)
            {
                _loopTasks.Add(_asyncHandler is null
                    ? Task.Run(() => RunAsync(loop))
                    : Task.Run(() => RunAsyncHandlersAsync(loop)));
            }
        }

        DatagramLog.Listening(_logger, string.Join(", ", endPoints.Select(e => e.ToString())));
    }

    /// <summary>
    /// Stops receiving, waits for the loops and for asynchronous handlers under way (their replies still go out),
    /// then closes the sockets. Idempotent.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; the sockets are closed at once.</param>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _state, Stopped) != Running)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_loopTasks).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (_handlerSlots is not null)
            {
                // Holding every slot means no handler is running.
                for (int i = 0; i < _options.MaxConcurrentHandlers; i++)
                {
                    await _handlerSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            DisposeSockets();
        }
    }

    /// <summary>Stops the listener (<see cref="StopAsync"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.CompareExchange(ref _state, Stopped, Created) == Created)
        {
            return;
        }

        await StopAsync().ConfigureAwait(false);
    }

    private void DisposeSockets()
    {
        foreach (IDatagramSocket socket in _sockets)
        {
            socket.Dispose();
        }
    }

    private async Task RunAsync(Loop loop)
    {
        IDatagramSocket socket = loop.Socket;
        IDatagramHandler handler = _handler!;
        int max = _options.MaxDatagramSize;
        CancellationToken stopping = _stopping.Token;

        // One byte more than the maximum: a datagram that fills it was longer than allowed (Linux truncates silently).
        byte[] buffer = ArrayPool<byte>.Shared.Rent(max + 1);
        Memory<byte> receiveInto = buffer.AsMemory(0, max + 1);
        var remote = new SocketAddress(socket.AddressFamily);
        var context = new DatagramContext(remote, socket.LocalEndPoint);
        using var reply = new DatagramReplyWriter(max, max);
        int consecutiveErrors = 0;
        try
        {
            while (true)
            {
                int received;
                try
                {
                    received = await socket.ReceiveFromAsync(receiveInto, remote, stopping).ConfigureAwait(false);
                    consecutiveErrors = 0;
                }
                catch (Exception) when (stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (SocketException e)
                {
                    await OnReceiveErrorAsync(loop, e, ++consecutiveErrors).ConfigureAwait(false);
                    continue;
                }

                Interlocked.Increment(ref loop.Received);
                if (received > max)
                {
                    Interlocked.Increment(ref loop.Dropped);
                    DatagramLog.Oversized(_logger, max);
                    continue;
                }

                reply.Reset();
                bool answer;
                try
                {
                    answer = handler.Handle(in context, buffer.AsSpan(0, received), reply);
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref loop.HandlerErrors);
                    DatagramLog.HandlerFailed(_logger, socket.LocalEndPoint, e);
                    continue;
                }

                if (!answer)
                {
                    Interlocked.Increment(ref loop.Dropped);
                    continue;
                }

                try
                {
                    await socket.SendToAsync(reply.WrittenMemory, remote, stopping).ConfigureAwait(false);
                    Interlocked.Increment(ref loop.Sent);
                }
                catch (Exception) when (stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (SocketException e)
                {
                    Interlocked.Increment(ref loop.SendErrors);
                    DatagramLog.SendFailed(_logger, socket.LocalEndPoint, e);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task RunAsyncHandlersAsync(Loop loop)
    {
        IDatagramSocket socket = loop.Socket;
        SemaphoreSlim slots = _handlerSlots!;
        int max = _options.MaxDatagramSize;
        CancellationToken stopping = _stopping.Token;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(max + 1);
        Memory<byte> receiveInto = buffer.AsMemory(0, max + 1);
        var remote = new SocketAddress(socket.AddressFamily);
        int consecutiveErrors = 0;
        try
        {
            while (true)
            {
                // Wait for a free slot before receiving: when handlers lag, datagrams queue in the kernel.
                try
                {
                    await slots.WaitAsync(stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                bool dispatched = false;
                try
                {
                    int received;
                    try
                    {
                        received = await socket.ReceiveFromAsync(receiveInto, remote, stopping).ConfigureAwait(false);
                        consecutiveErrors = 0;
                    }
                    catch (Exception) when (stopping.IsCancellationRequested)
                    {
                        return;
                    }
                    catch (ObjectDisposedException)
                    {
                        return;
                    }
                    catch (SocketException e)
                    {
                        await OnReceiveErrorAsync(loop, e, ++consecutiveErrors).ConfigureAwait(false);
                        continue;
                    }

                    Interlocked.Increment(ref loop.Received);
                    if (received > max)
                    {
                        Interlocked.Increment(ref loop.Dropped);
                        DatagramLog.Oversized(_logger, max);
                        continue;
                    }

                    if (!_workPool.TryDequeue(out AsyncWork? work))
                    {
                        work = new AsyncWork(max);
                    }

                    work.Load(loop, buffer.AsSpan(0, received), remote);
                    dispatched = true;

                    // Not awaited: the loop goes on receiving. ProcessAsync never throws and releases the slot.
                    _ = ProcessAsync(work, stopping);
                }
                finally
                {
                    if (!dispatched)
                    {
                        slots.Release();
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task ProcessAsync(AsyncWork work, CancellationToken stopping)
    {
        Loop loop = work.Loop;
        IDatagramSocket socket = loop.Socket;
        try
        {
            bool answer;
            try
            {
                var context = new DatagramContext(work.Remote, socket.LocalEndPoint);
                answer = await _asyncHandler!.HandleAsync(context, work.Request.AsMemory(0, work.Length), work.Reply, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                Interlocked.Increment(ref loop.Dropped);
                return;
            }
            catch (Exception e)
            {
                Interlocked.Increment(ref loop.HandlerErrors);
                DatagramLog.HandlerFailed(_logger, socket.LocalEndPoint, e);
                return;
            }

            if (!answer)
            {
                Interlocked.Increment(ref loop.Dropped);
                return;
            }

            try
            {
                // Not cancelled by stopping: StopAsync waits for handlers so that their replies still go out.
                await socket.SendToAsync(work.Reply.WrittenMemory, work.Remote, CancellationToken.None).ConfigureAwait(false);
                Interlocked.Increment(ref loop.Sent);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                Interlocked.Increment(ref loop.SendErrors);
                DatagramLog.SendFailed(_logger, socket.LocalEndPoint, e);
            }
        }
        finally
        {
            work.Clear();
            _workPool.Enqueue(work);
            _handlerSlots!.Release();
        }
    }

    private async Task OnReceiveErrorAsync(Loop loop, SocketException e, int consecutiveErrors)
    {
        Interlocked.Increment(ref loop.ReceiveErrors);
        DatagramLog.ReceiveFailed(_logger, loop.Socket.LocalEndPoint, e);
        if (consecutiveErrors > 8)
        {
            // A socket that keeps failing must not spin a core; back off a little.
            await Task.Delay(TimeSpan.FromMilliseconds(10)).ConfigureAwait(false);
        }
    }

    /// <summary>One receive loop: its socket and its counters (written with Interlocked, read with Volatile).</summary>
    private sealed class Loop(IDatagramSocket socket)
    {
        public readonly IDatagramSocket Socket = socket;
        public long Received;
        public long Sent;
        public long Dropped;
        public long HandlerErrors;
        public long ReceiveErrors;
        public long SendErrors;

        public DatagramCounters Snapshot() => new(
            Volatile.Read(ref Received),
            Volatile.Read(ref Sent),
            Volatile.Read(ref Dropped),
            Volatile.Read(ref HandlerErrors),
            Volatile.Read(ref ReceiveErrors),
            Volatile.Read(ref SendErrors));
    }

    /// <summary>A datagram handed to an asynchronous handler: its own copy of the bytes and the source, and a reply buffer.</summary>
    private sealed class AsyncWork(int maxDatagramSize)
    {
        public readonly DatagramReplyWriter Reply = new(maxDatagramSize);

        // Large enough for either family; Load copies the source and sets the size.
        public readonly SocketAddress Remote = new(AddressFamily.InterNetworkV6);
        public Loop Loop = null!;
        public byte[] Request = [];
        public int Length;

        public void Load(Loop loop, ReadOnlySpan<byte> datagram, SocketAddress remote)
        {
            Loop = loop;
            Request = ArrayPool<byte>.Shared.Rent(Math.Max(datagram.Length, 1));
            datagram.CopyTo(Request);
            Length = datagram.Length;
            remote.Buffer.Span[..remote.Size].CopyTo(Remote.Buffer.Span);
            Remote.Size = remote.Size;
            Reply.Reset();
        }

        public void Clear()
        {
            ArrayPool<byte>.Shared.Return(Request);
            Request = [];
            Loop = null!;
        }
    }

    private sealed class FuncHandler(DatagramHandlerFunc handler) : IDatagramHandler
    {
        public bool Handle(in DatagramContext context, ReadOnlySpan<byte> request, IBufferWriter<byte> reply) => handler(in context, request, reply);
    }
}
