using Codec.Protocols.Capture;
using Codec.Protocols.Ethernet;
using Codec.Protocols.Frames;
using Codec.Protocols.Icmp;
using Codec.Protocols.IPv4;
using Codec.Protocols.IPv6;
using Codec.Protocols.Tcp;
using Codec.Protocols.Tests.Infrastructure;
using Codec.Protocols.Udp;
using Xunit.Abstractions;

namespace Codec.Protocols.Tests.Frames;

public class FrameCorpusTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(CaptureFiles.All), MemberType = typeof(CaptureFiles))]
    public void Every_frame_of_every_corpus_file_is_dissected_without_an_exception(string name)
    {
        var (frames, _, _) = CaptureFiles.ReadAll(name);
        foreach (CapturedFrame captured in frames)
        {
            FrameDissection frame = FrameDissector.Dissect(captured.Data, captured.LinkType, captured.OriginalLength);
            Assert.NotEmpty(frame.Layers);
            Assert.All(frame.Layers, l => Assert.InRange(l.Offset, 0, captured.Data.Length));
            Assert.NotEmpty(FrameText.Of(frame));

            // Every prefix of the frame, as a capture that cut it short or a malformed packet: no exception either.
            for (int length = 0; length < captured.Data.Length; length += 7)
            {
                _ = FrameDissector.Dissect(captured.Data.AsSpan(0, length), captured.LinkType, captured.OriginalLength);
                _ = FrameDissector.Dissect(captured.Data.AsSpan(0, length), captured.LinkType);
            }
        }
    }

    [Fact]
    public void Every_well_formed_layer_of_the_corpus_writes_back_byte_identical()
    {
        int layers = 0;
        int skipped = 0;
        var perProtocol = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (string name in CaptureFiles.Names())
        {
            var (frames, _, _) = CaptureFiles.ReadAll(name);
            foreach (CapturedFrame captured in frames)
            {
                FrameDissection frame = FrameDissector.Dissect(captured.Data, captured.LinkType, captured.OriginalLength);
                foreach (FrameLayer layer in frame.Layers.Where(l => l.IsValid))
                {
                    ReadOnlySpan<byte> bytes = captured.Data.AsSpan(layer.Offset);
                    bool? identical = layer.Name switch
                    {
                        "ethernet" => RoundTrips<EthernetHeader>(bytes),
                        "vlan" => RoundTrips<VlanTag>(bytes),
                        "sll" => RoundTrips<LinuxCookedHeader>(bytes),
                        "sll2" => RoundTrips<LinuxCooked2Header>(bytes),
                        "null" => RoundTrips<NullHeader>(bytes),
                        "ipv4" => RoundTrips<Ipv4Header>(bytes),
                        "ipv6" => RoundTrips<Ipv6Header>(bytes),
                        "ipv6_hopopts" or "ipv6_dstopts" => RoundTrips<Ipv6OptionsHeader>(bytes),
                        "ipv6_routing" => RoundTrips<Ipv6RoutingHeader>(bytes),
                        "ipv6_fragment" => RoundTrips<Ipv6FragmentHeader>(bytes),
                        "icmp" => RoundTrips<IcmpHeader>(bytes),
                        "icmpv6" => RoundTrips<Icmpv6Header>(bytes),
                        "tcp" => RoundTrips<TcpHeader>(bytes),
                        "udp" => RoundTrips<UdpHeader>(bytes),
                        _ => null,
                    };

                    if (identical is null)
                    {
                        continue;
                    }

                    if (identical == false)
                    {
                        // Reserved bits are written as zeros: a header that sets them is not well-formed, and is counted apart.
                        Assert.True(HasReservedBitsSet(layer), $"{name}: {layer.Name} at {layer.Offset} does not write back byte-identical");
                        skipped++;
                        continue;
                    }

                    layers++;
                    perProtocol[layer.Name] = perProtocol.GetValueOrDefault(layer.Name) + 1;
                }
            }
        }

        output.WriteLine($"{layers} layers written back byte-identical; {skipped} with reserved bits set (written as zeros)");
        foreach (var (protocol, count) in perProtocol)
        {
            output.WriteLine($"{protocol,-14} {count}");
        }

        Assert.True(layers > 2_000, $"only {layers} layers");
        Assert.True(perProtocol.Count >= 8, string.Join(", ", perProtocol.Keys));
    }

    /// <summary>Whole captures are read and written back byte-identical in CaptureWriterTests; here each layer's message.</summary>
    private static bool RoundTrips<T>(ReadOnlySpan<byte> bytes)
        where T : IWireMessage<T>, allows ref struct
    {
        ReadResult read = T.TryRead(bytes, out T value);
        Assert.True(read.IsDone, read.ToString());
        byte[] written = new byte[value.GetSerializedSize()];
        Assert.True(value.TryWrite(written).IsDone);
        return written.AsSpan().SequenceEqual(bytes[..read.BytesConsumed]);
    }

    private static bool HasReservedBitsSet(FrameLayer layer) =>
        layer.Dissection.Fields.Any(f => f.Kind == FieldKind.Reserved && f.Value is > 0);
}
