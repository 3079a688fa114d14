using System.Globalization;
using System.Text.Json.Nodes;
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

    /// <summary>
    /// Disagreements that are tshark's behaviour rather than ours, by (file, frame, field); frame 0 = every frame of the
    /// file, field <c>dns.*</c> = every field of that protocol.
    /// </summary>
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
        [("tcpdump__dns_tcp_8053.pcap", 4, "dns.*")] = "tshark's DNS heuristics cover UDP only; we were given --dns-port 8053, which covers TCP too",
        [("tcpdump__dns_tcp_8053.pcap", 6, "dns.*")] = "tshark's DNS heuristics cover UDP only; we were given --dns-port 8053, which covers TCP too",
        [("zeek__dns__tkey.pcap", 4, "dns.*")] = "a DNS-over-TCP segment holding only the start of a message: tshark dissects the fragment, we show it as data",
        [("tcpdump__dns_udp_2.pcap", 2, "dns.*")] = "the capture cut the message short: we report the DNS message truncated and list no sections; tshark lists the records before the cut",
        [("zeek__dns-edns-ecs.pcap", 53, "dns.*")] = "the capture (1472 bytes) cut the message short: we report it truncated and list no sections; tshark lists the records before the cut",
        [("zeek__dns-edns-ecs.pcap", 58, "dns.*")] = "the capture (1472 bytes) cut the message short: we report it truncated and list no sections; tshark lists the records before the cut",
        [("zeek__dns-edns-ecs.pcap", 62, "dns.*")] = "the capture (1472 bytes) cut the message short: we report it truncated and list no sections; tshark lists the records before the cut",
        [("zeek__dns-edns-ecs.pcap", 84, "dns.*")] = "the capture (1472 bytes) cut the message short: we report it truncated and list no sections; tshark lists the records before the cut",
        [("zeek__dns-edns-ecs-bad.pcap", 0, "dns.*")] = "RDLENGTH runs past the message (RFC 1035 §4.1.3): the message is invalid and we list no sections; tshark lists what it could read",
        [("zeek__dns-edns-ecs-weirds.pcap", 5, "dns.*")] = "an EDNS option length (264) runs past the OPT RDATA (RFC 6891 §6.1.2): the message is invalid and we list no sections",
        [("zeek__dns__dns-edns-bad-length.pcap", 1, "dns.*")] = "a lone octet where an EDNS option code (2 octets) should be: the message is invalid and we list no sections",
        [("tcpdump__dns-badlabel.pcap", 1, "dns.*")] = "the question's name is longer than 255 octets (RFC 1035 §2.3.4): invalid for us; tshark shows '<Name too long>'",
        [("tcpdump__dns_fwdptr.pcap", 1, "dns.*")] = "compression pointers that point forward build a name over 255 octets: invalid for us; tshark shows '<Name too long>'",
        [("zeek__dns__dns-invalid-names.pcap", 2, "dns.*")] = "a compression pointer loop: invalid for us; tshark shows '<Name contains a pointer that loops>'",
        [("zeek__dns__dynamic-update.pcap", 0, "dns.*")] = "RFC 2136 UPDATE: tshark names the counts zocount/prcount/upcount and is not compared; the sections are not compared either",
        [("zeek__dns-edns-ecs.pcap", 0, "dns.resp.type")] = "tshark also reports the types inside NSEC/NSEC3 type bitmaps and RRSIG's Type Covered as dns.resp.type",
        [("zeek__dns__dns_notify2.pcap", 0, "dns.resp.type")] = "tshark also reports the types inside NSEC type bitmaps and RRSIG's Type Covered as dns.resp.type",
        [("zeek__dns__sshfp-trunc.pcap", 0, "dns.resp.type")] = "tshark also reports the types inside NSEC type bitmaps and RRSIG's Type Covered as dns.resp.type",
        [("zeek__dnssec__nsec3.pcap", 0, "dns.resp.type")] = "tshark also reports the types inside NSEC3 type bitmaps and RRSIG's Type Covered as dns.resp.type",
        [("tcpdump__heapoverflow-tcp_print.pcap", 1, "tcp.option_kind")] = "the capture ends inside the options Data Offset promises: we report the header truncated; tshark shows the first option's kind",
        [("zeek__tcp__truncated-header.pcap", 1, "tcp.*")] = "the capture ends inside the options Data Offset promises: we report the header truncated; tshark shows the options that were captured",
        [("zeek__ipv4__fragmented-syn.pcap", 1, "tcp.*")] = "a first fragment ending inside the TCP options: we report the header truncated; tshark shows the options in the fragment",
        [("tcpdump__tcp-auth-heapoverflow.pcap", 1, "tcp.option_kind")] = "the option's length runs past the header: we report the malformed option (OptionLength) and list none; tshark shows its kind",
        [("tcpdump__ip_ts_opts_asan.pcap", 1, "ip.opt.type")] = "the Timestamp option's length (19) runs past the header: we report the malformed option (OptionLength) and list none; tshark shows its type",
        [("tcpdump__bootp_asan.pcap", 1, "dhcp.*")] = "a fuzzed BOOTP packet with op 0 (neither BOOTREQUEST nor BOOTREPLY, RFC 951): tshark gives no dhcp fields; we show the fixed part as read",
        [("zeek__dhcp__dhcp.pcap", 2, "frame.protocols")] = "tshark lists dhcp twice for this frame (its DHCP dissector runs again on the relayed copy); we dissect it once",
        [("zeek__dhcp__dhcp.pcap", 6, "frame.protocols")] = "tshark lists dhcp twice for this frame (its DHCP dissector runs again on the relayed copy); we dissect it once",
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

    /// <summary>Fields rendered from the layers' structured values (the option lists, DNS sections, DHCP options).</summary>
    private static readonly string[] Structured =
    [
        "ip.opt.type", "tcp.option_kind", "tcp.options.mss_val", "tcp.options.wscale.shift", "tcp.options.sack_le", "tcp.options.sack_re",
        "tcp.options.timestamp.tsval", "tcp.options.timestamp.tsecr", "dns.id", "dns.flags", "dns.count.queries", "dns.count.answers",
        "dns.count.auth_rr", "dns.count.add_rr", "dns.qry.name", "dns.qry.type", "dns.resp.type", "dns.opt.code", "dhcp.type", "dhcp.hops",
        "dhcp.id", "dhcp.flags", "dhcp.ip.client", "dhcp.ip.your", "dhcp.ip.server", "dhcp.ip.relay", "dhcp.hw.mac_addr", "dhcp.option.dhcp",
    ];

    private static readonly string[] Compared =
    [
        "frame.len", "frame.cap_len", "frame.protocols", "ip.version", "ip.hdr_len", "ip.dsfield", "ip.len", "ip.id", "ip.flags",
        "ip.frag_offset", "ip.ttl", "ip.proto", "ip.checksum", "ip.checksum.status", "ip.src", "ip.dst", "tcp.srcport", "tcp.dstport",
        "tcp.seq", "tcp.ack", "tcp.hdr_len", "tcp.flags", "tcp.window_size_value", "tcp.checksum", "tcp.checksum.status",
        "tcp.urgent_pointer", "tcp.len", "udp.srcport", "udp.dstport", "udp.length", "udp.checksum", "udp.checksum.status",
        .. Structured,
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

                    string family = field[..field.IndexOf('.')] + ".*";
                    if (Explained.ContainsKey((name, i + 1, field)) || Explained.ContainsKey((name, 0, field)) || Explained.ContainsKey((name, 0, "*"))
                        || Explained.ContainsKey((name, i + 1, family)) || Explained.ContainsKey((name, 0, family)))
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
        if (Structured.Contains(field))
        {
            return StructuredValue(field, layer);
        }

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

    /// <summary>
    /// Our value of a field tshark takes from options, DNS sections or DHCP, rendered its way (several occurrences
    /// joined by '|'); <c>null</c> when the layer has none.
    /// </summary>
    private static string? StructuredValue(string field, FrameLayer layer)
    {
        JsonObject? values = layer.Values;
        JsonArray options = values?["options"] as JsonArray ?? [];
        string? Join(IEnumerable<string> parts)
        {
            string joined = string.Join('|', parts);
            return joined.Length == 0 ? null : joined;
        }

        IEnumerable<JsonNode> Typed(string name) => options.OfType<JsonObject>().Where(o => (string?)o["name"] == name).Select(o => o["value"]!).Where(v => v is not null);
        ulong F(string name) => layer.Dissection[name]?.Value ?? 0;
        bool Has(string name) => layer.Dissection[name]?.Value is not null;
        bool Present(string key) => values?[key] is not null;
        IEnumerable<JsonObject> Records(string section) => (values?[section] as JsonArray ?? []).OfType<JsonObject>();
        switch (field)
        {
            case "ip.opt.type":
                return Join(options.Select(o => ((int)o!["kind"]!).ToString(CultureInfo.InvariantCulture)));
            case "tcp.option_kind":
                // tshark reads each zero octet of the padding after End of Option List as another EOL.
                IEnumerable<string> kinds = options.Select(o => ((int)o!["kind"]!).ToString(CultureInfo.InvariantCulture));
                string? padding = layer.Dissection["Options.Padding"]?.Display;
                return Join(padding is null ? kinds : kinds.Concat(Enumerable.Repeat("0", padding.Length / 2)));
            case "tcp.options.mss_val":
                return Join(Typed("mss").Select(v => v.ToString()));
            case "tcp.options.wscale.shift":
                return Join(Typed("window_scale").Select(v => v.ToString()));
            case "tcp.options.sack_le":
                return Join(Typed("sack").SelectMany(v => v.AsArray()).Select(b => b!["left_edge"]!.ToString()));
            case "tcp.options.sack_re":
                return Join(Typed("sack").SelectMany(v => v.AsArray()).Select(b => b!["right_edge"]!.ToString()));
            case "tcp.options.timestamp.tsval":
                return Join(Typed("timestamps").Select(v => v["tsval"]!.ToString()));
            case "tcp.options.timestamp.tsecr":
                return Join(Typed("timestamps").Select(v => v["tsecr"]!.ToString()));
            case "dns.id" when Has("Id"):
                return "0x" + F("Id").ToString("x4", CultureInfo.InvariantCulture);
            case "dns.flags" when Has("Rcode"):
                ulong flags = (F("Qr") << 15) | (F("Opcode") << 11) | (F("Aa") << 10) | (F("Tc") << 9) | (F("Rd") << 8) | (F("Ra") << 7)
                    | (F("Z") << 6) | (F("Ad") << 5) | (F("Cd") << 4) | F("Rcode");
                return "0x" + flags.ToString("x4", CultureInfo.InvariantCulture);
            case "dns.count.queries" when Has("QdCount"):
                return Number(F("QdCount"));
            case "dns.count.answers" when Has("AnCount"):
                return Number(F("AnCount"));
            case "dns.count.auth_rr" when Has("NsCount"):
                return Number(F("NsCount"));
            case "dns.count.add_rr" when Has("ArCount"):
                return Number(F("ArCount"));
            case "dns.qry.name":
                return Join(Records("questions").Select(q => TsharkName((string)q["name"]!)));
            case "dns.qry.type":
                return Join(Records("questions").Select(q => TypeNumber((string)q["type"]!)));
            case "dns.resp.type":
                return Join(new[] { "answers", "authorities", "additionals" }.SelectMany(Records).Select(r => TypeNumber((string)r["type"]!)));
            case "dns.opt.code":
                return Join(Records("additionals").Where(r => (string?)r["type"] == "OPT").SelectMany(r => OptCodes((string)r["data"]!)));
            case "dhcp.type" when Present("op"):
                return values!["op"]!.ToString();
            case "dhcp.hops" when Present("op"):
                return Number(F("Hops"));
            case "dhcp.id" when Present("xid"):
                return "0x" + ulong.Parse(values!["xid"]!.ToString(), CultureInfo.InvariantCulture).ToString("x8", CultureInfo.InvariantCulture);
            case "dhcp.flags" when Present("flags"):
                return "0x" + ((int)values!["flags"]!).ToString("x4", CultureInfo.InvariantCulture);
            case "dhcp.ip.client" or "dhcp.ip.your" or "dhcp.ip.server" or "dhcp.ip.relay" when Present("ciaddr"):
                return (string?)values![field switch { "dhcp.ip.client" => "ciaddr", "dhcp.ip.your" => "yiaddr", "dhcp.ip.server" => "siaddr", _ => "giaddr" }];
            case "dhcp.hw.mac_addr" when Present("chaddr"):
                // tshark shows chaddr, then a client identifier of hardware type 1 as a MAC address too.
                var macs = new List<string> { (string)values!["chaddr"]! };
                macs.AddRange(Typed("client_identifier").Where(v => v["type"]!.ToString() == "1" && ((string)v["identifier"]!).Contains(':', StringComparison.Ordinal)).Select(v => (string)v["identifier"]!));
                return Join(macs);
            case "dhcp.option.dhcp":
                return Join(Typed("dhcp_message_type").Select(v => v.ToString()));
            default:
                return null;
        }
    }

    /// <summary>tshark's rendering of a name: no trailing dot, the root as &lt;Root&gt;.</summary>
    private static string TsharkName(string name) => name == "." ? "<Root>" : name.TrimEnd('.');

    private static string TypeNumber(string mnemonic) =>
        Enum.TryParse(mnemonic, out Codec.Protocols.Dns.DnsType type) ? Number((ulong)(ushort)type)
        : mnemonic.StartsWith("TYPE", StringComparison.Ordinal) ? mnemonic[4..] : mnemonic;

    /// <summary>The option codes in our OPT presentation (<c>NAME: hex</c> after the version, flags and udp parts).</summary>
    private static IEnumerable<string> OptCodes(string data) =>
        data.Split("; ").Skip(2).Select(part => part.Split(':')[0] switch
        {
            "NSID" => "3",
            "CLIENT-SUBNET" => "8",
            "COOKIE" => "10",
            "TCP-KEEPALIVE" => "11",
            "PADDING" => "12",
            "EDE" => "15",
            "extended rcode" => string.Empty,
            var other => other.StartsWith("OPT=", StringComparison.Ordinal) ? other[4..] : other,
        }).Where(code => code.Length > 0);

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
