using System.Text.Json;
using Codec.Cli.Tests.Infrastructure;
using static Codec.Cli.Tests.Infrastructure.Codecs;

namespace Codec.Cli.Tests.Decoding;

/// <summary>The <c>codecs decode</c> command as a user runs it: a child process, its output and exit code.</summary>
public class DecodeCommandTests
{
    [Fact]
    public void With_no_input_it_decodes_the_embedded_sample_capture_of_several_protocols()
    {
        var (exit, output, error) = Run("decode");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Frame 8: 94 bytes on wire", output);
        Assert.Contains("[Protocols in frame: ethernet:vlan:ipv4:udp:dhcp]", output);
        Assert.Contains("[Protocols in frame: ethernet:ipv4:icmp:data]", output);
        Assert.Contains("[Protocols in frame: ethernet:ipv6:icmpv6:data]", output);
        Assert.Contains("[Protocols in frame: ethernet:ipv6:tcp]", output);
        Assert.Contains("[Header checksum status: good]", output);
        Assert.Contains("Domain Name System, 40 bytes", output);
        Assert.Contains("[Query: example.com. IN A]", output);
        Assert.DoesNotContain("bad", output);
        Assert.DoesNotContain("Malformed", output);
    }

    [Fact]
    public void Json_is_one_object_per_frame_with_snake_case_fields()
    {
        var (exit, output, _) = Run("decode", "--format", "json");

        Assert.Equal(0, exit);
        string[] lines = Lines(output);
        Assert.Equal(8, lines.Length);
        using var json = JsonDocument.Parse(lines[1]);
        JsonElement root = json.RootElement;
        Assert.Equal(2, root.GetProperty("frame").GetInt32());
        Assert.Equal("ok", root.GetProperty("status").GetString());
        JsonElement ip = root.GetProperty("layers")[1];
        Assert.Equal("ipv4", ip.GetProperty("protocol").GetString());
        Assert.Equal("192.0.2.10", ip.GetProperty("fields").GetProperty("source").GetString());
        Assert.Equal(17, ip.GetProperty("fields").GetProperty("protocol").GetInt32());
        Assert.Equal(64, ip.GetProperty("fields").GetProperty("ttl").GetInt32());
        Assert.True(root.GetProperty("layers")[3].GetProperty("fields").GetProperty("rd").GetBoolean());
    }

    [Fact]
    public void Every_json_line_has_exactly_the_schema_of_the_issue()
    {
        var (exit, output, _) = Run("decode", Pcap("tcpdump__dns_tcp.pcap"), "--format", "json");
        var (_, sample, _) = Run("decode", "--format", "json");

        Assert.Equal(0, exit);
        var seen = new HashSet<string>();
        foreach (string line in Lines(output).Concat(Lines(sample)))
        {
            using var json = JsonDocument.Parse(line);
            JsonElement root = json.RootElement;
            string status = root.GetProperty("status").GetString()!;
            Assert.Contains(status, new[] { "ok", "invalid" });
            Assert.Equal(status == "ok" ? ["frame", "status", "layers"] : ["frame", "status", "error", "layers"], root.EnumerateObject().Select(p => p.Name));
            foreach (JsonElement layer in root.GetProperty("layers").EnumerateArray())
            {
                Assert.Equal(["protocol", "offset", "length", "fields"], layer.EnumerateObject().Select(p => p.Name));
                string protocol = layer.GetProperty("protocol").GetString()!;
                seen.Add(protocol);
                JsonElement fields = layer.GetProperty("fields");
                foreach (string name in Required(protocol))
                {
                    Assert.True(fields.TryGetProperty(name, out _), $"{protocol} has no '{name}': {fields}");
                }

                AssertTypes(protocol, fields);
            }
        }

        Assert.Superset(new HashSet<string> { "ethernet", "ipv4", "ipv6", "tcp", "udp", "dns", "dhcp", "icmp", "icmpv6", "vlan" }, seen);
    }

