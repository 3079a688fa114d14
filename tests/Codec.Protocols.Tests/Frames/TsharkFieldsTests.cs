using System.Globalization;
using Codec.Protocols.Frames;
using Codec.Protocols.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Codec.Protocols.Tests.Frames;

/// <summary>
/// Differential test against tshark 4.0.17: the corpus's tshark-fields/*.tsv hold its values for every frame (the
/// command is the first line of each file; several occurrences of a field, as in an ICMP error's embedded IP header,
/// are joined with '|'). For each field we dissect, our value is rendered tshark's way and compared. Agreement counts
/// are printed; a disagreement fails unless it is listed in <see cref="Explained"/> with tshark's reason.
/// </summary>
public class TsharkFieldsTests(ITestOutputHelper output)
{
    /// <summary>tshark layer names in frame.protocols → ours; tshark's pseudo-layers (ethertype, raw) have none.</summary>
    private static readonly Dictionary<string, string> LayerNames = new()
    {
        ["eth"] = "ethernet", ["vlan"] = "vlan", ["sll"] = "sll", ["null"] = "null", ["ip"] = "ipv4", ["ipv6"] = "ipv6",
        ["ipv6.hopopts"] = "ipv6_hopopts", ["ipv6.routing"] = "ipv6_routing", ["ipv6.fraghdr"] = "ipv6_fragment", ["ipv6.dstopts"] = "ipv6_dstopts",
        ["tcp"] = "tcp", ["udp"] = "udp", ["icmp"] = "icmp", ["icmpv6"] = "icmpv6", ["dns"] = "dns", ["mdns"] = "dns", ["dhcp"] = "dhcp",
    };

    /// <summary>Disagreements that are tshark's behaviour rather than ours, by (file, frame, field); frame 0 = every frame of the file.</summary>
    private static readonly Dictionary<(string File, int Frame, string Field), string> Explained = new()
    {
        [("zeek__dns-inverse-query.pcap", 0, "*")] = "link type FDDI (10) is not dissected: its frames come out as data (tshark: fddi:llc:ip:tcp)",
        [("tcpdump__ipv4_tcp_http_xml_tso.pcap", 1, "ip.len")] = "Total Length is 0 on the wire (TCP segmentation offload); tshark shows the length it assumes instead",
        [("zeek__ip-bogus-header-len.pcap", 1, "ip.len")] = "Total Length is 0 on the wire; tshark shows the length it assumes instead",
        [("tcpdump__bad-ipv4-version-pgm-heapoverflow.pcap", 1, "frame.protocols")] = "EtherType IPv4 with version 6 in the header: tshark hands it to IPv6, we report the version mismatch (RFC 791: Version 4)",
        [("tcpdump__bad-ipv4-version-pgm-heapoverflow.pcap", 1, "ip.version")] = "the same packet read as IPv6 by tshark gives a second version 6",
        [("tcpdump__dns_tcp_8053.pcap", 4, "frame.protocols")] = "tshark's DNS heuristics cover UDP only; we were given --dns-port 8053, which covers TCP too",
        [("tcpdump__dns_tcp_8053.pcap", 6, "frame.protocols")] = "tshark's DNS heuristics cover UDP only; we were given --dns-port 8053, which covers TCP too",
        [("zeek__dns__tkey.pcap", 4, "frame.protocols")] = "a DNS-over-TCP segment holding only the start of a message: tshark (no reassembly) dissects the fragment, we show it as data",
        [("zeek__dhcp__dhcp.pcap", 2, "frame.protocols")] = "DHCP fields are dissected by the DHCP definitions (not merged here); tshark lists dhcp twice for this frame",
        [("zeek__dhcp__dhcp.pcap", 6, "frame.protocols")] = "DHCP fields are dissected by the DHCP definitions (not merged here); tshark lists dhcp twice for this frame",
        [("zeek__trunc__ipv4-internally-truncated-header.pcap", 1, "ip.dst")] = "the capture kept the destination address but not the options IHL promises: tshark drops the address, we show it",
        [("tcpdump__tcp_header_heapoverflow.pcap", 1, "tcp.seq")] = "TCP header cut short by the capture: tshark shows only the ports, we show every field that was captured",
        [("tcpdump__tcp_header_heapoverflow.pcap", 1, "tcp.ack")] = "TCP header cut short by the capture: tshark shows only the ports, we show every field that was captured",
    };

    /// <summary>Ports a user would give with --dns-port: tshark finds DNS there by its heuristics, we only where told.</summary>
    private static readonly Dictionary<string, ushort> DnsPorts = new()
    {
        ["selfmade__dnsmasq-dig-lo.pcap"] = 15353,
        ["tcpdump__dns_udp_8053.pcap"] = 8053,
        ["tcpdump__dns_tcp_8053.pcap"] = 8053,
    };

