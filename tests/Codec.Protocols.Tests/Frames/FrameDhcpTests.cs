using System.Text.Json.Nodes;
using Codec.Protocols.Frames;

namespace Codec.Protocols.Tests.Frames;

/// <summary>The frame walk's DHCP layer: option overload (RFC 2131 §4.1), split options (RFC 3396), a bad cookie.</summary>
public class FrameDhcpTests
{
    /// <summary>
    /// A BOOTREQUEST whose options field holds message type 3, overload 1 (the file field holds options) and the first
    /// half of a host name; the file field holds the second half and End.
    /// </summary>
    private static byte[] Overloaded()
    {
        byte[] message = new byte[240 + 16];
        message[0] = 1; // BOOTREQUEST
        message[1] = 1;
        message[2] = 6;
        message[4] = 0x12; // xid 0x12345678
        message[5] = 0x34;
        message[6] = 0x56;
        message[7] = 0x78;
        message[10] = 0x80; // broadcast
        byte[] chaddr = [0x02, 0x00, 0x5e, 0x00, 0x00, 0x0a];
        chaddr.CopyTo(message, 28);
        byte[] cookie = [0x63, 0x82, 0x53, 0x63];
        cookie.CopyTo(message, 236);
        byte[] options = [53, 1, 3, 52, 1, 1, 12, 3, (byte)'h', (byte)'o', (byte)'s', 255];
        options.CopyTo(message, 240);
        byte[] file = [12, 3, (byte)'t', (byte)'-', (byte)'1', 255];
        file.CopyTo(message, 108);
        return message;
    }

    [Fact]
    public void Options_in_an_overloaded_file_field_are_listed_and_a_split_option_is_joined()
    {
        FrameDissection frame = FrameDissector.Dissect(Overloaded(), LinkType.Dhcp);

        FrameLayer dhcp = Assert.Single(frame.Layers);
        Assert.True(dhcp.IsValid);
        JsonObject values = dhcp.Values!;
        Assert.Equal(3, (int)values["message_type"]!.GetValue<byte>());
        Assert.Equal(0x12345678UL, (ulong)values["xid"]!.GetValue<ulong>());
        Assert.Equal(0x8000, (int)values["flags"]!);
        Assert.Equal("02:00:5e:00:00:0a", (string?)values["chaddr"]);
        Assert.Equal(
            """[{"code":53,"name":"dhcp_message_type","value":3},{"code":52,"name":"option_overload","value":1},{"code":12,"name":"host_name","value":"host-1"},{"code":255,"name":"end","value":null}]""",
            values["options"]!.ToJsonString());
        Assert.Equal("the file field holds options", dhcp.Annotation("Option overload"));
        Assert.Equal("12: 6 bytes from several instances (RFC 3396)", dhcp.Annotation("Concatenated option"));
    }

    [Fact]
    public void A_bad_magic_cookie_is_an_error_but_the_fixed_part_is_shown()
    {
        byte[] message = Overloaded();
        message[236] = 0;

        FrameLayer dhcp = Assert.Single(FrameDissector.Dissect(message, LinkType.Dhcp).Layers);

        Assert.False(dhcp.IsValid);
        Assert.Equal("MagicCookie", dhcp.Error!.Value.Field);
        Assert.Equal("02:00:5e:00:00:0a", (string?)dhcp.Values!["chaddr"]);
        Assert.Null(dhcp.Values["options"]);
    }

    [Fact]
    public void An_overload_value_outside_1_to_3_is_the_layer_error()
    {
        byte[] message = Overloaded();
        message[245] = 7; // option 52's value

        FrameLayer dhcp = Assert.Single(FrameDissector.Dissect(message, LinkType.Dhcp).Layers);

        Assert.False(dhcp.IsValid);
        Assert.Equal(CodecErrorKind.ValueOutOfRange, dhcp.Error!.Value.Kind);
        Assert.Equal(245, dhcp.Error.Value.ByteOffset);
    }
}
