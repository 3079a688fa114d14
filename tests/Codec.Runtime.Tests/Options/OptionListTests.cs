namespace Codec.Runtime.Tests.Options;

public sealed class OptionListTests
{
    private static byte[] Hex(string hex) => Convert.FromHexString(hex);

    [Fact]
    public void Header_counted_options_are_enumerated_in_place_up_to_the_end_option()
    {
        // NOP, Word 0x05b4, Flag (length 2), unknown 200 [aa], End, padding 00 00
        byte[] bytes = Hex("01" + "020405b4" + "0402" + "c803aa" + "00" + "0000");
        ReadResult result = HeaderCountedOptions.TryRead(bytes, out HeaderCountedOptions options);

        Assert.True(result.IsDone, result.ToString());
        Assert.Equal(bytes.Length, result.BytesConsumed);
        Assert.Equal(5, options.Count);
        Assert.Equal("0000", Convert.ToHexString(options.Padding));
        var kinds = new List<int>();
        var offsets = new List<int>();
        foreach (OptionEntry option in options)
        {
            kinds.Add(option.Kind);
            offsets.Add(option.Offset);
        }

        Assert.Equal([1, 2, 4, 200, 0], kinds);
        Assert.Equal([0, 1, 5, 7, 10], offsets);
        Assert.True(options.TryGetWord(out OptionWord word));
        Assert.Equal(1460, word.Value);
        Assert.True(options.HasFlag);
        Assert.False(options.HasBlob);
        Assert.True(options.TryFind(200, out OptionEntry unknown));
        Assert.Equal("AA", Convert.ToHexString(unknown.Value));
        Assert.Null(HeaderCountedOptions.KindName(200));
        Assert.Equal("Word", HeaderCountedOptions.KindName(2));
    }

    [Theory]
    [InlineData("0200", 1, 2UL, 0UL)]           // length 0: below the 2-octet header
    [InlineData("0101" + "0201", 3, 2UL, 1UL)]  // NOP NOP then length 1
    [InlineData("020505b4", 1, 4UL, 5UL)]       // length 5, 4 octets left from the kind
    [InlineData("0104ff", 2, 2UL, 255UL)]       // NOP, then 255 octets claimed where 2 remain
    public void A_length_below_the_header_or_past_the_end_is_invalid_at_the_length_octet(string hex, int lengthOctet, ulong expected, ulong actual)
    {
        ReadResult result = HeaderCountedOptions.TryRead(Hex(hex), out _);

        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal(CodecErrorKind.LengthOutOfRange, result.Error.Kind);
        Assert.Equal(OptionListReader.LengthField, result.Error.Field);
        Assert.Equal(lengthOctet, result.Error.ByteOffset);
        Assert.Equal(expected, result.Error.Expected);
        Assert.Equal(actual, result.Error.Actual);
    }

    [Fact]
    public void A_kind_alone_at_the_end_is_invalid_at_its_length()
    {
        ReadResult result = HeaderCountedOptions.TryRead(Hex("0102"), out _);

        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal(OptionListReader.LengthField, result.Error.Field);
        Assert.Equal(2, result.Error.ByteOffset);
    }

    [Fact]
    public void Every_truncation_of_a_list_returns_a_status()
    {
        byte[] bytes = Hex("01" + "020405b4" + "0402" + "09050102ff" + "0a06" + "0102abcd" + "00");
        for (int length = 0; length <= bytes.Length; length++)
        {
            ReadResult result = HeaderCountedOptions.TryRead(bytes.AsSpan(0, length), out HeaderCountedOptions options);
            bool boundary = length is 0 or 1 or 5 or 7 or 12 or 18 or 19;
            Assert.Equal(boundary ? CodecStatus.Done : CodecStatus.InvalidData, result.Status);
            if (!boundary)
            {
                Assert.Contains(result.Error.Field, new[] { OptionListReader.KindField, OptionListReader.LengthField });
            }

            Assert.NotNull(HeaderCountedOptions.Dissect(bytes.AsSpan(0, length)));
        }
    }

