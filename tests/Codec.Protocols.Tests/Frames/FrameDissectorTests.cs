using Codec.Protocols.Frames;
using Snapshooter.Xunit;

namespace Codec.Protocols.Tests.Frames;

public class FrameDissectorTests
{
    // DNS query for example.com over UDP/IPv4/Ethernet; checksums valid (the CLI's embedded sample).
    private static readonly byte[] DnsQuery = Convert.FromHexString(
        "02005e0000350200c0a8000a0800450000441c46400040119a23c000020ac0000235" +
        "cfdb0035003091293a5c01200001000000000001076578616d706c6503636f6d00000100010000291000000000000000");

    [Fact]
    public void Walks_ethernet_ipv4_udp_and_dns()
    {
        var frame = FrameDissector.Dissect(DnsQuery, LinkType.Ethernet);

        Assert.True(frame.IsValid);
        Assert.Equal(["Ethernet II", "Internet Protocol Version 4", "User Datagram Protocol", "Domain Name System"], frame.Layers.Select(l => l.Protocol));
        Assert.Contains(frame.Layers[3].Annotations, a => a.Key == "Query" && a.Value == "example.com. IN A");
        Assert.Equal([0, 14, 34, 42], frame.Layers.Select(l => l.Offset));
        Assert.Contains(frame.Layers[1].Annotations, a => a.Key == "Header checksum status" && a.Value == "good");
        Assert.Contains(frame.Layers[2].Annotations, a => a.Key == "Checksum status" && a.Value == "good");
    }

    [Fact]
    public void A_corrupted_byte_turns_the_checksums_bad()
    {
        byte[] frame = (byte[])DnsQuery.Clone();
        frame[30] ^= 0x01; // destination address
        var dissection = FrameDissector.Dissect(frame, LinkType.Ethernet);

        Assert.Contains(dissection.Layers[1].Annotations, a => a.Value == "bad");
        Assert.Contains(dissection.Layers[2].Annotations, a => a.Value == "bad");
    }

    [Fact]
    public void Trailing_ethernet_padding_is_not_payload()
    {
        byte[] padded = [.. DnsQuery, 0, 0, 0, 0, 0, 0];
        var frame = FrameDissector.Dissect(padded, LinkType.Ethernet);

        Assert.Equal(40, frame.Layers[^1].Length);
    }

    [Fact]
    public void Every_truncation_and_every_single_byte_corruption_is_dissected_without_throwing()
    {
        for (int length = 0; length <= DnsQuery.Length; length++)
        {
            var frame = FrameDissector.Dissect(DnsQuery.AsSpan(0, length), LinkType.Ethernet);
            Assert.NotEmpty(frame.Layers);
        }

        var random = new Random(1071);
        for (int trial = 0; trial < 20_000; trial++)
        {
            byte[] mutated = (byte[])DnsQuery.Clone();
            mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            int length = random.Next(mutated.Length + 1);
            foreach (LinkType link in Enum.GetValues<LinkType>())
            {
                var frame = FrameDissector.Dissect(mutated.AsSpan(0, length), link);
                Assert.NotNull(frame);
            }
        }
    }

    [Fact]
    public void Text_dissection_of_the_sample_frame()
    {
        var frame = FrameDissector.Dissect(DnsQuery, LinkType.Ethernet);
        var text = new System.Text.StringBuilder();
        foreach (var layer in frame.Layers)
        {
            DissectionText.Write(text, layer.Dissection);
        }

        Snapshot.Match(text.ToString());
    }
}
