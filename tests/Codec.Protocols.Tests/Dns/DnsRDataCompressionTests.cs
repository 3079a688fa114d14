using System.Buffers.Binary;
using System.Text.Json;
using Codec.Dns;
using Codec.Protocols.Dns;
using Codec.Protocols.Tests.Infrastructure;

namespace Codec.Protocols.Tests.Dns;

/// <summary>
/// The compressing writers compress the names inside the RDATA of NS, CNAME, PTR, MX and SOA (RFC 1035 §4.1.4), never
/// inside other types' RDATA (RFC 3597 §4: SRV here), and set RDLENGTH to what was written.
/// </summary>
public class DnsRDataCompressionTests
{
    private static byte[] Wire(string text)
    {
        var wire = new byte[DnsName.MaxWireLength];
        Assert.True(DnsName.TryParse(text, wire, out int written));
        return wire[..written];
    }

    private static DnsName Name(byte[] wire)
    {
        Assert.True(DnsName.TryRead(wire, 0, out DnsName name, out _));
        return name;
    }

    /// <summary>Writes the owner www.example.com. with a record of <paramref name="type"/> and <paramref name="rdata"/>, both forms of the write.</summary>
    private static (byte[] Message, int RDataAt) Write(DnsType type, byte[] rdata, ushort rdLength = 0, bool fast = false)
    {
        byte[] owner = Wire("www.example.com.");
        var message = new byte[512];
        var compressor = new DnsNameCompressor();
        int position = DnsMessage.MinimumSize;
        var record = new DnsResourceRecord { Name = Name(owner), Type = type, Class = DnsClass.IN, Ttl = 300, RdLength = rdLength, RData = rdata };
        if (fast)
        {
            Assert.True(record.TryWrite(message, ref position, compressor, out int written));
            Assert.Equal(position - DnsMessage.MinimumSize, written);
        }
        else
        {
            WriteResult result = record.TryWrite(message, ref position, compressor);
            Assert.True(result.IsDone, result.ToString());
            Assert.Equal(position - DnsMessage.MinimumSize, result.BytesWritten);
        }

        return (message[..position], DnsMessage.MinimumSize + owner.Length + 10);
    }

    /// <summary>Reads the record written at 12 back and checks RDLENGTH covers exactly the RDATA written.</summary>
    private static DnsResourceRecord ReadBack(byte[] message, int rdataAt)
    {
        Assert.Equal(message.Length - rdataAt, BinaryPrimitives.ReadUInt16BigEndian(message.AsSpan(rdataAt - 2)));
        Assert.True(DnsResourceRecord.TryReadAt(message, DnsMessage.MinimumSize, out DnsResourceRecord record).IsDone);
        return record;
    }

    [Theory]
    [InlineData(DnsType.CNAME, false)]
    [InlineData(DnsType.NS, false)]
    [InlineData(DnsType.PTR, true)]
    [InlineData(DnsType.CNAME, true)]
    public void A_name_in_NS_CNAME_or_PTR_RDATA_points_to_the_owner(DnsType type, bool fast)
    {
        (byte[] message, int at) = Write(type, Wire("mail.EXAMPLE.com."), fast: fast);

        // "mail" then a pointer to "example.com." inside the owner (offset 12 + 4), the first spelling.
        Assert.Equal(Convert.FromHexString("046D61696CC010"), message[at..]);
        DnsResourceRecord record = ReadBack(message, at);
        Assert.True(record.RData.TryGetCname(out DnsNameData cname) || record.RData.TryGetNs(out cname) || record.RData.TryGetPtr(out cname));
        Assert.Equal("mail.example.com.", cname.Target.ToString());
    }

    [Fact]
    public void An_MX_exchange_equal_to_the_owner_is_a_bare_pointer_after_the_preference()
    {
        byte[] rdata = [0, 10, .. Wire("www.example.com.")];
        (byte[] message, int at) = Write(DnsType.MX, rdata);

        Assert.Equal(Convert.FromHexString("000AC00C"), message[at..]);
        Assert.True(ReadBack(message, at).RData.TryGetMx(out DnsMxData mx));
        Assert.Equal(10, mx.Preference);
        Assert.Equal("www.example.com.", mx.Exchange.ToString());
    }

    [Fact]
    public void Both_SOA_names_are_compressed_and_the_timers_follow()
    {
        byte[] timers = Convert.FromHexString("0000000100000E1000000384000927C000000E10");
        byte[] rdata = [.. Wire("ns1.example.com."), .. Wire("hostmaster.example.com."), .. timers];
        (byte[] message, int at) = Write(DnsType.SOA, rdata);

        Assert.Equal(Convert.FromHexString("036E7331C010" + "0A686F73746D6173746572C010") .Concat(timers).ToArray(), message[at..]);
        Assert.True(ReadBack(message, at).RData.TryGetSoa(out DnsSoaData soa));
        Assert.Equal("ns1.example.com.", soa.MName.ToString());
        Assert.Equal("hostmaster.example.com.", soa.RName.ToString());
        Assert.Equal(1u, soa.Serial);
        Assert.Equal(3600u, soa.Minimum);
    }

    [Fact]
    public void An_SRV_target_is_not_compressed_RFC_3597()
    {
        byte[] rdata = [0, 1, 0, 2, 0x01, 0xBB, .. Wire("www.example.com.")];
        (byte[] message, int at) = Write(DnsType.SRV, rdata);

        Assert.Equal(rdata, message[at..]);
        Assert.True(ReadBack(message, at).RData.TryGetSrv(out DnsSrvData srv));
        Assert.Equal("www.example.com.", srv.Target.ToString());
    }

