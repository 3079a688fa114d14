using Codec.Protocols.Capture;
using Codec.Protocols.Ethernet;
using Codec.Protocols.Frames;
using Codec.Protocols.IPv4;
using Codec.Protocols.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace Codec.Protocols.Tests.Ethernet;

public class LinkLayerTests
{
    [Fact]
    public void An_802_1Q_tag_is_a_layer_of_its_own_and_its_type_leads_on()
    {
        var frame = FrameDissector.Dissect(SampleFrames.DhcpDiscoverOnVlan, LinkType.Ethernet);

        Assert.True(frame.IsValid);
        Assert.Equal(["ethernet", "vlan", "ipv4", "udp", "dhcp"], frame.Layers.Select(l => l.Name));
        FrameLayer vlan = frame["vlan"]!;
        Assert.Equal(14, vlan.Offset);
        Assert.Equal(10UL, vlan.Dissection["Vid"]!.Value);
        Assert.Equal("good", frame["udp"]!.Annotation("Checksum status"));
    }

    [Fact]
    public void Tags_nest_to_any_depth_802_1ad_outside_802_1Q()
    {
        // S-TAG (0x88A8) VID 100, then a C-TAG (0x8100) VID 10, then a QinQ pre-standard tag (0x9100) VID 7, then IPv4.
        byte[] ip = SampleFrames.Ipv4(IPProtocol.Udp, SampleFrames.Udp6(1, 2, [])[..8]);
        byte[] frame = SampleFrames.Ethernet(0x88A8, [0x00, 0x64, 0x81, 0x00, 0x20, 0x0a, 0x91, 0x00, 0x00, 0x07, 0x08, 0x00, .. ip]);

        var dissection = FrameDissector.Dissect(frame, LinkType.Ethernet);

        Assert.Equal(["ethernet", "vlan", "vlan", "vlan", "ipv4", "udp"], dissection.Layers.Select(l => l.Name));
        Assert.Equal([100UL, 10UL, 7UL], dissection.Layers.Where(l => l.Name == "vlan").Select(l => l.Dissection["Vid"]!.Value!.Value));
        Assert.Equal(1UL, dissection.Layers[2].Dissection["Pcp"]!.Value);
    }

    [Fact]
    public void An_unknown_ethertype_and_an_802_3_length_are_data()
    {
        var arp = FrameDissector.Dissect(SampleFrames.Ethernet(0x0806, new byte[28]), LinkType.Ethernet);
        var llc = FrameDissector.Dissect(SampleFrames.Ethernet(46, new byte[46]), LinkType.Ethernet);

        Assert.Equal(["ethernet", "data"], arp.Layers.Select(l => l.Name));
        Assert.Contains("0x0806", arp.Layers[1].Annotation("Note"));
        Assert.Contains("802.3", llc.Layers[1].Annotation("Note"));
    }

    [Fact]
    public void Linux_cooked_capture_from_the_corpus()
    {
        var (frames, _, _) = CaptureFiles.ReadAll("tcpdump__tcp-handshake-nano.pcap");
        var frame = FrameDissector.Dissect(frames[0].Data, frames[0].LinkType, frames[0].OriginalLength);

        Assert.Equal(LinkLayerType.LinuxSll, frames[0].LinkType);
        Assert.Equal(["sll", "ipv4", "tcp"], frame.Layers.Select(l => l.Name));
        Assert.Equal(16, frame["ipv4"]!.Offset);
        Snapshot.Match(FrameText.Of(frame));
    }

    [Fact]
    public void Linux_cooked_capture_v2()
    {
        byte[] ip = SampleFrames.Ipv4(IPProtocol.Udp, SampleFrames.Udp6(1, 2, [])[..8]);
        byte[] frame = [0x08, 0x00, 0, 0, 0, 0, 0, 3, 0, 1, 4, 6, 0x02, 0x00, 0x5e, 0, 0, 0x0a, 0, 0, .. ip];

        var dissection = FrameDissector.Dissect(frame, LinkLayerType.LinuxSll2);

        Assert.Equal(["sll2", "ipv4", "udp"], dissection.Layers.Select(l => l.Name));
        Assert.Equal(3UL, dissection.Layers[0].Dissection["InterfaceIndex"]!.Value);
        Assert.Equal(LinuxPacketType.Outgoing, (LinuxPacketType)dissection.Layers[0].Dissection["PacketType"]!.Value!.Value);
    }

    [Theory]
    [InlineData(new byte[] { 2, 0, 0, 0 }, "ipv4")]
    [InlineData(new byte[] { 0, 0, 0, 2 }, "ipv4")]
    [InlineData(new byte[] { 30, 0, 0, 0 }, "ipv6")]
    [InlineData(new byte[] { 0, 0, 0, 24 }, "ipv6")]
    [InlineData(new byte[] { 7, 0, 0, 0 }, "data")]
    public void Bsd_loopback_takes_the_family_in_either_byte_order(byte[] family, string next)
    {
        byte[] payload = next == "ipv6" ? SampleFrames.Ipv6(IPProtocol.IPv6NoNext, []) : SampleFrames.Ipv4(IPProtocol.Udp, SampleFrames.Udp6(1, 2, [])[..8]);
        var frame = FrameDissector.Dissect([.. family, .. payload], LinkLayerType.Null);

        Assert.Equal("null", frame.Layers[0].Name);
        Assert.Equal(next, frame.Layers[1].Name);
    }

    [Fact]
    public void Raw_ip_link_types_take_the_version_from_the_first_nibble()
    {
        byte[] v4 = SampleFrames.Ipv4(IPProtocol.Udp, SampleFrames.Udp6(1, 2, [])[..8]);
        byte[] v6 = SampleFrames.Ipv6(IPProtocol.Udp, SampleFrames.Udp6(1, 2, [9]));
        foreach (LinkLayerType raw in new[] { LinkLayerType.Raw, LinkLayerType.RawOpenBsd, LinkLayerType.RawBsdOs })
        {
            Assert.Equal("ipv4", FrameDissector.Dissect(v4, raw).Layers[0].Name);
            Assert.Equal("ipv6", FrameDissector.Dissect(v6, raw).Layers[0].Name);
        }

        Assert.Equal("ipv6", FrameDissector.Dissect(v6, LinkLayerType.IPv6).Layers[0].Name);
        Assert.Equal("ipv4", FrameDissector.Dissect(v4, LinkLayerType.IPv4).Layers[0].Name);
    }

    [Fact]
    public void A_link_type_we_do_not_dissect_is_one_data_layer_saying_so()
    {
        var frame = FrameDissector.Dissect([1, 2, 3], LinkLayerType.Fddi);

        FrameLayer data = Assert.Single(frame.Layers);
        Assert.Equal("link type 10 is not dissected", data.Annotation("Note"));
        Assert.False(FrameDissector.IsSupported(LinkLayerType.Fddi));
    }

    [Fact]
    public void Text_dissection_of_a_vlan_tagged_frame() =>
        Snapshot.Match(FrameText.Of(FrameDissector.Dissect(SampleFrames.DhcpDiscoverOnVlan, LinkType.Ethernet)));
}
