using System.Text.Json;

namespace Codec.Protocols.Tests.Infrastructure;

/// <summary>
/// NLnet Labs unbound's test packets (<c>dns/unbound/test_packets.decoded.jsonl</c> in the <see cref="Corpus"/>): each
/// message's octets with where it comes from and dnspython 2.3.0's decode of the same bytes.
/// </summary>
internal static class UnboundPackets
{
    /// <summary>One message: its source file and index there, its octets, and dnspython's text (or error when it refused it).</summary>
    public sealed record Packet(int Index, string Source, byte[] Bytes, bool DnspythonOk, string DnspythonText)
    {
        /// <summary>"source #index", for assertion messages.</summary>
        public string Where => Source + " #" + Index;
    }

    /// <summary>Every message of the file, in its order.</summary>
    public static List<Packet> All()
    {
        var packets = new List<Packet>();
        foreach (string line in File.ReadLines(Path.Combine(Corpus.Directory, "dns", "unbound", "test_packets.decoded.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            JsonElement root = doc.RootElement;
            JsonElement decode = root.GetProperty("dnspython_2.3.0");
            bool ok = decode.GetProperty("ok").GetBoolean();
            string text = ok ? decode.GetProperty("text").GetString()! : decode.TryGetProperty("error", out var e) ? e.GetString()! : string.Empty;
            packets.Add(new Packet(root.GetProperty("index").GetInt32(), root.GetProperty("source").GetString()!, Convert.FromHexString(root.GetProperty("hex").GetString()!), ok, text));
        }

        return packets;
    }
}
