using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Codec.Transport.Datagrams;

/// <summary>
/// The client side of a datagram exchange, for forwarders and tests: send, receive with a timeout, and a request that
/// moves on to the next endpoint when one does not answer in time.
/// </summary>
/// <remarks>
/// Sends may run concurrently with each other and with a receive; receives (and requests) run one at a time. The
/// <see cref="SocketAddress"/> overloads allocate nothing; a timed receive reuses its timer until a timeout fires.
/// </remarks>
public sealed class DatagramClient : IDisposable
{
    private readonly IDatagramSocket _socket;
    private readonly bool _ownsSocket;
    private CancellationTokenSource _timeout = new();
    private int _receiving;

    /// <summary>Creates a client bound to an ephemeral port on any address of <paramref name="family"/>.</summary>
    /// <param name="family">IPv4 or IPv6; the endpoints the client talks to must be of this family.</param>
    /// <param name="factory">Where the socket comes from; UDP when null.</param>
    /// <param name="options">Kernel buffer sizes; null for the defaults.</param>
    public DatagramClient(AddressFamily family = AddressFamily.InterNetwork, IDatagramSocketFactory? factory = null, DatagramSocketOptions? options = null)
        : this(Bind(family, factory ?? UdpDatagramSocketFactory.Instance, options), ownsSocket: true)
    {
    }

    /// <summary>Creates a client over a bound socket.</summary>
    /// <param name="socket">The socket.</param>
    /// <param name="ownsSocket">Whether <see cref="Dispose"/> disposes the socket.</param>
    public DatagramClient(IDatagramSocket socket, bool ownsSocket = true)
    {
        _socket = socket ?? throw new ArgumentNullException(nameof(socket));
        _ownsSocket = ownsSocket;
    }

    /// <summary>The socket the client uses.</summary>
    public IDatagramSocket Socket => _socket;

    /// <summary>The endpoint the client sends from.</summary>
    public IPEndPoint LocalEndPoint => _socket.LocalEndPoint;

    /// <summary>Sends one datagram. Allocates nothing.</summary>
    public ValueTask<int> SendAsync(ReadOnlyMemory<byte> datagram, SocketAddress remoteAddress, CancellationToken cancellationToken = default) =>
        _socket.SendToAsync(datagram, remoteAddress, cancellationToken);