    [Fact]
    public void Tcp_in_json_has_absolute_numbers_a_flags_object_and_an_options_list()
    {
        var (_, output, _) = Run("decode", Pcap("tcpdump__dns_tcp.pcap"), "--format", "json");

        using var json = JsonDocument.Parse(Lines(output)[0]);
        JsonElement tcp = json.RootElement.GetProperty("layers")[2].GetProperty("fields");
        Assert.Equal(603899916u, tcp.GetProperty("sequence_number").GetUInt32());
        Assert.Equal(0u, tcp.GetProperty("acknowledgment_number").GetUInt32());
        Assert.Equal(64240, tcp.GetProperty("window").GetInt32());
        Assert.Equal(0x0c41, tcp.GetProperty("checksum").GetInt32());
        Assert.True(tcp.GetProperty("flags").GetProperty("syn").GetBoolean());
        Assert.False(tcp.GetProperty("flags").GetProperty("ack").GetBoolean());
        Assert.Equal(JsonValueKind.Array, tcp.GetProperty("options").ValueKind);
        Assert.Equal("good", tcp.GetProperty("checksum_status").GetString());
    }

    [Theory]
    [InlineData("tcpdump__dns_udp.pcap", "Frame 2: ")]
    [InlineData("tcpdump__tcp-handshake-nano.pcap", "Linux cooked capture v1, 16 bytes")]
    [InlineData("tcpdump__dhcp-option-108.pcapng", "[Protocols in frame: ethernet:ipv4:udp:dhcp]")]
    [InlineData("arkime__bigendian.pcap", "Frame 2: ")]
    [InlineData("zeek__dns-svcb.pcap", "[Protocols in frame: null:ipv4:udp:dns]")]
    public void A_capture_file_is_decoded_with_its_link_type(string file, string expected)
    {
        var (exit, output, error) = Run("decode", Pcap(file));

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains(expected, output);
    }

    [Theory]
    [InlineData("ethernet", "02005e00000102005e00000a08004500003c1c474000400127a9c000020a5db8d70e0800012b04d20001101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f", "ethernet:ipv4:icmp:data")]
    [InlineData("ipv4", "450000441c46400040119a23c000020ac0000235cfdb003500309c593a5c01200001000000000001076578616d706c6503636f6d000001000100002904d0000000000000", "ipv4:udp:dns")]
    [InlineData("ipv6", "6000000000203aff20010db8000000000000000000000010ff0200000000000000000001ff0000018700be100000000020010db8000000000000000000000001010102005e00000a", "ipv6:icmpv6:data")]
    [InlineData("udp", "cfdb003500309c593a5c01200001000000000001076578616d706c6503636f6d000001000100002904d0000000000000", "udp:dns")]
    [InlineData("tcp", "c55201bbaa79ad9100000000a002fd2077cc0000020405a00402080aaa79ad920000000001030307", "tcp")]
    [InlineData("dns", "3a5c01200001000000000001076578616d706c6503636f6d000001000100002904d0000000000000", "dns")]
    [InlineData("dhcp", "010106005ee1c0de00008000", "dhcp")]
    public void A_hex_frame_is_decoded_from_the_layer_given_with_link(string link, string hex, string layers)
    {
        var (exit, output, error) = Run("decode", "--hex", hex, "--link", link);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains($"[Protocols in frame: {layers}]", output);
    }

    [Fact]
    public void A_malformed_frame_prints_what_could_be_read_and_the_error_and_still_exits_zero()
    {
        var (exit, output, _) = Run("decode", "--hex", "46 00 00 14", "--link", "ipv4");

        Assert.Equal(0, exit);
        Assert.Contains(".... 0110 = Header Length: 6", output);
        Assert.Contains("[Error: NeedMoreData, truncated in field 'Identification' at byte 4", output);
        Assert.Contains("[Malformed frame: ipv4 at frame byte 4:", output);
    }

