using Codec.Protocols.Tcp;
using Snapshooter.Xunit;

namespace Codec.Protocols.Tests.Tcp;

public class TcpSegmentTests
{
    // A Linux SYN: 54321 → 80, data offset 10: MSS 1460, SACK permitted, timestamps 1/0, NOP, window scale 7.
    private static readonly byte[] Syn = Convert.FromHexString(
        "d43100506b8b456700000000a00272108b1c0000" + "020405b4" + "0402" + "080a0000000100000000" + "01" + "030307");

    [Fact]
    public void A_syn_has_typed_options()
    {
        ReadResult result = TcpSegment.TryRead(Syn, out TcpSegment tcp);

        Assert.True(result.IsDone, result.ToString());
        Assert.Equal(40, result.BytesConsumed);
        Assert.Equal(5, tcp.Options.Count);
        Assert.True(tcp.Options.TryGetMaximumSegmentSize(out TcpMaximumSegmentSize mss));
        Assert.Equal(1460, mss.Value);
        Assert.True(tcp.Options.HasSackPermitted);
        Assert.True(tcp.Options.TryGetTimestamps(out TcpTimestamps timestamps));
        Assert.Equal(1u, timestamps.Value);
        Assert.Equal(0u, timestamps.EchoReply);
        Assert.True(tcp.Options.TryGetWindowScale(out TcpWindowScale scale));
        Assert.Equal(7, scale.ShiftCount);
        Assert.False(tcp.Options.HasSack);
        Assert.True(tcp.Payload.IsEmpty);
    }

    [Fact]
    public void Sack_blocks_fast_open_cookies_and_unknown_kinds_are_read()
    {
        byte[] options = Convert.FromHexString("0101" + "050a" + "0000000a00000014" + "2206" + "a1b2c3d4" + "fe04abcd" + "00");
        byte[] segment = [.. Header(dataOffset: 5 + 6), .. options, 0, .. "hi"u8];

        Assert.True(TcpSegment.TryRead(segment, out TcpSegment tcp).IsDone);
        Assert.True(tcp.Options.TryGetSack(out TcpSack sack));
        var blocks = new List<(uint, uint)>();
        foreach (TcpSackBlock block in sack.Blocks)
        {
            blocks.Add((block.LeftEdge, block.RightEdge));
        }

        Assert.Equal([(10u, 20u)], blocks);
        Assert.True(tcp.Options.TryGetFastOpenCookie(out TcpFastOpenCookie cookie));
        Assert.Equal("A1B2C3D4", Convert.ToHexString(cookie.Cookie));
        Assert.True(tcp.Options.TryFind(254, out OptionEntry experiment));
        Assert.Equal("ABCD", Convert.ToHexString(experiment.Value));
        Assert.True(tcp.Options.HasEndOfOptionList);
        Assert.Equal(1, tcp.Options.Padding.Length);
        Assert.Equal("hi"u8.ToArray(), tcp.Payload.ToArray());
    }

    [Theory]
    [InlineData("0200" + "0000", 21)]   // MSS with length 0
    [InlineData("0201" + "0000", 21)]   // MSS with length 1
    [InlineData("0101" + "0805", 23)]   // timestamps claiming 5 octets where 2 remain
    [InlineData("01010102", 24)]        // NOP NOP NOP, then a kind with no length octet
    public void Malformed_options_are_invalid_naming_the_length_and_its_offset(string options, int offset)
    {
        byte[] segment = [.. Header(dataOffset: 6), .. Convert.FromHexString(options)];

        ReadResult result = TcpSegment.TryRead(segment, out _);

        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal(CodecErrorKind.LengthOutOfRange, result.Error.Kind);
        Assert.Equal(OptionListReader.LengthField, result.Error.Field);
        Assert.Equal(offset, result.Error.ByteOffset);
    }

