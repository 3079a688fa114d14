using Codec.Protocols.Frames;
using Codec.Protocols.Icmp;
using Codec.Protocols.IPv4;
using Codec.Protocols.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace Codec.Protocols.Tests.Icmp;

public class IcmpFrameTests
{
    [Fact]
    public void An_echo_request_with_its_identifier_sequence_and_checksum()
    {
        var frame = FrameDissector.Dissect(SampleFrames.Ping, LinkType.Ethernet);

        Assert.True(frame.IsValid);
        Assert.Equal(["ethernet", "ipv4", "icmp", "data"], frame.Layers.Select(l => l.Name));
        FrameLayer icmp = frame["icmp"]!;
        Assert.Equal(0x04d2UL, icmp.Dissection["Identifier"]!.Value);
        Assert.Equal(1UL, icmp.Dissection["SequenceNumber"]!.Value);
        Assert.Equal("good", icmp.Annotation("Checksum status"));

        byte[] corrupted = SampleFrames.Ping;
        corrupted[^1] ^= 1;
        Assert.Equal("bad", FrameDissector.Dissect(corrupted, LinkType.Ethernet)["icmp"]!.Annotation("Checksum status"));
        Snapshot.Match(FrameText.Of(frame));
    }

    [Fact]
    public void A_bad_icmp_checksum_in_the_corpus_is_reported_bad()
    {
        var (frames, _, _) = CaptureFiles.ReadAll("zeek__chksums__ip4-icmp-bad-chksum.pcap");
        var frame = FrameDissector.Dissect(frames[0].Data, frames[0].LinkType, frames[0].OriginalLength);

        Assert.Equal("bad", frame["icmp"]!.Annotation("Checksum status"));
        Assert.True(frame.IsValid);
    }

    [Fact]
    public void A_port_unreachable_carries_the_original_ipv4_header_and_udp_header()
    {
        byte[] original = SampleFrames.Ipv4(IPProtocol.Udp, [0xcf, 0xdb, 0x00, 0x35, 0x00, 0x30, 0x12, 0x34], "198.51.100.1", "192.0.2.10");
        byte[] icmp = SampleFrames.WithChecksum([3, 3, 0, 0, 0, 0, 0, 0, .. original], 2);
        byte[] frame = SampleFrames.Ethernet(0x0800, SampleFrames.Ipv4(IPProtocol.Icmp, icmp));

        var dissection = FrameDissector.Dissect(frame, LinkType.Ethernet);

        Assert.True(dissection.IsValid);
        Assert.Equal(["ethernet", "ipv4", "icmp", "ipv4", "udp"], dissection.Layers.Select(l => l.Name));
        Assert.Equal("good", dissection.Layers[2].Annotation("Checksum status"));
        Assert.Equal(IcmpType.DestinationUnreachable, (IcmpType)dissection.Layers[2].Dissection["Type"]!.Value!.Value);
        Assert.Equal("198.51.100.1", dissection.Layers[3].Dissection["Source"]!.Display);
        Assert.Equal(53UL, dissection.Layers[4].Dissection["DestinationPort"]!.Value);
        Assert.NotNull(dissection.Layers[3].Annotation("Embedded"));
        Snapshot.Match(FrameText.Of(dissection));
    }

    [Fact]
    public void A_time_exceeded_with_an_embedded_icmp_echo()
    {
        byte[] echo = SampleFrames.WithChecksum([8, 0, 0, 0, 0x04, 0xd2, 0, 7], 2);
        byte[] original = SampleFrames.Ipv4(IPProtocol.Icmp, echo, ttl: 1);
        byte[] icmp = SampleFrames.WithChecksum([11, 0, 0, 0, 0, 0, 0, 0, .. original], 2);

        var dissection = FrameDissector.Dissect(SampleFrames.Ipv4(IPProtocol.Icmp, icmp, "203.0.113.1", "192.0.2.10"), LinkType.IPv4);

        Assert.Equal(["ipv4", "icmp", "ipv4", "icmp"], dissection.Layers.Select(l => l.Name));
        Assert.Equal(7UL, dissection.Layers[3].Dissection["RestOfHeader"]!.Value & 0xFFFF);
    }

    [Fact]
    public void An_icmpv6_neighbor_solicitation_is_named_with_its_target()
    {
        var frame = FrameDissector.Dissect(SampleFrames.NeighborSolicitation, LinkType.Ethernet);

        Assert.True(frame.IsValid);
        FrameLayer icmp = frame["icmpv6"]!;
        Assert.Equal("good", icmp.Annotation("Checksum status"));
        Assert.Equal("2001:db8::1", icmp.Annotation("Target Address"));
        Assert.Equal("NeighborSolicitation (135)", icmp.Dissection["Type"]!.Display);
        Snapshot.Match(FrameText.Of(frame));
    }

    [Fact]
    public void An_icmpv6_packet_too_big_carries_the_mtu_and_the_invoking_packet()
    {
        byte[] invoking = SampleFrames.Ipv6(IPProtocol.Udp, SampleFrames.Udp6(1, 2, new byte[16]));
        byte[] message = [2, 0, 0, 0, 0, 0, 0x05, 0x00, .. invoking];
        byte[] checksum = new byte[2];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(checksum, InternetChecksum.ComputeTransport(SampleFrames.Source6, SampleFrames.Destination6, (byte)IPProtocol.IcmpV6, message));
        message[2] = checksum[0];
        message[3] = checksum[1];

        var frame = FrameDissector.Dissect(SampleFrames.Ipv6(IPProtocol.IcmpV6, message), LinkType.IPv6);

        Assert.Equal(["ipv6", "icmpv6", "ipv6", "data"], frame.Layers.Select(l => l.Name));
        Assert.Equal("good", frame["icmpv6"]!.Annotation("Checksum status"));
        Assert.Equal("1280", frame["icmpv6"]!.Annotation("MTU"));
    }

    [Fact]
    public void Echo_headers_write_back_byte_for_byte()
    {
        byte[] header = SampleFrames.Ping[34..42];
        Assert.True(IcmpEcho.TryRead(header, out var echo, out _));
        byte[] written = new byte[IcmpEcho.Size];
        Assert.True(echo.TryWrite(written).IsDone);
        Assert.Equal(header, written);
    }
}
