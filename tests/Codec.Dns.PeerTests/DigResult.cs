using System.Text.RegularExpressions;

namespace Codec.Dns.PeerTests;

/// <summary>
/// What dig (or kdig) printed, reduced to what the comparison looks at: status, header flags, the question as printed
/// (case kept) and the answer and authority sections (lower-cased, blanks collapsed, sorted within each section).
/// </summary>
internal sealed partial record DigResult(string Status, string Flags, string Question, IReadOnlyList<string> Answer, IReadOnlyList<string> Authority, IReadOnlyList<string> Additional, string Raw)
{
    public static DigResult Parse(string output)
    {
        string status = StatusPattern().Match(output) is { Success: true } s ? s.Groups[1].Value : "(none)";
        string flags = FlagsPattern().Match(output) is { Success: true } f ? string.Join(' ', f.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)) : "(none)";
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string? current = null;
        string question = string.Empty;
        foreach (string raw in output.Split('\n'))
        {
            string line = raw.Trim();
            Match header = SectionPattern().Match(line);
            if (header.Success)
            {
                current = header.Groups[1].Value;
                sections.TryAdd(current, []);
                continue;
            }

            if (line.Length == 0 || (line.StartsWith(';') && current != "QUESTION"))
            {
                if (line.Length == 0)
                {
                    current = null;
                }

                continue;
            }

            if (current == "QUESTION")
            {
                question = Collapse(line.TrimStart(';'));
                continue;
            }

            if (current is not null)
            {
                sections[current].Add(Collapse(line).ToLowerInvariant());
            }
        }

        IReadOnlyList<string> Section(string name) => sections.TryGetValue(name, out List<string>? lines) ? [.. lines.Order(StringComparer.Ordinal)] : [];
        return new DigResult(status, flags, question, Section("ANSWER"), Section("AUTHORITY"), Section("ADDITIONAL"), output);
    }

    /// <summary>The parts compared with knotd: everything but the raw text and the additional section.</summary>
    public string Comparable => $"status={Status}; flags={Flags}; question={Question}; answer=[{string.Join(" | ", Answer)}]; authority=[{string.Join(" | ", Authority)}]";

    private static string Collapse(string line) => BlankPattern().Replace(line, " ").Trim();

    [GeneratedRegex(@"status: ([A-Z0-9]+)")]
    private static partial Regex StatusPattern();

    [GeneratedRegex(@";; flags:([a-z ]*);", RegexOptions.IgnoreCase)]
    private static partial Regex FlagsPattern();

    [GeneratedRegex(@"^;; ([A-Z]+) SECTION:$")]
    private static partial Regex SectionPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex BlankPattern();
}
