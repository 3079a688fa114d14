using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Codec.Protocols.IPv4;
using Codec.Protocols.Udp;
using Codec.Transport.Tun;
using Xunit.Abstractions;

namespace Codec.Transport.Tests.Tun;

/// <summary>
/// Each test makes a network namespace of its own, opens the TUN device and a UDP socket inside it, and deletes the
/// namespace at the end (which removes everything in it): no packet can leave the machine, or even the namespace.
/// Addresses are from 198.18.0.0/15 (RFC 2544, benchmarking), never routed.
/// </summary>
[SupportedOSPlatform("linux")]
public class TunDeviceTests(ITestOutputHelper output)
{
    private const int Timeout = 60_000;
    private const string DeviceName = "cdctun0";
    private const ushort PeerPort = 9999;
    private static readonly IPv4Address Local = IPv4Address.Parse("198.18.0.1");
    private static readonly IPv4Address Peer = IPv4Address.Parse("198.18.0.2");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [TunFact(Timeout = Timeout)]
    public async Task A_UDP_datagram_goes_out_through_the_device_and_a_crafted_reply_comes_back_in()
    {
        using var lab = Lab.Create(output);
        await RoundTripAsync(lab, "hello"u8.ToArray(), "world"u8.ToArray());
    }

    [TunFact(Timeout = Timeout)]
    public async Task Garbage_written_to_the_device_is_refused_and_the_device_keeps_working()
    {
        using var lab = Lab.Create(output);

        // Neither IPv4 nor IPv6 by its version nibble: the kernel refuses it (EINVAL).
        IOException refused = await Assert.ThrowsAsync<IOException>(async () => await lab.Device.WritePacketAsync(new byte[] { 0xFF, 0x00, 0x12, 0x34 }));
        output.WriteLine(refused.Message);

        // A well-formed header with a wrong checksum is accepted by the device and dropped by the stack, silently.
        byte[] corrupt = Udp4Packet.Build(Peer, PeerPort, Local, (ushort)lab.LocalEndPoint.Port, "bad"u8);
        corrupt[10] ^= 0xFF;
        await lab.Device.WritePacketAsync(corrupt);

        await RoundTripAsync(lab, "still"u8.ToArray(), "here"u8.ToArray());
        Assert.False(lab.Socket.Poll(TimeSpan.FromMilliseconds(100), SelectMode.SelectRead), "the corrupt packet was delivered");
    }