    [Fact]
    public void A_malformed_frame_in_a_file_is_invalid_in_json_with_the_error_and_the_layers_read()
    {
        var (exit, output, _) = Run("decode", Pcap("tcpdump__ipv4_invalid_hdr_length.pcap"), "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(Assert.Single(Lines(output)));
        JsonElement root = json.RootElement;
        Assert.Equal("invalid", root.GetProperty("status").GetString());
        JsonElement error = root.GetProperty("error");
        Assert.Equal("ipv4", error.GetProperty("layer").GetString());
        Assert.Equal("ihl", error.GetProperty("field").GetString());
        Assert.Equal(14, error.GetProperty("offset").GetInt32());
        Assert.Equal(["ethernet", "ipv4"], root.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("protocol").GetString()));
    }

    [Fact]
    public void Dns_on_a_port_given_with_dns_port_is_decoded()
    {
        var (_, without, _) = Run("decode", Pcap("selfmade__dnsmasq-dig-lo.pcap"));
        var (exit, with, _) = Run("decode", Pcap("selfmade__dnsmasq-dig-lo.pcap"), "--dns-port", "15353", "--dns-port", "5300");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("Domain Name System", without);
        Assert.Contains("Domain Name System", with);
    }

    [Fact]
    public void Dhcp_on_a_port_given_with_dhcp_port_is_recognised()
    {
        // A BOOTP request from port 1067 to 1068 (relay testing ports): only --dhcp-port makes it DHCP.
        string hex = "0000000000010000000000020800" + "4500002c000100004011f97dc0000201c0000202" + "042b042c0018" + "0000" + "010106005ee1c0de0000800000000000";
        var (_, without, _) = Run("decode", "--hex", hex);
        var (exit, with, _) = Run("decode", "--hex", hex, "--dhcp-port", "1068");

        Assert.Equal(0, exit);
        Assert.Contains("ethernet:ipv4:udp:data", without);
        Assert.Contains("ethernet:ipv4:udp:dhcp", with);
    }

