using Codec.Dns;

namespace Codec.Runtime.Tests.Lists;

[Message]
internal ref partial struct NameOnly
{
    [Field(0)] public DnsName Target;
}

public class MessageListMemoTests
{
    // A message whose name at 12 ("www" + a pointer to "example.com." at 0) follows "example.com." itself.
    private static readonly byte[] Message = Convert.FromHexString("076578616d706c6503636f6d00" + "03777777c000");

    [Fact]
    public void A_message_that_is_one_name_keeps_the_names_memo_and_rebuilds_the_same_value_from_it()
    {
        Assert.True(MessageList<NameOnly>.TryReadElementAt(Message, 13, out NameOnly read, out int consumed, out int memo));

        Assert.Equal(6, consumed);
        Assert.Equal(read.Target.Memo, memo);
        Assert.True(MessageList<NameOnly>.ReadElementMemoizedAt(Message, 13, memo, out NameOnly rebuilt));
        Assert.Equal("www.example.com.", rebuilt.Target.ToString());
        Assert.Equal(read.Target.WireLength, rebuilt.Target.WireLength);
        Assert.Equal(read.Target.LabelCount, rebuilt.Target.LabelCount);
        Assert.True(NameOnly.TryReadAt(Message, 13, out NameOnly plain, out int plainConsumed));
        Assert.Equal(plainConsumed, consumed);
        Assert.True(plain.Target.Equals(read.Target));
    }

    [Theory]
    [InlineData(13 + 4)]      // a pointer cut short
    [InlineData(100)]         // past the end
    [InlineData(-1)]
    public void The_memo_read_fails_where_the_plain_read_fails_and_keeps_nothing(int offset)
    {
        byte[] cut = Message.AsSpan(0, Message.Length - 1).ToArray();

        Assert.False(MessageList<NameOnly>.TryReadElementAt(cut, offset, out NameOnly value, out int consumed, out int memo));
        Assert.Equal(0, memo);
        Assert.Equal(0, consumed);
        Assert.True(value.Target.IsRoot);
        Assert.False(NameOnly.TryReadAt(cut, offset, out _, out _));
    }

    [Fact]
    public void Other_messages_keep_no_memo_and_the_memoized_read_validates_again()
    {
        byte[] option = [1, 2, 0xAA, 0xBB];

        Assert.True(MessageList<TlvOption>.TryReadElementAt(option, 0, out TlvOption read, out int consumed, out int memo));
        Assert.Equal(0, memo);
        Assert.Equal(4, consumed);
        Assert.True(MessageList<TlvOption>.ReadElementMemoizedAt(option, 0, 12345, out TlvOption again));
        Assert.Equal(read.Value.ToArray(), again.Value.ToArray());
        Assert.False(MessageList<TlvOption>.ReadElementMemoizedAt(option.AsSpan(0, 3), 0, 12345, out _));
    }
}
