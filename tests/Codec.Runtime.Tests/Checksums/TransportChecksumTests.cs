using System.Buffers.Binary;

namespace Codec.Runtime.Tests.Checksums;

/// <summary>
/// TCP and UDP checksums over the IPv4 and IPv6 pseudo-headers, on real packets taken from the test corpus
/// (/work/shared/corpus/pcap, IP packets without their link-layer header; tshark 4.0.17's verdicts and expected values
/// from pcap/tshark-fields), plus the UDP zero rule and in-place rewrites.
/// </summary>
public class TransportChecksumTests
{
    /// <summary>zeek__chksums__ip4-udp-good-chksum.pcap: 127.0.0.1:30000 -> 127.0.0.1:13000, "XXXX". udp.checksum 0xa92a, good.</summary>
    private const string Ipv4UdpGood = "450000200001000040117cca7f0000017f000001753032c8000ca92a58585858";

    /// <summary>zeek__chksums__ip4-udp-bad-chksum.pcap: the same with checksum 0x0001; tshark: "should be 0xa92a".</summary>
    private const string Ipv4UdpBad = "450000200001000040117cca7f0000017f000001753032c8000c000158585858";

    /// <summary>zeek__chksums__ip4-tcp-good-chksum.pcap: a SYN to port 80, tcp.checksum 0x1c60, good.</summary>
    private const string Ipv4TcpGood = "450000280001000040067ccd7f0000017f000001753000500000000000000000500220001c600000";

    /// <summary>zeek__chksums__ip4-tcp-bad-chksum.pcap: the same with checksum 0x0001; tshark: "should be 0x1c60".</summary>
    private const string Ipv4TcpBad = "450000280001000040067ccd7f0000017f0000017530005000000000000000005002200000010000";

    /// <summary>zeek__tcp__syn.pcap: a SYN with MSS/SACK-permitted/timestamps/window-scale options, tcp.checksum 0x3bc0, good.</summary>
    private const string Ipv4TcpSyn =
        "45000040df8e400040066dd38d8ee405c096bb2be9d00050fe21323a00000000b002ffff3bc00000020405b4010303040101080a164add200000000004020000";

    /// <summary>tcpdump__dns_udp.pcap frame 1: a DNS query with EDNS0 cookie, 192.168.1.11 -> 209.87.249.18, udp.checksum 0x7824, good.</summary>
    private const string Ipv4UdpDns =
        "4500005459cd0000401194aec0a8010bd157f912abbe003500407824593401200001000000000001037777770774637064756d70036f72670000010001000029100000000000000c000a000842f5d00996f90b13";

    /// <summary>zeek__dns__naptr.pcap frame 1: an IPv6 DNS NAPTR query, odd length (67 bytes), udp.checksum 0xd9d2, good.</summary>
    private const string Ipv6UdpDnsQuery =
        "600e0b00004311409e9fb337a69cf92fd57ebaf8ceddbed29e9fb337a69cf92faedd9f9fe6cc99bec3b500350043d9d251ea010000010000000000001666702d64652d636172726965722d766f6461666f6e65037263730974656c6570686f6e7904676f6f670000230001";

    /// <summary>zeek__dns__naptr.pcap frame 2: the IPv6 response, odd length (149 bytes), udp.checksum 0xe493, good.</summary>
    private const string Ipv6UdpDnsResponse =
        "60000000009511409e9fb337a69cf92faedd9f9fe6cc99be9e9fb337a69cf92fd57ebaf8ceddbed20035c3b50095e49351ea818000010001000000001666702d64652d636172726965722d766f6461666f6e65037263730974656c6570686f6e7904676f6f670000230001c00c00230001000000a8004600640064017308534950532b44325400055f73697073045f7463701666702d64652d636172726965722d766f6461666f6e65037263730974656c6570686f6e7904676f6f6700";

    [Theory]
    [InlineData(Ipv4UdpGood, true, 0xa92a)]
    [InlineData(Ipv4UdpBad, false, 0xa92a)]
    [InlineData(Ipv4TcpGood, true, 0x1c60)]
    [InlineData(Ipv4TcpBad, false, 0x1c60)]
    [InlineData(Ipv4TcpSyn, true, 0x3bc0)]
    [InlineData(Ipv4UdpDns, true, 0x7824)]
    [InlineData(Ipv6UdpDnsQuery, true, 0xd9d2)]
    [InlineData(Ipv6UdpDnsResponse, true, 0xe493)]
    public void Real_packets_verify_and_recompute_as_tshark_says(string hex, bool valid, int expectedChecksum)
    {
        Assert.True(TransportPacket.TryParse(Convert.FromHexString(hex), out var packet));
        Assert.Equal(valid, packet.IsValid());
        Assert.Equal(expectedChecksum, packet.Recompute());

        // Independently of PseudoHeaderSum: the naive reference over the pseudo-header laid out byte by byte, then the segment.
        byte[] covered = [.. packet.PseudoHeaderBytes(), .. packet.Segment];
        Assert.Equal(valid, Reference.InternetChecksum(covered) == 0);
    }