    [TunFact(Timeout = Timeout)]
    public async Task A_pending_read_ends_on_cancellation_and_on_dispose()
    {
        using NetworkNamespace ns = Lab.CreateNamespace();

        // The kernel numbers a %d pattern; the link stays down, so nothing is ever read.
        TunDevice device = ns.Run(() => TunDevice.Open("cdc%d"));
        Assert.Equal("cdc0", device.Name);
        var buffer = new byte[2048];

        using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await device.ReadPacketAsync(buffer, cancel.Token).AsTask().WaitAsync(Patience));
        }

        ValueTask<int> pending = device.ReadPacketAsync(buffer);
        await Task.Delay(50);
        device.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await pending.AsTask().WaitAsync(Patience));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await device.WritePacketAsync(new byte[20]));
    }

    [Fact]
    public void Invalid_names_are_refused_before_the_kernel_is_asked()
    {
        Assert.Throws<ArgumentException>(() => TunDevice.Open(""));
        Assert.Throws<ArgumentException>(() => TunDevice.Open("a-name-far-too-long"));
        Assert.Throws<ArgumentException>(() => TunDevice.Open("has space"));
        Assert.Throws<ArgumentException>(() => TunDevice.Open("a/b"));
    }

    private async Task RoundTripAsync(Lab lab, byte[] request, byte[] reply)
    {
        using var timeout = new CancellationTokenSource(Patience);
        int localPort = lab.LocalEndPoint.Port;

        // Out: the socket sends to the peer; the route of 198.18.0.0/30 leads into the device.
        await lab.Socket.SendToAsync(request, new IPEndPoint(Peer.ToIPAddress(), PeerPort), timeout.Token);
        byte[] packet = await ReadUdpAsync(lab.Device, PeerPort, timeout.Token);

        Assert.True(Ipv4Header.TryRead(packet, out Ipv4Header ip).IsDone);
        Assert.Equal(4, ip.Version);
        Assert.Equal(IPProtocol.Udp, ip.Protocol);
        Assert.Equal(Local, ip.Source);
        Assert.Equal(Peer, ip.Destination);
        Assert.Equal(packet.Length, ip.TotalLength);
        int headerLength = ip.Ihl * 4;
        Assert.True(InternetChecksum.IsValid(packet.AsSpan(0, headerLength)), "IPv4 header checksum");

        ReadOnlySpan<byte> segment = packet.AsSpan(headerLength);
        Assert.True(UdpHeader.TryRead(segment, out UdpHeader udp).IsDone);
        Assert.Equal(localPort, udp.SourcePort);
        Assert.Equal(PeerPort, udp.DestinationPort);
        Assert.Equal(segment.Length, udp.Length);
        Assert.True(Udp4Packet.UdpChecksumIsValid(ip.Source, ip.Destination, segment), "UDP checksum");
        Assert.Equal(request, segment[UdpHeader.Size..].ToArray());

        // In: a reply from the peer, addresses and ports swapped, written into the device reaches the socket.
        await lab.Device.WritePacketAsync(Udp4Packet.Build(Peer, PeerPort, Local, (ushort)localPort, reply), timeout.Token);
        var buffer = new byte[1500];
        SocketReceiveFromResult received = await lab.Socket.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
        Assert.Equal(new IPEndPoint(Peer.ToIPAddress(), PeerPort), received.RemoteEndPoint);
        Assert.Equal(reply, buffer[..received.ReceivedBytes]);
    }

    // The stack may send other packets through the device (IPv6 router solicitations, MLD): skip them.
    private async Task<byte[]> ReadUdpAsync(TunDevice device, ushort destinationPort, CancellationToken cancellationToken)
    {
        var buffer = new byte[2048];
        while (true)
        {
            int length = await device.ReadPacketAsync(buffer, cancellationToken);
            byte[] packet = buffer[..length];
            if (Ipv4Header.TryRead(packet, out Ipv4Header ip).IsDone && ip.Protocol == IPProtocol.Udp
                && UdpHeader.TryRead(packet.AsSpan(ip.Ihl * 4), out UdpHeader udp).IsDone && udp.DestinationPort == destinationPort)
            {
                return packet;
            }

            output.WriteLine($"skipped a packet of {length} bytes: {Convert.ToHexString(packet.AsSpan(0, Math.Min(length, 40)))}");
        }
    }

    /// <summary>A namespace with the TUN device up as 198.18.0.1/30 and a UDP socket bound to that address.</summary>
    private sealed class Lab : IDisposable
    {
        private readonly NetworkNamespace _namespace;

        private Lab(NetworkNamespace ns, TunDevice device, Socket socket)
        {
            _namespace = ns;
            Device = device;
            Socket = socket;
        }

        public TunDevice Device { get; }

        public Socket Socket { get; }

        public IPEndPoint LocalEndPoint => (IPEndPoint)Socket.LocalEndPoint!;

        public static NetworkNamespace CreateNamespace()
        {
            TunEnvironment.RequireAvailable();
            return NetworkNamespace.Create();
        }

        public static Lab Create(ITestOutputHelper output)
        {
            NetworkNamespace ns = CreateNamespace();
            TunDevice? device = null;
            Socket? socket = null;
            try
            {
                (device, socket) = ns.Run(() => (TunDevice.Open(DeviceName), new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)));
                Assert.Equal(DeviceName, device.Name);
                ns.Ip("addr", "add", $"{Local}/30", "dev", DeviceName);
                ns.Ip("link", "set", DeviceName, "up");
                socket.Bind(new IPEndPoint(Local.ToIPAddress(), 0));
                output.WriteLine($"namespace {ns.Name}: {device} up as {Local}/30, socket {socket.LocalEndPoint}");
                return new Lab(ns, device, socket);
            }
            catch
            {
                socket?.Dispose();
                device?.Dispose();
                ns.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            Socket.Dispose();
            Device.Dispose();
            _namespace.Dispose();
        }
    }
}
