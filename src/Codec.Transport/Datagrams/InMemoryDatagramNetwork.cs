using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Codec.Transport.Datagrams;

/// <summary>Decides whether the in-memory network delivers a datagram (return false to lose it).</summary>
/// <param name="source">Where it comes from.</param>
/// <param name="destination">Where it goes.</param>
/// <param name="datagram">Its bytes.</param>
public delegate bool InMemoryDatagramFilter(IPEndPoint source, IPEndPoint destination, ReadOnlySpan<byte> datagram);

/// <summary>
/// A datagram network inside the process, for unit tests: sockets bound here exchange datagrams through bounded
/// queues, with UDP's manners (no delivery to an unbound port, a full queue drops, a longer datagram is truncated to
/// the receive buffer), and <see cref="DatagramListener"/> and <see cref="DatagramClient"/> run over it unchanged
/// (pass the network as their socket factory).
/// </summary>
/// <remarks>
/// A socket bound to the any-address receives what is sent to any address of its family on its port, and its
/// datagrams come from the loopback address. <see cref="Filter"/> loses datagrams on purpose, to test retries.
/// </remarks>
public sealed class InMemoryDatagramNetwork : IDatagramSocketFactory
{
    private const int FirstEphemeralPort = 49152;

    private readonly object _gate = new();
    private readonly ConcurrentDictionary<SocketAddress, Binding> _exact = new();
    private readonly ConcurrentDictionary<(AddressFamily Family, int Port), Binding> _wildcard = new();
    private int _nextPort = FirstEphemeralPort;
    private long _delivered;
    private long _dropped;

