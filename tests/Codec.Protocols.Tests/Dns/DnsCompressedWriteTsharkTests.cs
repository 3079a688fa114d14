using System.Buffers.Binary;
using Codec.Dns;
using Codec.Protocols.Capture;
using Codec.Protocols.Dns;
using Codec.Protocols.IPv4;
using Codec.Protocols.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Codec.Protocols.Tests.Dns;

/// <summary>
/// Differential test of the compressing writers against tshark: every message of the unbound test packets that reads is
/// written again with <see cref="DnsMessage"/>'s compressing writer (owner names and the names inside NS, CNAME, PTR, MX
/// and SOA RDATA compressed through one <see cref="DnsNameCompressor"/>), and tshark must dissect the original and our
/// octets into the same names, types, counts and RDATA fields, none of them malformed (RDLENGTH is not compared: ours
/// compresses where the original writer did not). Names are compared ASCII-case-blind (RFC 4343): a
/// compressed name takes the spelling of the suffix it points to.
/// </summary>
public class DnsCompressedWriteTsharkTests(ITestOutputHelper output)
{
    private static readonly string[] Fields =
    [
        "dns.id", "dns.flags", "dns.count.queries", "dns.count.answers", "dns.count.auth_rr", "dns.count.add_rr",
        "dns.qry.name", "dns.qry.type", "dns.resp.name", "dns.resp.type", "dns.resp.class", "dns.resp.ttl",
        "dns.a", "dns.aaaa", "dns.cname", "dns.ns", "dns.ptr.domain_name", "dns.mx.preference", "dns.mx.mail_exchange",
        "dns.soa.mname", "dns.soa.rname", "dns.soa.serial_number", "dns.soa.minimum_ttl", "dns.srv.target", "dns.txt",
        "_ws.malformed",
    ];

    [Fact]
    public void Tshark_reads_our_compressed_messages_as_it_reads_the_originals()
    {
        var originals = new List<byte[]>();
        var ours = new List<byte[]>();
        byte[] buffer = new byte[65535];
        var compressor = new DnsNameCompressor(4096);
        int pointersInRData = 0;
        foreach (UnboundPackets.Packet packet in UnboundPackets.All())
        {
            byte[] bytes = packet.Bytes;
            if (!DnsMessage.TryRead(bytes, out DnsMessage dns).IsDone)
            {
                continue;
            }

            compressor.Reset();
            int position = 0;
            WriteResult result = dns.TryWrite(buffer, ref position, compressor);
            Assert.True(result.IsDone, result.ToString());
            originals.Add(bytes);
            ours.Add(buffer[..position]);
            pointersInRData += RDataPointers(buffer.AsSpan(0, position));
        }

        string expected = Dissect(originals, "originals");
        string actual = Dissect(ours, "ours");
        string[] expectedLines = expected.Split('\n');
        string[] actualLines = actual.Split('\n');
        Assert.Equal(expectedLines.Length, actualLines.Length);
        for (int i = 0; i < expectedLines.Length; i++)
        {
            Assert.True(
                string.Equals(expectedLines[i], actualLines[i], StringComparison.OrdinalIgnoreCase),
                $"message {i + 1}: tshark dissects the original as\n{expectedLines[i]}\nand ours as\n{actualLines[i]}");
        }

        // The comparison means something only if our writer compressed names inside RDATA.
        output.WriteLine($"{ours.Count} messages compared; {pointersInRData} names inside RDATA written compressed");
        Assert.True(ours.Count > 100, $"{ours.Count} messages");
        Assert.True(pointersInRData > 20, $"{pointersInRData} compressed names inside RDATA");
    }

    /// <summary>Wraps each DNS message in IPv4 + UDP from port 53, writes them to a raw-IP pcap and returns tshark's fields.</summary>
    private static string Dissect(List<byte[]> messages, string name)
    {
        string pcap = Path.Combine(Path.GetTempPath(), $"codecs-dns-compressed-{name}-{Environment.ProcessId}.pcap");
        try
        {
            using (var writer = new PcapWriter(File.Create(pcap), LinkLayerType.Raw))
            {
                ulong timestamp = 1_700_000_000_000_000;
                foreach (byte[] message in messages)
                {
                    byte[] udp = new byte[8 + message.Length];
                    BinaryPrimitives.WriteUInt16BigEndian(udp, 53);
                    BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(2), 40000);
                    BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(4), (ushort)udp.Length);
                    message.CopyTo(udp, 8);
                    byte[] ip = SampleFrames.Ipv4(IPProtocol.Udp, udp);
                    writer.WritePacket(ip, ip.Length, timestamp++, 1_000_000);
                }
            }

            return Tshark.Fields(pcap, Fields).TrimEnd('\n');
        }
        finally
        {
            File.Delete(pcap);
        }
    }

    /// <summary>How many names inside the RDATA of NS, CNAME, PTR, MX and SOA records of <paramref name="message"/> end in a pointer.</summary>
    private static int RDataPointers(ReadOnlySpan<byte> message)
    {
        Assert.True(DnsMessage.TryRead(message, out DnsMessage dns).IsDone);
        return RDataPointers(dns.Answers) + RDataPointers(dns.Authorities) + RDataPointers(dns.Additionals);
    }

    private static int RDataPointers(MessageList<DnsResourceRecord> section)
    {
        int pointers = 0;
        foreach (DnsResourceRecord record in section)
        {
            if (!DnsRData.CompressesNames((ulong)record.Type))
            {
                continue;
            }

            ReadOnlySpan<byte> rdata = record.RData.Bytes;
            int at = record.Type == DnsType.MX ? 2 : 0;
            int names = record.Type == DnsType.SOA ? 2 : 1;
            for (int n = 0; n < names && at < rdata.Length; n++)
            {
                pointers += EndsInPointer(rdata, ref at) ? 1 : 0;
            }
        }

        return pointers;
    }

    /// <summary>Walks the labels of the name at <paramref name="at"/>: true if it ends in a compression pointer.</summary>
    private static bool EndsInPointer(ReadOnlySpan<byte> rdata, ref int at)
    {
        while (at < rdata.Length)
        {
            byte length = rdata[at];
            if (length == 0)
            {
                at++;
                return false;
            }

            if ((length & 0xC0) == 0xC0)
            {
                at += 2;
                return true;
            }

            at += 1 + length;
        }

        return false;
    }
}
