using Codec.Dns;
using Codec.Protocols.Dns;
using Codec.Protocols.Tests.Infrastructure;

namespace Codec.Protocols.Tests.Dns;

/// <summary>
/// Generated writers thread one <see cref="DnsNameCompressor"/> through a whole message: the question's and every
/// record's names share one table (RFC 1035 §4.1.4).
/// </summary>
public class DnsCompressedWriteTests
{
    // example.com. A? → example.com. A 192.0.2.1, www.example.com. A 192.0.2.2, every name written in full.
    private static readonly byte[] Uncompressed = Convert.FromHexString(
        "123481800001000200000000076578616d706c6503636f6d0000010001" +
        "076578616d706c6503636f6d000001000100000e100004c0000201" +
        "03777777076578616d706c6503636f6d000001000100000e100004c0000202");

    private static readonly byte[] Compressed = Convert.FromHexString(
        "123481800001000200000000076578616d706c6503636f6d0000010001" +
        "c00c0001000100000e100004c0000201" +
        "03777777c00c0001000100000e100004c0000202");

    [Fact]
    public void Records_share_the_compression_table_of_the_message()
    {
        DnsMessage dns = DnsMessage.Read(Uncompressed);
        byte[] buffer = new byte[512];
        var compressor = new DnsNameCompressor();
        int position = 0;

        WriteResult result = dns.TryWrite(buffer, ref position, compressor);

        Assert.True(result.IsDone, result.ToString());
        Assert.Equal(Compressed.Length, position);
        Assert.Equal(Compressed, buffer[..position]);
    }

    [Fact]
    public void Writing_with_a_reused_compressor_allocates_nothing()
    {
        byte[] buffer = new byte[512];
        var compressor = new DnsNameCompressor();

        int Work()
        {
            int total = 0;
            for (int i = 0; i < 1000; i++)
            {
                DnsMessage dns = DnsMessage.Read(Uncompressed);
                compressor.Reset();
                int position = 0;
                dns.TryWrite(buffer, ref position, compressor);
                total += position;
            }

            return total;
        }

        Work();
        Work();
        long before = GC.GetAllocatedBytesForCurrentThread();
        int total = Work();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(1000 * Compressed.Length, total);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void A_message_can_be_written_after_a_prefix_and_a_short_buffer_leaves_the_position()
    {
        DnsMessage dns = DnsMessage.Read(Uncompressed);
        var compressor = new DnsNameCompressor();
        int position = 0;
        Assert.Equal(CodecStatus.DestinationTooSmall, dns.TryWrite(new byte[Uncompressed.Length - 1], ref position, compressor).Status);
        Assert.Equal(0, position);

        // Records alone, written into a message being built: pointers count from the message's start.
        byte[] buffer = new byte[512];
        Uncompressed.AsSpan(0, 29).CopyTo(buffer);
        compressor.Reset();
        position = 12;
        Assert.True(DnsName.TryRead(Uncompressed, 12, out DnsName question, out _));
        Assert.True(compressor.TryWrite(question, buffer, ref position).IsDone);
        position = 29;
        foreach (DnsResourceRecord record in dns.Answers)
        {
            Assert.True(record.TryWrite(buffer, ref position, compressor).IsDone);
        }

        Assert.Equal(Compressed[29..], buffer[29..position]);
    }

    [Fact]
    public void Corpus_messages_without_names_in_rdata_round_trip_through_a_compressed_write()
    {
        int written = 0;
        byte[] buffer = new byte[65535];
        var compressor = new DnsNameCompressor();
        foreach (UnboundPackets.Packet packet in UnboundPackets.All())
        {
            byte[] bytes = packet.Bytes;
            if (!DnsMessage.TryRead(bytes, out DnsMessage dns).IsDone || !NoNamesInRData(dns))
            {
                continue;
            }

            compressor.Reset();
            int position = 0;
            Assert.True(dns.TryWrite(buffer, ref position, compressor).IsDone);
            Assert.True(position <= dns.GetSerializedSize());
            ReadResult back = DnsMessage.TryRead(buffer.AsSpan(0, position), out DnsMessage copy);
            Assert.True(back.IsDone, back.ToString());
            Assert.Equal(dns.QdCount + dns.AnCount + dns.NsCount + dns.ArCount, copy.QdCount + copy.AnCount + copy.NsCount + copy.ArCount);
            var original = new List<string>();
            var again = new List<string>();
            Names(dns, original);
            Names(copy, again);
            Assert.Equal(original, again);
            written++;
        }

        Assert.True(written > 100, $"only {written} messages written");
    }

    private static bool NoNamesInRData(DnsMessage dns) =>
        NoNamesInRData(dns.Answers) && NoNamesInRData(dns.Authorities) && NoNamesInRData(dns.Additionals);

    private static bool NoNamesInRData(MessageList<DnsResourceRecord> section)
    {
        foreach (DnsResourceRecord record in section)
        {
            if (record.Type is not (DnsType.A or DnsType.AAAA or DnsType.TXT or DnsType.OPT))
            {
                return false;
            }
        }

        return true;
    }

    private static void Names(DnsMessage dns, List<string> into)
    {
        foreach (DnsQuestion question in dns.Questions)
        {
            into.Add(question.Name.ToString() + " " + question.Type);
        }

        Records(dns.Answers, into);
        Records(dns.Authorities, into);
        Records(dns.Additionals, into);
    }

    private static void Records(MessageList<DnsResourceRecord> section, List<string> into)
    {
        foreach (DnsResourceRecord record in section)
        {
            into.Add(record.Name.ToString() + " " + record.Type + " " + Convert.ToHexString(record.RData.Bytes));
        }
    }
}
