using Codec.Dns;

namespace Codec.Runtime.Tests.Dns;

public class DnsNameMemoTests
{
    [Theory]
    [InlineData(20)]
    [InlineData(40)]
    [InlineData(64)]
    [InlineData(92)]
    public void A_memo_rebuilds_the_name_that_was_read(int offset)
    {
        byte[] message = DnsTestData.Rfc1035Example();
        Assert.True(DnsName.TryRead(message, offset, out DnsName read, out _));

        Assert.NotEqual(0, read.Memo);
        Assert.True(DnsName.ReadMemoized(message, offset, read.Memo, out DnsName rebuilt));
        Assert.Equal(read.ToString(), rebuilt.ToString());
        Assert.Equal(read.WireLength, rebuilt.WireLength);
        Assert.Equal(read.LabelCount, rebuilt.LabelCount);
        Assert.Equal(offset, rebuilt.Offset);
        Assert.True(read.Equals(rebuilt));
    }

    [Theory]
    [InlineData(20, 0)]
    [InlineData(20, 0x0001_0300)]          // no length
    [InlineData(20, 0x0002_030C)]          // not a memo's tag
    [InlineData(-1, 0x0001_030C)]
    [InlineData(93, 0x0001_030C)]          // past the end of the message
    public void What_is_not_a_memo_is_refused_and_gives_the_root(int offset, int memo)
    {
        byte[] message = DnsTestData.Rfc1035Example();
        Assert.True(message.Length <= 93);

        Assert.False(DnsName.ReadMemoized(message, offset, memo, out DnsName name));
        Assert.True(name.IsRoot);
        Assert.Equal(1, name.WireLength);
    }
}
