using Codec.Protocols.Capture;
using Codec.Protocols.Frames;
using Codec.Protocols.Tests.Infrastructure;

namespace Codec.Protocols.Tests.Frames;

public class FrameDissectorFuzzTests
{
    public static TheoryData<string> Samples() => ["DhcpDiscoverOnVlan", "Ping", "NeighborSolicitation", "TcpSynOverIpv6"];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_truncation_and_random_corruption_is_dissected_under_every_link_type_without_throwing(string sample)
    {
        byte[] frame = (byte[])typeof(SampleFrames).GetProperty(sample)!.GetValue(null)!;
        var random = new Random(8200);
        for (int trial = 0; trial < 3_000; trial++)
        {
            byte[] mutated = (byte[])frame.Clone();
            for (int i = random.Next(1, 4); i > 0; i--)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            int length = random.Next(mutated.Length + 1);
            foreach (LinkLayerType link in Enum.GetValues<LinkLayerType>())
            {
                FrameDissection dissection = FrameDissector.Dissect(mutated.AsSpan(0, length), link, mutated.Length);
                Assert.True(dissection.Layers.Count > 0 || length == 0, $"{link}: no layer for {length} bytes");
            }

            foreach (LinkType link in Enum.GetValues<LinkType>())
            {
                _ = FrameDissector.Dissect(mutated.AsSpan(0, length), link);
            }
        }
    }
}
