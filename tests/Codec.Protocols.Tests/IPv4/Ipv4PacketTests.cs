using Codec.Protocols.IPv4;

namespace Codec.Protocols.Tests.IPv4;

public class Ipv4PacketTests
{
    // IHL 6: one 4-byte option (Router Alert, RFC 2113: 94 04 00 00), total length 28, 4 bytes of data, then 2 bytes
    // of Ethernet-style padding that are not part of the datagram. Checksum valid.
    private static readonly byte[] WithOption = Build();

    private static byte[] Build()
    {
        byte[] packet = Convert.FromHexString("4600001c00014000" + "0102" + "0000" + "c0000201" + "e0000016" + "94040000" + "deadbeef" + "0000");
        ushort checksum = InternetChecksum.Compute(packet.AsSpan(0, 24));
        packet[10] = (byte)(checksum >> 8);
        packet[11] = (byte)checksum;
        return packet;
    }

    [Fact]
    public void Options_and_payload_are_slices_bounded_by_total_length()
    {
        var result = Ipv4Packet.TryRead(WithOption, out var ip);

        Assert.True(result.IsDone, result.ToString());
        Assert.Equal(28, result.BytesConsumed);
        Assert.Equal(6, ip.Ihl);
        Assert.Equal(IPProtocol.Igmp, ip.Protocol);
        Assert.Equal(Convert.FromHexString("94040000"), ip.Options.Bytes.ToArray());
        Assert.True(ip.Options.TryGetRouterAlert(out Ipv4RouterAlertOption alert));
        Assert.Equal(0, alert.Value);
        Assert.Equal(Convert.FromHexString("deadbeef"), ip.Payload.ToArray());
        Assert.True(InternetChecksum.IsValid(WithOption.AsSpan(0, ip.Ihl * 4)));
    }

    [Fact]
    public void Write_reproduces_the_datagram_and_computes_lengths_left_at_zero()
    {
        var ip = Ipv4Packet.Read(WithOption);
        var buffer = new byte[64];
        Assert.True(ip.TryWrite(buffer, out int written));
        Assert.Equal(WithOption[..28], buffer[..written]);

        ip.Ihl = 0;
        ip.TotalLength = 0;
        Array.Clear(buffer);
        Assert.True(ip.TryWrite(buffer, out written));
        Assert.Equal(WithOption[..28], buffer[..written]);
    }

    [Fact]
    public void Options_that_are_not_whole_words_cannot_be_written()
    {
        var ip = Ipv4Packet.Read(WithOption);
        ip.Ihl = 0;
        var options = new Ipv4Options.Writer(new byte[8]);
        Assert.True(options.TryAddNoOperation().IsDone);
        Assert.True(options.TryAddNoOperation().IsDone);
        Assert.True(options.TryAddNoOperation().IsDone);
        ip.Options = options.ToList();

        var result = ip.TryWrite(new byte[64]);

        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal("Ihl", result.Error.Field);
    }

    [Fact]
    public void A_header_length_below_five_words_is_invalid()
    {
        byte[] bytes = (byte[])WithOption.Clone();
        bytes[0] = 0x44;

        var result = Ipv4Packet.TryRead(bytes, out _);

        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal(CodecErrorKind.LengthOutOfRange, result.Error.Kind);
        Assert.Equal("Options", result.Error.Field);
        Assert.Equal(20, result.Error.ByteOffset);
    }

    [Fact]
    public void Options_past_the_total_length_are_invalid_and_a_total_length_past_the_input_needs_more_data()
    {
        byte[] shortTotal = (byte[])WithOption.Clone();
        shortTotal[3] = 22; // total length 22 < header length 24
        var invalid = Ipv4Packet.TryRead(shortTotal, out _);
        Assert.Equal(CodecStatus.InvalidData, invalid.Status);
        Assert.Equal("Options", invalid.Error.Field);

        byte[] longTotal = (byte[])WithOption.Clone();
        longTotal[3] = 40;
        var needMore = Ipv4Packet.TryRead(longTotal, out _);
        Assert.Equal(CodecStatus.NeedMoreData, needMore.Status);
        Assert.Equal("TotalLength", needMore.Error.Field);
        Assert.Equal(40UL, needMore.Error.Expected);

        byte[] tiny = (byte[])WithOption.Clone();
        tiny[3] = 12; // below the 20-byte minimum
        Assert.Equal(CodecErrorKind.LengthOutOfRange, Ipv4Packet.TryRead(tiny, out _).Error.Kind);
    }