    [Fact]
    public void An_RDLENGTH_equal_to_the_octets_is_recomputed_and_any_other_set_one_keeps_the_octets()
    {
        // Equal to the octets' length (a record read from a message): compressed, RDLENGTH set to what was written.
        byte[] target = Wire("www.example.com.");
        (byte[] message, int at) = Write(DnsType.CNAME, target, rdLength: (ushort)target.Length);
        Assert.Equal([0xC0, 12], message[at..]);
        Assert.Equal(2, BinaryPrimitives.ReadUInt16BigEndian(message.AsSpan(at - 2)));

        // Another length is the caller's: written as it is, with the octets as they are (as the uncompressed writer does).
        (message, at) = Write(DnsType.CNAME, target, rdLength: 99, fast: true);
        Assert.Equal(target, message[at..]);
        Assert.Equal(99, BinaryPrimitives.ReadUInt16BigEndian(message.AsSpan(at - 2)));
    }

    [Fact]
    public void Octets_that_are_not_the_case_are_written_as_they_are()
    {
        // A CNAME whose RDATA is not one name (a label runs past the end): written raw, as the uncompressed writer does.
        byte[] broken = [5, (byte)'a', (byte)'b'];
        (byte[] message, int at) = Write(DnsType.CNAME, broken);
        Assert.Equal(broken, message[at..]);
    }

    [Fact]
    public void RDATA_with_pointers_into_the_message_it_was_read_from_is_resolved_in_the_new_one()
    {
        // www.example.com. CNAME web.<pointer to example.com. at 16>: copied as octets, the pointer would be wrong in a
        // message laid out differently.
        byte[] source = Convert.FromHexString(
            "000081800000000100000000" + "03777777076578616D706C6503636F6D00" + "0005000100000E100006" + "03776562C010");
        Assert.True(DnsMessage.TryRead(source, out DnsMessage read).IsDone);
        DnsResourceRecord answer = default;
        foreach (DnsResourceRecord record in read.Answers)
        {
            answer = record;
        }

        var message = new byte[64];
        var compressor = new DnsNameCompressor();
        int position = 20;   // not where the source had it
        message[12] = 3; message[13] = (byte)'c'; message[14] = (byte)'o'; message[15] = (byte)'m'; message[16] = 0;
        Assert.True(answer.TryWrite(message, ref position, compressor).IsDone);

        Assert.True(DnsResourceRecord.TryReadAt(message.AsSpan(0, position), 20, out DnsResourceRecord again).IsDone, Convert.ToHexString(message, 0, position));
        Assert.True(again.RData.TryGetCname(out DnsNameData cname));
        Assert.Equal("web.example.com.", cname.Target.ToString());
        Assert.Equal("www.example.com.", again.Name.ToString());
    }

    [Fact]
    public void Corpus_messages_round_trip_through_a_compressed_write_names_in_RDATA_included()
    {
        int written = 0, withNames = 0;
        byte[] buffer = new byte[65535];
        var compressor = new DnsNameCompressor(4096);
        foreach (string line in File.ReadLines(Path.Combine(Corpus.Directory, "dns", "unbound", "test_packets.decoded.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            byte[] bytes = Convert.FromHexString(doc.RootElement.GetProperty("hex").GetString()!);
            if (!DnsMessage.TryRead(bytes, out DnsMessage dns).IsDone)
            {
                continue;
            }

            foreach (bool fast in new[] { false, true })
            {
                compressor.Reset();
                int position = 0;
                if (fast)
                {
                    Assert.True(dns.TryWrite(buffer, ref position, compressor, out _));
                }
                else
                {
                    WriteResult result = dns.TryWrite(buffer, ref position, compressor);
                    Assert.True(result.IsDone, result.ToString());
                }

                ReadResult back = DnsMessage.TryRead(buffer.AsSpan(0, position), out DnsMessage copy);
                Assert.True(back.IsDone, back.ToString());
                Assert.Equal(Describe(dns), Describe(copy));
            }

            written++;
            withNames += HasNamesInRData(dns) ? 1 : 0;
        }

        Assert.True(written > 100 && withNames > 20, $"{written} messages written, {withNames} with names in RDATA");
    }

    private static bool HasNamesInRData(DnsMessage dns) =>
        HasNamesInRData(dns.Answers) || HasNamesInRData(dns.Authorities) || HasNamesInRData(dns.Additionals);

    private static bool HasNamesInRData(MessageList<DnsResourceRecord> section)
    {
        foreach (DnsResourceRecord record in section)
        {
            if (DnsRData.CompressesNames((ulong)record.Type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every question and record as text: names resolved, RDATA as its case's fields (names resolved too).</summary>
    private static List<string> Describe(DnsMessage dns)
    {
        var into = new List<string>();
        foreach (DnsQuestion question in dns.Questions)
        {
            into.Add(question.Name.ToString() + " " + question.Type + " " + question.Class);
        }

        Records(dns.Answers, into);
        Records(dns.Authorities, into);
        Records(dns.Additionals, into);
        return into;
    }

    private static void Records(MessageList<DnsResourceRecord> section, List<string> into)
    {
        foreach (DnsResourceRecord record in section)
        {
            into.Add(record.Name.ToString() + " " + record.Type + " " + record.Class + " " + record.Ttl + " " + record.RData.ToString());
        }
    }
}
