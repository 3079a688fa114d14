using Codec.Protocols.Udp;

namespace Codec.Protocols.Tests.Udp;

public class UdpDatagramTests
{
    // 53211 → 53, length 12: four bytes of data, then two bytes that are not the datagram's.
    private static readonly byte[] Datagram = Convert.FromHexString("cfdb0035000c0000" + "01020304" + "ffff");

    [Fact]
    public void Data_is_bounded_by_the_length_field()
    {
        var result = UdpDatagram.TryRead(Datagram, out var udp);

        Assert.True(result.IsDone);
        Assert.Equal(12, result.BytesConsumed);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, udp.Data.ToArray());
    }

    [Fact]
    public void Write_computes_the_length()
    {
        var udp = new UdpDatagram { SourcePort = 53211, DestinationPort = 53, Data = new byte[] { 1, 2, 3, 4 } };
        var buffer = new byte[udp.GetSerializedSize()];

        Assert.True(udp.TryWrite(buffer, out int written));
        Assert.Equal(Datagram[..12], buffer[..written]);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(0)]
    public void A_length_below_the_header_is_invalid(byte length)
    {
        byte[] bytes = (byte[])Datagram.Clone();
        bytes[4] = 0;
        bytes[5] = length;

        var result = UdpDatagram.TryRead(bytes, out _);

        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal(CodecErrorKind.LengthOutOfRange, result.Error.Kind);
        Assert.Equal("Length", result.Error.Field);
    }

    [Fact]
    public void Equality_compares_the_data()
    {
        var a = UdpDatagram.Read(Datagram);
        var b = UdpDatagram.Read((byte[])Datagram.Clone());
        Assert.True(a == b);

        byte[] changed = (byte[])Datagram.Clone();
        changed[11] = 5;
        Assert.True(a != UdpDatagram.Read(changed));
        Assert.Contains("Data = 01020304", a.ToString());
    }
}
