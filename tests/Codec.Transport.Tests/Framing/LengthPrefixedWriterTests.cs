using System.Buffers;
using Codec.Transport.Framing;
using Codec.Transport.Protocols;
using Codec.Transport.Tests.Protocols;

namespace Codec.Transport.Tests.Framing;

public class LengthPrefixedWriterTests
{
    [Fact]
    public void Writes_the_big_endian_length_then_the_message()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new LengthPrefixedWriter<Probe>(new WireMessageWriter<Probe>());

        writer.WriteMessage(new Probe { Sequence = 42, Kind = 1, Length = 5 }, output);

        Assert.Equal(Convert.FromHexString("0008C0DE0000002A1005"), output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Payloads_round_trip_through_the_reader_at_every_size()
    {
        var writer = new LengthPrefixedPayloadWriter();
        var reader = new LengthPrefixedPayloadReader();
        foreach (int length in new[] { 0, 1, 255, 256, 4093, 4094, 4095, 4096, 65_535 })
        {
            byte[] payload = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
            var output = new ArrayBufferWriter<byte>(1);
            writer.WriteMessage((ReadOnlyMemory<byte>)payload, output);
            ReadOnlySequence<byte> input = Segment.Split(output.WrittenSpan.ToArray(), Math.Min(1, output.WrittenCount));
            SequencePosition consumed = input.Start;
            SequencePosition examined = input.Start;

            Assert.True(reader.TryParseMessage(input, ref consumed, ref examined, out ReadOnlySequence<byte> read));
            Assert.Equal(payload, read.ToArray());
        }
    }

    [Fact]
    public void A_multi_segment_payload_is_written_whole()
    {
        var output = new ArrayBufferWriter<byte>();
        new LengthPrefixedPayloadWriter().WriteMessage(Segment.Split([1, 2, 3, 4, 5], 2, 3), output);

        Assert.Equal(new byte[] { 0, 5, 1, 2, 3, 4, 5 }, output.WrittenSpan.ToArray());
    }

    [Fact]
    public void A_message_over_the_maximum_throws_and_writes_nothing()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new LengthPrefixedWriter<Probe>(new WireMessageWriter<Probe>(), maximumLength: 7);

        CodecException exception = Assert.Throws<CodecException>(() => writer.WriteMessage(new Probe { Sequence = 1 }, output));

        Assert.Equal(0, output.WrittenCount);
        Assert.Contains("Length", exception.Message);
        Assert.Throws<CodecException>(() => new LengthPrefixedPayloadWriter().WriteMessage(new ReadOnlyMemory<byte>(new byte[65_536]), output));
    }

    [Fact]
    public void Nested_writers_each_get_their_own_scratch_buffer()
    {
        var output = new ArrayBufferWriter<byte>();
        var inner = new LengthPrefixedWriter<Probe>(new WireMessageWriter<Probe>());
        var outer = new LengthPrefixedWriter<Probe>(inner);

        outer.WriteMessage(new Probe { Sequence = 42, Kind = 1, Length = 5 }, output);

        Assert.Equal(Convert.FromHexString("000A" + "0008C0DE0000002A1005"), output.WrittenSpan.ToArray());
    }
}
