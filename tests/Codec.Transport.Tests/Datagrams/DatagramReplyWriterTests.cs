using System.Buffers;
using Codec.Transport.Datagrams;

namespace Codec.Transport.Tests.Datagrams;

public class DatagramReplyWriterTests
{
    [Fact]
    public void Grows_up_to_the_maximum_and_keeps_what_was_written()
    {
        using var writer = new DatagramReplyWriter(maxDatagramSize: 1000, initialCapacity: 16);
        byte[] data = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        writer.Write(data.AsSpan(0, 10));
        writer.Write(data.AsSpan(10, 990));
        Assert.Equal(data, writer.WrittenSpan.ToArray());
        Assert.Equal(1000, writer.WrittenCount);
        Assert.Throws<InvalidOperationException>(() => writer.GetSpan());
    }

    [Fact]
    public void Never_offers_more_than_the_maximum()
    {
        using var writer = new DatagramReplyWriter(maxDatagramSize: 100, initialCapacity: 100);
        Assert.Equal(100, writer.GetSpan().Length);
        writer.Advance(60);
        Assert.Equal(40, writer.GetMemory(40).Length);
        Assert.Throws<InvalidOperationException>(() => writer.GetSpan(41));
        Assert.Throws<InvalidOperationException>(() => writer.Advance(41));

        writer.Reset();
        Assert.Equal(0, writer.WrittenCount);
        Assert.Equal(100, writer.GetSpan(100).Length);
    }
}
