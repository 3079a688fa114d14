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
    [InlineData(20, 0x0201_030C)]          // a bit that is neither the tag nor "follows a pointer"
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

    [Theory]
    [InlineData(20)]                       // F.ISI.ARPA, flat
    [InlineData(40)]                       // FOO and a pointer
    [InlineData(64)]                       // a pointer alone
    public void A_name_rebuilt_from_its_memo_writes_as_the_name_read(int offset)
    {
        // The memo keeps whether the name follows a pointer: a compressor takes a flat name where it lies and copies
        // one with pointers label by label, so a lost flag would write the pointer's octets as labels.
        byte[] source = DnsTestData.Rfc1035Example();
        Assert.True(DnsName.TryRead(source, offset, out DnsName read, out _));
        Assert.True(DnsName.ReadMemoized(source, offset, read.Memo, out DnsName rebuilt));

        byte[] expected = new byte[read.WireLength];
        read.CopyUncompressedTo(expected);
        var message = new byte[12 + 255];
        int position = 12;
        Assert.True(new DnsNameCompressor().TryWrite(rebuilt, message, ref position).IsDone);
        Assert.Equal(expected, message[12..position]);
    }
}
