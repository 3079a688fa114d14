using System.Net;

namespace Codec.Runtime.Tests.Addresses;

public class IPv6AddressTests
{
    [Theory]
    // RFC 5952 §4: lower case, leading zeros dropped, the longest run of zero fields compressed (the first if tied),
    // a single zero field never compressed; §5: IPv4-mapped addresses end in dotted quad.
    [InlineData("2001:db8::1", "2001:db8::1")]
    [InlineData("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1")]
    [InlineData("2001:db8:0:0:0:0:2:1", "2001:db8::2:1")]
    [InlineData("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1")]
    [InlineData("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1")]
    [InlineData("2001:0:0:1:0:0:0:1", "2001:0:0:1::1")]
    [InlineData("2001:DB8::AAAA:0:0:1", "2001:db8::aaaa:0:0:1")]
    [InlineData("0:0:0:0:0:0:0:0", "::")]
    [InlineData("::1", "::1")]
    [InlineData("fe80::1", "fe80::1")]
    [InlineData("ff02::1:ff00:1", "ff02::1:ff00:1")]
    [InlineData("::ffff:c000:0201", "::ffff:192.0.2.1")]
    // The dotted quad where IPAddress writes one: IPv4-compatible, SIIT and ISATAP; not when the seventh field is zero.
    [InlineData("::c000:0201", "::192.0.2.1")]
    [InlineData("::ffff:0:c000:0201", "::ffff:0:192.0.2.1")]
    [InlineData("fe80::5efe:c000:0201", "fe80::5efe:192.0.2.1")]
    [InlineData("2001:db8:1:2:0:5efe:0:1", "2001:db8:1:2:0:5efe:0.0.0.1")]
    [InlineData("::ffff:0:1", "::ffff:0:1")]
    [InlineData("::1:0:0", "::1:0:0")]
    [InlineData("1:0:0:2:0:0:0:3", "1:0:0:2::3")]
    [InlineData("1:0:0:0:2:0:0:0", "1::2:0:0:0")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    public void Formats_in_RFC5952_form(string input, string canonical)
    {
        var address = IPv6Address.Parse(input);
        Assert.Equal(canonical, address.ToString());
        Assert.Equal(canonical, address.ToString(null, null));
        Assert.Equal(canonical, $"{address}");
        Assert.Equal(address, IPv6Address.Parse(canonical));
        Assert.True(IPv6Address.TryParse(canonical, out var again));
        Assert.Equal(address, again);
    }

    [Fact]
    public void Upper_and_lower_halves_are_network_order()
    {
        var address = IPv6Address.Parse("2001:db8::1");
        Assert.Equal(0x2001_0db8_0000_0000UL, address.Upper);
        Assert.Equal(0x0000_0000_0000_0001UL, address.Lower);
        Assert.Equal(address, new IPv6Address(0x2001_0db8_0000_0000UL, 1));

        var bytes = new byte[16];
        address.WriteBytes(bytes);
        Assert.Equal("20010DB8000000000000000000000001", Convert.ToHexString(bytes));
        Assert.Equal(address, IPv6Address.FromBytes(bytes));
        Assert.Equal(IPAddress.Parse("2001:db8::1"), address.ToIPAddress());
        Assert.Equal(default, IPv6Address.Parse("::"));
    }

    [Fact]
    public void Random_values_round_trip()
    {
        var random = new Random(8200);
        var bytes = new byte[16];
        var written = new byte[16];
        for (int i = 0; i < 2000; i++)
        {
            random.NextBytes(bytes);
            if (i % 3 == 0)
            {
                // Runs of zeros, so that compression is exercised.
                int start = random.Next(8);
                int length = random.Next(1, 9 - start);
                Array.Clear(bytes, start * 2, length * 2);
            }

            var address = IPv6Address.FromBytes(bytes);
            address.WriteBytes(written);
            Assert.Equal(bytes, written);
            string text = address.ToString();
            Assert.Equal(new IPAddress(bytes).ToString(), text);
            Assert.Equal(address, IPv6Address.Parse(text));
        }
    }

    /// <summary>
    /// The text of addresses around the forms that end in a dotted quad (the first 80 bits zero, then 0, ffff or a
    /// SIIT prefix; ISATAP identifiers), with zero runs of every length: the same as <see cref="IPAddress"/> writes.
    /// </summary>
    [Fact]
    public void Text_near_the_dotted_quad_forms_is_what_IPAddress_writes()
    {
        var random = new Random(5952);
        ushort[] prefixes = [0, 0xFFFF, 0x5EFE, 1];
        Span<char> buffer = stackalloc char[64];
        for (int i = 0; i < 5000; i++)
        {
            var fields = new ushort[8];
            for (int f = 0; f < 8; f++)
            {
                // Mostly zeros or a prefix, so that every branch and run length comes up.
                fields[f] = random.Next(3) switch { 0 => 0, 1 => prefixes[random.Next(prefixes.Length)], _ => (ushort)random.Next(0x10000) };
            }

            var bytes = new byte[16];
            for (int f = 0; f < 8; f++)
            {
                bytes[2 * f] = (byte)(fields[f] >> 8);
                bytes[(2 * f) + 1] = (byte)fields[f];
            }

            var address = IPv6Address.FromBytes(bytes);
            string expected = new IPAddress(bytes).ToString();
            Assert.Equal(expected, address.ToString());
            Assert.True(address.TryFormat(buffer, out int written, default, null));
            Assert.Equal(expected, buffer[..written].ToString());
            Assert.False(address.TryFormat(buffer[..(written - 1)], out int none, default, null));
            Assert.Equal(0, none);
        }
    }

    /// <summary>No <see cref="IPAddress"/> behind it any more: nothing allocated, also in the JIT's first, unoptimized code.</summary>
    [Fact]
    public void TryFormat_allocates_nothing() =>
        FormatAllocation.AssertNothingAllocated(
            [IPv6Address.Parse("2001:db8::1"), IPv6Address.Parse("::ffff:192.0.2.1"), IPv6Address.Parse("fe80::5efe:c000:201"), default],
            ["2001:db8::1", "::ffff:192.0.2.1", "fe80::5efe:192.0.2.1", "::"]);

    [Fact]
    public void TryFormat_respects_the_destination_size()
    {
        var address = IPv6Address.Parse("2001:db8::1");
        Span<char> buffer = stackalloc char[64];
        Assert.True(address.TryFormat(buffer, out int written, default, null));
        Assert.Equal("2001:db8::1", buffer[..written].ToString());
        Span<char> small = stackalloc char[10];
        Assert.False(address.TryFormat(small, out _, default, null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1.2.3.4")]
    [InlineData("1::2::3")]
    [InlineData("gggg::1")]
    [InlineData("2001:db8::1::")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("12345::1")]
    [InlineData("[::1]")]
    [InlineData("[::1]:80")]
    [InlineData("fe80::1%eth0")]
    [InlineData("fe80::1%1")]
    [InlineData(" ::1")]
    [InlineData("::ffff:010.0.0.1")]
    public void Invalid_text_is_rejected(string? text)
    {
        Assert.False(IPv6Address.TryParse(text, out var address));
        Assert.Equal(default, address);
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => IPv6Address.Parse(text));
        }
    }
}
