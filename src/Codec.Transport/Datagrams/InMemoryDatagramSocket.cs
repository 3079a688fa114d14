using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Codec.Transport.Datagrams;

/// <summary>A socket of an <see cref="InMemoryDatagramNetwork"/>; see there for what it does like UDP.</summary>
public sealed class InMemoryDatagramSocket : IDatagramSocket
{
    private readonly InMemoryDatagramNetwork.Binding _binding;
    private int _disposed;

    internal InMemoryDatagramSocket(InMemoryDatagramNetwork.Binding binding) => _binding = binding;

    /// <inheritdoc/>
    public IPEndPoint LocalEndPoint => _binding.LocalEndPoint;

    /// <inheritdoc/>
    public AddressFamily AddressFamily => _binding.LocalEndPoint.AddressFamily;

    /// <inheritdoc/>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<int> ReceiveFromAsync(Memory<byte> buffer, SocketAddress remoteAddress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remoteAddress);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        InMemoryDatagramNetwork.Packet packet;
        try
        {
            packet = await _binding.Queue.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(InMemoryDatagramSocket));
        }

        try
        {
            SocketAddress source = packet.Source;
            if (remoteAddress.Buffer.Length < source.Size)
            {
                throw new ArgumentException("The address is too small for the socket's family.", nameof(remoteAddress));
            }

            source.Buffer.Span[..source.Size].CopyTo(remoteAddress.Buffer.Span);
            remoteAddress.Size = source.Size;
            int length = Math.Min(packet.Length, buffer.Length);
            packet.Buffer.AsSpan(0, length).CopyTo(buffer.Span);
            return length;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(packet.Buffer);
        }
    }

    /// <inheritdoc/>
    public ValueTask<int> SendToAsync(ReadOnlyMemory<byte> datagram, SocketAddress remoteAddress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remoteAddress);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<int>(cancellationToken);
        }

        if (remoteAddress.Family != AddressFamily)
        {
            throw new SocketException((int)SocketError.AddressFamilyNotSupported);
        }

        return new ValueTask<int>(_binding.Network.Send(_binding, datagram.Span, remoteAddress));
    }

    /// <summary>Releases the socket; the endpoint is unbound once every socket bound with it is released.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _binding.Network.Release(_binding);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"in-memory {LocalEndPoint}";
}