    [Theory]
    [InlineData(Ipv4UdpGood)]
    [InlineData(Ipv4TcpSyn)]
    [InlineData(Ipv4UdpDns)]
    [InlineData(Ipv6UdpDnsQuery)]
    [InlineData(Ipv6UdpDnsResponse)]
    public void Any_single_bit_error_in_the_segment_or_the_pseudo_header_is_detected(string hex)
    {
        byte[] ip = Convert.FromHexString(hex);
        Assert.True(TransportPacket.TryParse(ip, out var packet));
        Assert.True(packet.IsValid());
        int ipHeader = ip.Length - packet.Segment.Length;

        // Flip each bit of the addresses (pseudo-header) and of the segment in turn.
        var (addressFrom, addressTo) = packet.IsIPv6 ? (8, 40) : (12, 20);
        foreach (int at in Enumerable.Range(addressFrom, addressTo - addressFrom).Concat(Enumerable.Range(ipHeader, packet.Segment.Length)))
        {
            for (int bit = 0; bit < 8; bit++)
            {
                byte[] corrupted = (byte[])ip.Clone();
                corrupted[at] ^= (byte)(1 << bit);
                if (TransportPacket.TryParse(corrupted, out var bad) && bad.Segment.Length == packet.Segment.Length)
                {
                    Assert.False(bad.IsValid(), $"byte {at} bit {bit}");
                }
            }
        }
    }

    [Fact]
    public void Pseudo_header_sums_equal_the_rfc_layouts_byte_by_byte()
    {
        var random = new Random(8200);
        for (int trial = 0; trial < 2000; trial++)
        {
            byte protocol = (byte)(trial % 3 == 0 ? random.Next(256) : trial % 3 == 1 ? 6 : 17);
            byte[] segment = Reference.RandomBytes(random, random.Next(0, 300));
            if (trial % 50 == 0)
            {
                segment.AsSpan().Fill(0xFF);
            }

            // IPv4 (RFC 768): source, destination, zero, protocol, 16-bit length.
            var s4 = new IPv4Address((uint)random.NextInt64(0, 1L << 32));
            var d4 = new IPv4Address(trial % 7 == 0 ? 0 : (uint)random.NextInt64(0, 1L << 32));
            byte[] p4 = new byte[12];
            BinaryPrimitives.WriteUInt32BigEndian(p4, s4.Value);
            BinaryPrimitives.WriteUInt32BigEndian(p4.AsSpan(4), d4.Value);
            p4[9] = protocol;
            BinaryPrimitives.WriteUInt16BigEndian(p4.AsSpan(10), (ushort)segment.Length);
            Assert.Equal(Reference.InternetChecksum([.. p4, .. segment]), InternetChecksum.ComputeTransport(s4, d4, protocol, segment));
            Assert.Equal(
                Reference.InternetChecksum(p4),
                InternetChecksum.Fold(InternetChecksum.PseudoHeaderSum(s4, d4, protocol, segment.Length)));

            // IPv6 (RFC 8200 §8.1): source, destination, 32-bit length, three zero bytes, next header.
            var s6 = new IPv6Address(Reference.RandomUInt64(random), Reference.RandomUInt64(random));
            var d6 = trial % 11 == 0 ? new IPv6Address(ulong.MaxValue, ulong.MaxValue) : new IPv6Address(Reference.RandomUInt64(random), Reference.RandomUInt64(random));
            int length6 = trial % 13 == 0 ? random.Next(65536, int.MaxValue) : segment.Length; // jumbogram lengths too
            byte[] p6 = new byte[40];
            s6.WriteBytes(p6);
            d6.WriteBytes(p6.AsSpan(16));
            BinaryPrimitives.WriteUInt32BigEndian(p6.AsSpan(32), (uint)length6);
            p6[39] = protocol;
            Assert.Equal(
                Reference.InternetChecksum(p6),
                InternetChecksum.Fold(InternetChecksum.PseudoHeaderSum(s6, d6, protocol, length6)));
            if (length6 == segment.Length)
            {
                Assert.Equal(Reference.InternetChecksum([.. p6, .. segment]), InternetChecksum.ComputeTransport(s6, d6, protocol, segment));
            }
        }
    }

