using Codec.Runtime.Tests.Checksums;
using Codec.Protocols.Tests.Infrastructure;

namespace Codec.Protocols.Tests.Robustness;

/// <summary>
/// The seeds the mutation test starts from: every IP packet of every classic pcap in ../shared/corpus/pcap, and every
/// message of unbound's DNS test packets (../shared/corpus/dns/unbound).
/// </summary>
internal static class MutationInputs
{
    public static List<byte[]> IPPackets()
    {
        var packets = new List<byte[]>();
        foreach (string path in Directory.EnumerateFiles(Path.Combine(Corpus.Directory, "pcap"), "*.pcap").Order(StringComparer.Ordinal))
        {
            PcapFile file;
            try
            {
                file = PcapFile.Read(path);
            }
            catch (InvalidDataException)
            {
                continue; // pcapng or damaged on purpose: the capture reader's own tests cover those
            }

            foreach (byte[] frame in file.Frames)
            {
                if (file.TryGetIPPacket(frame, out ReadOnlySpan<byte> ip) && ip.Length > 0 && ip[0] >> 4 == 4)
                {
                    packets.Add(ip.ToArray());
                }
            }
        }

        return packets;
    }

    public static List<byte[]> DnsMessages()
    {
        return UnboundPackets.All().ConvertAll(p => p.Bytes);
    }
}
