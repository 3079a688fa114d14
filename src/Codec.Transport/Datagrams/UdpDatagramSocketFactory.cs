using System.Net;
using System.Net.Sockets;

namespace Codec.Transport.Datagrams;

/// <summary>
/// Binds UDP sockets. Several sockets for one endpoint form a SO_REUSEPORT group on Linux: each has its own kernel
/// queue and the kernel spreads peers over them by a hash of their address, so that each receive loop owns one socket
/// and none contends for the socket's cached operation objects. Elsewhere one socket is shared by all loops.
/// </summary>
/// <remarks>
/// Broadcast and multicast datagrams may reach every socket of a group; a service that receives them (DHCP) should
/// use one socket.
/// </remarks>
public sealed class UdpDatagramSocketFactory : IDatagramSocketFactory
{
    // <asm-generic/socket.h>: SOL_SOCKET = 1, SO_REUSEPORT = 15 (same on x86-64 and arm64).
    private const int SolSocket = 1;
    private const int SoReusePort = 15;

    /// <summary>The one instance.</summary>
    public static UdpDatagramSocketFactory Instance { get; } = new();

    private UdpDatagramSocketFactory()
    {
    }

    /// <inheritdoc/>
    public IReadOnlyList<IDatagramSocket> Bind(IPEndPoint localEndPoint, int count, DatagramSocketOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(localEndPoint);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        options ??= DatagramSocketOptions.Default;

        bool reusePort = count > 1 && OperatingSystem.IsLinux();
        var sockets = new List<IDatagramSocket>(count);
        try
        {
            var first = new UdpDatagramSocket(CreateBound(localEndPoint, options, reusePort));
            sockets.Add(first);
            for (int i = 1; i < count; i++)
            {
                // The others join the first one's port, which is the actual one when port 0 was asked for.
                sockets.Add(reusePort ? new UdpDatagramSocket(CreateBound(first.LocalEndPoint, options, reusePort: true)) : first);
            }

            return sockets;
        }
        catch
        {
            foreach (IDatagramSocket socket in sockets.Distinct())
            {
                socket.Dispose();
            }

            throw;
        }
    }

    internal static Socket CreateBound(IPEndPoint localEndPoint, DatagramSocketOptions options, bool reusePort)
    {
        ArgumentNullException.ThrowIfNull(localEndPoint);
        var socket = new Socket(localEndPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (localEndPoint.AddressFamily == AddressFamily.InterNetworkV6)
            {
                // IPv4 gets its own socket; a dual-mode socket would report IPv4 peers as mapped IPv6 addresses.
                socket.DualMode = false;
            }

            if (options.ReceiveBufferSize > 0)
            {
                socket.ReceiveBufferSize = options.ReceiveBufferSize;
            }

            if (options.SendBufferSize > 0)
            {
                socket.SendBufferSize = options.SendBufferSize;
            }

            if (reusePort)
            {
                socket.SetRawSocketOption(SolSocket, SoReusePort, BitConverter.GetBytes(1));
            }

            socket.Bind(localEndPoint);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
