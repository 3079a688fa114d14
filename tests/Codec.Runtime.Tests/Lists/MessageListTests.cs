using Codec;

namespace Codec.Runtime.Tests.Lists;

[Message]
internal ref partial struct TlvOption
{
    [Field(0)] public byte Kind;
    [Field(1)] public byte Length;
    [Field(2), Length(nameof(Length))] public ReadOnlySpan<byte> Value;
}

[Message]
internal ref partial struct TlvContainer
{
    [Field(0)] public ushort Id;
    [Field(1)] public byte OptionCount;
    [Field(2), Count(nameof(OptionCount))] public MessageList<TlvOption> Options;
    [Field(3)] public byte Trailer;
    [Field(4), Remaining] public ReadOnlySpan<byte> Rest;
}

[Message]
internal ref partial struct TlvBlock
{
    [Field(0)] public byte Bytes;
    [Field(1), Length(nameof(Bytes))] public MessageList<TlvOption> Options;
}

/// <summary>Three counted lists of one element type in a row: read by one loop (as DNS's record sections are).</summary>
[Message]
internal ref partial struct TlvSections
{
    [Field(0)] public byte FirstCount;
    [Field(1)] public byte SecondCount;
    [Field(2)] public byte ThirdCount;
    [Field(3), Count(nameof(FirstCount))] public MessageList<TlvOption> First;
    [Field(4), Count(nameof(SecondCount))] public MessageList<TlvOption> Second;
    [Field(5), Count(nameof(ThirdCount))] public MessageList<TlvOption> Third;
    [Field(6)] public byte Trailer;
}

public class MessageListTests
{
    // id 0x0102, two options (1: [aa], 2: [bb cc]), trailer 0x7f, rest [ee].
    private static readonly byte[] Container = Convert.FromHexString("0102" + "02" + "0101aa" + "0202bbcc" + "7f" + "ee");

    [Fact]
    public void A_counted_list_is_read_in_place_and_enumerated()
    {
        var result = TlvContainer.TryRead(Container, out var c);

        Assert.True(result.IsDone, result.ToString());
        Assert.Equal(2, c.Options.Count);
        Assert.Equal(7, c.Options.Bytes.Length);
        Assert.Equal(0x7f, c.Trailer);
        Assert.Equal(new byte[] { 0xee }, c.Rest.ToArray());

        var kinds = new List<byte>();
        var values = new List<string>();
        foreach (TlvOption option in c.Options)
        {
            kinds.Add(option.Kind);
            values.Add(Convert.ToHexString(option.Value));
        }

        Assert.Equal([(byte)1, (byte)2], kinds);
        Assert.Equal(["AA", "BBCC"], values);
    }

    [Fact]
    public void An_element_that_runs_past_the_input_needs_more_data_at_its_absolute_offset()
    {
        byte[] bytes = Convert.FromHexString("0102" + "02" + "0101aa" + "0205bbcc");

        var result = TlvContainer.TryRead(bytes, out _);

        Assert.Equal(CodecStatus.NeedMoreData, result.Status);
        Assert.Equal("Value", result.Error.Field);
        Assert.Equal(8, result.Error.ByteOffset);
    }

