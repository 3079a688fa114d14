using System.Buffers;
using Codec.Transport.Protocols;

namespace Codec.Transport.Tests.Protocols;

[Message]
public partial struct Probe
{
    [Field(0), Constant(0xC0DE)]
    public ushort Magic;

    [Field(1)]
    public uint Sequence;

    [Field(2, Bits = 4)]
    public byte Kind;

    [Field(3, Bits = 12)]
    public ushort Length;
}

public class WireMessageReaderTests
{
    private static readonly byte[] Two = Convert.FromHexString("C0DE0000002A1005" + "C0DE0000002B2006");

    [Fact]
    public void Reads_messages_split_at_every_byte_boundary()
    {
        var reader = new WireMessageReader<Probe>();
        for (int cut = 0; cut <= Two.Length; cut++)
        {
            ReadOnlySequence<byte> input = Segment.Split(Two, cut);
            var read = new List<Probe>();
            while (true)
            {
                SequencePosition consumed = input.Start;
                SequencePosition examined = input.End;
                if (!reader.TryParseMessage(input, ref consumed, ref examined, out var message))
                {
                    break;
                }

                read.Add(message);
                input = input.Slice(consumed);
            }

            Assert.Equal([42u, 43u], read.Select(p => p.Sequence));
            Assert.Equal([(byte)1, (byte)2], read.Select(p => p.Kind));
            Assert.Equal([(ushort)5, (ushort)6], read.Select(p => p.Length));
            Assert.Equal(0, input.Length);
        }
    }

    [Fact]
    public void A_partial_message_examines_everything_and_consumes_nothing()
    {
        var reader = new WireMessageReader<Probe>();
        for (int length = 0; length < Probe.Size; length++)
        {
            ReadOnlySequence<byte> input = Segment.Split(Two[..length], length / 2);
            SequencePosition consumed = input.Start;
            SequencePosition examined = input.Start;

            Assert.False(reader.TryParseMessage(input, ref consumed, ref examined, out _));
            Assert.Equal(input.Start, consumed);
            Assert.Equal(input.End, examined);
            Assert.Equal(CodecStatus.NeedMoreData, reader.LastResult.Status);
        }
    }

    [Fact]
    public void Garbage_is_reported_as_invalid_with_the_field()
    {
        var reader = new WireMessageReader<Probe>();
        ReadOnlySequence<byte> input = Segment.Split(Convert.FromHexString("BADC0FFEE0DDF00D"), 3);
        SequencePosition consumed = input.Start;
        SequencePosition examined = input.Start;

        Assert.False(reader.TryParseMessage(input, ref consumed, ref examined, out _));
        Assert.Equal(CodecStatus.InvalidData, reader.LastResult.Status);
        Assert.Equal("Magic", reader.LastResult.Error.Field);
    }

    [Fact]
    public void The_writer_writes_through_the_generated_code()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new WireMessageWriter<Probe>();

        writer.WriteMessage(new Probe { Sequence = 42, Kind = 1, Length = 5 }, output);
        writer.WriteMessage(new Probe { Sequence = 43, Kind = 2, Length = 6 }, output);

        Assert.Equal(Two, output.WrittenSpan.ToArray());
        Assert.Throws<CodecException>(() => writer.WriteMessage(new Probe { Kind = 16 }, output));
    }
}
