using System.Net;

namespace Codec.Runtime.Tests.Addresses;

public class IPv4AddressTests
{
    [Theory]
    [InlineData("0.0.0.0", 0x00000000u)]
    [InlineData("192.0.2.1", 0xC0000201u)]
    [InlineData("10.0.0.255", 0x0A0000FFu)]
    [InlineData("127.0.0.1", 0x7F000001u)]
    [InlineData("192.168.0.199", 0xC0A800C7u)]
    [InlineData("255.255.255.255", 0xFFFFFFFFu)]
    public void Parse_and_format_round_trip(string text, uint value)
    {
        var address = IPv4Address.Parse(text);
        Assert.Equal(value, address.Value);
        Assert.Equal(text, address.ToString());
        Assert.Equal(text, address.ToString(null, null));
        Assert.Equal(text, $"{address}");
        Assert.True(IPv4Address.TryParse(text, out var parsed));
        Assert.Equal(address, parsed);
        Assert.Equal(new IPv4Address(value), address);
        Assert.Equal(IPAddress.Parse(text), address.ToIPAddress());
        Assert.Equal(address, IPv4Address.FromIPAddress(IPAddress.Parse(text)));
    }

    [Fact]
    public void Octet_constructor_puts_the_first_octet_on_top()
    {
        var address = new IPv4Address(192, 0, 2, 1);
        Assert.Equal(0xC0000201u, address.Value);
        Assert.Equal("192.0.2.1", address.ToString());
        Assert.Equal(new IPv4Address(0xC0000201u), address);
        Assert.Equal("0.0.0.0", IPv4Address.Any.ToString());
        Assert.Equal(default, IPv4Address.Any);
        Assert.Equal("255.255.255.255", IPv4Address.Broadcast.ToString());
    }

    [Fact]
    public void Random_values_round_trip_through_text_and_IPAddress()
    {
        var random = new Random(791);
        for (int i = 0; i < 2000; i++)
        {
            var address = new IPv4Address((uint)random.NextInt64(0, 1L << 32));
            string text = address.ToString();
            Assert.Equal(new IPAddress(address.ToIPAddress().GetAddressBytes()).ToString(), text);
            Assert.Equal(address, IPv4Address.Parse(text));
            Assert.Equal(address, IPv4Address.FromIPAddress(address.ToIPAddress()));
        }
    }

    [Fact]
    public void TryFormat_respects_the_destination_size()
    {
        var address = IPv4Address.Broadcast;
        Span<char> exact = stackalloc char[15];
        Assert.True(address.TryFormat(exact, out int written, default, null));
        Assert.Equal(15, written);
        Assert.Equal("255.255.255.255", exact.ToString());

        Span<char> small = stackalloc char[14];
        Assert.False(address.TryFormat(small, out _, default, null));
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("10.20.0.5")]
    [InlineData("192.168.100.7")]
    [InlineData("255.255.255.255")]
    public void TryFormat_fails_cleanly_at_every_shorter_destination(string text)
    {
        var address = IPv4Address.Parse(text);
        Span<char> buffer = stackalloc char[16];
        for (int length = 0; length < text.Length; length++)
        {
            Assert.False(address.TryFormat(buffer[..length], out int written, default, null));
            Assert.Equal(0, written);
        }

        Assert.True(address.TryFormat(buffer[..text.Length], out int all, default, null));
        Assert.Equal(text, buffer[..all].ToString());
    }

    [Fact]
    public void TryFormat_allocates_nothing_even_before_the_JIT_optimizes_it() =>
        FormatAllocation.AssertNothingAllocated([IPv4Address.Parse("192.0.2.1"), IPv4Address.Broadcast, default], ["192.0.2.1", "255.255.255.255", "0.0.0.0"]);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3.4.5")]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3.-4")]
    [InlineData("::1")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:192.0.2.1")]
    [InlineData("1.2.3")]
    [InlineData("127.1")]
    [InlineData("3232235521")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("010.0.0.1")]
    [InlineData("1.2.3.4:80")]
    [InlineData(" 1.2.3.4")]
    [InlineData("1.2.3.4 ")]
    [InlineData("1234.0.0.1")]
    [InlineData("1.2.3.4.")]
    [InlineData(".1.2.3")]
    [InlineData("1..2.3")]
    [InlineData("00.0.0.0")]
    [InlineData("255.255.255.256")]
    [InlineData("1.2.3.+4")]
    [InlineData("١.٢.٣.٤")]
    public void Invalid_text_is_rejected(string? text)
    {
        Assert.False(IPv4Address.TryParse(text, out var address));
        Assert.Equal(default, address);
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => IPv4Address.Parse(text));
        }
    }

    [Fact]
    public void FromIPAddress_rejects_IPv6()
    {
        Assert.Throws<ArgumentException>(() => IPv4Address.FromIPAddress(IPAddress.IPv6Loopback));
    }

    [Fact]
    public void Compares_as_numbers()
    {
        var a = IPv4Address.Parse("9.255.255.255");
        var b = IPv4Address.Parse("10.0.0.0");
        var c = IPv4Address.Parse("192.0.2.1");
        Assert.True(a.CompareTo(b) < 0);
        Assert.True(c.CompareTo(b) > 0);
        Assert.Equal(0, c.CompareTo(new IPv4Address(192, 0, 2, 1)));
        Assert.Equal([a, b, c], new[] { c, a, b }.Order().ToArray());
        Assert.True(c == new IPv4Address(192, 0, 2, 1));
        Assert.True(a != b);
    }
}