    [Fact]
    public void Data_counted_options_count_only_the_data()
    {
        byte[] bytes = Hex("00" + "0102abcd" + "3503010203" + "ff" + "000000");
        Assert.True(DataCountedOptions.TryRead(bytes, out DataCountedOptions options).IsDone);

        Assert.Equal(4, options.Count);
        Assert.True(options.TryGetWord(out OptionWord word));
        Assert.Equal(0xabcd, word.Value);
        Assert.True(options.TryFind(0x35, out OptionEntry raw));
        Assert.Equal("010203", Convert.ToHexString(raw.Value));
        Assert.Equal(3, options.Padding.Length);
    }

    [Fact]
    public void A_typed_option_whose_data_does_not_fit_its_type_is_not_returned()
    {
        byte[] bytes = Hex("0103010203ff"); // Word with 3 octets
        Assert.True(DataCountedOptions.TryRead(bytes, out DataCountedOptions options).IsDone);

        Assert.True(options.HasWord);
        Assert.False(options.TryGetWord(out _));
        Assert.Contains("malformed", DataCountedOptions.Dissect(bytes)["Option.Word"]!.Display, StringComparison.Ordinal);
    }

    [Fact]
    public void Wide_options_have_two_octet_kinds_and_lengths()
    {
        byte[] bytes = Hex("000a0008" + "0102030405060708" + "fde90000");
        Assert.True(WideOptions.TryRead(bytes, out WideOptions options).IsDone);

        Assert.Equal(2, options.Count);
        Assert.True(options.TryGetCookie(out ReadOnlySpan<byte> cookie));
        Assert.Equal(8, cookie.Length);
        Assert.True(options.TryFind(65001, out OptionEntry empty));
        Assert.True(empty.Value.IsEmpty);
        Assert.Equal(CodecStatus.InvalidData, WideOptions.TryRead(Hex("000a00"), out _).Status);
    }

    [Fact]
    public void Nested_option_lists_are_typed_values()
    {
        // Nested (10) holds data-counted options: Word 0x0102, End.
        byte[] bytes = Hex("0a07" + "01020102ff");
        Assert.True(HeaderCountedOptions.TryRead(bytes, out HeaderCountedOptions options).IsDone);

        Assert.True(options.TryGetNested(out DataCountedOptions nested));
        Assert.True(nested.TryGetWord(out OptionWord word));
        Assert.Equal(0x0102, word.Value);
        Assert.Equal("kind 10, length 7: Word: kind 1, length 2: 258, End: kind 255", HeaderCountedOptions.Dissect(bytes)["Option.Nested"]!.Display);
    }

    [Fact]
    public void The_writer_computes_lengths_writes_single_octets_alone_and_pads_after_the_end()
    {
        var writer = new HeaderCountedOptions.Writer(new byte[16]);
        Assert.True(writer.TryAddNop().IsDone);
        Assert.True(writer.TryAddWord(new OptionWord { Value = 1460 }).IsDone);
        Assert.True(writer.TryAddFlag().IsDone);
        Assert.True(writer.TryAdd(200, [0xaa]).IsDone);
        Assert.True(writer.TryEnd(alignment: 4).IsDone);

        HeaderCountedOptions list = writer.ToList();
        Assert.Equal("01020405B40402C803AA0000", Convert.ToHexString(list.Bytes));
        Assert.Equal(12, writer.BytesWritten);
        Assert.Equal(5, list.Count);
        Assert.Equal(CodecStatus.InvalidData, writer.TryAddNop().Status); // nothing after the end
    }

