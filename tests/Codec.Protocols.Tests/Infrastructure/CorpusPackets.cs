using Codec.Runtime.Tests.Checksums;
using Codec.Protocols.IPv4;

namespace Codec.Protocols.Tests.Infrastructure;

/// <summary>The IPv4 datagrams of the corpus captures that tshark decoded, with their frame numbers.</summary>
internal static class CorpusPackets
{
    /// <summary>Classic pcap captures of the corpus that have a tshark field file.</summary>
    public static IEnumerable<string> Captures(Func<string, bool>? filter = null)
    {
        string folder = Path.Combine(Corpus.Directory, "pcap");
        return Directory.GetFiles(folder, "*.pcap")
            .Select(Path.GetFileName)
            .Where(name => File.Exists(Path.Combine(folder, "tshark-fields", Path.ChangeExtension(name!, ".tsv"))))
            .Where(name => filter is null || filter(name!))
            .Order(StringComparer.Ordinal)!;
    }

    /// <summary>Each frame that holds an IPv4 datagram: its 1-based number and the IP bytes.</summary>
    public static IEnumerable<(int Number, byte[] Ip)> Ipv4(string capture)
    {
        PcapFile file;
        try
        {
            file = PcapFile.Read(Path.Combine(Corpus.Directory, "pcap", capture));
        }
        catch (InvalidDataException)
        {
            yield break;
        }

        for (int i = 0; i < file.Frames.Count; i++)
        {
            if (file.TryGetIPPacket(file.Frames[i], out ReadOnlySpan<byte> ip) && ip.Length > 0 && ip[0] >> 4 == 4)
            {
                yield return (i + 1, ip.ToArray());
            }
        }
    }

    /// <summary>Reads an unfragmented IPv4 datagram without checking its checksum.</summary>
    public static bool TryReadWhole(byte[] ip, out Ipv4Packet packet) =>
        Ipv4Packet.TryRead(ip, out packet, ReadOptions.SkipChecksums).IsDone && packet.FragmentOffset == 0 && !packet.MoreFragments;

    /// <summary>A tshark list of kinds without the trailing zeros it shows for End of Option List and its padding.</summary>
    public static string WithoutTrailingEnds(string kinds)
    {
        string trimmed = kinds;
        while (trimmed == "0" || trimmed.EndsWith("|0", StringComparison.Ordinal))
        {
            trimmed = trimmed.Length == 1 ? string.Empty : trimmed[..^2];
        }

        return trimmed;
    }
}
