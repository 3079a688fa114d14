using System.Buffers;
using System.Text;
using Codec.Transport.Framing;
using Codec.Transport.Tests.Protocols;

namespace Codec.Transport.Tests.Framing;

public class DelimitedReaderTests
{
    private static readonly byte[] Lines = Encoding.ASCII.GetBytes("HELO a\r\n\r\nQUIT\r\n");

    [Fact]
    public void Reads_lines_split_at_every_pair_of_boundaries_even_inside_the_delimiter()
    {
        var reader = new DelimitedReader("\r\n"u8, maximumLength: 64);
        for (int first = 0; first <= Lines.Length; first++)
        {
            for (int second = first; second <= Lines.Length; second++)
            {
                ReadOnlySequence<byte> input = Segment.Split(Lines, first, second);
                var read = new List<string>();
                while (true)
                {
                    SequencePosition consumed = input.Start;
                    SequencePosition examined = input.End;
                    if (!reader.TryParseMessage(input, ref consumed, ref examined, out ReadOnlySequence<byte> line))
                    {
                        Assert.Equal(CodecStatus.NeedMoreData, reader.LastResult.Status);
                        break;
                    }

                    read.Add(Encoding.ASCII.GetString(line));
                    input = input.Slice(consumed);
                }

                Assert.Equal(["HELO a", "", "QUIT"], read);
                Assert.Equal(0, input.Length);
            }
        }
    }

    [Fact]
    public void A_partial_line_examines_everything_and_consumes_nothing()
    {
        var reader = new DelimitedReader("\r\n"u8, maximumLength: 64);
        ReadOnlySequence<byte> input = new(Encoding.ASCII.GetBytes("HELO a\r"));
        SequencePosition consumed = input.Start;
        SequencePosition examined = input.Start;

        Assert.False(reader.TryParseMessage(input, ref consumed, ref examined, out _));

        Assert.Equal(input.Start, consumed);
        Assert.Equal(input.End, examined);
    }

    [Fact]
    public void A_line_at_the_maximum_is_read_and_one_byte_longer_is_rejected_without_more_input()
    {
        var reader = new DelimitedReader("\n"u8, maximumLength: 4);
        ReadOnlySequence<byte> atMaximum = new(Encoding.ASCII.GetBytes("abcd\n"));
        SequencePosition consumed = atMaximum.Start;
        SequencePosition examined = atMaximum.Start;
        Assert.True(reader.TryParseMessage(atMaximum, ref consumed, ref examined, out ReadOnlySequence<byte> line));
        Assert.Equal("abcd", Encoding.ASCII.GetString(line));

        // Five bytes and no delimiter: no line within the maximum can follow.
        ReadOnlySequence<byte> tooLong = new(Encoding.ASCII.GetBytes("abcde"));
        consumed = tooLong.Start;
        examined = tooLong.Start;
        Assert.False(reader.TryParseMessage(tooLong, ref consumed, ref examined, out _));
        Assert.Equal(CodecStatus.InvalidData, reader.LastResult.Status);
        Assert.Equal(CodecErrorKind.ValueOutOfRange, reader.LastResult.Error.Kind);
    }

    [Fact]
    public void The_writer_round_trips_and_refuses_payloads_holding_the_delimiter()
    {
        var writer = new DelimitedWriter("\r\n"u8, maximumLength: 8);
        var output = new ArrayBufferWriter<byte>();
        writer.WriteMessage("HELO a"u8.ToArray().AsMemory(), output);
        writer.WriteMessage(Segment.Split("QUIT"u8.ToArray(), 2), output);

        Assert.Equal("HELO a\r\nQUIT\r\n", Encoding.ASCII.GetString(output.WrittenSpan));
        Assert.Throws<ArgumentException>(() => writer.WriteMessage("a\r\nb"u8.ToArray().AsMemory(), output));
        Assert.Throws<ArgumentException>(() => writer.WriteMessage(Segment.Split("a\r\nb"u8.ToArray(), 2), output));
        Assert.Throws<ArgumentException>(() => writer.WriteMessage("123456789"u8.ToArray().AsMemory(), output));
        Assert.Equal(14, output.WrittenCount);
    }
}
