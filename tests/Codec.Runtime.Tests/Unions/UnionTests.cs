using Codec.Runtime.Tests.Options;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Codec.Runtime.Tests.Unions;

public sealed class UnionTests
{
    private static byte[] Hex(string hex) => Convert.FromHexString(hex);

    [Fact]
    public void The_discriminator_chooses_the_case()
    {
        Assert.True(UnionCarrier.TryRead(Hex("01" + "02" + "05b4" + "7f"), out UnionCarrier carrier).IsDone);
        Assert.True(carrier.Body.IsWord);
        Assert.True(carrier.Body.TryGetWord(out OptionWord word));
        Assert.Equal(1460, word.Value);
        Assert.False(carrier.Body.TryGetBlob(out _));
        Assert.Equal(0x7f, carrier.Trailer);
        Assert.Equal(1UL, carrier.Body.Discriminator);

        Assert.True(UnionCarrier.TryRead(Hex("03" + "05" + "0102abcdff" + "00"), out carrier).IsDone);
        Assert.True(carrier.Body.TryGetOptions(out DataCountedOptions options));
        Assert.True(options.TryGetWord(out word));
        Assert.Equal(0xabcd, word.Value);

        Assert.True(UnionCarrier.TryRead(Hex("09" + "03" + "aabbcc" + "00"), out carrier).IsDone);
        Assert.True(carrier.Body.IsRaw);
        Assert.Equal("AABBCC", Convert.ToHexString(carrier.Body.Bytes));
    }

    [Fact]
    public void A_case_that_does_not_fill_its_octets_exactly_is_invalid_naming_the_case()
    {
        ReadResult result = UnionCarrier.TryRead(Hex("01" + "03" + "05b4ff" + "7f"), out _);
        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal(CodecErrorKind.LengthOutOfRange, result.Error.Kind);
        Assert.Equal("Word", result.Error.Field);
        Assert.Equal(4, result.Error.ByteOffset);

        result = UnionCarrier.TryRead(Hex("01" + "01" + "05" + "7f"), out _);
        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal("Value", result.Error.Field);

        result = UnionCarrier.TryRead(Hex("03" + "02" + "0105" + "7f"), out _);
        Assert.Equal(OptionListReader.LengthField, result.Error.Field);
        Assert.Equal(3, result.Error.ByteOffset);
    }

    [Theory]
    [InlineData("02")]   // raw octets to the end: empty reads as the case
    [InlineData("03")]   // an option list: empty is a list without options (EDNS's OPT record)
    public void Empty_octets_read_as_a_case_without_reading_them_and_agree_with_the_detailed_read(string kind)
    {
        byte[] bytes = Hex(kind + "00" + "7f");

        Assert.True(UnionCarrier.TryRead(bytes, out UnionCarrier carrier, out int consumed));
        Assert.Equal(UnionCarrier.TryRead(bytes, out UnionCarrier detailed), ReadResult.Done(consumed));
        Assert.Equal(Convert.ToUInt64(kind, 16), carrier.Body.Discriminator);
        Assert.Equal(detailed.Body.Discriminator, carrier.Body.Discriminator);
        Assert.Equal(0, carrier.Body.Length);
        Assert.Equal(0x7f, carrier.Trailer);
        Assert.Equal(kind == "02", carrier.Body.TryGetBlob(out OptionBlob blob) && blob.Data.IsEmpty);
        Assert.Equal(kind == "03", carrier.Body.TryGetOptions(out _));

        // A word cannot be empty (the union here keeps no empty value raw): both reads say no.
        Assert.False(UnionCarrier.TryRead(Hex("01" + "00" + "7f"), out _, out _));
        Assert.False(UnionCarrier.TryRead(Hex("01" + "00" + "7f"), out _).IsDone);
    }

    [Fact]
    public void A_signed_discriminator_and_a_union_to_the_end()
    {
        Assert.True(UnionTail.TryRead(Hex("0002" + "010203"), out UnionTail tail).IsDone);
        Assert.True(tail.Body.TryGetBlob(out OptionBlob blob));
        Assert.Equal("010203", Convert.ToHexString(blob.Data));
        Assert.True(UnionTail.TryRead(Hex("ffff" + "0102"), out tail).IsDone);
        Assert.True(tail.Body.IsRaw);
    }

    [Fact]
    public void Dissection_shows_the_case()
    {
        MessageDissection dissection = UnionCarrier.Dissect(Hex("01" + "02" + "05b4" + "7f"));
        Assert.True(dissection.Result.IsDone);
        Assert.Equal("Word", dissection["Body.Word"]!.Label);
        Assert.Equal("OptionWord { Value = 1460 }", dissection["Body.Word"]!.Display);

        dissection = UnionCarrier.Dissect(Hex("09" + "01" + "aa" + "7f"));
        Assert.Equal("\\# 1 aa", dissection["Body.Raw"]!.Display);
    }

    [Fact]
    public void Every_truncation_returns_a_status()
    {
        byte[] bytes = Hex("03" + "05" + "0102abcdff" + "00");
        for (int length = 0; length < bytes.Length; length++)
        {
            Assert.Equal(CodecStatus.NeedMoreData, UnionCarrier.TryRead(bytes.AsSpan(0, length), out _).Status);
            Assert.NotNull(UnionCarrier.Dissect(bytes.AsSpan(0, length)));
        }
    }

    [Property(MaxTest = 500, Replay = "(2026112711,296140327)")]
    public Property Write_of_raw_octets_reads_back_as_the_case_the_kind_chooses(byte kind, byte[] body, byte trailer)
    {
        var carrier = new UnionCarrier { Kind = (PayloadKind)(kind % 5), Body = body, Trailer = trailer };
        byte[] bytes = new byte[carrier.GetSerializedSize()];
        WriteResult written = carrier.TryWrite(bytes);
        if (body.Length > 255)
        {
            return (written.Status == CodecStatus.InvalidData).ToProperty();
        }

        ReadResult read = UnionCarrier.TryRead(bytes, out UnionCarrier back);
        bool valid = (kind % 5) switch
        {
            1 => body.Length == 2,
            3 => DataCountedOptions.TryRead(body, out _).IsDone,
            _ => true,
        };
        return (written.IsDone && read.IsDone == valid
            && (!read.IsDone || (back.Body.Bytes.SequenceEqual(body) && back.Trailer == trailer && back.Body.Discriminator == (ulong)(kind % 5)))
            && (read.IsDone || read.Status == CodecStatus.InvalidData)).ToProperty();
    }
}