    [Fact]
    public void Every_truncation_and_every_mutation_returns_a_status()
    {
        for (int length = 0; length < 28; length++)
        {
            var result = Ipv4Packet.TryRead(WithOption.AsSpan(0, length), out _);
            Assert.Equal(CodecStatus.NeedMoreData, result.Status);
            Assert.NotNull(Ipv4Packet.Dissect(WithOption.AsSpan(0, length)));
        }

        var random = new Random(791);
        for (int trial = 0; trial < 50_000; trial++)
        {
            byte[] mutated = (byte[])WithOption.Clone();
            for (int flips = random.Next(1, 4); flips > 0; flips--)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            var span = mutated.AsSpan(0, random.Next(mutated.Length + 1));
            var result = Ipv4Packet.TryRead(span, out var ip);
            if (result.IsDone)
            {
                Assert.InRange(result.BytesConsumed, 20, span.Length);
                Assert.Equal(ip.Ihl * 4 - 20, ip.Options.Bytes.Length);
                Assert.Equal(ip.TotalLength - ip.Ihl * 4, ip.Payload.Length);
            }

            var dissection = Ipv4Packet.Dissect(span);
            Assert.Equal(result.Status, dissection.Result.Status);
        }
    }

    [Fact]
    public void Dissection_lists_options_and_payload()
    {
        var dissection = Ipv4Packet.Dissect(WithOption);

        Assert.True(dissection.Result.IsDone);
        Assert.Equal("94040000", dissection["Options"]!.Display);
        Assert.Equal(160, dissection["Options"]!.BitOffset);
        Assert.Equal("deadbeef", dissection["Payload"]!.Display);
        Assert.Equal(192, dissection["Payload"]!.BitOffset);
    }

    [Fact]
    public void A_wrong_header_checksum_is_invalid_unless_checksums_are_skipped()
    {
        byte[] bytes = (byte[])WithOption.Clone();
        bytes[11] ^= 0x01;
        ushort right = (ushort)((WithOption[10] << 8) | WithOption[11]);

        var result = Ipv4Packet.TryRead(bytes, out _);
        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal(CodecErrorKind.ChecksumMismatch, result.Error.Kind);
        Assert.Equal("HeaderChecksum", result.Error.Field);
        Assert.Equal(10, result.Error.ByteOffset);
        Assert.Equal(right, (ushort)result.Error.Expected);
        Assert.Equal((ushort)(right ^ 1), (ushort)result.Error.Actual);

        Assert.True(Ipv4Packet.TryRead(bytes, out _, ReadOptions.SkipChecksums).IsDone);

        // The checksum covers the options too.
        byte[] option = (byte[])WithOption.Clone();
        option[23] ^= 0x10; // the Router Alert value: the option still reads, the checksum does not match
        Assert.Equal(CodecErrorKind.ChecksumMismatch, Ipv4Packet.TryRead(option, out _).Error.Kind);
    }

    [Fact]
    public void A_checksum_left_at_zero_is_computed_on_write()
    {
        var ip = Ipv4Packet.Read(WithOption);
        ip.HeaderChecksum = 0;
        ip.Ttl = 9;
        var buffer = new byte[28];

        Assert.True(ip.TryWrite(buffer, out _));
        Assert.True(InternetChecksum.IsValid(buffer.AsSpan(0, 24)));
        Assert.True(Ipv4Packet.TryRead(buffer, out var back).IsDone);
        Assert.Equal(9, back.Ttl);
    }
}
