using Codec.Protocols.Frames;
using Codec.Protocols.IPv4;
using Codec.Protocols.IPv6;
using Codec.Protocols.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace Codec.Protocols.Tests.IPv6;

public class Ipv6FrameTests
{
    // Hop-by-Hop: Next Header, Hdr Ext Len 0, then PadN filling the 6 octets.
    private static readonly byte[] HopByHopThenRouting = [(byte)IPProtocol.IPv6Route, 0, 1, 4, 0, 0, 0, 0];

    [Fact]
    public void Tcp_over_ipv6_has_its_checksum_verified_over_the_ipv6_pseudo_header()
    {
        var frame = FrameDissector.Dissect(SampleFrames.TcpSynOverIpv6, LinkType.Ethernet);

        Assert.True(frame.IsValid);
        Assert.Equal(["ethernet", "ipv6", "tcp"], frame.Layers.Select(l => l.Name));
        Assert.Equal("good", frame["tcp"]!.Annotation("Checksum status"));
        Assert.Equal("2001:db8::10", frame["ipv6"]!.Dissection["Source"]!.Display);

        byte[] corrupted = SampleFrames.TcpSynOverIpv6;
        corrupted[30] ^= 0x80; // the source address: only the pseudo-header covers it
        Assert.Equal("bad", FrameDissector.Dissect(corrupted, LinkType.Ethernet)["tcp"]!.Annotation("Checksum status"));
    }

