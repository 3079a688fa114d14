using Codec.Dns;

namespace Codec.Runtime.Tests.Dns;

public class DnsNamePresentationTests
{
    /// <summary>
    /// Expected texts as BIND's <c>dns_name_totext</c> (dig) prints them; the same strings come out of dnspython 2.3.0's
    /// <c>Name.to_text()</c>, which follows it: <c>" ( ) . ; \ @ $</c> backslashed, 0x00–0x20 and 0x7F–0xFF as \DDD.
    /// </summary>
    public static TheoryData<byte[], string> Escapes => new()
    {
        { DnsTestData.Wire("a.b", "c"), @"a\.b.c." },
        { DnsTestData.Wire("\\"), @"\\." },
        { DnsTestData.Wire(" x"), @"\032x." },
        { DnsTestData.Wire(new byte[] { 0x00 }), @"\000." },
        { DnsTestData.Wire(new byte[] { 0xFF }), @"\255." },
        { DnsTestData.Wire(new byte[] { 0x7F }), @"\127." },
        { DnsTestData.Wire(new byte[] { 0x1F, 0x20, 0x21, 0x7E, 0x80 }), @"\031\032!~\128." },
        { DnsTestData.Wire("@", "$", "\"", "(", ")", ";"), @"\@.\$.\"".\(.\).\;." },
        { DnsTestData.Wire("!~*-_/", "xn--bcher-kva", "example"), "!~*-_/.xn--bcher-kva.example." },
        { DnsTestData.Wire("MiXeD", "CaSe"), "MiXeD.CaSe." },
        { DnsTestData.Wire("PC-09 TEA & RIA", "bruinhof", "nl"), @"PC-09\032TEA\032&\032RIA.bruinhof.nl." },
        { [0], "." },
    };

    [Theory]
    [MemberData(nameof(Escapes))]
    public void Formats_as_dig_does_and_parses_back(byte[] wire, string text)
    {
        Assert.True(DnsName.TryRead(wire, 0, out DnsName name, out _));
        Assert.Equal(text, name.ToString());

        Span<char> exact = stackalloc char[text.Length];
        Assert.True(name.TryFormat(exact, out int charsWritten));
        Assert.Equal(text.Length, charsWritten);
        Assert.False(name.TryFormat(exact[..^1], out _));

        Span<byte> parsed = stackalloc byte[DnsName.MaxWireLength];
        WriteResult result = DnsName.TryParse(text, parsed);
        Assert.Equal(CodecStatus.Done, result.Status);
        Assert.Equal(wire, parsed[..result.BytesWritten].ToArray());
        Assert.True(name.EqualsPresentation(text));
    }

    [Fact]
    public void Every_octet_round_trips_through_presentation_form()
    {
        Span<byte> back = stackalloc byte[DnsName.MaxWireLength];
        for (int octet = 0; octet < 256; octet++)
        {
            byte[] wire = DnsTestData.Wire(new[] { (byte)octet, (byte)'x', (byte)octet }, "y");
            Assert.True(DnsName.TryRead(wire, 0, out DnsName name, out _));
            string text = name.ToString();
            Assert.True(DnsName.TryParse(text, back, out int written), text);
            Assert.Equal(wire, back[..written].ToArray());

            // The label's text ("X x X", "\X x \X" or "\DDD x \DDD") comes before ".y.".
            bool special = "\"().;\\@$".Contains((char)octet);
            bool printable = octet > 0x20 && octet < 0x7F;
            Assert.Equal(printable ? (special ? 5 : 3) : 9, text.Length - 3);
        }
    }

    [Fact]
    public void The_longest_presentation_form_fits_MaxPresentationLength()
    {
        // 255 octets as four labels (63, 63, 63, 61) of octets that all need \DDD.
        byte[] wire = DnsTestData.NameOfLength(255);
        for (int i = 0; i < wire.Length - 1;)
        {
            int length = wire[i];
            wire.AsSpan(i + 1, length).Fill(0xFF);
            i += 1 + length;
        }

        Assert.True(DnsName.TryRead(wire, 0, out DnsName name, out _));
        string text = name.ToString();
        Assert.Equal(DnsName.MaxPresentationLength, text.Length);
        Assert.True(name.EqualsPresentation(text));
    }

    [Theory]
    [InlineData("example.com", "example.com.")]     // relative names are completed with the root
    [InlineData("example.com.", "example.com.")]
    [InlineData(@"\065\066.", "AB.")]
    [InlineData(@"\a\b.", "ab.")]
    [InlineData(@"a\.b.c", @"a\.b.c.")]
    [InlineData(@"\\\..", @"\\\..")]
    [InlineData(@"a\046b.", @"a\.b.")]
    [InlineData("@.$", @"\@.\$.")]
    [InlineData("*.example.", "*.example.")]
    [InlineData(".", ".")]
    public void Parses_presentation_form(string input, string canonical)
    {
        Span<byte> wire = stackalloc byte[DnsName.MaxWireLength];
        Assert.True(DnsName.TryParse(input, wire, out int written));
        Assert.True(DnsName.TryRead(wire[..written], 0, out DnsName name, out int consumed));
        Assert.Equal(written, consumed);
        Assert.Equal(canonical, name.ToString());
    }

    [Theory]
    [InlineData("", CodecErrorKind.EmptyLabel, 0)]
    [InlineData("..", CodecErrorKind.EmptyLabel, 0)]
    [InlineData(".com", CodecErrorKind.EmptyLabel, 0)]
    [InlineData("a..b", CodecErrorKind.EmptyLabel, 2)]
    [InlineData("a.b..", CodecErrorKind.EmptyLabel, 4)]
    [InlineData("a\\", CodecErrorKind.InvalidCharacter, 1)]
    [InlineData(@"a\25x.", CodecErrorKind.InvalidCharacter, 1)]
    [InlineData(@"a\25", CodecErrorKind.InvalidCharacter, 1)]
    [InlineData(@"\256.", CodecErrorKind.InvalidCharacter, 0)]
    [InlineData("bücher.example.", CodecErrorKind.InvalidCharacter, 1)]
    [InlineData("a\\é", CodecErrorKind.InvalidCharacter, 2)]
    public void Rejects_malformed_presentation_form(string input, CodecErrorKind kind, int index)
    {
        WriteResult result = DnsName.TryParse(input, stackalloc byte[DnsName.MaxWireLength]);
        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal(kind, result.Error.Kind);
        Assert.Equal(index, result.Error.ByteOffset);
        Assert.False(DnsName.TryParse(input, stackalloc byte[DnsName.MaxWireLength], out int written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void Labels_over_63_and_names_over_255_are_rejected()
    {
        Span<byte> wire = stackalloc byte[DnsName.MaxWireLength];
        Assert.True(DnsName.TryParse(new string('a', 63) + ".", wire, out _));

        WriteResult label = DnsName.TryParse("x." + new string('a', 64) + ".", wire);
        Assert.Equal(CodecErrorKind.LabelTooLong, label.Error.Kind);
        Assert.Equal(2 + 63, label.Error.ByteOffset);   // the 64th character of the label
        Assert.Equal(63ul, label.Error.Expected);

        // An escape counts as one octet: 63 \DDD escapes are a 63-octet label.
        Assert.True(DnsName.TryParse(string.Concat(Enumerable.Repeat(@"\255", 63)) + ".", wire, out int written));
        Assert.Equal(65, written);

        string max = Text(DnsTestData.NameOfLength(255));
        Assert.True(DnsName.TryParse(max, wire, out written));
        Assert.Equal(255, written);
        Assert.True(DnsName.TryParse(max.TrimEnd('.'), wire, out written));   // relative, completed with the root
        Assert.Equal(255, written);

        WriteResult over = DnsName.TryParse(Text(DnsTestData.NameOfLength(256)), wire);
        Assert.Equal(CodecErrorKind.NameTooLong, over.Error.Kind);
        Assert.Equal(255ul, over.Error.Expected);
        Assert.Equal(256ul, over.Error.Actual);
    }

    [Fact]
    public void Relative_names_take_the_origin()
    {
        byte[] origin = DnsTestData.Wire("example", "com");
        Span<byte> wire = stackalloc byte[DnsName.MaxWireLength];

        WriteResult relative = DnsName.TryParse("www", origin, wire);
        Assert.Equal(DnsTestData.Wire("www", "example", "com"), wire[..relative.BytesWritten].ToArray());

        WriteResult absolute = DnsName.TryParse("www.", origin, wire);
        Assert.Equal(DnsTestData.Wire("www"), wire[..absolute.BytesWritten].ToArray());

        // Together over 255: the relative part fits alone, not with the origin.
        byte[] longOrigin = DnsTestData.NameOfLength(200);
        WriteResult tooLong = DnsName.TryParse(new string('a', 60), longOrigin, wire);
        Assert.Equal(CodecErrorKind.NameTooLong, tooLong.Error.Kind);
        Assert.Equal(261ul, tooLong.Error.Actual);

        Assert.Throws<ArgumentException>(() => DnsName.TryParse("www", [3, (byte)'c', (byte)'o', (byte)'m'], new byte[255]));
        Assert.Throws<ArgumentException>(() => DnsName.TryParse("www", [0, 0], new byte[255]));
    }

    [Fact]
    public void Parse_reports_a_destination_too_small_with_the_size_needed()
    {
        WriteResult result = DnsName.TryParse("www.example.com.", stackalloc byte[16]);
        Assert.Equal(CodecStatus.DestinationTooSmall, result.Status);
        Assert.Equal(17ul, result.Error.Expected);
        Assert.Equal(CodecStatus.Done, DnsName.TryParse("www.example.com.", stackalloc byte[17]).Status);
    }

    [Fact]
    public void TryFormat_fails_cleanly_on_every_short_destination()
    {
        byte[] wire = DnsTestData.Wire("a.b", " ", "\\", "c");
        Assert.True(DnsName.TryRead(wire, 0, out DnsName name, out _));
        string text = name.ToString();
        for (int size = 0; size < text.Length; size++)
        {
            Assert.False(name.TryFormat(new char[size], out int written));
            Assert.Equal(0, written);
        }

        Assert.False(DnsName.Root.TryFormat([], out _));
    }

    /// <summary>The presentation form of a name of 'a' labels, read straight from the octets (no length check).</summary>
    private static string Text(byte[] wire)
    {
        var labels = new List<string>();
        for (int i = 0; wire[i] != 0; i += 1 + wire[i])
        {
            labels.Add(System.Text.Encoding.ASCII.GetString(wire, i + 1, wire[i]));
        }

        return string.Join(".", labels) + ".";
    }
}
