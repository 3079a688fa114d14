using System.Buffers;
using Codec.Protocols.IPv4;
using Codec.Transport.Tests.Protocols;

namespace Codec.Protocols.Tests.IPv4;

/// <summary>
/// A fixed message (the IPv4 header) read from a <see cref="ReadOnlySequence{T}"/> through the generated sequence
/// overload: the in-place path (the header in the first segment), the gathering path (the header straddles segments,
/// cut at every octet and into single octets), and the failure paths with the positions a PipeReader loop needs.
/// </summary>
public class Ipv4HeaderSequenceTests
{
    // A DNS query's IPv4 header (RFC 791), followed by four octets of payload that are not part of it.
    private static readonly byte[] Packet = Convert.FromHexString("4500003c1c4640004011b1e6c0a80001c0a800c7" + "01020304");

    private static Ipv4Header FromSpan() => Ipv4Header.Read(Packet);

    [Fact]
    public void Reads_in_place_when_the_header_lies_in_the_first_segment()
    {
        var sequence = new ReadOnlySequence<byte>(Packet);
        Assert.True(Ipv4Header.TryRead(in sequence, out Ipv4Header header, out SequencePosition consumed, out SequencePosition examined).IsDone);
        Assert.Equal(FromSpan(), header);
        Assert.Equal(20, sequence.GetOffset(consumed));
        Assert.Equal(consumed, examined);
    }

    [Fact]
    public void Reads_a_header_cut_at_every_octet_as_from_one_span()
    {
        for (int cut = 1; cut < Packet.Length; cut++)
        {
            ReadOnlySequence<byte> sequence = Segment.Split(Packet, cut);
            Assert.True(Ipv4Header.TryRead(in sequence, out Ipv4Header header, out SequencePosition consumed, out SequencePosition examined).IsDone, $"cut at {cut}");
            Assert.Equal(FromSpan(), header);
            Assert.Equal(20, sequence.GetOffset(consumed));
            Assert.Equal(consumed, examined);
        }
    }

    [Fact]
    public void Reads_a_header_in_single_octet_segments()
    {
        ReadOnlySequence<byte> sequence = Segment.Split(Packet, [.. Enumerable.Range(1, Packet.Length - 1)]);
        Assert.True(Ipv4Header.TryRead(in sequence, out Ipv4Header header, out SequencePosition consumed, out _).IsDone);
        Assert.Equal(FromSpan(), header);
        Assert.Equal(20, sequence.GetOffset(consumed));
    }

    [Fact]
    public void A_short_input_needs_more_data_consuming_nothing_and_examining_everything()
    {
        for (int length = 0; length < 20; length++)
        {
            foreach (ReadOnlySequence<byte> sequence in Shapes(Packet[..length]))
            {
                ReadResult result = Ipv4Header.TryRead(in sequence, out _, out SequencePosition consumed, out SequencePosition examined);
                Assert.Equal(CodecStatus.NeedMoreData, result.Status);
                Assert.Equal(0, sequence.GetOffset(consumed));
                Assert.Equal(sequence.Length, sequence.GetOffset(examined));
            }
        }
    }

    [Fact]
    public void An_invalid_header_consumes_nothing_and_examines_the_header_window()
    {
        byte[] bad = (byte[])Packet.Clone();
        bad[0] = 0x65; // version 6 where the constant says 4
        foreach (ReadOnlySequence<byte> sequence in Shapes(bad))
        {
            ReadResult result = Ipv4Header.TryRead(in sequence, out _, out SequencePosition consumed, out SequencePosition examined);
            Assert.Equal(CodecStatus.InvalidData, result.Status);
            Assert.Equal("Version", result.Error.Field);
            Assert.Equal(0, sequence.GetOffset(consumed));
            Assert.Equal(20, sequence.GetOffset(examined));
        }
    }

    private static IEnumerable<ReadOnlySequence<byte>> Shapes(byte[] bytes)
    {
        yield return new ReadOnlySequence<byte>(bytes);
        for (int cut = 1; cut < bytes.Length; cut++)
        {
            yield return Segment.Split(bytes, cut);
        }
    }
}
