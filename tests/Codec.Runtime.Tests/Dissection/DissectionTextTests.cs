namespace Codec.Runtime.Tests.Dissection;

public class DissectionTextTests
{
    private static FieldDissection Field(int bitOffset, int bitLength, ulong? value) =>
        new("F", "F", bitOffset, bitLength, value, value?.ToString() ?? "", FieldKind.Integer);

    [Theory]
    // Checked by hand against tshark's style: one character per bit of the bytes the field touches, a space
    // every 4 bits, '.' for bits outside the field, the field's bits most significant first.
    [InlineData(4, 4, 5UL, ".... 0101")]                       // IPv4 IHL = 5
    [InlineData(0, 4, 4UL, "0100 ....")]                       // IPv4 version = 4
    [InlineData(3, 13, 0UL, "...0 0000 0000 0000")]            // IPv4 fragment offset = 0
    [InlineData(51, 13, 0UL, "...0 0000 0000 0000")]           // the same field at its real place (byte 6)
    [InlineData(3, 13, 0x1234UL, "...1 0010 0011 0100")]       // 0x1234 = 1 0010 0011 0100
    [InlineData(3, 13, 0x1FFFUL, "...1 1111 1111 1111")]
    [InlineData(0, 3, 2UL, "010. ....")]                       // IPv4 flags: DF
    [InlineData(49, 1, 1UL, ".1.. ....")]                      // the DF bit alone, at byte 6
    [InlineData(48, 1, 0UL, "0... ....")]
    [InlineData(15, 1, 1UL, ".... ...1")]
    [InlineData(12, 1, 1UL, ".... 1...")]
    [InlineData(8, 6, 0x2EUL, "1011 10..")]                    // DSCP = 46 (EF)
    [InlineData(14, 2, 0x3UL, ".... ..11")]                    // ECN = CE
    [InlineData(4, 8, 0xABUL, ".... 1010 1011 ....")]          // unaligned whole-byte width
    [InlineData(0, 12, 0xABCUL, "1010 1011 1100 ....")]        // aligned start, partial width
    [InlineData(100, 12, 0xFFFUL, ".... 1111 1111 1111")]      // 802.1Q VID at bit 4 of byte 12
    [InlineData(4, 28, 0x0ABCDEFUL, ".... 0000 1010 1011 1100 1101 1110 1111")] // 4 bytes: still drawn
    public void BitPattern(int bitOffset, int bitLength, ulong value, string expected)
    {
        Assert.Equal(expected, DissectionText.BitPattern(Field(bitOffset, bitLength, value)));
    }

    [Theory]
    [InlineData(0, 8)]     // whole byte
    [InlineData(8, 16)]    // whole bytes
    [InlineData(96, 32)]   // an address
    [InlineData(0, 64)]
    [InlineData(4, 32)]    // touches 5 bytes: too wide to draw
    [InlineData(1, 40)]
    public void BitPattern_is_null_for_whole_byte_or_wide_fields(int bitOffset, int bitLength)
    {
        Assert.Null(DissectionText.BitPattern(Field(bitOffset, bitLength, 0)));
    }

    [Fact]
    public void BitPattern_is_null_without_a_value()
    {
        Assert.Null(DissectionText.BitPattern(Field(4, 4, null)));
    }

    internal static MessageDissection Ipv4(ReadResult result)
    {
        var builder = new DissectionBuilder("Internet Protocol Version 4", "Ipv4Header", ByteOrder.BigEndian);
        builder.Add("Version", "Version", 0, 4, 4, "4", FieldKind.Integer);
        builder.Add("Ihl", "Header Length", 4, 4, 5, "5", FieldKind.Integer);
        builder.Add("TotalLength", "Total Length", 16, 16, 115, "115", FieldKind.Integer);
        builder.Add("DontFragment", "Don't fragment", 49, 1, 1, "Set", FieldKind.Boolean);
        builder.Add("MoreFragments", "More fragments", 50, 1, 0, "Not set", FieldKind.Boolean);
        builder.Add("FragmentOffset", "Fragment Offset", 51, 13, 0, "0", FieldKind.Integer);
        builder.Add("Protocol", "Protocol", 72, 8, 17, "UDP (17)", FieldKind.Enum);
        builder.Add("Source", "Source Address", 96, 32, 0xC0A80001, "192.168.0.1", FieldKind.Address);
        builder.Add("Options", "Options", 160, 16, null, "01 01", FieldKind.Bytes);
        builder.Add("Reserved", "Reserved", 176, 4, 0, "0", FieldKind.Reserved);
        return builder.Complete(result);
    }

