using Xunit.Abstractions;

namespace Codec.Runtime.Tests.Checksums;

/// <summary>
/// Every TCP and UDP checksum that tshark verified in the corpus captures (pcap/tshark-fields/*.tsv, status 1 good or
/// 0 bad; the self-made captures' offloaded checksums are among the bad ones) gets the same verdict from
/// <see cref="InternetChecksum.IsValidTransport(IPv4Address, IPv4Address, byte, ReadOnlySpan{byte})"/> and its IPv6
/// overload; a bad one recomputes to the value tshark says it "should be", a good one to the value it holds.
/// </summary>
public class CorpusTransportChecksumTests(ITestOutputHelper output)
{
    [CorpusFact]
    public void Every_tshark_verified_tcp_and_udp_checksum_gets_the_same_verdict()
    {
        var failures = new List<string>();
        var counts = new Dictionary<string, int>();
        int files = 0;
        foreach (string pcapPath in Directory.GetFiles(Corpus.PcapDirectory, "*.pcap").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileNameWithoutExtension(pcapPath);
            string tsvPath = Path.Combine(Corpus.PcapDirectory, "tshark-fields", name + ".tsv");
            if (!File.Exists(tsvPath))
            {
                continue;
            }

            var pcap = PcapFile.Read(pcapPath);
            files++;
            foreach (var row in ReadTsv(tsvPath))
            {
                int number = int.Parse(row["frame.number"]);
                (byte protocol, string status) = row["tcp.checksum.status"] is { Length: > 0 } tcp
                    ? (TransportPacket.Tcp, tcp)
                    : (TransportPacket.Udp, row["udp.checksum.status"]);
                if (status is not ("0" or "1"))
                {
                    continue; // none, unverified (truncated), not present (UDP 0), illegal, or several nested layers
                }

                string where = $"{name} frame {number}";
                if (number > pcap.Frames.Count
                    || !pcap.TryGetIPPacket(pcap.Frames[number - 1], out var ip)
                    || !TransportPacket.TryParse(ip, out var packet)
                    || packet.Protocol != protocol)
                {
                    failures.Add($"{where}: tshark verified a {(protocol == 6 ? "TCP" : "UDP")} checksum the test could not find");
                    continue;
                }

                bool good = status == "1";
                string kind = $"{(packet.IsIPv6 ? "IPv6" : "IPv4")}/{(protocol == 6 ? "TCP" : "UDP")} {(good ? "good" : "bad")}";
                counts[kind] = counts.GetValueOrDefault(kind) + 1;
                if (packet.IsValid() != good)
                {
                    failures.Add($"{where}: tshark says {(good ? "good" : "bad")}, IsValidTransport says {(good ? "bad" : "good")}");
                    continue;
                }

                ushort recomputed = packet.Recompute();
                if (good && recomputed != packet.ChecksumField)
                {
                    failures.Add($"{where}: good checksum 0x{packet.ChecksumField:x4} recomputes to 0x{recomputed:x4}");
                }
                else if (!good && !row["_ws.expert.message"].Contains($"should be 0x{recomputed:x4}]", StringComparison.Ordinal))
                {
                    failures.Add($"{where}: recomputed 0x{recomputed:x4}, tshark: {row["_ws.expert.message"]}");
                }
            }
        }

        foreach (var (kind, count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{kind}: {count}");
        }

        output.WriteLine($"{files} captures");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));

        // The corpus is what makes this test meaningful: it must still hold every kind of packet.
        Assert.True(counts.Values.Sum() >= 500, $"only {counts.Values.Sum()} checksums compared");
        foreach (string kind in new[] { "IPv4/TCP good", "IPv4/TCP bad", "IPv4/UDP good", "IPv4/UDP bad", "IPv6/UDP good", "IPv6/UDP bad", "IPv6/TCP good" })
        {
            Assert.True(counts.GetValueOrDefault(kind) > 0, $"no {kind} checksum in the corpus");
        }
    }

    /// <summary>tshark -T fields output: a '#' comment line with the command, a header line, then one row per packet.</summary>
    private static IEnumerable<Dictionary<string, string>> ReadTsv(string path)
    {
        string[]? header = null;
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            string[] fields = line.Split('\t');
            if (header is null)
            {
                header = fields;
                continue;
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < fields.Length ? fields[i] : "";
            }

            yield return row;
        }
    }
}
