using System.Text.Json;
using static Codec.Cli.Tests.Infrastructure.Codecs;

namespace Codec.Cli.Tests.Decoding;

/// <summary>
/// The values issue 4's JSON schema names, from the generated option lists and unions: TCP options as
/// <c>{kind, name, value}</c>, DHCP's fixed part and options, DNS records' data in dig's presentation form.
/// </summary>
public class DecodeJsonValuesTests
{
    /// <summary>A SYN (MSS 1440, SACK permitted, timestamps, NOP, window scale 7), as Linux sends it.</summary>
    private const string Syn = "c55201bbaa79ad9100000000a002fd2077cc0000020405a00402080aaa79ad920000000001030307";

    /// <summary>
    /// A response to ex.test ANY with one record of each type the presentation covers (TXT with a quote, a backslash,
    /// a control octet and UTF-8; SOA; SRV; AAAA; SPF, which has no typed case; CAA; NS; PTR; CNAME; A; MX; an empty
    /// HINFO) and an OPT with the DO bit and a cookie.
    /// </summary>
    private const string DnsAnswers =
        "123481800001000c0000000102657804746573740000ff0001026578047465737400001000010000012c000b076122625c63016402c3a9" +
        "026578047465737400000600010000012c0030036e73310265780474657374000561646d696e02657804746573740078a3f17500001c20" +
        "00000e10001275000000012c045f736970045f756470026578047465737400002100010000012c0013000a001413c40373697002657804" +
        "7465737400026578047465737400001c00010000012c001020010db800000000000000000000000102657804746573740000630001000" +
        "0012c0003616263026578047465737400010100010000012c00178005696f6465666d61696c746f3a614065782e746573740265780474" +
        "65737400000200010000012c000d036e73310265780474657374000131013201300331393207696e2d61646472046172706100000c0001" +
        "0000012c000e04686f737402657804746573740003777777026578047465737400000500010000012c0009026578047465737400026578" +
        "047465737400000100010000012c0004c0000201026578047465737400000f00010000012c0010000a046d61696c026578047465737400" +
        "026578047465737400000d00010000012c000000002904d0000080000008000a0004deadbeef";