    [Fact]
    public void Pseudo_header_lengths_out_of_range_are_refused()
    {
        var a4 = new IPv4Address(192, 0, 2, 1);
        var a6 = IPv6Address.Parse("2001:db8::1");
        Assert.Throws<ArgumentOutOfRangeException>(() => InternetChecksum.PseudoHeaderSum(a4, a4, 17, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => InternetChecksum.PseudoHeaderSum(a4, a4, 17, 65536));
        Assert.Throws<ArgumentOutOfRangeException>(() => InternetChecksum.PseudoHeaderSum(a6, a6, 17, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => InternetChecksum.ComputeTransport(a4, a4, 6, new byte[65536]));
        InternetChecksum.PseudoHeaderSum(a4, a4, 17, 65535);
        InternetChecksum.ComputeTransport(a6, a6, 6, new byte[70000]);
    }

    [Fact]
    public void A_udp_checksum_that_computes_to_zero_is_sent_as_all_ones()
    {
        Assert.Equal(0xFFFF, InternetChecksum.ForUdp(0x0000));
        Assert.Equal(0xFFFF, InternetChecksum.ForUdp(0xFFFF));
        Assert.Equal(0x1234, InternetChecksum.ForUdp(0x1234));
        Assert.Equal(0x0001, InternetChecksum.ForUdp(0x0001));

        // Make the real UDP datagram's checksum compute to zero: a payload word equal to the current checksum turns
        // the sum into -0 (S + ~S = 0xFFFF), whose complement is 0x0000.
        Assert.True(TransportPacket.TryParse(Convert.FromHexString(Ipv4UdpGood), out var packet));
        byte[] udp = packet.Segment;
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(6), 0);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(8), 0); // the first payload word ("XX")
        ushort withZeroWord = InternetChecksum.ComputeTransport(packet.Source4, packet.Destination4, 17, udp);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(8), withZeroWord);
        ushort computed = InternetChecksum.ComputeTransport(packet.Source4, packet.Destination4, 17, udp);
        Assert.Equal(0x0000, computed);

        ushort sent = InternetChecksum.ForUdp(computed);
        Assert.Equal(0xFFFF, sent);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(6), sent);
        Assert.True(InternetChecksum.IsValidTransport(packet.Source4, packet.Destination4, 17, udp));

        // The same datagram over IPv6 (where a zero field is simply invalid) verifies with 0xFFFF too.
        var s6 = IPv6Address.Parse("2001:db8::1");
        var d6 = IPv6Address.Parse("2001:db8::2");
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(6), 0);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(8), 0);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(8), InternetChecksum.ComputeTransport(s6, d6, 17, udp));
        Assert.Equal(0x0000, InternetChecksum.ComputeTransport(s6, d6, 17, udp));
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(6), InternetChecksum.ForUdp(InternetChecksum.ComputeTransport(s6, d6, 17, udp)));
        Assert.True(InternetChecksum.IsValidTransport(s6, d6, 17, udp));
    }

    [Fact]
    public void Rewriting_an_ipv6_address_in_place_updates_the_udp_checksum()
    {
        // An NPTv6-style rewrite of the real query's source address: RFC 1624 over the 16 address bytes.
        var random = new Random(6296);
        for (int trial = 0; trial < 500; trial++)
        {
            byte[] ip = Convert.FromHexString(trial % 2 == 0 ? Ipv6UdpDnsQuery : Ipv6UdpDnsResponse);
            int addressAt = trial % 4 < 2 ? 8 : 24; // source or destination
            byte[] newAddress = Reference.RandomBytes(random, 16);
            if (trial % 10 == 0)
            {
                newAddress.AsSpan().Fill((byte)(trial % 20 == 0 ? 0x00 : 0xFF));
            }

            Assert.True(TransportPacket.TryParse(ip, out var before));
            ushort updated = InternetChecksum.ForUdp(
                InternetChecksum.Update(before.ChecksumField, ip.AsSpan(addressAt, 16), newAddress));

            newAddress.CopyTo(ip, addressAt);
            int checksumAt = 40 + 6;
            BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(checksumAt), updated);
            Assert.True(TransportPacket.TryParse(ip, out var after));
            Assert.True(after.IsValid(), $"trial {trial}");
            Assert.Equal(after.Recompute(), updated);
        }
    }

    [Fact]
    public void Rewriting_an_ipv4_address_and_port_in_place_updates_the_tcp_checksum()
    {
        // A NAT rewrite of the real SYN: source address (pseudo-header) and source port (segment).
        byte[] ip = Convert.FromHexString(Ipv4TcpSyn);
        Assert.True(TransportPacket.TryParse(ip, out var packet));
        const int tcpAt = 20;
        ushort checksum = packet.ChecksumField;

        uint oldSource = BinaryPrimitives.ReadUInt32BigEndian(ip.AsSpan(12));
        uint newSource = new IPv4Address(203, 0, 113, 7).Value;
        checksum = InternetChecksum.Update(checksum, oldSource, newSource);
        BinaryPrimitives.WriteUInt32BigEndian(ip.AsSpan(12), newSource);

        ushort oldPort = BinaryPrimitives.ReadUInt16BigEndian(ip.AsSpan(tcpAt));
        checksum = InternetChecksum.Update(checksum, oldPort, (ushort)61000);
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(tcpAt), 61000);
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(tcpAt + 16), checksum);

        Assert.True(TransportPacket.TryParse(ip, out var rewritten));
        Assert.True(rewritten.IsValid());
        Assert.Equal(rewritten.Recompute(), checksum);
    }
}