    [Fact]
    public void The_extension_header_chain_is_walked_to_the_upper_layer()
    {
        byte[] routing = [(byte)IPProtocol.IPv6Options, 2, 4, 1, 0, 0, 0, 0, .. new byte[16]]; // type 4, one segment left, 16 octets of data
        byte[] destination = [(byte)IPProtocol.IPv6Fragment, 0, 1, 4, 0, 0, 0, 0];
        byte[] fragment = [(byte)IPProtocol.Udp, 0, 0, 0, 0, 0, 0x30, 0x39]; // offset 0, M = 0: a whole packet in one fragment
        byte[] udp = SampleFrames.Udp6(5353, 5353, [0x12, 0x34, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        byte[] packet = SampleFrames.Ipv6(IPProtocol.HopByHop, [.. HopByHopThenRouting, .. routing, .. destination, .. fragment, .. udp]);

        var frame = FrameDissector.Dissect(packet, LinkType.IPv6);

        Assert.Equal(["ipv6", "ipv6_hopopts", "ipv6_routing", "ipv6_dstopts", "ipv6_fragment", "udp", "dns"], frame.Layers.Select(l => l.Name));
        Assert.Equal([0, 40, 48, 72, 80, 88, 96], frame.Layers.Select(l => l.Offset));
        Assert.Equal(24, frame["ipv6_routing"]!.Length);
        Assert.Equal(1UL, frame["ipv6_routing"]!.Dissection["SegmentsLeft"]!.Value);
        Assert.Equal(12345UL, frame["ipv6_fragment"]!.Dissection["Identification"]!.Value);
        Assert.Equal("good", frame["udp"]!.Annotation("Checksum status"));
        Assert.True(frame.IsValid);
    }

    [Fact]
    public void An_unknown_next_header_ends_the_chain_and_no_next_header_ends_it_empty()
    {
        var unknown = FrameDissector.Dissect(SampleFrames.Ipv6((IPProtocol)253, [1, 2, 3, 4]), LinkType.IPv6);
        var none = FrameDissector.Dissect(SampleFrames.Ipv6(IPProtocol.IPv6NoNext, []), LinkType.IPv6);

        Assert.Equal(["ipv6", "data"], unknown.Layers.Select(l => l.Name));
        Assert.Equal(["ipv6"], none.Layers.Select(l => l.Name));
    }

    [Fact]
    public void A_non_first_fragment_is_data_and_a_first_one_cannot_have_its_checksum_verified()
    {
        byte[] udp = SampleFrames.Udp6(1000, 2000, new byte[32]);
        byte[] later = SampleFrames.Ipv6(IPProtocol.IPv6Fragment, [(byte)IPProtocol.Udp, 0, 0x00, 0xb9, 0, 0, 0, 1, .. udp]); // offset 23 × 8
        byte[] first = SampleFrames.Ipv6(IPProtocol.IPv6Fragment, [(byte)IPProtocol.Udp, 0, 0x00, 0x01, 0, 0, 0, 1, .. udp]); // offset 0, M = 1

        Assert.Equal(["ipv6", "ipv6_fragment", "data"], FrameDissector.Dissect(later, LinkType.IPv6).Layers.Select(l => l.Name));
        var whole = FrameDissector.Dissect(first, LinkType.IPv6);
        Assert.StartsWith("unverified", whole["udp"]!.Annotation("Checksum status"));
        Assert.Equal(23UL, FrameDissector.Dissect(later, LinkType.IPv6)["ipv6_fragment"]!.Dissection["FragmentOffset"]!.Value);
    }

    [Fact]
    public void A_zero_udp_checksum_is_bad_over_ipv6()
    {
        byte[] udp = SampleFrames.Udp6(1000, 2000, [1]);
        udp[6] = udp[7] = 0;

        var frame = FrameDissector.Dissect(SampleFrames.Ipv6(IPProtocol.Udp, udp), LinkType.IPv6);

        Assert.StartsWith("bad", frame["udp"]!.Annotation("Checksum status"));
    }

    [Fact]
    public void A_payload_length_past_the_frame_is_an_error_and_an_extension_header_past_it_is_truncated()
    {
        byte[] packet = SampleFrames.Ipv6(IPProtocol.Udp, SampleFrames.Udp6(1, 2, [1, 2, 3]));
        var longer = FrameDissector.Dissect(packet[..^2], LinkType.IPv6);
        var cut = FrameDissector.Dissect(SampleFrames.Ipv6(IPProtocol.HopByHop, [(byte)IPProtocol.Udp, 1, 1, 4, 0, 0, 0, 0]), LinkType.IPv6);

        Assert.False(longer.IsValid);
        Assert.Equal("PayloadLength", longer.FirstError!.Error!.Value.Field);
        Assert.Equal(CodecStatus.NeedMoreData, cut.FirstError!.Status);
        Assert.Equal("ipv6_hopopts", cut.FirstError.Name);
    }

    [Fact]
    public void Header_and_extension_headers_write_back_byte_for_byte()
    {
        byte[] packet = SampleFrames.Ipv6(IPProtocol.HopByHop, HopByHopThenRouting);
        Assert.True(Ipv6Header.TryRead(packet, out var header, out _));
        byte[] written = new byte[Ipv6Header.Size];
        Assert.True(header.TryWrite(written).IsDone);
        Assert.Equal(packet[..40], written);

        Assert.True(Ipv6OptionsHeader.TryRead(packet.AsSpan(40), out var options).IsDone);
        byte[] optionsWritten = new byte[options.GetSerializedSize()];
        Assert.True(options.TryWrite(optionsWritten).IsDone);
        Assert.Equal(HopByHopThenRouting, optionsWritten);
    }

    [Fact]
    public void Hop_by_hop_options_in_a_corpus_capture()
    {
        var (frames, _, _) = CaptureFiles.ReadAll("selfmade__dhcp-netns-udhcpc-dhclient.pcap");
        var hopByHop = frames.Select(f => FrameDissector.Dissect(f.Data, f.LinkType, f.OriginalLength)).First(f => f["ipv6_hopopts"] is not null);

        Assert.Equal(["ethernet", "ipv6", "ipv6_hopopts", "icmpv6"], hopByHop.Layers.Select(l => l.Name).Take(4));
        Assert.Equal("good", hopByHop["icmpv6"]!.Annotation("Checksum status"));
        Snapshot.Match(FrameText.Of(hopByHop));
    }

    [Fact]
    public void Text_dissection_of_tcp_over_ipv6() =>
        Snapshot.Match(FrameText.Of(FrameDissector.Dissect(SampleFrames.TcpSynOverIpv6, LinkType.Ethernet)));
}
