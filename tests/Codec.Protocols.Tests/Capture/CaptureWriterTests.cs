using Codec.Protocols.Capture;
using Codec.Protocols.Tests.Infrastructure;

namespace Codec.Protocols.Tests.Capture;

public class CaptureWriterTests
{
    /// <summary>What tshark is asked about an original and our re-serialization of it: the frames and their dissection.</summary>
    private static readonly string[] ComparedFields =
    [
        "frame.number", "frame.len", "frame.cap_len", "frame.time_epoch", "frame.protocols", "ip.src", "ip.dst", "ip.len",
        "ip.checksum.status", "ipv6.src", "ipv6.dst", "tcp.srcport", "tcp.dstport", "tcp.seq", "tcp.ack", "tcp.checksum.status",
        "udp.srcport", "udp.dstport", "udp.length", "udp.checksum.status", "dns.id", "dns.qry.name", "dhcp.id", "_ws.malformed",
    ];

    [Theory]
    [MemberData(nameof(CaptureFiles.All), MemberType = typeof(CaptureFiles))]
    public void A_little_endian_classic_pcap_written_back_is_byte_identical(string name)
    {
        byte[] original = File.ReadAllBytes(CaptureFiles.PathOf(name));
        if (!name.EndsWith(".pcap", StringComparison.Ordinal) || original.Length < 24 || original[0] != 0xd4 && original[0] != 0x4d)
        {
            return; // pcapng and big-endian files: their packets are compared in the tests below
        }

        // The header's fields as read, then every record as read.
        var header = PcapFileHeader.Read(original);
        var copy = new MemoryStream();
        using (var reader = new CaptureReader(new MemoryStream(original)))
        using (var writer = new PcapWriter(copy, header, leaveOpen: true))
        {
            while (reader.TryReadPacket(out CapturePacket packet) == CaptureReadStatus.Packet)
            {
                writer.WritePacket(packet);
            }

            Assert.Null(reader.Error);
        }

        Assert.Equal(original, copy.ToArray());
    }

    /// <summary>One file per format, byte order, resolution and link type, and the protocol-richest ones (tshark takes ~0.5 s a run).</summary>
    public static TheoryData<string> TsharkFiles() =>
    [
        "arkime__bigendian.pcap", "tcpdump__tcp-handshake-nano.pcap", "tcpdump__LINKTYPE_RAW_ipv4.pcap", "zeek__tcp__payload-syn.pcap",
        "zeek__dns__dns_extended_rcode.pcap", "zeek__dns-inverse-query.pcap", "zeek__dns-svcb.pcap", "tcpdump__mptcp-v1.pcap",
        "tcpdump__dhcp-option-108.pcapng", "zeek__dhcp__dhcp-unique-xid-join-data-growth.pcapng", "zeek__dns__mdns.pcap",
        "tcpdump__ipv4_tcp_http_xml.pcap", "tcpdump__print-flags.pcap", "zeek__ipv4__fragmented-4.pcap", "tcpdump__bad-ipv4-version-pgm-heapoverflow.pcap",
        "selfmade__dnsmasq-dig-lo.pcap", "zeek__dns-edns-ecs.pcap",
    ];

    [Theory]
    [MemberData(nameof(TsharkFiles))]
    public void Our_pcap_and_pcapng_of_every_corpus_file_open_in_tshark_with_the_same_dissection(string name)
    {
        var (frames, _, _) = CaptureFiles.ReadAll(name);
        if (frames.Count == 0)
        {
            return;
        }

        string directory = Directory.CreateTempSubdirectory("codecs-capture-").FullName;
        try
        {
            string pcap = Path.Combine(directory, "copy.pcap");
            string pcapng = Path.Combine(directory, "copy.pcapng");
            bool nanoseconds = frames[0].UnitsPerSecond == 1_000_000_000;
            using (var writer = new PcapWriter(File.Create(pcap), frames[0].LinkType, 262_144, nanoseconds))
            {
                foreach (CapturedFrame frame in frames)
                {
                    writer.WritePacket(frame.Data, frame.OriginalLength, frame.Timestamp, frame.UnitsPerSecond);
                }
            }

            using (var writer = new PcapngWriter(File.Create(pcapng)))
            {
                var interfaces = new Dictionary<int, int>();
                foreach (CapturedFrame frame in frames)
                {
                    if (!interfaces.TryGetValue(frame.InterfaceId, out int id))
                    {
                        id = interfaces[frame.InterfaceId] = writer.AddInterface(frame.LinkType, 0, frame.UnitsPerSecond == 0 ? 1_000_000 : frame.UnitsPerSecond);
                    }

                    writer.WritePacket(id, frame.Data, frame.OriginalLength, frame.Timestamp);
                }
            }

            string expected = Tshark.Fields(CaptureFiles.PathOf(name), ComparedFields);
            Assert.Equal(expected, Tshark.Fields(pcap, ComparedFields));
            Assert.Equal(expected, Tshark.Fields(pcapng, ComparedFields));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_pcapng_written_and_read_back_gives_the_same_packets()
    {
        var (frames, _, _) = CaptureFiles.ReadAll("zeek__dhcp__dhcp-unique-xid-join-data-growth.pcapng");
        var stream = new MemoryStream();
        using (var writer = new PcapngWriter(stream, leaveOpen: true))
        {
            writer.AddInterface(frames[0].LinkType, 0, frames[0].UnitsPerSecond);
            foreach (CapturedFrame frame in frames)
            {
                writer.WritePacket(0, frame.Data, frame.OriginalLength, frame.Timestamp);
            }
        }

        stream.Position = 0;
        var (copies, status, _) = CaptureFiles.ReadAll(stream);

        Assert.Equal(CaptureReadStatus.EndOfFile, status);
        Assert.Equal(frames.Count, copies.Count);
        for (int i = 0; i < frames.Count; i++)
        {
            Assert.Equal(frames[i].Data, copies[i].Data);
            Assert.Equal(frames[i] with { Data = [] }, copies[i] with { Data = [] });
        }
    }

    [Fact]
    public void A_record_whose_original_length_is_below_the_captured_one_is_copied_as_it_was()
    {
        var stream = new MemoryStream();
        using (var writer = new PcapWriter(stream, LinkLayerType.Raw, leaveOpen: true))
        {
            writer.WritePacket([0x45, 0, 0, 20], originalLength: 2, timestamp: 1_500_000, unitsPerSecond: 1_000_000);
        }

        stream.Position = 0;
        var (frames, status, _) = CaptureFiles.ReadAll(stream);

        Assert.Equal(CaptureReadStatus.EndOfFile, status);
        Assert.Equal(new CapturedFrame(frames[0].Data, 2, LinkLayerType.Raw, 0, 1_500_000, 1_000_000), frames[0]);
        Assert.Equal([0x45, 0, 0, 20], frames[0].Data);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PcapWriter(new MemoryStream(), new PcapFileHeader { MagicNumber = 0xD4C3B2A1 }));
    }

    [Fact]
    public void A_timestamp_resolution_that_if_tsresol_cannot_express_is_refused()
    {
        using var writer = new PcapngWriter(new MemoryStream());

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.AddInterface(LinkLayerType.Ethernet, 0, 3_000));
        Assert.Equal(0, writer.AddInterface(LinkLayerType.Ethernet, 0, 1UL << 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WritePacket(1, [1], 1, 0));
    }
}
