using Codec.Dns;

namespace Codec.Runtime.Tests.Dns;

public class DnsNameEqualityTests
{
    [Fact]
    public void Names_compare_ignoring_ASCII_case()
    {
        byte[] upper = DnsTestData.Wire("ExAmPlE", "CoM");
        byte[] lower = DnsTestData.Wire("example", "com");
        Assert.True(DnsName.TryRead(upper, 0, out DnsName a, out _));
        Assert.True(DnsName.TryRead(lower, 0, out DnsName b, out _));

        Assert.True(a.Equals(b));
        Assert.True(b.Equals(a));
        Assert.True(a.Equals(lower));
        Assert.True(a.EqualsPresentation("example.com."));
        Assert.True(b.EqualsPresentation("ExAmPlE.CoM."));
        Assert.True(b.EqualsPresentation("EXAMPLE.COM"));   // relative text is taken from the root
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("ExAmPlE.CoM.", a.ToString());          // case is kept when printing
    }

    [Fact]
    public void Only_ASCII_letters_fold()
    {
        // 0xC4/0xE4 are Latin-1 'Ä'/'ä', and '@' (0x40) / '`' (0x60), '[' (0x5B) / '{' (0x7B) differ by 0x20 too:
        // RFC 4343 folds A-Z only.
        foreach ((byte x, byte y) in new[] { ((byte)0xC4, (byte)0xE4), ((byte)'@', (byte)'`'), ((byte)'[', (byte)'{'), ((byte)'^', (byte)'~') })
        {
            Assert.True(DnsName.TryRead(DnsTestData.Wire(new[] { x }), 0, out DnsName a, out _));
            Assert.False(a.Equals(DnsTestData.Wire(new[] { y })), $"0x{x:X2} vs 0x{y:X2}");
            Assert.True(a.Equals(DnsTestData.Wire(new[] { x })));
        }
    }

    [Fact]
    public void Names_differ_by_labels_not_by_their_concatenation()
    {
        Assert.True(DnsName.TryRead(DnsTestData.Wire("ab", "c"), 0, out DnsName abc, out _));
        Assert.False(abc.Equals(DnsTestData.Wire("a", "bc")));
        Assert.False(abc.Equals(DnsTestData.Wire("ab", "d")));
        Assert.False(abc.Equals(DnsTestData.Wire("ab")));
        Assert.False(abc.Equals(DnsTestData.Wire("x", "ab", "c")));
        Assert.False(abc.EqualsPresentation(@"ab\.c."));
        Assert.True(abc.EqualsPresentation(@"\097b.c."));
    }

    [Fact]
    public void A_compressed_name_equals_its_flat_form()
    {
        byte[] message = DnsTestData.Rfc1035Example();
        Assert.True(DnsName.TryRead(message, 40, out DnsName compressed, out _));
        byte[] flat = DnsTestData.Wire("foo", "f", "isi", "arpa");
        Assert.True(DnsName.TryRead(flat, 0, out DnsName uncompressed, out _));

        Assert.True(compressed.Equals(uncompressed));
        Assert.True(compressed.Equals(flat));
        Assert.True(compressed.EqualsPresentation("foo.f.isi.arpa."));
        Assert.Equal(compressed.GetHashCode(), uncompressed.GetHashCode());
    }

    [Fact]
    public void Malformed_comparands_are_simply_unequal()
    {
        Assert.True(DnsName.TryRead(DnsTestData.Wire("a"), 0, out DnsName a, out _));
        Assert.False(a.Equals(ReadOnlySpan<byte>.Empty));
        Assert.False(a.Equals([1, (byte)'a']));                 // no root octet
        Assert.False(a.Equals([1, (byte)'a', 0, 0]));           // trailing octets
        Assert.False(a.Equals([0xC0, 0]));                      // a pointer has nothing to point to
        Assert.False(a.EqualsPresentation("a..b"));
        Assert.False(a.EqualsPresentation(""));
        Assert.False(a.IsSubdomainOf([0x40]));
    }

    [Theory]
    [InlineData("www.example.com.", "example.com.", true)]
    [InlineData("www.example.com.", "EXAMPLE.com.", true)]
    [InlineData("example.com.", "example.com.", true)]
    [InlineData("example.com.", ".", true)]
    [InlineData(".", ".", true)]
    [InlineData("example.com.", "www.example.com.", false)]
    [InlineData("wwwexample.com.", "example.com.", false)]
    [InlineData("www.example.org.", "example.com.", false)]
    [InlineData("a.b.c.d.", "b.c.", false)]
    [InlineData(".", "com.", false)]
    public void IsSubdomainOf_compares_whole_labels_from_the_right(string name, string parent, bool expected)
    {
        byte[] nameWire = new byte[255];
        byte[] parentWire = new byte[255];
        Assert.True(DnsName.TryParse(name, nameWire, out int n));
        Assert.True(DnsName.TryParse(parent, parentWire, out int p));
        Assert.True(DnsName.TryRead(nameWire.AsSpan(0, n), 0, out DnsName child, out _));
        Assert.True(DnsName.TryRead(parentWire.AsSpan(0, p), 0, out DnsName ancestor, out _));

        Assert.Equal(expected, child.IsSubdomainOf(ancestor));
        Assert.Equal(expected, child.IsSubdomainOf(parentWire.AsSpan(0, p)));
    }
}