    [Fact]
    public void Every_truncation_and_mutation_returns_a_status_and_the_dissection_agrees()
    {
        for (int length = 0; length < Container.Length - 1; length++)
        {
            Assert.Equal(CodecStatus.NeedMoreData, TlvContainer.TryRead(Container.AsSpan(0, length), out _).Status);
        }

        var random = new Random(3396);
        for (int trial = 0; trial < 50_000; trial++)
        {
            byte[] mutated = (byte[])Container.Clone();
            mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            var span = mutated.AsSpan(0, random.Next(mutated.Length + 1));
            var result = TlvContainer.TryRead(span, out var c);
            if (result.IsDone)
            {
                int count = 0;
                foreach (TlvOption option in c.Options)
                {
                    Assert.Equal(option.Length, option.Value.Length);
                    count++;
                }

                Assert.Equal(c.OptionCount, count);
            }

            Assert.Equal(result.Status, TlvContainer.Dissect(span).Result.Status);

            // The fast path (bool, no error built), the visiting read and the list's own readers give the same verdict.
            Assert.Equal(result.IsDone, TlvContainer.TryRead(span, out _, out int consumed));
            Assert.Equal(result.BytesConsumed, consumed);
            var visitor = new Recorder();
            Assert.Equal(result, TlvContainer.TryRead(span, ref visitor, out _));
            if (span.Length >= 3)
            {
                ReadResult list = MessageList<TlvOption>.TryReadAt(span, 3, span.Length, span[2], out _);
                Assert.Equal(list.IsDone, MessageList<TlvOption>.TryReadAt(span, 3, span.Length, span[2], out _, out int listBytes));
                Assert.Equal(list.BytesConsumed, listBytes);
                ReadResult all = MessageList<TlvOption>.TryReadAllAt(span, 3, span.Length, out _);
                Assert.Equal(all.IsDone, MessageList<TlvOption>.TryReadAllAt(span, 3, span.Length, out _, out int allBytes));
                Assert.Equal(all.BytesConsumed, allBytes);
            }
        }
    }

    [Fact]
    public void A_visitor_sees_the_header_then_every_element_in_wire_order_in_the_one_pass()
    {
        var visitor = new Recorder();

        ReadResult result = TlvContainer.TryRead(Container, ref visitor, out TlvContainer c);

        Assert.True(result.IsDone, result.ToString());
        Assert.Equal(Container.Length, result.BytesConsumed);
        Assert.Equal(["header 0102 2", "option 1 AA", "option 2 BBCC"], visitor.Seen);
        Assert.Equal(2, c.Options.Count);
        Assert.Equal(0x7f, c.Trailer);

        // The list built while visiting enumerates like one read without a visitor.
        var kinds = new List<byte>();
        foreach (TlvOption option in c.Options)
        {
            kinds.Add(option.Kind);
        }

        Assert.Equal([(byte)1, (byte)2], kinds);

        // Read into the variable that holds the message already: the header still shows the later members empty.
        var again = new Recorder();
        Assert.True(TlvContainer.TryRead(Container, ref again, out c, out int consumed));
        Assert.Equal(Container.Length, consumed);
        Assert.Equal(visitor.Seen, again.Seen);
    }

    [Fact]
    public void On_failure_the_visitor_has_seen_the_elements_before_it_and_the_result_says_where()
    {
        // The second option claims five bytes of value where two are left.
        byte[] bytes = Convert.FromHexString("0102" + "02" + "0101aa" + "0205bbcc");
        var visitor = new Recorder();

        ReadResult result = TlvContainer.TryRead(bytes, ref visitor, out TlvContainer c);

        Assert.Equal(TlvContainer.TryRead(bytes, out _), result);
        Assert.Equal(CodecStatus.NeedMoreData, result.Status);
        Assert.Equal("Value", result.Error.Field);
        Assert.Equal(8, result.Error.ByteOffset);
        Assert.Equal(["header 0102 2", "option 1 AA"], visitor.Seen);
        Assert.True(c.Options.IsEmpty);
        Assert.False(TlvContainer.TryRead(bytes, ref visitor, out _, out int consumed));
        Assert.Equal(0, consumed);
    }

    [Fact]
    public void A_length_bounded_list_is_visited_too()
    {
        var visitor = new BlockRecorder();

        Assert.True(TlvBlock.TryRead(Convert.FromHexString("05" + "0101aa" + "0200"), ref visitor, out TlvBlock block).IsDone);

        Assert.Equal([(byte)1, (byte)2], visitor.Kinds);
        Assert.Equal(2, block.Options.Count);
    }

