namespace Codec.Runtime.Tests.Addresses;

public class MacAddressTests
{
    [Theory]
    [InlineData("00:1a:2b:3c:4d:5e", 0x001A2B3C4D5EUL, "00:1a:2b:3c:4d:5e")]
    [InlineData("00:1A:2B:3C:4D:5E", 0x001A2B3C4D5EUL, "00:1a:2b:3c:4d:5e")]
    [InlineData("00-1a-2b-3c-4d-5e", 0x001A2B3C4D5EUL, "00:1a:2b:3c:4d:5e")]
    [InlineData("ff:ff:ff:ff:ff:ff", 0xFFFFFFFFFFFFUL, "ff:ff:ff:ff:ff:ff")]
    [InlineData("00:00:00:00:00:00", 0UL, "00:00:00:00:00:00")]
    [InlineData("01:00:5e:00:00:fb", 0x01005E0000FBUL, "01:00:5e:00:00:fb")]
    [InlineData("0:1:2:3:4:5", 0x000102030405UL, "00:01:02:03:04:05")]
    public void Parse_and_format_round_trip(string text, ulong value, string canonical)
    {
        var mac = MacAddress.Parse(text);
        Assert.Equal(value, mac.Value);
        Assert.Equal(canonical, mac.ToString());
        Assert.Equal(canonical, mac.ToString(null, null));
        Assert.Equal(canonical, $"{mac}");
        Assert.Equal(mac, MacAddress.Parse(canonical));
        Assert.Equal(new MacAddress(value), mac);
    }

    [Fact]
    public void Random_values_round_trip()
    {
        var random = new Random(802);
        for (int i = 0; i < 2000; i++)
        {
            var mac = new MacAddress((ulong)random.NextInt64(0, 1L << 48));
            string text = mac.ToString();
            Assert.Matches("^[0-9a-f]{2}(:[0-9a-f]{2}){5}$", text);
            Assert.Equal(mac, MacAddress.Parse(text));
            Assert.Equal(mac, MacAddress.Parse(text.Replace(':', '-').ToUpperInvariant()));
        }
    }

    [Fact]
    public void Constructor_rejects_more_than_48_bits()
    {
        Assert.Equal(0xFFFF_FFFF_FFFFUL, new MacAddress(0xFFFF_FFFF_FFFFUL).Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MacAddress(1UL << 48));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MacAddress(0x1_0000_0000_0001UL));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MacAddress(ulong.MaxValue));
        Assert.Equal(MacAddress.Broadcast, new MacAddress(0xFFFF_FFFF_FFFFUL));
        Assert.Equal("ff:ff:ff:ff:ff:ff", MacAddress.Broadcast.ToString());
        Assert.Equal("00:00:00:00:00:00", default(MacAddress).ToString());
    }

    [Fact]
    public void TryFormat_needs_17_characters()
    {
        var mac = MacAddress.Parse("00:1a:2b:3c:4d:5e");
        Span<char> exact = stackalloc char[17];
        Assert.True(mac.TryFormat(exact, out int written, default, null));
        Assert.Equal(17, written);
        Assert.Equal("00:1a:2b:3c:4d:5e", exact.ToString());
        Span<char> small = stackalloc char[16];
        Assert.False(mac.TryFormat(small, out written, default, null));
        Assert.Equal(0, written);
    }

    [Theory]
    [InlineData("")]
    [InlineData("00:1a:2b:3c:4d")]
    [InlineData("00:1a:2b:3c:4d:5e:6f")]
    [InlineData("00:1a:2b:3c:4d:zz")]
    [InlineData("00:1a:2b::4d:5e")]
    [InlineData("001a.2b3c.4d5e")]
    [InlineData("100:1a:2b:3c:4d:5e")]
    [InlineData("00:1a:2b:3c:4d:5e5")]
    [InlineData("0x0:1a:2b:3c:4d:5e")]
    [InlineData(" 00:1a:2b:3c:4d:5e")]
    [InlineData("+0:1a:2b:3c:4d:5e")]
    public void Invalid_text_throws_FormatException(string text)
    {
        Assert.Throws<FormatException>(() => MacAddress.Parse(text));
    }
}
