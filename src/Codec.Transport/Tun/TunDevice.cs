using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Codec.Transport.Tun;

/// <summary>
/// A Linux TUN device (<c>/dev/net/tun</c>, <c>TUNSETIFF</c> with <c>IFF_TUN | IFF_NO_PI</c>): a stream of raw IP
/// packets, each read or written whole, without a packet-information prefix. The device lives as long as this object;
/// it is created in the network namespace of the thread that calls <see cref="Open"/>.
/// </summary>
/// <remarks>
/// One read at a time; writes may run concurrently with it and with each other. The descriptor is non-blocking: a
/// read that finds a packet waiting completes synchronously without allocating, and otherwise waits on a poller thread
/// of the device's own (no thread of the pool is held). Configure the interface (address, link up) with
/// <c>ip</c> or netlink: this type only moves packets.
/// </remarks>
[SupportedOSPlatform("linux")]
public sealed class TunDevice : IDisposable
{
    /// <summary>The longest interface name Linux accepts (IFNAMSIZ − 1).</summary>
    public const int MaxNameLength = LibC.IfNameSize - 1;

    private const string ClonePath = "/dev/net/tun";

    // The poller wakes this often to notice disposal; reads are woken by the packet itself.
    private const int PollSliceMilliseconds = 100;

    private readonly SafeFileHandle _handle;
    private readonly int _fd;
    private readonly SemaphoreSlim _waitRequested = new(0);
    private readonly object _pollerGate = new();
    private TaskCompletionSource? _readable;
    private Thread? _poller;
    private int _reading;
    private volatile bool _disposed;

    private TunDevice(SafeFileHandle handle, int fd, string name)
    {
        _handle = handle;
        _fd = fd;
        Name = name;
    }

    /// <summary>Whether TUN devices can be opened here: Linux with <c>/dev/net/tun</c> (opening needs CAP_NET_ADMIN too).</summary>
    public static bool IsSupported => OperatingSystem.IsLinux() && File.Exists(ClonePath);

    /// <summary>The interface name the kernel gave the device.</summary>
    public string Name { get; }

    /// <summary>Creates (or attaches to) the TUN interface <paramref name="name"/>.</summary>
    /// <param name="name">Up to 15 ASCII characters; a <c>%d</c> in it lets the kernel pick a free number.</param>
    /// <exception cref="UnauthorizedAccessException">The process lacks CAP_NET_ADMIN (EPERM/EACCES).</exception>
    /// <exception cref="IOException">There is no <c>/dev/net/tun</c>, the name is taken by another kind of device or is busy, or another error.</exception>
    public static TunDevice Open(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Length > MaxNameLength || !Ascii.IsValid(name) || name.AsSpan().ContainsAny(" /:\t\n"))
        {
            throw new ArgumentException($"'{name}' is not a valid interface name (1 to {MaxNameLength} ASCII characters, no '/', ':' or spaces).", nameof(name));
        }