    [Fact]
    public void The_writer_validates_before_writing()
    {
        byte[] buffer = new byte[8];
        var writer = new HeaderCountedOptions.Writer(buffer);

        WriteResult tooLong = writer.TryAdd(9, new byte[254]);
        Assert.Equal(CodecStatus.InvalidData, tooLong.Status);
        Assert.Equal(OptionWriter.ValueField, tooLong.Error.Field);
        Assert.Equal(253UL, tooLong.Error.Expected);

        Assert.Equal(CodecStatus.InvalidData, writer.TryAdd(1, [1]).Status);   // a value on a single-octet kind
        Assert.Equal(CodecStatus.InvalidData, writer.TryAdd(256).Status);       // kind wider than its octet
        Assert.Equal(CodecStatus.DestinationTooSmall, writer.TryAdd(9, new byte[7]).Status);
        Assert.Equal(0, writer.BytesWritten);
        Assert.All(buffer, b => Assert.Equal(0, b));

        Assert.True(writer.TryAdd(9, new byte[6]).IsDone);
        Assert.Equal(CodecStatus.DestinationTooSmall, writer.TryEnd(4).Status);  // end + pad needs 12
        Assert.Equal(8, writer.BytesWritten);
    }

    [Fact]
    public void Lists_without_an_end_kind_cannot_be_padded()
    {
        var writer = new WideOptions.Writer(new byte[16]);
        Assert.True(writer.TryAddCookie([1, 2, 3]).IsDone);
        Assert.Equal(CodecStatus.InvalidData, writer.TryEnd(4).Status);
        Assert.True(writer.TryEnd().IsDone);
        Assert.Equal("000A0003010203", Convert.ToHexString(writer.ToList().Bytes));
    }

    [Fact]
    public void A_carrier_reads_its_options_bounded_by_its_length_field_and_reports_option_errors_at_absolute_offsets()
    {
        byte[] bytes = Hex("02" + "07" + "020405b4" + "01010100" + "beef");
        ReadResult result = OptionCarrier.TryRead(bytes, out OptionCarrier carrier);

        Assert.True(result.IsDone, result.ToString());
        Assert.True(carrier.Options.TryGetWord(out OptionWord word));
        Assert.Equal(1460, word.Value);
        Assert.Equal("BEEF", Convert.ToHexString(carrier.Payload));

        bytes[3] = 9; // the Word option now runs past the 8 octets of options
        result = OptionCarrier.TryRead(bytes, out _);
        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal(OptionListReader.LengthField, result.Error.Field);
        Assert.Equal(3, result.Error.ByteOffset);
    }

    [Fact]
    public void A_carrier_computes_its_length_field_and_copies_its_options()
    {
        var writer = new HeaderCountedOptions.Writer(new byte[8]);
        Assert.True(writer.TryAddWord(new OptionWord { Value = 7 }).IsDone);
        Assert.True(writer.TryEnd(4).IsDone);
        var carrier = new OptionCarrier { Tag = 1, Options = writer.ToList(), Payload = [9] };

        byte[] buffer = new byte[carrier.GetSerializedSize()];
        Assert.True(carrier.TryWrite(buffer, out int written));
        Assert.Equal("0201" + "02040007" + "00000000" + "09", Convert.ToHexString(buffer[..written]));
    }

    [Fact]
    public void Dissection_shows_each_option_with_its_name_and_typed_value()
    {
        byte[] bytes = Hex("02" + "07" + "020405b4" + "01c80200" + "beef");
        MessageDissection dissection = OptionCarrier.Dissect(bytes);

        Assert.True(dissection.Result.IsDone, dissection.Result.ToString());
        Assert.Equal("kind 2, length 4: 1460", dissection["Options.Word"]!.Display);
        Assert.Equal("Word", dissection["Options.Word"]!.Label);
        Assert.Equal(16, dissection["Options.Word"]!.BitOffset);
        Assert.Equal("kind 1", dissection["Options.Nop"]!.Display);
        Assert.Equal("Unknown option 200", dissection["Options.Kind200"]!.Label);
        Assert.Equal("kind 0", dissection["Options.End"]!.Display);
    }

    [Fact]
    public void Options_to_the_end_of_a_message_are_read_in_place()
    {
        byte[] bytes = Hex("1234" + "0102abcd" + "ff" + "00");
        Assert.True(OptionTail.TryRead(bytes, out OptionTail tail).IsDone);
        Assert.True(tail.Options.TryGetWord(out OptionWord word));
        Assert.Equal(0xabcd, word.Value);

        bytes[3] = 7;
        ReadResult result = OptionTail.TryRead(bytes, out _);
        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal(3, result.Error.ByteOffset);
    }
}
