namespace Codec.Protocols.Tests.Infrastructure;

/// <summary>
/// tshark's field values for a corpus capture (<c>pcap/tshark-fields/NAME.tsv</c>: a comment line with the command, a
/// header, then one row per frame; repeated occurrences joined by <c>|</c>).
/// </summary>
internal sealed class TsharkFields
{
    private readonly Dictionary<int, Dictionary<string, string>> _frames;

    private TsharkFields(Dictionary<int, Dictionary<string, string>> frames) => _frames = frames;

    public static TsharkFields Read(string captureName)
    {
        string path = Path.Combine(Corpus.Directory, "pcap", "tshark-fields", Path.ChangeExtension(captureName, ".tsv"));
        string[] lines = File.ReadAllLines(path).Where(l => !l.StartsWith('#')).ToArray();
        string[] header = lines[0].Split('\t');
        var frames = new Dictionary<int, Dictionary<string, string>>();
        foreach (string line in lines.Skip(1))
        {
            string[] cells = line.Split('\t');
            var row = new Dictionary<string, string>();
            for (int i = 0; i < header.Length && i < cells.Length; i++)
            {
                row[header[i]] = cells[i];
            }

            frames[int.Parse(row["frame.number"], System.Globalization.CultureInfo.InvariantCulture)] = row;
        }

        return new TsharkFields(frames);
    }

    /// <summary>The value of <paramref name="field"/> in frame <paramref name="number"/> (1-based), or "".</summary>
    public string Get(int number, string field) =>
        _frames.TryGetValue(number, out var row) && row.TryGetValue(field, out string? value) ? value : string.Empty;

    /// <summary>Whether tshark flagged the frame as malformed.</summary>
    public bool IsMalformed(int number) => Get(number, "_ws.malformed").Length > 0;
}
