namespace Codec.Runtime.Tests.Options;

/// <summary>An option list written on its own, through both writers of <see cref="IWireMessage{TSelf}"/>.</summary>
public sealed class OptionListWriteTests
{
    [Fact]
    public void The_yes_no_writer_copies_the_octets_or_writes_nothing_like_the_detailed_one()
    {
        var writer = new HeaderCountedOptions.Writer(new byte[8]);
        Assert.True(writer.TryAddWord(new OptionWord { Value = 7 }).IsDone);
        Assert.True(writer.TryEnd(4).IsDone);
        HeaderCountedOptions list = writer.ToList();

        byte[] buffer = new byte[9];
        Assert.True(list.TryWrite(buffer, out int written));
        Assert.Equal(8, written);
        Assert.Equal("0204000700000000" + "00", Convert.ToHexString(buffer));

        byte[] small = new byte[7];
        Assert.False(list.TryWrite(small, out written));
        Assert.Equal(0, written);
        Assert.All(small, octet => Assert.Equal(0, octet));
        Assert.Equal(WriteResult.DestinationTooSmall(8, 7), list.TryWrite(small));
    }
}