    private static readonly string[] Compared =
    [
        "frame.len", "frame.cap_len", "frame.protocols", "ip.version", "ip.hdr_len", "ip.dsfield", "ip.len", "ip.id", "ip.flags",
        "ip.frag_offset", "ip.ttl", "ip.proto", "ip.checksum", "ip.checksum.status", "ip.src", "ip.dst", "tcp.srcport", "tcp.dstport",
        "tcp.seq", "tcp.ack", "tcp.hdr_len", "tcp.flags", "tcp.window_size_value", "tcp.checksum", "tcp.checksum.status",
        "tcp.urgent_pointer", "tcp.len", "udp.srcport", "udp.dstport", "udp.length", "udp.checksum", "udp.checksum.status",
    ];

    [Fact]
    public void Our_field_values_agree_with_tshark_on_every_corpus_frame()
    {
        var agree = Compared.ToDictionary(f => f, _ => 0);
        var explained = Compared.ToDictionary(f => f, _ => 0);
        var disagreements = new List<string>();
        int frames = 0;
        foreach (string name in CaptureFiles.Names())
        {
            string[] lines = File.ReadAllLines(Path.Combine(CaptureFiles.PcapDirectory, "tshark-fields", Path.ChangeExtension(name, ".tsv")));
            string[] header = lines[1].Split('\t');
            var rows = lines.Skip(2).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToList();
            var (captured, _, _) = CaptureFiles.ReadAll(name);
            Assert.Equal(rows.Count, captured.Count);
            for (int i = 0; i < rows.Count; i++)
            {
                frames++;
                CapturedFrame frame = captured[i];
                var options = DnsPorts.TryGetValue(name, out ushort port) ? FrameDissectorOptions.WithPorts([port], []) : null;
                FrameDissection dissection = FrameDissector.Dissect(frame.Data, frame.LinkType, frame.OriginalLength, options);
                foreach (string field in Compared)
                {
                    string theirs = rows[i][Array.IndexOf(header, field)];
                    string? ours = Ours(field, dissection, frame);
                    if (field == "frame.protocols")
                    {
                        (theirs, ours) = (TheirLayers(theirs), OurLayers(dissection));
                    }

                    if (ours is null || ours == theirs)
                    {
                        agree[field] += ours is null || theirs.Length == 0 ? 0 : 1; // frames without the field do not count
                        continue;
                    }

                    if (Explained.ContainsKey((name, i + 1, field)) || Explained.ContainsKey((name, 0, field)) || Explained.ContainsKey((name, 0, "*")))
                    {
                        explained[field]++;
                        continue;
                    }

                    disagreements.Add($"{name} frame {i + 1} {field}: tshark '{theirs}', ours '{ours}'");
                }
            }
        }

        foreach (string field in Compared)
        {
            output.WriteLine($"{field,-24} {agree[field],5} agree, {explained[field],3} explained");
        }

        output.WriteLine($"{frames} frames; {disagreements.Count} unexplained disagreements");
        foreach (string line in disagreements.Take(200))
        {
            output.WriteLine(line);
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements.Take(40)));
    }

    /// <summary>Our value of a tshark field, in tshark's rendering; <c>null</c> for a field we do not produce for this frame's kind.</summary>
    private static string? Ours(string field, FrameDissection frame, CapturedFrame captured)
    {
        switch (field)
        {
            case "frame.len":
                return Number(captured.OriginalLength);
            case "frame.cap_len":
                return Number(captured.Data.Length);
            case "frame.protocols":
                return null; // see Protocols
        }

        string layer = field[..field.IndexOf('.')];
        string[] ours = layer switch { "ip" when field == "ip.version" => ["ipv4", "ipv6"], "ip" => ["ipv4"], _ => [layer] };
        var values = frame.Layers.Where(l => ours.Contains(l.Name)).Select(l => Value(field, l, frame)).OfType<string>().ToList();
        return string.Join('|', values);
    }

    /// <summary>The member a tshark field comes from (the first one, when it combines several).</summary>
    private static string Member(string field) => field switch
    {
        "ip.version" => "Version",
        "ip.hdr_len" => "Ihl",
        "ip.dsfield" => "Dscp",
        "ip.len" => "TotalLength",
        "ip.id" => "Identification",
        "ip.flags" => "Reserved",
        "ip.frag_offset" => "FragmentOffset",
        "ip.ttl" => "Ttl",
        "ip.proto" => "Protocol",
        "ip.checksum" or "ip.checksum.status" => "HeaderChecksum",
        "ip.src" => "Source",
        "ip.dst" => "Destination",
        "tcp.srcport" or "udp.srcport" => "SourcePort",
        "tcp.dstport" or "udp.dstport" => "DestinationPort",
        "tcp.seq" => "SequenceNumber",
        "tcp.ack" => "AcknowledgmentNumber",
        "tcp.hdr_len" => "DataOffset",
        "tcp.flags" => "Flags",
        "tcp.window_size_value" => "Window",
        "tcp.checksum" or "udp.checksum" or "tcp.checksum.status" or "udp.checksum.status" => "Checksum",
        "tcp.urgent_pointer" or "tcp.len" => "UrgentPointer",
        "udp.length" => "Length",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field),
    };

    /// <summary>
    /// Our value of <paramref name="field"/> in <paramref name="layer"/>, or <c>null</c> where tshark shows none: a field
    /// the frame does not hold, or one after the field whose value made the layer malformed (tshark stops there too).
    /// </summary>
    private static string? Value(string field, FrameLayer layer, FrameDissection frame)
    {
        ulong F(string name) => layer.Dissection[name]?.Value ?? 0;
        FieldDissection? member = layer.Dissection[Member(field)];
        if (member is null)
        {
            return null;
        }

        // A value that ends the walk (an IHL below 5, a version that is not 4) ends tshark's dissection of the layer
        // too: it shows the fields up to that one. A length past the frame ends neither.
        bool walkEnded = ReferenceEquals(layer, frame.Layers[^1]);
        if (walkEnded && layer.Error is { Kind: not CodecErrorKind.Truncated } error && member.BitOffset > error.BitOffset)
        {
            return null;
        }

        // tshark gives no payload length for a TCP segment in an IP fragment.
        if (field == "tcp.len" && frame.Layers.Any(l => l.Offset < layer.Offset && l.Values?["fragment"] is not null))
        {
            return null;
        }

        string Status()
        {
            string? status = layer.Annotation("Checksum status") ?? layer.Annotation("Header checksum status");
            return status switch
            {
                "good" => "1",
                "not present" => "3",
                _ when status?.StartsWith("bad", StringComparison.Ordinal) == true => "0",
                _ => "2",
            };
        }

        return field switch
        {
            "ip.version" => Number(F("Version")),
            "ip.hdr_len" => Number(F("Ihl") * 4),
            "ip.dsfield" => "0x" + ((F("Dscp") << 2) | F("Ecn")).ToString("x2", CultureInfo.InvariantCulture),
            "ip.len" => Number(F("TotalLength")),
            "ip.id" => "0x" + F("Identification").ToString("x4", CultureInfo.InvariantCulture),
            "ip.flags" => "0x" + ((F("Reserved") << 2) | (F("DontFragment") << 1) | F("MoreFragments")).ToString("x2", CultureInfo.InvariantCulture),
            "ip.frag_offset" => Number(F("FragmentOffset")),
            "ip.ttl" => Number(F("Ttl")),
            "ip.proto" => Number(F("Protocol")),
            "ip.checksum" => "0x" + F("HeaderChecksum").ToString("x4", CultureInfo.InvariantCulture),
            "ip.checksum.status" => Status(),
            "ip.src" => layer.Dissection["Source"]!.Display,
            "ip.dst" => layer.Dissection["Destination"]!.Display,
            "tcp.srcport" or "udp.srcport" => Number(F("SourcePort")),
            "tcp.dstport" or "udp.dstport" => Number(F("DestinationPort")),
            "tcp.seq" => Number(F("SequenceNumber")),
            "tcp.ack" => Number(F("AcknowledgmentNumber")),
            "tcp.hdr_len" => Number(F("DataOffset") * 4),

            // tshark's 12 bits include the reserved bits before CWR (the lowest is AccECN's AE, RFC 9768).
            "tcp.flags" => "0x" + ((F("Reserved") << 8) | F("Flags")).ToString("x4", CultureInfo.InvariantCulture),
            "tcp.window_size_value" => Number(F("Window")),
            "tcp.checksum" or "udp.checksum" => "0x" + F("Checksum").ToString("x4", CultureInfo.InvariantCulture),
            "tcp.checksum.status" or "udp.checksum.status" => Status(),
            "tcp.urgent_pointer" => Number(F("UrgentPointer")),
            "tcp.len" => Number(TcpPayload(layer, frame)),
            "udp.length" => Number(F("Length")),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field),
        };
    }

    /// <summary>tshark's tcp.len: from the end the IP header gives (not the captured end) to the end of the TCP header.</summary>
    private static long TcpPayload(FrameLayer tcp, FrameDissection frame)
    {
        FrameLayer ip = frame.Layers.Last(l => l.Offset < tcp.Offset && l.Name is "ipv4" or "ipv6");
        ulong totalLength = ip.Dissection["TotalLength"]?.Value ?? 0;
        long end = ip.Name == "ipv4"
            ? ip.Offset + (totalLength == 0 ? frame.Length - ip.Offset : (long)totalLength) // 0: TCP segmentation offload
            : ip.Offset + 40 + (long)(ip.Dissection["PayloadLength"]!.Value ?? 0);
        return end - tcp.Offset - ((long)(tcp.Dissection["DataOffset"]!.Value ?? 0) * 4);
    }

    /// <summary>frame.protocols as our layer names: tshark's layers that have one of ours, in order.</summary>
    private static string TheirLayers(string protocols) =>
        string.Join(':', protocols.Split(':').Where(LayerNames.ContainsKey).Select(p => LayerNames[p]));

    private static string OurLayers(FrameDissection frame) =>
        string.Join(':', frame.Layers.Select(l => l.Name).Where(LayerNames.ContainsValue));

    private static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
