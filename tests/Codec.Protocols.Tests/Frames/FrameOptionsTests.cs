using System.Text.Json.Nodes;
using Codec.Protocols.Frames;
using Codec.Protocols.Tests.Infrastructure;

namespace Codec.Protocols.Tests.Frames;

/// <summary>The frame walk's option lists: IPv4 options from the generated Ipv4Options, TCP options' text and errors.</summary>
public class FrameOptionsTests
{
    [Fact]
    public void An_igmp_report_carries_a_router_alert_option()
    {
        var (frames, _, _) = CaptureFiles.ReadAll("zeek__dns__mdns.pcap");
        CapturedFrame captured = frames[4];

        FrameDissection frame = FrameDissector.Dissect(captured.Data, captured.LinkType, captured.OriginalLength);

        FrameLayer ip = frame.Layers.Single(l => l.Name == "ipv4");
        Assert.True(ip.IsValid);
        Assert.Equal(24, ip.Length);
        Assert.Equal("""[{"kind":148,"name":"router_alert","value":"0000"}]""", ip.Values!["options"]!.ToJsonString());
        Assert.Equal("Router Alert", ip.Dissection["Options.RouterAlert"]!.Label);
    }

    [Fact]
    public void A_malformed_ipv4_option_is_the_layer_error_at_its_length_octet()
    {
        // IHL 6: one option word, a Timestamp (68) whose length (19) runs past the header.
        byte[] packet = Convert.FromHexString("46000018000000004001000000000000000000004413000000");
        packet = packet[..24];

        FrameDissection frame = FrameDissector.Dissect(packet, LinkType.IPv4);

        FrameLayer ip = frame.Layers[0];
        Assert.False(ip.IsValid);
        Assert.Equal(CodecErrorKind.LengthOutOfRange, ip.Error!.Value.Kind);
        Assert.Equal(21, ip.Error.Value.ByteOffset);
        Assert.Empty((JsonArray)ip.Values!["options"]!);
        Assert.StartsWith("bad: ", ip.Annotation("Options status"));
    }

    [Fact]
    public void A_tcp_option_of_the_wrong_length_names_its_option_and_the_length_it_needs()
    {
        // Data offset 6: MSS with length 3, then a NOP.
        byte[] segment = Convert.FromHexString("c55201bbaa79ad91000000006002fd200000000002030501");

        FrameDissection frame = FrameDissector.Dissect(segment, LinkType.Tcp);

        CodecError error = frame.Layers[0].Error!.Value;
        Assert.Equal(CodecErrorKind.ConstantMismatch, error.Kind);
        Assert.Equal("Options.mss", error.Field);
        Assert.Equal(21, error.ByteOffset);
        Assert.Equal(4UL, error.Expected);
        Assert.Equal(3UL, error.Actual);
    }
}