    [Fact]
    public void A_typed_option_of_the_wrong_length_reads_but_is_not_returned()
    {
        byte[] segment = [.. Header(dataOffset: 6), .. Convert.FromHexString("0303" + "0700")]; // window scale fine
        Assert.True(TcpSegment.TryRead(segment, out TcpSegment tcp).IsDone);
        Assert.True(tcp.Options.TryGetWindowScale(out _));

        segment = [.. Header(dataOffset: 6), .. Convert.FromHexString("0304" + "0700")]; // two octets of data
        Assert.True(TcpSegment.TryRead(segment, out tcp).IsDone);
        Assert.True(tcp.Options.HasWindowScale);
        Assert.False(tcp.Options.TryGetWindowScale(out _));
        Assert.Contains("malformed", TcpSegment.Dissect(segment)["Options.WindowScale"]!.Display, StringComparison.Ordinal);
    }

    [Fact]
    public void A_data_offset_below_five_is_invalid()
    {
        ReadResult result = TcpSegment.TryRead(Header(dataOffset: 4), out _);

        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal("Options", result.Error.Field);
    }

    [Fact]
    public void Every_truncation_and_mutation_returns_a_status()
    {
        for (int length = 0; length < Syn.Length; length++)
        {
            ReadResult result = TcpSegment.TryRead(Syn.AsSpan(0, length), out _);
            Assert.Equal(CodecStatus.NeedMoreData, result.Status);
            Assert.NotNull(TcpSegment.Dissect(Syn.AsSpan(0, length)));
        }

        var random = new Random(9293);
        for (int trial = 0; trial < 20_000; trial++)
        {
            byte[] mutated = (byte[])Syn.Clone();
            for (int flips = random.Next(1, 4); flips > 0; flips--)
            {
                mutated[20 + random.Next(mutated.Length - 20)] = (byte)random.Next(256);
            }

            mutated[12] = (byte)(random.Next(16) << 4);
            ReadResult result = TcpSegment.TryRead(mutated, out TcpSegment tcp);
            if (result.IsDone)
            {
                int total = 0;
                foreach (OptionEntry option in tcp.Options)
                {
                    total += option.Length;
                }

                Assert.Equal(tcp.DataOffset * 4 - 20, total + tcp.Options.Padding.Length);
                _ = tcp.Options.TryGetSack(out _);
                _ = tcp.Options.TryGetTimestamps(out _);
            }

            Assert.Equal(result.Status, TcpSegment.Dissect(mutated).Result.Status);
        }
    }

    [Fact]
    public void The_options_writer_builds_a_syn_and_the_data_offset_is_computed()
    {
        byte[] buffer = new byte[40];
        var options = new TcpOptions.Writer(buffer);
        Assert.True(options.TryAddMaximumSegmentSize(new TcpMaximumSegmentSize { Value = 1460 }).IsDone);
        Assert.True(options.TryAddSackPermitted().IsDone);
        Assert.True(options.TryAddTimestamps(new TcpTimestamps { Value = 1, EchoReply = 0 }).IsDone);
        Assert.True(options.TryAddNoOperation().IsDone);
        Assert.True(options.TryAddWindowScale(new TcpWindowScale { ShiftCount = 7 }).IsDone);
        Assert.Equal(20, options.BytesWritten); // whole words already: no End of Option List needed

        TcpSegment syn = TcpSegment.Read(Syn);
        syn.DataOffset = 0;
        syn.Options = options.ToList();
        byte[] written = new byte[syn.GetSerializedSize()];

        Assert.True(syn.TryWrite(written).IsDone);
        Assert.Equal(Syn, written);

        // One more octet of options needs the End of Option List and padding to the next word.
        options = new TcpOptions.Writer(buffer);
        Assert.True(options.TryAddWindowScale(new TcpWindowScale { ShiftCount = 7 }).IsDone);
        Assert.True(options.TryEnd(alignment: 4).IsDone);
        syn.Options = options.ToList();
        written = new byte[syn.GetSerializedSize()];
        Assert.True(syn.TryWrite(written).IsDone);
        Assert.Equal(6, written[12] >> 4);
        Assert.Equal("03030700", Convert.ToHexString(written[20..]));
    }

    [Fact]
    public void A_fast_open_cookie_request_is_an_empty_cookie()
    {
        var options = new TcpOptions.Writer(new byte[4]);
        Assert.True(options.TryAddFastOpenCookie(default).IsDone);
        Assert.Equal("2202", Convert.ToHexString(options.ToList().Bytes));
    }