    [Fact]
    public void A_syn_lists_its_options_with_kind_name_and_typed_value()
    {
        using JsonDocument json = Decode("--hex", Syn, "--link", "tcp");

        JsonElement options = Layer(json, "tcp").GetProperty("options");
        Assert.Equal(
            """[{"kind":2,"name":"mss","value":1440},{"kind":4,"name":"sack_permitted","value":null},{"kind":8,"name":"timestamps","value":{"tsval":2860101010,"tsecr":0}},{"kind":1,"name":"nop","value":null},{"kind":3,"name":"window_scale","value":7}]""",
            options.GetRawText());
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void Sack_blocks_end_of_option_list_and_a_fast_open_cookie_have_their_names()
    {
        using JsonDocument sack = Decode("--hex", "c55201bbaa79ad91000000008002fd2000000000050a00000001000000100000", "--link", "tcp");
        using JsonDocument tfo = Decode("--hex", "c55201bbaa79ad91000000007002fd20000000002206a1b2c3d40000", "--link", "tcp");
        using JsonDocument unknown = Decode("--hex", "c55201bbaa79ad91000000006002fd20000000001b040102", "--link", "tcp");

        Assert.Equal("""[{"kind":5,"name":"sack","value":[{"left_edge":1,"right_edge":16}]},{"kind":0,"name":"eol","value":null}]""", Layer(sack, "tcp").GetProperty("options").GetRawText());
        Assert.Equal("""[{"kind":34,"name":"tfo","value":"a1b2c3d4"},{"kind":0,"name":"eol","value":null}]""", Layer(tfo, "tcp").GetProperty("options").GetRawText());
        Assert.Equal("""[{"kind":27,"name":"unknown","value":"0102"}]""", Layer(unknown, "tcp").GetProperty("options").GetRawText());
    }

    [Theory]
    [InlineData("02030500", "options.mss", 21)] // MSS with length 3
    [InlineData("08080000", "option_length", 21)] // a length past the header
    public void A_malformed_option_makes_the_tcp_layer_invalid_with_field_and_offset(string options, string field, int offset)
    {
        using JsonDocument json = Decode("--hex", "c55201bbaa79ad91000000006002fd2000000000" + options, "--link", "tcp");

        JsonElement root = json.RootElement;
        Assert.Equal("invalid", root.GetProperty("status").GetString());
        JsonElement error = root.GetProperty("error");
        Assert.Equal("tcp", error.GetProperty("layer").GetString());
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.Equal(offset, error.GetProperty("offset").GetInt32());
    }

    [Fact]
    public void Text_shows_each_tcp_option_as_tshark_does()
    {
        var (exit, output, _) = Run("decode", "--hex", Syn, "--link", "tcp");

        Assert.Equal(0, exit);
        Assert.Contains("    Options: (20 bytes), Maximum segment size, SACK permitted, Timestamps, No-Operation (NOP), Window scale\n", output);
        Assert.Contains("    TCP Option: Maximum segment size: 1440 bytes\n", output);
        Assert.Contains("    TCP Option: Timestamps: TSval 2860101010, TSecr 0\n", output);
        Assert.Contains("    TCP Option: Window scale: 7 (multiply by 128)\n", output);
    }

    [Fact]
    public void A_relayed_dhcp_offer_has_the_fixed_part_and_typed_options_with_relay_sub_options()
    {
        var (exit, output, _) = Run("decode", Pcap("selfmade__dhcp-relay82-netns.pcap"), "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(Lines(output)[1]);
        JsonElement dhcp = Layer(json, "dhcp");
        Assert.Equal(2, dhcp.GetProperty("op").GetInt32());
        Assert.Equal(202239106u, dhcp.GetProperty("xid").GetUInt32());
        Assert.Equal(0, dhcp.GetProperty("secs").GetInt32());
        Assert.Equal(0, dhcp.GetProperty("flags").GetInt32());
        Assert.Equal("0.0.0.0", dhcp.GetProperty("ciaddr").GetString());
        Assert.Equal("192.0.2.148", dhcp.GetProperty("yiaddr").GetString());
        Assert.Equal("192.0.2.1", dhcp.GetProperty("siaddr").GetString());
        Assert.Equal("192.0.2.2", dhcp.GetProperty("giaddr").GetString());
        Assert.Equal("02:00:00:c0:de:01", dhcp.GetProperty("chaddr").GetString());
        Assert.Equal(2, dhcp.GetProperty("message_type").GetInt32());
        JsonElement[] options = [.. dhcp.GetProperty("options").EnumerateArray()];
        Assert.All(options, o => Assert.Equal(["code", "name", "value"], o.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(
            [53, 54, 51, 58, 59, 1, 28, 15, 6, 3, 82, 255],
            options.Select(o => o.GetProperty("code").GetInt32()));
        Assert.Equal("""{"code":54,"name":"server_identifier","value":"192.0.2.1"}""", options[1].GetRawText());
        Assert.Equal("""{"code":51,"name":"ip_address_lease_time","value":3600}""", options[2].GetRawText());
        Assert.Equal("""{"code":28,"name":"unknown","value":"c00002ff"}""", options[6].GetRawText());
        Assert.Equal("""{"code":15,"name":"domain_name","value":"example.test"}""", options[7].GetRawText());
        Assert.Equal("""{"code":6,"name":"domain_name_server","value":["192.0.2.1"]}""", options[8].GetRawText());
        Assert.Equal(
            """{"code":82,"name":"relay_agent_information","value":[{"code":1,"name":"agent_circuit_id","value":"766574682d636c692f3432"},{"code":2,"name":"agent_remote_id","value":"020000c0de99"}]}""",
            options[10].GetRawText());
    }

    [Fact]
    public void A_dhcp_discover_given_as_hex_has_its_message_type_and_parameter_list()
    {
        // The BOOTP fixed part up to chaddr, zeros to the end of file (RFC 2131 §2: 236 octets), the cookie and options.
        string hex = "010106005ee1c0de000080000000000000000000000000000000000002005e00000a" + new string('0', 202 * 2) + "6382536335010137040103060fff";
        using JsonDocument json = Decode("--hex", hex, "--link", "dhcp");

        JsonElement dhcp = Layer(json, "dhcp");
        Assert.Equal(1, dhcp.GetProperty("op").GetInt32());
        Assert.Equal(0x8000, dhcp.GetProperty("flags").GetInt32());
        Assert.Equal("02:00:5e:00:00:0a", dhcp.GetProperty("chaddr").GetString());
        Assert.Equal(1, dhcp.GetProperty("message_type").GetInt32());
        Assert.Equal(
            """[{"code":53,"name":"dhcp_message_type","value":1},{"code":55,"name":"parameter_request_list","value":[1,3,6,15]},{"code":255,"name":"end","value":null}]""",
            dhcp.GetProperty("options").GetRawText());
    }

    [Fact]
    public void Dns_answers_carry_their_data_in_dig_presentation_form()
    {
        using JsonDocument json = Decode("--hex", DnsAnswers, "--link", "dns");

        JsonElement dns = Layer(json, "dns");
        string[] data = [.. dns.GetProperty("answers").EnumerateArray().Select(r => r.GetProperty("data").GetString()!)];
        Assert.Equal(
            [
                "\"a\\\"b\\\\c\\001d\" \"\\195\\169\"",
                "ns1.ex.test. admin.ex.test. 2024010101 7200 3600 1209600 300",
                "10 20 5060 sip.ex.test.",
                "2001:db8::1",
                "\\# 3 616263",
                "128 iodef \"mailto:a@ex.test\"",
                "ns1.ex.test.",
                "host.ex.test.",
                "ex.test.",
                "192.0.2.1",
                "10 mail.ex.test.",
                "\\# 0",
            ],
            data);
        JsonElement opt = Assert.Single(dns.GetProperty("additionals").EnumerateArray());
        Assert.Equal("OPT", opt.GetProperty("type").GetString());
        Assert.Equal("version: 0, flags: do; udp: 1232; COOKIE: deadbeef", opt.GetProperty("data").GetString());
        Assert.All(dns.GetProperty("answers").EnumerateArray(), r => Assert.Equal(["name", "type", "class", "ttl", "data"], r.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public void Dns_answers_in_a_capture_are_mx_ns_a_and_caa_as_dig_prints_them()
    {
        var (_, mx, _) = Run("decode", Pcap("arkime__dns-mx.pcap"), "--format", "json");
        var (_, caa, _) = Run("decode", Pcap("zeek__dns-caa.pcap"), "--format", "json");

        using var response = JsonDocument.Parse(Lines(mx)[1]);
        JsonElement dns = Layer(response, "dns");
        Assert.Equal(
            ["10 cluster5.us.messagelabs.com.", "20 cluster5a.us.messagelabs.com."],
            dns.GetProperty("answers").EnumerateArray().Select(r => r.GetProperty("data").GetString()));
        Assert.Equal(
            ["dns1.stabletransit.com.", "dns2.stabletransit.com."],
            dns.GetProperty("authorities").EnumerateArray().Select(r => r.GetProperty("data").GetString()).Order(StringComparer.Ordinal));
        Assert.Contains(Lines(caa), l => l.Contains("\"data\":\"0 issue \\u0022symantec.com\\u0022\"", StringComparison.Ordinal));
    }

    private static JsonDocument Decode(params string[] args)
    {
        var (exit, output, error) = Run(["decode", .. args, "--format", "json"]);
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        return JsonDocument.Parse(Assert.Single(Lines(output)));
    }

    private static JsonElement Layer(JsonDocument json, string protocol) =>
        json.RootElement.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("protocol").GetString() == protocol).GetProperty("fields");
}
