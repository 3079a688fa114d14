using Codec.Protocols.IPv4;

namespace Codec.Protocols.Tests.IPv4;

public class Ipv4HeaderTests
{
    // A TCP SYN's IPv4 header, 172.16.10.99 → 172.16.10.12, checksum 0xb1e6 (valid).
    private static readonly byte[] Header = Convert.FromHexString("4500003c1c4640004006b1e6ac100a63ac100a0c");

    [Fact]
    public void Reads_every_field_of_a_real_header()
    {
        var result = Ipv4Header.TryRead(Header, out var ip);

        Assert.Equal(CodecStatus.Done, result.Status);
        Assert.Equal(20, result.BytesConsumed);
        Assert.Equal(4, ip.Version);
        Assert.Equal(5, ip.Ihl);
        Assert.Equal(0, ip.Dscp);
        Assert.Equal(0, ip.Ecn);
        Assert.Equal(60, ip.TotalLength);
        Assert.Equal(0x1c46, ip.Identification);
        Assert.True(ip.DontFragment);
        Assert.False(ip.MoreFragments);
        Assert.Equal(0, ip.FragmentOffset);
        Assert.Equal(64, ip.Ttl);
        Assert.Equal(IPProtocol.Tcp, ip.Protocol);
        Assert.Equal(0xb1e6, ip.HeaderChecksum);
        Assert.Equal("172.16.10.99", ip.Source.ToString());
        Assert.Equal("172.16.10.12", ip.Destination.ToString());
        Assert.True(InternetChecksum.IsValid(Header));
    }

    [Fact]
    public void Write_reproduces_the_bytes()
    {
        var ip = Ipv4Header.Read(Header);
        var buffer = new byte[Ipv4Header.Size];

        Assert.True(ip.TryWrite(buffer, out int written));
        Assert.Equal(20, written);
        Assert.Equal(Header, buffer);
    }

    [Fact]
    public void Fragment_fields_straddle_the_flag_bits()
    {
        // MF set, fragment offset 0x1abc (13 bits), reserved bit set (ignored by policy).
        byte[] bytes = (byte[])Header.Clone();
        bytes[6] = 0b1011_1010;
        bytes[7] = 0xbc;
        var ip = Ipv4Header.Read(bytes);

        Assert.False(ip.DontFragment);
        Assert.True(ip.MoreFragments);
        Assert.Equal(0x1abc, ip.FragmentOffset);

        // The reserved bit is written as zero.
        var written = new byte[20];
        ip.TryWrite(written, out _);
        Assert.Equal(0b0011_1010, written[6]);
    }

    [Theory]
    [InlineData(0x65)]
    [InlineData(0x05)]
    [InlineData(0xF5)]
    public void A_version_other_than_4_is_invalid_and_says_where(byte first)
    {
        byte[] bytes = (byte[])Header.Clone();
        bytes[0] = first;

        var result = Ipv4Header.TryRead(bytes, out _);

        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal(CodecErrorKind.ConstantMismatch, result.Error.Kind);
        Assert.Equal("Version", result.Error.Field);
        Assert.Equal(0, result.Error.ByteOffset);
        Assert.Equal(4UL, result.Error.Expected);
        Assert.Equal((ulong)(first >> 4), result.Error.Actual);
    }

    [Fact]
    public void Every_truncation_needs_more_data_and_names_the_field()
    {
        string[] expected =
        [
            "Version", "Dscp", "TotalLength", "TotalLength", "Identification", "Identification", "Reserved", "FragmentOffset",
            "Ttl", "Protocol", "HeaderChecksum", "HeaderChecksum", "Source", "Source", "Source", "Source",
            "Destination", "Destination", "Destination", "Destination",
        ];
        for (int length = 0; length < Header.Length; length++)
        {
            var result = Ipv4Header.TryRead(Header.AsSpan(0, length), out _);

            Assert.Equal(CodecStatus.NeedMoreData, result.Status);
            Assert.Equal(CodecErrorKind.Truncated, result.Error.Kind);
            Assert.Equal(expected[length], result.Error.Field);
            Assert.Equal(20UL, result.Error.Expected);
            Assert.Equal((ulong)length, result.Error.Actual);
        }
    }

    [Fact]
    public void A_view_rewrites_the_source_in_place_and_an_incremental_checksum_matches_a_full_one()
    {
        byte[] packet = (byte[])Header.Clone();
        var view = new Ipv4Header.View(packet);
        var oldSource = view.Source;
        var newSource = IPv4Address.Parse("203.0.113.7");

        view.Source = newSource;
        view.HeaderChecksum = InternetChecksum.Update(view.HeaderChecksum, oldSource.Value, newSource.Value);

        Assert.Equal(new byte[] { 203, 0, 113, 7 }, packet[12..16]);
        Assert.True(InternetChecksum.IsValid(packet));
        Assert.Equal(Header[16..], packet[16..]);
        Assert.Equal(Header[..10], packet[..10]);
    }

    [Fact]
    public void View_setters_keep_neighbouring_bits()
    {
        byte[] packet = (byte[])Header.Clone();
        var view = new Ipv4Header.View(packet);

        view.Ihl = 15;
        view.Ecn = 3;
        view.FragmentOffset = 0x1fff;
        view.MoreFragments = true;

        Assert.Equal(0x4f, packet[0]);
        Assert.Equal(0x03, packet[1]);
        Assert.Equal(0b0111_1111, packet[6]);
        Assert.Equal(0xff, packet[7]);
        Assert.Equal(4, view.Version);
        Assert.True(view.DontFragment);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ipv4Header.View(packet).Ihl = 16);
        Assert.Equal(0x4f, packet[0]);
    }

    [Fact]
    public void Dissection_shows_protocol_names_and_dotted_addresses()
    {
        var dissection = Ipv4Header.Dissect(Header);

        Assert.True(dissection.Result.IsDone);
        Assert.Equal("Tcp (6)", dissection["Protocol"]!.Display);
        Assert.Equal("172.16.10.99", dissection["Source"]!.Display);
        Assert.Equal(13, dissection["FragmentOffset"]!.BitLength);
        Assert.Equal(51, dissection["FragmentOffset"]!.BitOffset);
    }
}
