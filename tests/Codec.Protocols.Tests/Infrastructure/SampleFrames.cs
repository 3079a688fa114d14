using System.Buffers.Binary;
using Codec.Protocols.IPv4;

namespace Codec.Protocols.Tests.Infrastructure;

/// <summary>
/// Frames of the CLI's embedded sample capture (src/Codec.Cli/Decoding/Samples/make-sample.py; every checksum is
/// correct, tshark shows no expert message), and builders for frames the corpus lacks.
/// </summary>
internal static class SampleFrames
{
    /// <summary>DHCP Discover on VLAN 10: Ethernet, 802.1Q, IPv4, UDP 68 → 67.</summary>
    public static byte[] DhcpDiscoverOnVlan => Convert.FromHexString(
        "ffffffffffff02005e00000a8100000a08004500011600014000401139d700000000ffffffff004400430102f273010106005ee1c0de0000800000000000000000000000000000000000" +
        "02005e00000a" + new string('0', 404) + "6382536335010137040103060fff");

    /// <summary>ICMP Echo request 192.0.2.10 → 93.184.215.14, id 0x04d2, sequence 1, 32 bytes of data.</summary>
    public static byte[] Ping => Convert.FromHexString(
        "02005e00000102005e00000a08004500003c1c474000400127a9c000020a5db8d70e0800012b04d20001101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f");

    /// <summary>ICMPv6 Neighbor Solicitation for 2001:db8::1 from 2001:db8::10 with a source link-layer address option.</summary>
    public static byte[] NeighborSolicitation => Convert.FromHexString(
        "3333ff00000102005e00000a86dd6000000000203aff20010db8000000000000000000000010ff0200000000000000000001ff0000018700be100000000020010db8000000000000000000000001010102005e00000a");

    /// <summary>TCP SYN over IPv6, 2001:db8::10 port 50514 → 2001:db8::80 port 443, options MSS, SACK-permitted, timestamps, NOP, window scale.</summary>
    public static byte[] TcpSynOverIpv6 => Convert.FromHexString(
        "02005e00000102005e00000a86dd600000000028064020010db800000000000000000000001020010db8000000000000000000000080c55201bbaa79ad9100000000a002fd2077cc0000020405a00402080aaa79ad920000000001030307");

    public static readonly IPv6Address Source6 = IPv6Address.Parse("2001:db8::10");
    public static readonly IPv6Address Destination6 = IPv6Address.Parse("2001:db8::80");

    /// <summary>An Ethernet II frame from 02:00:5e:00:00:0a to 02:00:5e:00:00:01.</summary>
    public static byte[] Ethernet(ushort etherType, ReadOnlySpan<byte> payload) =>
        [0x02, 0x00, 0x5e, 0x00, 0x00, 0x01, 0x02, 0x00, 0x5e, 0x00, 0x00, 0x0a, (byte)(etherType >> 8), (byte)etherType, .. payload];

    /// <summary>An IPv6 header with <paramref name="payload"/> (extension headers and upper layer) after it.</summary>
    public static byte[] Ipv6(IPProtocol nextHeader, ReadOnlySpan<byte> payload)
    {
        byte[] packet = new byte[40 + payload.Length];
        packet[0] = 0x60;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(4), (ushort)payload.Length);
        packet[6] = (byte)nextHeader;
        packet[7] = 64;
        Source6.WriteBytes(packet.AsSpan(8));
        Destination6.WriteBytes(packet.AsSpan(24));
        payload.CopyTo(packet.AsSpan(40));
        return packet;
    }

    /// <summary>A UDP datagram with its checksum over the IPv6 pseudo-header of <see cref="Source6"/> → <see cref="Destination6"/>.</summary>
    public static byte[] Udp6(ushort sourcePort, ushort destinationPort, ReadOnlySpan<byte> data)
    {
        byte[] udp = new byte[8 + data.Length];
        BinaryPrimitives.WriteUInt16BigEndian(udp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(2), destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(4), (ushort)udp.Length);
        data.CopyTo(udp.AsSpan(8));
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(6), InternetChecksum.ForUdp(InternetChecksum.ComputeTransport(Source6, Destination6, (byte)IPProtocol.Udp, udp)));
        return udp;
    }

    /// <summary>An IPv4 datagram 192.0.2.10 → 198.51.100.1 (or as given) with a correct header checksum.</summary>
    public static byte[] Ipv4(IPProtocol protocol, ReadOnlySpan<byte> payload, string source = "192.0.2.10", string destination = "198.51.100.1", byte ttl = 64)
    {
        var packet = new Ipv4Packet
        {
            Ttl = ttl,
            Protocol = protocol,
            Source = IPv4Address.Parse(source),
            Destination = IPv4Address.Parse(destination),
            Identification = 0x1234,
            Payload = payload,
        };
        byte[] bytes = new byte[packet.GetSerializedSize()];
        Assert.True(packet.TryWrite(bytes).IsDone);
        return bytes;
    }

    /// <summary>Sets the 16-bit checksum at <paramref name="at"/> to the RFC 1071 sum of <paramref name="message"/>.</summary>
    public static byte[] WithChecksum(byte[] message, int at)
    {
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(at), 0);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(at), InternetChecksum.Compute(message));
        return message;
    }
}
