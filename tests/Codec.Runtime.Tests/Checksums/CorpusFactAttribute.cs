namespace Codec.Runtime.Tests.Checksums;

/// <summary>
/// A fact over the shared test corpus (<c>$CODECS_CORPUS</c>, else <c>/work/shared/corpus</c>), reported as skipped,
/// not passed, where the corpus is absent.
/// </summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (Corpus.Directory is null)
        {
            Skip = "The test corpus was not found: set CODECS_CORPUS to the directory that holds pcap/.";
        }
    }
}

internal static class Corpus
{
    public static string? Directory { get; } = Find();

    public static string PcapDirectory => Path.Combine(Directory ?? throw new InvalidOperationException("No corpus."), "pcap");

    private static string? Find()
    {
        foreach (string? candidate in new[] { Environment.GetEnvironmentVariable("CODECS_CORPUS"), "/work/shared/corpus" })
        {
            if (!string.IsNullOrEmpty(candidate) && System.IO.Directory.Exists(Path.Combine(candidate, "pcap")))
            {
                return candidate;
            }
        }

        return null;
    }
}