    [Fact]
    public void A_list_made_from_validated_elements_rejects_bytes_outside_the_message()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MessageList<TlvOption>.FromValidatedElements(Container, 9, 4, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MessageList<TlvOption>.FromValidatedElements(Container, 13, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MessageList<TlvOption>.FromValidatedElements(Container, 3, 3, -1));

        // Enumeration stops at the first element that does not read: a wrong count gives a short list, no exception.
        MessageList<TlvOption> list = MessageList<TlvOption>.FromValidatedElements(Container, 3, 8, 5);
        int seen = 0;
        foreach (TlvOption option in list)
        {
            seen++;
        }

        Assert.Equal(2, seen);
    }

    [Theory]
    [InlineData("010002" + "0101aa" + "0201bb" + "0300" + "7f", "first 1,third 2,third 3", 1, 0, 2)]
    [InlineData("000000" + "7f", "", 0, 0, 0)]
    [InlineData("000200" + "0101aa" + "0200" + "7f", "second 1,second 2", 0, 2, 0)]
    [InlineData("020000" + "0101aa" + "0200" + "7f", "first 1,first 2", 2, 0, 0)]
    public void Lists_of_one_type_in_a_row_are_visited_in_their_own_lists(string hex, string seen, int first, int second, int third)
    {
        byte[] bytes = Convert.FromHexString(hex);
        var visitor = new SectionRecorder();

        Assert.True(TlvSections.TryRead(bytes, ref visitor, out TlvSections visited, out int consumed));
        Assert.True(TlvSections.TryRead(bytes, out TlvSections plain).IsDone);

        Assert.Equal(seen, string.Join(",", visitor.Seen));
        Assert.Equal(bytes.Length, consumed);
        Assert.Equal(0x7f, visited.Trailer);
        Assert.Equal((first, second, third), (visited.First.Count, visited.Second.Count, visited.Third.Count));
        Assert.True(plain.First.Bytes.SequenceEqual(visited.First.Bytes));
        Assert.True(plain.Second.Bytes.SequenceEqual(visited.Second.Bytes));
        Assert.True(plain.Third.Bytes.SequenceEqual(visited.Third.Bytes));
        Assert.Equal(bytes.Length - 4, visited.First.Bytes.Length + visited.Second.Bytes.Length + visited.Third.Bytes.Length);
    }

    [Theory]
    [InlineData("010002" + "0101aa" + "0201bb" + "03")]     // the third list's second element is cut short
    [InlineData("010102" + "0101aa")]                     // the second list is missing
    [InlineData("010002" + "0101aa" + "0201bb" + "0300")]  // the trailer is missing
    public void A_failure_in_a_later_list_of_the_loop_fails_the_read_with_the_detailed_error(string hex)
    {
        byte[] bytes = Convert.FromHexString(hex);
        var visitor = new SectionRecorder();

        ReadResult result = TlvSections.TryRead(bytes, ref visitor, out TlvSections visited);

        Assert.False(result.IsDone);
        Assert.Equal(TlvSections.TryRead(bytes, out _), result);
        Assert.False(TlvSections.TryRead(bytes, ref visitor, out _, out int consumed));
        Assert.Equal(0, consumed);
        Assert.True(visited.First.IsEmpty && visited.Third.IsEmpty);
    }

    private struct SectionRecorder : TlvSections.IElementVisitor
    {
        public SectionRecorder()
        {
        }

        public List<string> Seen { get; } = [];

        public readonly void VisitHeader(scoped TlvSections message)
        {
        }

        public readonly void VisitFirst(TlvOption element) => Seen.Add($"first {element.Kind}");

        public readonly void VisitSecond(TlvOption element) => Seen.Add($"second {element.Kind}");

        public readonly void VisitThird(TlvOption element) => Seen.Add($"third {element.Kind}");
    }

    private struct Recorder : TlvContainer.IElementVisitor
    {
        public Recorder()
        {
        }

        public List<string> Seen { get; } = [];

        public readonly void VisitHeader(scoped TlvContainer message) =>
            Seen.Add($"header {message.Id:X4} {message.OptionCount}" + (message.Options.IsEmpty && message.Trailer == 0 && message.Rest.IsEmpty ? string.Empty : " (later members not empty)"));