    [Fact]
    public void Progress_on_request_reports_frames_per_second_on_stderr_only()
    {
        var (exit, output, error) = Run("decode", Pcap("tcpdump__dns_udp.pcap"), "--progress", "--format", "json");

        Assert.Equal(0, exit);
        Assert.Contains("frames/s", error);
        Assert.All(Lines(output), l => JsonDocument.Parse(l).Dispose());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("zz")]
    public void Input_that_is_not_hex_is_one_clear_line_and_a_non_zero_exit(string hex)
    {
        var (exit, output, error) = Run("decode", "--hex", hex);

        Assert.NotEqual(0, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("codecs decode: ", error);
        Assert.Single(Lines(error));
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void An_unreadable_file_is_one_clear_line_and_exit_code_1()
    {
        string directory = Directory.CreateTempSubdirectory("codecs-cli-").FullName;
        try
        {
            string text = Path.Combine(directory, "notes.txt");
            File.WriteAllText(text, "these are not packets\n");
            string shortHeader = Path.Combine(directory, "short.pcap");
            File.WriteAllBytes(shortHeader, File.ReadAllBytes(Pcap("tcpdump__dns_udp.pcap"))[..20]);
            string empty = Path.Combine(directory, "empty.pcap");
            File.WriteAllBytes(empty, []);

            foreach (var (file, reason) in new[]
            {
                (text, "not a pcap or pcapng file"),
                (shortHeader, "the pcap file header needs 24 bytes, the file has 20"),
                (empty, "the file is empty"),
                (Path.Combine(directory, "missing.pcap"), "no such file"),
            })
            {
                var (exit, output, error) = Run("decode", file);

                Assert.Equal(1, exit);
                Assert.Equal(string.Empty, output);
                Assert.Contains(reason, error);
                Assert.Single(Lines(error));
                Assert.StartsWith("codecs decode: ", error);
                Assert.DoesNotContain("   at ", error);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_file_cut_short_in_its_last_packet_prints_the_whole_frames_then_one_line_and_exit_code_2()
    {
        string file = Path.Combine(Path.GetTempPath(), $"codecs-cut-{Environment.ProcessId}.pcap");
        try
        {
            File.WriteAllBytes(file, File.ReadAllBytes(Pcap("tcpdump__dns_udp.pcap"))[..^5]);

            var (exit, output, error) = Run("decode", file, "--format", "json");

            Assert.Equal(2, exit);
            Assert.Single(Lines(output));
            Assert.Contains("truncated at byte", error);
            Assert.Contains("the last record (packet 2)", error);
            Assert.Single(Lines(error));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string[] Required(string protocol) => protocol switch
    {
        "ipv4" => ["source", "destination", "ttl", "protocol", "total_length", "identification", "header_checksum", "checksum_status"],
        "tcp" => ["source_port", "destination_port", "sequence_number", "acknowledgment_number", "window", "checksum", "flags", "options"],
        "udp" => ["source_port", "destination_port", "length", "checksum"],
        "dns" => ["id", "qr", "opcode", "aa", "tc", "rd", "ra", "rcode", "questions", "answers", "authorities", "additionals"],
        "dhcp" => ["op", "xid", "secs", "flags", "ciaddr", "yiaddr", "siaddr", "giaddr", "chaddr", "message_type", "options"],
        _ => [],
    };

    private static void AssertTypes(string protocol, JsonElement fields)
    {
        switch (protocol)
        {
            case "ipv4":
                Assert.Equal(JsonValueKind.Number, fields.GetProperty("protocol").ValueKind);
                Assert.Equal(JsonValueKind.Number, fields.GetProperty("header_checksum").ValueKind);
                Assert.Equal(JsonValueKind.String, fields.GetProperty("source").ValueKind);
                break;
            case "tcp":
                Assert.Equal(["fin", "syn", "rst", "psh", "ack", "urg", "ece", "cwr"], fields.GetProperty("flags").EnumerateObject().Select(p => p.Name));
                Assert.All(fields.GetProperty("flags").EnumerateObject(), p => Assert.True(p.Value.ValueKind is JsonValueKind.True or JsonValueKind.False));
                Assert.All(fields.GetProperty("options").EnumerateArray(), o => Assert.Equal(["kind", "name", "value"], o.EnumerateObject().Select(p => p.Name)));
                break;
            case "dhcp":
                Assert.Equal(JsonValueKind.Number, fields.GetProperty("message_type").ValueKind);
                Assert.Matches("^[0-9a-f]{2}(:[0-9a-f]{2})*$", fields.GetProperty("chaddr").GetString());
                Assert.All(fields.GetProperty("options").EnumerateArray(), o => Assert.Equal(["code", "name", "value"], o.EnumerateObject().Select(p => p.Name)));
                break;
            case "dns":
                Assert.True(fields.GetProperty("qr").ValueKind is JsonValueKind.True or JsonValueKind.False);
                Assert.Equal(JsonValueKind.Number, fields.GetProperty("opcode").ValueKind);
                Assert.Equal(JsonValueKind.Number, fields.GetProperty("rcode").ValueKind);
                foreach (JsonElement question in fields.GetProperty("questions").EnumerateArray())
                {
                    Assert.Equal(["name", "type", "class"], question.EnumerateObject().Select(p => p.Name));
                    Assert.EndsWith(".", question.GetProperty("name").GetString());
                }

                foreach (string section in new[] { "answers", "authorities", "additionals" })
                {
                    Assert.All(fields.GetProperty(section).EnumerateArray(), r => Assert.Equal(["name", "type", "class", "ttl", "data"], r.EnumerateObject().Select(p => p.Name)));
                }

                break;
        }
    }
}
