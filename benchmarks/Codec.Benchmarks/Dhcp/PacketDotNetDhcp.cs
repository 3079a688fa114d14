using System.Net;
using System.Net.NetworkInformation;
using PacketDotNet;
using PacketDotNet.DhcpV4;

namespace Codec.Benchmarks;

/// <summary>PacketDotNet 1.4.8's side of the DHCP scenario: the <see cref="DhcpV4Packet"/> its <see cref="UdpPacket"/> decodes for ports 67/68.</summary>
internal static class PacketDotNetDhcp
{
    public static bool TryRead(byte[] packet, ref ulong acc)
    {
        if (PacketDotNetPackets.TryReadIpv4(packet, ref acc) is not IPv4Packet ip || PacketDotNetPackets.TryReadUdp(ip, ref acc) is not UdpPacket udp
            || udp.PayloadPacket is not DhcpV4Packet dhcp)
        {
            return false;
        }

        byte[] hardware = dhcp.ClientHardwareAddress.GetAddressBytes();
        ulong chaddr = 0;
        for (int i = 0; i < Math.Min(hardware.Length, 8); i++)
        {
            chaddr = (chaddr << 8) | hardware[i];
        }

        acc = DhcpFold.Fixed(
            acc, (int)dhcp.Operation, (int)dhcp.HardwareType, dhcp.HardwareLength, dhcp.Hops, dhcp.TransactionId, dhcp.Secs, dhcp.Flags,
            Fold.Address(dhcp.ClientAddress), Fold.Address(dhcp.YourAddress), Fold.Address(dhcp.ServerAddress), Fold.Address(dhcp.GatewayAddress), chaddr, dhcp.MagicNumber);
        foreach (DhcpV4Option option in dhcp.GetOptions())
        {
            int code = (int)option.OptionType;
            switch (option)
            {
                case MessageTypeOption type:
                    acc = DhcpFold.Option(acc, code, (ulong)type.MessageType);
                    break;
                case ServerIdOption server:
                    acc = DhcpFold.Option(acc, code, Fold.Address(server.ServerId));
                    break;
                case AddressTimeOption lease:
                    acc = DhcpFold.Option(acc, code, (ulong)lease.AddressTime.TotalSeconds);
                    break;
                case RenewalTimeOption renewal:
                    acc = DhcpFold.Option(acc, code, (ulong)renewal.RenewalTime.TotalSeconds);
                    break;
                case RebindingTimeOption rebinding:
                    acc = DhcpFold.Option(acc, code, (ulong)rebinding.RebindingTime.TotalSeconds);
                    break;
                case SubnetMaskOption mask:
                    acc = DhcpFold.Option(acc, code, Fold.Address(mask.SubnetMask));
                    break;
                case RouterOption routers:
                    foreach (IPAddress router in routers.Routers)
                    {
                        acc = DhcpFold.Option(acc, code, Fold.Address(router));
                    }

                    break;
                case DomainNameServerOption servers:
                    foreach (IPAddress server in servers.DomainNameServers)
                    {
                        acc = DhcpFold.Option(acc, code, Fold.Address(server));
                    }

                    break;
                case DomainNameOption domain:
                    foreach (char c in domain.DomainName)
                    {
                        acc = DhcpFold.Option(acc, code, c);
                    }

                    break;
                case PadOption:
                    break;
                default:
                    if (option.OptionType != DhcpV4OptionType.End)
                    {
                        acc = DhcpFold.Option(acc, code, (ulong)option.Length);
                    }

                    break;
            }
        }

        return true;
    }

    /// <summary>DHCPACK <paramref name="i"/> with PacketDotNet's builders, wrapped in UDP and IPv4, copied into <paramref name="destination"/>.</summary>
    public static int Write(Span<byte> destination, int i, IPAddress server, IPAddress client, PhysicalAddress clientHardwareAddress, IPAddress mask, IPAddress publicDns)
    {
        // DhcpV4Packet has no public constructor for a new message, and SetOptions writes only when the message's parent
        // is a UdpPacket; it also reads the old options from the start of the underlying array, so the message must
        // start its own array. Hence: a zeroed array for the message, a UDP packet as its parent, and the message set
        // as the UDP packet's payload once built.
        var udp = new UdpPacket(67, 68) { PayloadData = new byte[DhcpAckSample.DhcpLength] };
        var dhcp = new DhcpV4Packet(new PacketDotNet.Utils.ByteArraySegment(new byte[DhcpAckSample.DhcpLength]), udp)
        {
            Operation = DhcpV4Operation.BootReply, HardwareType = DhcpV4HardwareType.Ethernet, HardwareLength = 6, TransactionId = DhcpAckSample.XidOf(i),
            ClientAddress = IPAddress.Any, YourAddress = client, ServerAddress = IPAddress.Any, GatewayAddress = IPAddress.Any,
            ClientHardwareAddress = clientHardwareAddress, MagicNumber = DhcpAckSample.MagicCookie,
        };
        dhcp.SetOptions(
        [
            new MessageTypeOption(DhcpV4MessageType.Ack),
            new ServerIdOption(server),
            new AddressTimeOption(TimeSpan.FromSeconds(DhcpAckSample.Lease)),
            new RenewalTimeOption(TimeSpan.FromSeconds(DhcpAckSample.Renewal)),
            new RebindingTimeOption(TimeSpan.FromSeconds(DhcpAckSample.Rebinding)),
            new SubnetMaskOption(mask),
            new RouterOption([server]),
            new DomainNameServerOption([server, publicDns]),
            new DomainNameOption("example.com"),
        ]);
        udp.PayloadPacket = dhcp;
        var ip = new IPv4Packet(server, client) { Id = DhcpAckSample.IdentificationOf(i), FragmentFlags = 2, TimeToLive = 64, PayloadPacket = udp };
        ip.UpdateCalculatedValues();
        udp.UpdateCalculatedValues();
        udp.UpdateUdpChecksum();
        ip.UpdateIPChecksum();
        byte[] bytes = ip.Bytes;
        bytes.CopyTo(destination);
        return bytes.Length;
    }
}