        int fd = LibC.Open(ClonePath, LibC.O_RDWR | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw Error(errno, $"Opening {ClonePath} failed", errno is LibC.ENOENT or LibC.ENODEV ? " (is the tun module loaded?)" : "");
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            Span<byte> request = stackalloc byte[LibC.IfReqSize];
            request.Clear();
            Encoding.ASCII.GetBytes(name, request[..LibC.IfNameSize]);
            MemoryMarshal.Write(request[LibC.IfNameSize..], (short)(LibC.IFF_TUN | LibC.IFF_NO_PI));
            if (LibC.Ioctl(handle, LibC.TUNSETIFF, ref MemoryMarshal.GetReference(request)) < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                throw Error(errno, $"Creating TUN device '{name}' (TUNSETIFF) failed", errno is LibC.EPERM or LibC.EACCES ? " (it needs CAP_NET_ADMIN)" : "");
            }

            ReadOnlySpan<byte> actual = request[..LibC.IfNameSize];
            int end = actual.IndexOf((byte)0);
            return new TunDevice(handle, fd, Encoding.ASCII.GetString(end < 0 ? actual : actual[..end]));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Reads one IP packet into <paramref name="buffer"/>, waiting for one if none is queued.</summary>
    /// <param name="buffer">At least the interface MTU long; a longer packet is truncated.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The packet's length in bytes.</returns>
    /// <exception cref="InvalidOperationException">Another read is under way.</exception>
    /// <exception cref="ObjectDisposedException">The device was disposed, before or during the wait.</exception>
    public async ValueTask<int> ReadPacketAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _reading, 1) != 0)
        {
            throw new InvalidOperationException("Another read is under way; a TUN device is read one packet at a time.");
        }

        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ObjectDisposedException.ThrowIf(_disposed, this);
                int length = TryRead(buffer.Span);
                if (length >= 0)
                {
                    return length;
                }

                await WaitReadableAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }

    /// <summary>Writes one IP packet (IPv4 or IPv6, whole) for the kernel to receive on the interface.</summary>
    /// <exception cref="IOException">The kernel refused it (EINVAL for a packet that is neither IPv4 nor IPv6, EIO while the link is down).</exception>
    public ValueTask WritePacketAsync(ReadOnlyMemory<byte> packet, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        ReadOnlySpan<byte> span = packet.Span;
        if (span.IsEmpty)
        {
            throw new ArgumentException("A packet cannot be empty.", nameof(packet));
        }

        // A TUN write hands the packet to the stack and returns; EAGAIN is rare (no memory), so a short yield suffices.
        for (int attempt = 0; ; attempt++)
        {
            nint written = LibC.Write(_handle, in MemoryMarshal.GetReference(span), (nuint)span.Length);
            if (written >= 0)
            {
                return written == span.Length
                    ? ValueTask.CompletedTask
                    : ValueTask.FromException(new IOException($"{Name}: wrote {written} of {span.Length} bytes."));
            }

            int errno = Marshal.GetLastPInvokeError();
            if (errno == LibC.EINTR || (errno == LibC.EAGAIN && attempt < 100))
            {
                Thread.Yield();
                continue;
            }

            return ValueTask.FromException(Error(errno, $"Writing a packet to {Name} failed", ""));
        }
    }

    /// <summary>Closes the descriptor, which removes the interface; a pending read ends with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _waitRequested.Release();
        Volatile.Read(ref _readable)?.TrySetException(new ObjectDisposedException(nameof(TunDevice)));

        // The poller holds a reference on the handle while it polls: the descriptor closes when it lets go.
        _handle.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"tun {Name}";

    private static Exception Error(int errno, string what, string hint)
    {
        string message = $"{what}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}){hint}.";
        return errno is LibC.EPERM or LibC.EACCES ? new UnauthorizedAccessException(message) : new IOException(message);
    }

    private int TryRead(Span<byte> buffer)
    {
        Span<byte> into = buffer.IsEmpty ? stackalloc byte[1] : buffer;
        while (true)
        {
            nint read = LibC.Read(_handle, ref MemoryMarshal.GetReference(into), (nuint)into.Length);
            if (read >= 0)
            {
                return (int)Math.Min(read, buffer.Length);
            }

            int errno = Marshal.GetLastPInvokeError();
            if (errno == LibC.EINTR)
            {
                continue;
            }

            if (errno == LibC.EAGAIN)
            {
                return -1;
            }

            throw Error(errno, $"Reading a packet from {Name} failed", "");
        }
    }

    private Task WaitReadableAsync(CancellationToken cancellationToken)
    {
        var readable = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _readable, readable);
        EnsurePoller();
        _waitRequested.Release();
        if (_disposed)
        {
            readable.TrySetException(new ObjectDisposedException(nameof(TunDevice)));
        }

        return cancellationToken.CanBeCanceled ? readable.Task.WaitAsync(cancellationToken) : readable.Task;
    }

    private void EnsurePoller()
    {
        if (Volatile.Read(ref _poller) is not null)
        {
            return;
        }

        lock (_pollerGate)
        {
            if (_poller is null)
            {
                var poller = new Thread(Poll) { IsBackground = true, Name = $"tun {Name}" };
                poller.UnsafeStart();
                _poller = poller;
            }
        }
    }

    // The poller thread: for each wait asked for, poll the descriptor until it is readable (or the device is disposed).
    private void Poll()
    {
        while (!_disposed)
        {
            _waitRequested.Wait();
            TaskCompletionSource? readable = Volatile.Read(ref _readable);
            if (_disposed || readable is null)
            {
                continue;
            }

            bool added = false;
            try
            {
                _handle.DangerousAddRef(ref added);
                var poll = new LibC.PollFd { Fd = _fd, Events = LibC.POLLIN };
                while (!_disposed && !readable.Task.IsCompleted)
                {
                    poll.ReturnedEvents = 0;
                    int ready = LibC.Poll(ref poll, 1, PollSliceMilliseconds);
                    if (ready > 0)
                    {
                        // POLLIN, or an error/hang-up that the next read will report.
                        readable.TrySetResult();
                        break;
                    }

                    int errno = ready < 0 ? Marshal.GetLastPInvokeError() : 0;
                    if (ready < 0 && errno != LibC.EINTR)
                    {
                        readable.TrySetException(Error(errno, $"Polling {Name} failed", ""));
                        break;
                    }
                }
            }
            catch (ObjectDisposedException e)
            {
                readable.TrySetException(e);
            }
            finally
            {
                if (added)
                {
                    _handle.DangerousRelease();
                }
            }
        }

        Volatile.Read(ref _readable)?.TrySetException(new ObjectDisposedException(nameof(TunDevice)));
    }
}
