using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Codec.Dns.Server;
using Codec.Transport.Datagrams;

namespace Codec.Dns.Forwarding;

/// <summary>
/// One UDP socket upstream queries leave from, on a port the kernel picked, with a receive loop that hands each
/// response to the query waiting for it: same ID, same upstream address, same question (RFC 5452 §9.1). Anything else
/// is dropped and counted.
/// </summary>
internal sealed class UpstreamSocket : IAsyncDisposable
{
    private readonly IDatagramSocket _socket;
    private readonly ConcurrentDictionary<ushort, Pending> _pending = new();
    private readonly DnsCounters _counters;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _receiving;

    public UpstreamSocket(IDatagramSocketFactory factory, AddressFamily family, DnsCounters counters)
    {
        IPAddress any = family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any;
        _socket = factory.Bind(new IPEndPoint(any, 0), 1)[0];
        _counters = counters;
        using (ExecutionContext.SuppressFlow())
        {
            _receiving = Task.Run(ReceiveAsync);
        }
    }

    public IPEndPoint LocalEndPoint => _socket.LocalEndPoint;

    /// <summary>Sends <paramref name="query"/> (its ID is chosen here, at random) and waits up to <paramref name="timeout"/>.</summary>
    /// <returns>The matching response, or null on timeout or a send error.</returns>
    public async Task<(byte[] Response, ushort Id)?> QueryAsync(byte[] query, UpstreamState upstream, ForwardQuestion question, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var pending = new Pending(upstream.Address, question);
        ushort id;
        do
        {
            id = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1);
        }
        while (!_pending.TryAdd(id, pending));

        try
        {
            BinaryPrimitives.WriteUInt16BigEndian(query, id);
            await _socket.SendToAsync(query, upstream.Address, cancellationToken).ConfigureAwait(false);
            byte[] response = await pending.Completion.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return (response, id);
        }
        catch (TimeoutException)
        {
            return null;
        }
        catch (SocketException)
        {
            return null;
        }
        finally
        {
            _pending.TryRemove(new KeyValuePair<ushort, Pending>(id, pending));
        }
    }

    private async Task ReceiveAsync()
    {
        byte[] buffer = new byte[ushort.MaxValue];
        var from = new SocketAddress(_socket.AddressFamily);
        CancellationToken stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, from, stopping).ConfigureAwait(false);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // ICMP port unreachable from a dead upstream shows up here on Linux; the query times out.
                continue;
            }

            ReadOnlySpan<byte> datagram = buffer.AsSpan(0, received);
            if (received < 12
                || !_pending.TryGetValue(BinaryPrimitives.ReadUInt16BigEndian(datagram), out Pending? pending)
                || !pending.Upstream.Equals(from)
                || !CachedAnswer.Matches(datagram, BinaryPrimitives.ReadUInt16BigEndian(datagram), pending.Question))
            {
                _counters.UpstreamMismatch();
                continue;
            }

            pending.Completion.TrySetResult(datagram.ToArray());
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        try
        {
            await _receiving.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

    }

    private sealed class Pending(SocketAddress upstream, ForwardQuestion question)
    {
        public SocketAddress Upstream { get; } = upstream;

        public ForwardQuestion Question { get; } = question;

        public TaskCompletionSource<byte[]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