    [Fact]
    public void ToText_of_a_complete_message()
    {
        var dissection = Ipv4(ReadResult.Done(23));
        Assert.Equal(
            """
            Internet Protocol Version 4, 23 bytes
                0100 .... = Version: 4
                .... 0101 = Header Length: 5
                Total Length: 115
                .1.. .... = Don't fragment: Set
                ..0. .... = More fragments: Not set
                ...0 0000 0000 0000 = Fragment Offset: 0
                Protocol: UDP (17)
                Source Address: 192.168.0.1
                Options: 01 01
                0000 .... = Reserved: 0

            """.ReplaceLineEndings("\n"),
            DissectionText.ToText(dissection));
    }

    [Fact]
    public void ToText_of_a_failed_message_shows_the_fields_read_then_the_error()
    {
        var builder = new DissectionBuilder("Internet Protocol Version 4", "Ipv4Header", ByteOrder.BigEndian);
        builder.Add("Version", "Version", 0, 4, 6, "6", FieldKind.Integer);
        var dissection = builder.Complete(ReadResult.Invalid(new CodecError(CodecErrorKind.ConstantMismatch, "Version", 0, 4, 6)));
        Assert.Equal(
            "Internet Protocol Version 4\n" +
            "    0110 .... = Version: 6\n" +
            "    [Error: InvalidData, constant mismatch in field 'Version' at byte 0 (bit 0): expected 4, got 6]\n",
            DissectionText.ToText(dissection));

        var truncated = new DissectionBuilder("UDP", "UdpHeader", ByteOrder.BigEndian);
        truncated.Add("SourcePort", "Source Port", 0, 16, 53, "53", FieldKind.Integer);
        Assert.Equal(
            "UDP\n" +
            "    Source Port: 53\n" +
            "    [Error: NeedMoreData, truncated in field 'DestinationPort' at byte 2 (bit 16): 8 bytes needed, 3 available]\n",
            DissectionText.ToText(truncated.Complete(ReadResult.NeedMoreData("DestinationPort", 16, 8, 3))));
    }

    [Fact]
    public void Little_endian_messages_have_no_bit_pictures_and_Write_indents()
    {
        var builder = new DissectionBuilder("Little", "LittleMessage", ByteOrder.LittleEndian);
        builder.Add("Low", "Low", 0, 4, 3, "3", FieldKind.Integer);
        builder.Add("High", "High", 4, 4, 9, "9", FieldKind.Integer);
        var dissection = builder.Complete(ReadResult.Done(1));
        Assert.Equal(ByteOrder.LittleEndian, dissection.ByteOrder);
        Assert.Equal("Little, 1 bytes\n    Low: 3\n    High: 9\n", DissectionText.ToText(dissection));

        var sb = new System.Text.StringBuilder();
        DissectionText.Write(sb, dissection, indent: 1);
        Assert.Equal("    Little, 1 bytes\n        Low: 3\n        High: 9\n", sb.ToString());
    }

    [Fact]
    public void MessageDissection_members()
    {
        var dissection = Ipv4(ReadResult.Done(23));
        Assert.Equal("Internet Protocol Version 4", dissection.Protocol);
        Assert.Equal("Ipv4Header", dissection.TypeName);
        Assert.Equal(ByteOrder.BigEndian, dissection.ByteOrder);
        Assert.Equal(23, dissection.Length);
        Assert.Equal(0, dissection.Offset);
        Assert.Equal(10, dissection.Fields.Count);
        Assert.Equal(115UL, dissection["TotalLength"]!.Value);
        Assert.Equal("Total Length", dissection["TotalLength"]!.Label);
        Assert.Null(dissection["total_length"]);
        Assert.Null(dissection["Nope"]);

        var moved = dissection.At(14);
        Assert.Equal(14, moved.Offset);
        Assert.Same(dissection.Fields, moved.Fields);
        Assert.Equal(dissection.Result, moved.Result);
        Assert.Equal(0, dissection.Offset);

        Assert.Equal(0, Ipv4(ReadResult.NeedMoreData(null, 0, 20, 3)).Length);
    }
}
