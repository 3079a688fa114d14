using Codec.Dns;

namespace Codec.Runtime.Tests.Dns;

/// <summary>Writing a name uncompressed: every pointer expanded, the labels between pointers copied as they lie.</summary>
public sealed class DnsNameWriteTests
{
    [Fact]
    public void A_name_without_pointers_is_copied_whole_root_octet_included()
    {
        byte[] message = [0xEE, .. DnsTestData.Wire("www", "example", "com"), 0xEE];
        Assert.True(DnsName.TryRead(message, 1, out DnsName name, out _));

        Span<byte> flat = stackalloc byte[DnsName.MaxWireLength];
        Assert.True(name.TryCopyUncompressedTo(flat, out int written));
        Assert.Equal(DnsTestData.Wire("www", "example", "com"), flat[..written].ToArray());
    }

    [Fact]
    public void Labels_on_both_sides_of_each_pointer_are_joined_in_order()
    {
        // RFC 1035 §4.1.4's example: FOO at 40 points to F.ISI.ARPA at 20; at 64 a lone pointer to ARPA at 26.
        byte[] message = DnsTestData.Rfc1035Example();
        Span<byte> flat = stackalloc byte[DnsName.MaxWireLength];

        Assert.True(DnsName.TryRead(message, 40, out DnsName foo, out _));
        Assert.True(foo.TryCopyUncompressedTo(flat, out int written));
        Assert.Equal(DnsTestData.Wire("FOO", "F", "ISI", "ARPA"), flat[..written].ToArray());

        Assert.True(DnsName.TryRead(message, 64, out DnsName arpa, out _));
        Assert.True(arpa.TryCopyUncompressedTo(flat, out written));
        Assert.Equal(DnsTestData.Wire("ARPA"), flat[..written].ToArray());

        // A pointer to a name that itself ends in a pointer: two hops, three runs of labels.
        byte[] chained = [.. message[..66], 3, (byte)'W', (byte)'W', (byte)'W', 0xC0, 40];
        Assert.True(DnsName.TryRead(chained, 66, out DnsName www, out _));
        Assert.True(www.TryCopyUncompressedTo(flat, out written));
        Assert.Equal(DnsTestData.Wire("WWW", "FOO", "F", "ISI", "ARPA"), flat[..written].ToArray());
        Assert.Equal(www.WireLength, written);
    }

    [Fact]
    public void The_root_and_default_names_are_one_zero_octet()
    {
        Span<byte> flat = stackalloc byte[4];
        flat.Fill(0xFF);
        Assert.True(DnsName.Root.TryCopyUncompressedTo(flat, out int written));
        Assert.Equal([0], flat[..written].ToArray());
        flat.Fill(0xFF);
        Assert.Equal(1, default(DnsName).CopyUncompressedTo(flat));
        Assert.Equal(0, flat[0]);
    }

    [Fact]
    public void A_destination_shorter_than_the_wire_length_is_refused_before_anything_is_written()
    {
        byte[] message = DnsTestData.Rfc1035Example();
        Assert.True(DnsName.TryRead(message, 40, out DnsName foo, out _));
        byte[] destination = new byte[foo.WireLength - 1];

        Assert.False(foo.TryCopyUncompressedTo(destination, out int written));
        Assert.Equal(0, written);
        Assert.All(destination, octet => Assert.Equal(0, octet));
        byte[] message2 = message;
        Assert.Throws<ArgumentException>(() =>
        {
            DnsName.TryRead(message2, 40, out DnsName again, out _);
            again.CopyUncompressedTo(new byte[again.WireLength - 1]);
        });
    }
}