        public readonly void VisitOptions(TlvOption element) => Seen.Add($"option {element.Kind} {Convert.ToHexString(element.Value)}");
    }

    private struct BlockRecorder : TlvBlock.IElementVisitor
    {
        public BlockRecorder()
        {
        }

        public List<byte> Kinds { get; } = [];

        public readonly void VisitHeader(scoped TlvBlock message)
        {
        }

        public readonly void VisitOptions(TlvOption element) => Kinds.Add(element.Kind);
    }

    [Fact]
    public void A_list_written_with_the_list_writer_round_trips_and_the_count_is_computed()
    {
        Span<byte> optionBytes = stackalloc byte[16];
        var writer = new MessageListWriter<TlvOption>(optionBytes);
        Assert.True(writer.TryAdd(new TlvOption { Kind = 1, Value = new byte[] { 0xaa } }).IsDone);
        Assert.True(writer.TryAdd(new TlvOption { Kind = 2, Value = new byte[] { 0xbb, 0xcc } }).IsDone);

        var container = new TlvContainer { Id = 0x0102, Options = writer.ToList(), Trailer = 0x7f, Rest = new byte[] { 0xee } };
        var output = new byte[container.GetSerializedSize()];

        Assert.True(container.TryWrite(output, out int written));
        Assert.Equal(Container, output[..written]);
    }

    [Fact]
    public void The_list_writer_appends_nothing_on_failure_and_says_why()
    {
        Span<byte> optionBytes = stackalloc byte[5];
        var writer = new MessageListWriter<TlvOption>(optionBytes);
        Assert.True(writer.TryAdd(new TlvOption { Kind = 1, Value = new byte[] { 0xaa } }, out int written));
        Assert.Equal(3, written);

        // Three bytes needed, two left: the yes/no overload appends nothing; the other names the shortfall.
        var tooLong = new TlvOption { Kind = 2, Value = new byte[] { 0xbb } };
        Assert.False(writer.TryAdd(tooLong, out written));
        Assert.Equal(0, written);
        WriteResult result = writer.TryAdd(tooLong);
        Assert.Equal(CodecStatus.DestinationTooSmall, result.Status);
        Assert.Equal(new CodecError(CodecErrorKind.DestinationTooSmall, null, 0, 3, 2), result.Error);

        // A value whose length the length field cannot hold: invalid, the field named.
        var tooWide = new TlvOption { Kind = 3, Value = new byte[256] };
        Assert.False(new MessageListWriter<TlvOption>(new byte[300]).TryAdd(tooWide, out _));
        result = new MessageListWriter<TlvOption>(new byte[300]).TryAdd(tooWide);
        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal("Length", result.Error.Field);

        Assert.Equal(1, writer.Count);
        Assert.Equal(3, writer.BytesWritten);
        Assert.Equal(Convert.FromHexString("0101aa"), writer.ToList().Bytes.ToArray());
    }

    [Fact]
    public void A_length_bounded_list_must_end_exactly_at_its_length()
    {
        Assert.True(TlvBlock.TryRead(Convert.FromHexString("05" + "0101aa" + "0200"), out var block).IsDone);
        Assert.Equal(2, block.Options.Count);

        // Five bytes of options, but the second option claims three bytes of value: it runs past the list's end.
        var result = TlvBlock.TryRead(Convert.FromHexString("05" + "0101aa" + "0203bbccdd"), out _);
        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal(CodecErrorKind.LengthOutOfRange, result.Error.Kind);
        Assert.Equal("Value", result.Error.Field);
    }

    [Fact]
    public void Dissection_shows_the_element_count()
    {
        var dissection = TlvContainer.Dissect(Container);

        Assert.True(dissection.Result.IsDone);
        Assert.Equal("2 elements: 0101aa0202bbcc", dissection["Options"]!.Display);
        Assert.Equal(8 * 10, dissection["Trailer"]!.BitOffset);
    }
}