    /// <summary>Sends one datagram to <paramref name="remoteEndPoint"/> (serializing the endpoint allocates).</summary>
    public ValueTask<int> SendAsync(ReadOnlyMemory<byte> datagram, IPEndPoint remoteEndPoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remoteEndPoint);
        return _socket.SendToAsync(datagram, remoteEndPoint.Serialize(), cancellationToken);
    }

    /// <summary>Waits for one datagram, without a timeout. Allocates nothing.</summary>
    /// <param name="buffer">Where the datagram goes; a longer one is truncated.</param>
    /// <param name="remoteAddress">Receives the source.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The number of bytes received.</returns>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<int> ReceiveAsync(Memory<byte> buffer, SocketAddress remoteAddress, CancellationToken cancellationToken = default)
    {
        EnterReceive();
        try
        {
            return await _socket.ReceiveFromAsync(buffer, remoteAddress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _receiving, 0);
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for one datagram; a timeout is a result, not an exception.</summary>
    /// <param name="buffer">Where the datagram goes; a longer one is truncated.</param>
    /// <param name="remoteAddress">Receives the source.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Stops waiting with <see cref="OperationCanceledException"/>.</param>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<DatagramReceiveResult> ReceiveAsync(Memory<byte> buffer, SocketAddress remoteAddress, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        EnterReceive();
        try
        {
            return await ReceiveCoreAsync(buffer, remoteAddress, timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _receiving, 0);
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/> to each endpoint in turn until a reply that <paramref name="isReply"/> accepts
    /// comes from an endpoint asked so far (a late answer of an earlier one counts); each endpoint gets
    /// <paramref name="perEndpointTimeout"/>. Datagrams from elsewhere, and replies that do not match, are ignored.
    /// To try an endpoint again, list it again.
    /// </summary>
    /// <param name="request">The request datagram.</param>
    /// <param name="endPoints">The endpoints, in order of preference, all of the client's family.</param>
    /// <param name="perEndpointTimeout">How long to wait for each.</param>
    /// <param name="replyBuffer">Where the reply goes.</param>
    /// <param name="isReply">Whether a datagram answers this request.</param>
    /// <param name="cancellationToken">Stops with <see cref="OperationCanceledException"/>.</param>
    public async ValueTask<DatagramRequestResult> RequestAsync(
        ReadOnlyMemory<byte> request,
        IReadOnlyList<IPEndPoint> endPoints,
        TimeSpan perEndpointTimeout,
        Memory<byte> replyBuffer,
        DatagramReplyMatch isReply,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endPoints);
        ArgumentNullException.ThrowIfNull(isReply);
        if (endPoints.Count == 0)
        {
            throw new ArgumentException("At least one endpoint is needed.", nameof(endPoints));
        }

        var addresses = new SocketAddress[endPoints.Count];
        for (int i = 0; i < addresses.Length; i++)
        {
            IPEndPoint endPoint = endPoints[i] ?? throw new ArgumentException("An endpoint is null.", nameof(endPoints));
            if (endPoint.AddressFamily != _socket.AddressFamily)
            {
                throw new ArgumentException($"{endPoint} is not of the client's family ({_socket.AddressFamily}).", nameof(endPoints));
            }

            addresses[i] = endPoint.Serialize();
        }

        EnterReceive();
        try
        {
            var from = new SocketAddress(_socket.AddressFamily);
            int ignored = 0;
            for (int attempt = 0; attempt < addresses.Length; attempt++)
            {
                await _socket.SendToAsync(request, addresses[attempt], cancellationToken).ConfigureAwait(false);
                long deadline = Environment.TickCount64 + (long)Math.Ceiling(perEndpointTimeout.TotalMilliseconds);
                while (true)
                {
                    long remaining = deadline - Environment.TickCount64;
                    if (remaining <= 0)
                    {
                        break;
                    }

                    DatagramReceiveResult received = await ReceiveCoreAsync(replyBuffer, from, TimeSpan.FromMilliseconds(remaining), cancellationToken).ConfigureAwait(false);
                    if (received.TimedOut)
                    {
                        break;
                    }

                    int responder = IndexOf(addresses, attempt + 1, from);
                    if (responder >= 0 && isReply(replyBuffer.Span[..received.Length]))
                    {
                        return new DatagramRequestResult(true, received.Length, endPoints[responder], attempt + 1, ignored);
                    }

                    ignored++;
                }
            }

            return new DatagramRequestResult(false, 0, null, addresses.Length, ignored);
        }
        finally
        {
            Volatile.Write(ref _receiving, 0);
        }
    }

    /// <summary>Disposes the socket if the client owns it.</summary>
    public void Dispose()
    {
        if (_ownsSocket)
        {
            _socket.Dispose();
        }

        _timeout.Dispose();
    }

    private static IDatagramSocket Bind(AddressFamily family, IDatagramSocketFactory factory, DatagramSocketOptions? options)
    {
        IPAddress any = family switch
        {
            AddressFamily.InterNetwork => IPAddress.Any,
            AddressFamily.InterNetworkV6 => IPAddress.IPv6Any,
            _ => throw new ArgumentOutOfRangeException(nameof(family), family, "Only IPv4 and IPv6 are supported."),
        };
        return factory.Bind(new IPEndPoint(any, 0), 1, options)[0];
    }

    private static int IndexOf(SocketAddress[] addresses, int count, SocketAddress address)
    {
        for (int i = 0; i < count; i++)
        {
            if (addresses[i].Equals(address))
            {
                return i;
            }
        }

        return -1;
    }

    private void EnterReceive()
    {
        if (Interlocked.Exchange(ref _receiving, 1) != 0)
        {
            throw new InvalidOperationException("Another receive is under way; a client receives one datagram at a time.");
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<DatagramReceiveResult> ReceiveCoreAsync(Memory<byte> buffer, SocketAddress remoteAddress, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // One timer source for the client's life: reset after each receive, replaced only after it fired.
        CancellationTokenSource timeoutSource = _timeout;
        if (!timeoutSource.TryReset())
        {
            timeoutSource.Dispose();
            timeoutSource = _timeout = new CancellationTokenSource();
        }

        timeoutSource.CancelAfter(timeout);
        using CancellationTokenRegistration link = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), timeoutSource)
            : default;
        try
        {
            int length = await _socket.ReceiveFromAsync(buffer, remoteAddress, timeoutSource.Token).ConfigureAwait(false);
            return new DatagramReceiveResult(length, TimedOut: false);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return DatagramReceiveResult.Timeout;
        }
    }
}
