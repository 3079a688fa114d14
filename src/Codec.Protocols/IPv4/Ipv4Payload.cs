using Codec.Protocols.Icmp;
using Codec.Protocols.Tcp;
using Codec.Protocols.Udp;

namespace Codec.Protocols.IPv4;

// RFC 791 §3.1: "Protocol: 8 bits. This field indicates the next level protocol used in the data portion of the
// internet datagram." The data portion is read as the protocol's message: ICMP (1, RFC 792), TCP (6, RFC 9293),
// UDP (17, RFC 768); other protocols stay raw.

/// <summary>
/// The data of an IPv4 datagram typed by its Protocol. Read it from <see cref="Ipv4Packet.Payload"/>:
/// <c>Ipv4Payload.TryRead(packet.Payload, (ulong)packet.Protocol, out var payload)</c>. Not a member of
/// <see cref="Ipv4Packet"/> itself, so that a router or NAT reads a datagram whose transport header is malformed.
/// </summary>
[Union(Name = "IPv4 payload")]
[Case(1, "Icmp", typeof(IcmpMessage), Name = "ICMP")]
[Case(6, "Tcp", typeof(TcpSegment), Name = "TCP")]
[Case(17, "Udp", typeof(UdpDatagram), Name = "UDP")]
[DefaultCase("Other")]
public readonly ref partial struct Ipv4Payload
{
}