    [Fact]
    public void Dissection_names_each_option()
    {
        MessageDissection dissection = TcpSegment.Dissect(Syn);

        Assert.True(dissection.Result.IsDone);
        Assert.Equal("kind 2, length 4: 1460", dissection["Options.MaximumSegmentSize"]!.Display);
        Assert.Equal("Maximum Segment Size", dissection["Options.MaximumSegmentSize"]!.Label);
        Assert.Equal("kind 8, length 10: Timestamp value: 1, Timestamp echo reply: 0", dissection["Options.Timestamps"]!.Display);
        Assert.Equal("kind 3, length 3: 7", dissection["Options.WindowScale"]!.Display);
        Assert.Equal("kind 4, length 2", dissection["Options.SackPermitted"]!.Display);
        Assert.Equal("kind 1", dissection["Options.NoOperation"]!.Display);
    }

    [Fact]
    public void Text_dissection_of_a_syn()
    {
        var text = new System.Text.StringBuilder();
        DissectionText.Write(text, TcpSegment.Dissect(Syn));
        Snapshot.Match(text.ToString());
    }

    [Fact]
    public void The_visiting_read_hands_over_the_header_then_each_option_in_wire_order()
    {
        var visitor = new OptionKinds();

        Assert.True(TcpSegment.TryRead(Syn, ref visitor, out TcpSegment tcp, out int length));

        Assert.Equal(40, length);
        Assert.Equal(54321, visitor.SourcePort);
        Assert.Equal("2@20+4 4@24+2 8@26+10 1@36+1 3@37+3", visitor.Seen.Trim());
        Assert.Equal(5, tcp.Options.Count);
        Assert.True(tcp.Options.TryGetWindowScale(out TcpWindowScale scale));
        Assert.Equal(7, scale.ShiftCount);
    }

    [Theory]
    [InlineData("0101" + "0805", 23, "1@20+1 1@21+1")] // timestamps claiming 5 octets where 2 remain
    [InlineData("01010102", 24, "1@20+1 1@21+1 1@22+1")] // a kind with no length octet
    public void A_visiting_read_stops_at_a_malformed_option_and_the_result_names_it(string options, int offset, string seen)
    {
        byte[] segment = [.. Header(dataOffset: 6), .. Convert.FromHexString(options)];
        var visitor = new OptionKinds();

        Assert.False(TcpSegment.TryRead(segment, ref visitor, out _, out _));
        Assert.Equal(seen, visitor.Seen.Trim());

        visitor = new OptionKinds();
        ReadResult result = TcpSegment.TryRead(segment, ref visitor, out _);
        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal(OptionListReader.LengthField, result.Error.Field);
        Assert.Equal(offset, result.Error.ByteOffset);
    }

    [Fact]
    public void A_visiting_read_ends_with_the_end_option_and_keeps_the_padding()
    {
        byte[] segment = [.. Header(dataOffset: 7), .. Convert.FromHexString("0303" + "07" + "00" + "ffffffff"), .. "hi"u8];
        var visitor = new OptionKinds();

        Assert.True(TcpSegment.TryRead(segment, ref visitor, out TcpSegment tcp, out _));

        Assert.Equal("3@20+3 0@23+1E", visitor.Seen.Trim());
        Assert.Equal(2, tcp.Options.Count);
        Assert.Equal(4, tcp.Options.Padding.Length);
        Assert.Equal("hi"u8.ToArray(), tcp.Payload.ToArray());
    }

    /// <summary>The example of docs/generated-api.md ("Option lists are lists too"), recording what it is handed.</summary>
    private struct OptionKinds : TcpSegment.IElementVisitor
    {
        public string Seen;
        public int SourcePort;

        public void VisitHeader(in TcpSegment message)
        {
            Assert.True(message.Options.IsEmpty);
            Assert.Null(Seen);
            SourcePort = message.SourcePort;
        }

        public void VisitOptions(OptionEntry element) =>
            Seen += $" {element.Kind}@{element.Offset}+{element.Length}{(element.EndsList ? "E" : string.Empty)}";
    }

    private static byte[] Header(int dataOffset) =>
        Convert.FromHexString("d43100506b8b456700000000" + (dataOffset << 4).ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + "1872108b1c0000");
}