    /// <summary>Creates an empty network.</summary>
    /// <param name="queueCapacity">Datagrams each bound endpoint holds before it drops (at least 1).</param>
    /// <param name="maxDatagramSize">The largest datagram a socket may send.</param>
    public InMemoryDatagramNetwork(int queueCapacity = 4096, int maxDatagramSize = 65527)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(queueCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDatagramSize, 1);
        QueueCapacity = queueCapacity;
        MaxDatagramSize = maxDatagramSize;
    }

    /// <summary>Datagrams each bound endpoint holds before it drops.</summary>
    public int QueueCapacity { get; }

    /// <summary>The largest datagram a socket may send.</summary>
    public int MaxDatagramSize { get; }

    /// <summary>When set, called for each datagram; false loses it (counted in <see cref="Dropped"/>).</summary>
    public InMemoryDatagramFilter? Filter { get; set; }

    /// <summary>Datagrams put in a receiver's queue.</summary>
    public long Delivered => Volatile.Read(ref _delivered);

    /// <summary>Datagrams lost: no receiver, a full queue, or the <see cref="Filter"/>.</summary>
    public long Dropped => Volatile.Read(ref _dropped);

    /// <summary>Binds one socket.</summary>
    /// <exception cref="SocketException">The endpoint is in use (<see cref="SocketError.AddressAlreadyInUse"/>).</exception>
    public InMemoryDatagramSocket Bind(IPEndPoint localEndPoint) => new(BindCore(localEndPoint, 1));

    /// <inheritdoc/>
    /// <remarks>The sockets share one queue: each datagram goes to whichever receives first.</remarks>
    public IReadOnlyList<IDatagramSocket> Bind(IPEndPoint localEndPoint, int count, DatagramSocketOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Binding binding = BindCore(localEndPoint, count);
        var sockets = new IDatagramSocket[count];
        for (int i = 0; i < count; i++)
        {
            sockets[i] = new InMemoryDatagramSocket(binding);
        }

        return sockets;
    }

    internal int Send(Binding from, ReadOnlySpan<byte> datagram, SocketAddress to)
    {
        if (datagram.Length > MaxDatagramSize)
        {
            throw new SocketException((int)SocketError.MessageSize);
        }

        Binding? target = Find(to);
        if (target is null || (Filter is { } filter && !filter((IPEndPoint)from.LocalEndPoint.Create(from.Source), (IPEndPoint)from.LocalEndPoint.Create(to), datagram)))
        {
            Interlocked.Increment(ref _dropped);
            return datagram.Length;
        }

        byte[] copy = ArrayPool<byte>.Shared.Rent(Math.Max(datagram.Length, 1));
        datagram.CopyTo(copy);
        if (!target.Queue.Writer.TryWrite(new Packet(copy, datagram.Length, from.Source)))
        {
            ArrayPool<byte>.Shared.Return(copy);
            Interlocked.Increment(ref _dropped);
            return datagram.Length;
        }

        Interlocked.Increment(ref _delivered);
        return datagram.Length;
    }

    internal void Release(Binding binding)
    {
        lock (_gate)
        {
            if (--binding.References > 0)
            {
                return;
            }

            if (binding.IsWildcard)
            {
                _wildcard.TryRemove(new KeyValuePair<(AddressFamily, int), Binding>((binding.LocalEndPoint.AddressFamily, binding.LocalEndPoint.Port), binding));
            }
            else
            {
                _exact.TryRemove(new KeyValuePair<SocketAddress, Binding>(binding.Key, binding));
            }
        }

        binding.Queue.Writer.TryComplete();
        while (binding.Queue.Reader.TryRead(out Packet packet))
        {
            ArrayPool<byte>.Shared.Return(packet.Buffer);
        }
    }

    private static int PortOf(SocketAddress address) => BinaryPrimitives.ReadUInt16BigEndian(address.Buffer.Span[2..]);

    private Binding? Find(SocketAddress to)
    {
        if (_exact.TryGetValue(to, out Binding? binding))
        {
            return binding;
        }

        return _wildcard.TryGetValue((to.Family, PortOf(to)), out binding) ? binding : null;
    }

    private Binding BindCore(IPEndPoint localEndPoint, int references)
    {
        ArgumentNullException.ThrowIfNull(localEndPoint);
        AddressFamily family = localEndPoint.AddressFamily;
        if (family is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            throw new ArgumentException("Only IPv4 and IPv6 endpoints are supported.", nameof(localEndPoint));
        }

        bool wildcard = localEndPoint.Address.Equals(IPAddress.Any) || localEndPoint.Address.Equals(IPAddress.IPv6Any);
        lock (_gate)
        {
            int port = localEndPoint.Port;
            if (port == 0)
            {
                port = NextFreePort(family);
            }
            else if (IsInUse(family, port, wildcard ? null : localEndPoint.Address))
            {
                throw new SocketException((int)SocketError.AddressAlreadyInUse);
            }

            var bound = new IPEndPoint(localEndPoint.Address, port);
            IPAddress sourceAddress = !wildcard ? bound.Address
                : family == AddressFamily.InterNetwork ? IPAddress.Loopback : IPAddress.IPv6Loopback;
            var binding = new Binding(this, bound, wildcard, new IPEndPoint(sourceAddress, port).Serialize(), references);
            if (wildcard)
            {
                _wildcard[(family, port)] = binding;
            }
            else
            {
                _exact[binding.Key] = binding;
            }

            return binding;
        }
    }

    // Caller holds _gate. A wildcard conflicts with anything on the port; an address with a wildcard or itself.
    private bool IsInUse(AddressFamily family, int port, IPAddress? address)
    {
        if (_wildcard.ContainsKey((family, port)))
        {
            return true;
        }

        foreach (Binding binding in _exact.Values)
        {
            IPEndPoint bound = binding.LocalEndPoint;
            if (bound.AddressFamily == family && bound.Port == port && (address is null || bound.Address.Equals(address)))
            {
                return true;
            }
        }

        return false;
    }

    private int NextFreePort(AddressFamily family)
    {
        for (int tries = 0; tries < 65536 - FirstEphemeralPort; tries++)
        {
            int port = _nextPort;
            _nextPort = port == 65535 ? FirstEphemeralPort : port + 1;
            if (!IsInUse(family, port, null))
            {
                return port;
            }
        }

        throw new SocketException((int)SocketError.AddressAlreadyInUse);
    }

    /// <summary>A datagram in a queue: a pooled copy and its source.</summary>
    internal readonly record struct Packet(byte[] Buffer, int Length, SocketAddress Source);

    /// <summary>One bound endpoint and its queue, shared by the sockets bound to it together.</summary>
    internal sealed class Binding(InMemoryDatagramNetwork network, IPEndPoint localEndPoint, bool isWildcard, SocketAddress source, int references)
    {
        public InMemoryDatagramNetwork Network { get; } = network;

        public IPEndPoint LocalEndPoint { get; } = localEndPoint;

        public bool IsWildcard { get; } = isWildcard;

        /// <summary>The bound endpoint as a key of the exact table.</summary>
        public SocketAddress Key { get; } = localEndPoint.Serialize();

        /// <summary>The source its datagrams carry (loopback for a wildcard binding).</summary>
        public SocketAddress Source { get; } = source;

        public int References { get; set; } = references;

        public Channel<Packet> Queue { get; } = Channel.CreateBounded<Packet>(new BoundedChannelOptions(network.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }
}
