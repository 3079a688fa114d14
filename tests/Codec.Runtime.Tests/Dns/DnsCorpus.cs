using System.Text.Json;

namespace Codec.Runtime.Tests.Dns;

/// <summary>
/// The shared test corpus (<c>shared/corpus</c>, next to the repository; see its README): found from the
/// <c>CODECS_CORPUS</c> environment variable (the corpus directory itself), or by walking up from the test binaries, the
/// directory <c>dotnet test</c> was started from, and this source file. Never copied into the repository.
/// </summary>
internal static class DnsCorpus
{
    /// <summary>One message of unbound's <c>testdata/test_packets.*</c> with dnspython 2.3.0's decoding of it.</summary>
    public sealed record Packet(string Source, int Index, string Comment, byte[] Bytes, bool DecodedOk, string Text, string Error)
    {
        public override string ToString() => $"{Source}#{Index} {Comment.Split('\n')[0]}";
    }

    /// <summary>The corpus directory, or null if it cannot be found. Under <c>CI=true</c> a missing corpus fails the test.</summary>
    public static string? Directory()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("CODECS_CORPUS");
        if (!string.IsNullOrEmpty(fromEnvironment) && System.IO.Directory.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        // The test host runs in the output directory, which --artifacts-path may put outside the repository, and CI
        // builds map this file's path to "/_/"; PWD is still the directory `dotnet test` was started from.
        string?[] starts =
        [
            AppContext.BaseDirectory,
            Environment.GetEnvironmentVariable("PWD"),
            Environment.CurrentDirectory,
            Path.GetDirectoryName(ThisFile()),
        ];
        foreach (string? start in starts)
        {
            for (string? dir = start; !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            {
                string candidate = Path.Combine(dir, "shared", "corpus");
                if (File.Exists(Path.Combine(candidate, "README.md")))
                {
                    return candidate;
                }
            }
        }

        Assert.False(
            string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
            $"CI=true but shared/corpus was not found above any of [{string.Join(", ", starts)}]; set CODECS_CORPUS.");
        return null;
    }

    /// <summary>Every record of <c>dns/unbound/test_packets.decoded.jsonl</c>; empty outside CI when the corpus is missing.</summary>
    public static IReadOnlyList<Packet> UnboundPackets()
    {
        string? corpus = Directory();
        if (corpus is null)
        {
            return [];
        }

        var packets = new List<Packet>();
        foreach (string line in File.ReadLines(Path.Combine(corpus, "dns", "unbound", "test_packets.decoded.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using JsonDocument doc = JsonDocument.Parse(line);
            JsonElement root = doc.RootElement;
            JsonElement decoded = root.GetProperty("dnspython_2.3.0");
            bool ok = decoded.GetProperty("ok").GetBoolean();
            packets.Add(new Packet(
                root.GetProperty("source").GetString()!,
                root.GetProperty("index").GetInt32(),
                root.GetProperty("comment").GetString() ?? "",
                Convert.FromHexString(root.GetProperty("hex").GetString()!),
                ok,
                ok ? decoded.GetProperty("text").GetString()! : "",
                ok ? "" : decoded.GetProperty("error").GetString()!));
        }

        return packets;
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
