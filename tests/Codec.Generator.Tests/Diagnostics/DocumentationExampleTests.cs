using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Codec.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codec.Generator.Tests.Diagnostics;

/// <summary>
/// The examples in docs/diagnostics/CODEC0NN.md are real: the "Wrong:" example reports that ID (and only it), the
/// "Fixed" example generates cleanly. Keeps the documentation in step with the generator.
/// </summary>
public sealed partial class DocumentationExampleTests
{
    private static readonly string[] AllIds = [.. Enumerable.Range(1, 37).Select(i => $"CODEC{i:000}")];

    public static TheoryData<string> Ids => new(AllIds);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Wrong_example_reports_exactly_its_id(string id)
    {
        string wrong = CodeBlockAfter(ReadDoc(id), "Wrong");
        GeneratorRun run = GeneratorHarness.Run(wrong);

        Assert.Null(run.Result.Exception);
        // CODEC016's wrong example is also a compiler error (CS8345: a span field in a plain struct), and a [BitFields]
        // word's partial properties lack their implementing part (CS9248) when the word is rejected; nothing else may be.
        Assert.False(
            run.InputDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error
                && !(id == "CODEC016" && d.Id == "CS8345") && !(id is "CODEC036" or "CODEC037" && d.Id == "CS9248")),
            GeneratorRun.Describe(run.InputDiagnostics));
        Assert.True(
            run.GeneratorDiagnostics.Length > 0 && run.GeneratorDiagnostics.All(d => d.Id == id),
            $"{id}.md's wrong example should report only {id}, but got:" + Environment.NewLine + GeneratorRun.Describe(run.GeneratorDiagnostics));
        Assert.Empty(run.GeneratedCodeProblems);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Fixed_example_generates_cleanly(string id)
    {
        string fixedExample = CodeBlockAfter(ReadDoc(id), "Fixed");
        GeneratorRun run = GeneratorHarness.Run(fixedExample);

        Assert.Null(run.Result.Exception);
        Assert.True(run.GeneratorDiagnostics.IsEmpty, $"{id}.md's fixed example:" + Environment.NewLine + GeneratorRun.Describe(run.GeneratorDiagnostics));
        Assert.NotEmpty(run.GeneratedSources);
        var problems = run.OutputDiagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, $"{id}.md's fixed example:" + Environment.NewLine + GeneratorRun.Describe(problems));
    }

    [Fact]
    public void Readme_indexes_every_diagnostic()
    {
        string readme = File.ReadAllText(Path.Combine(DocsFolder(), "README.md"));
        foreach (string id in AllIds)
        {
            Assert.Contains($"[{id}]({id}.md)", readme, StringComparison.Ordinal);
        }
    }

    private static string ReadDoc(string id) => File.ReadAllText(Path.Combine(DocsFolder(), id + ".md"));

    /// <summary>The first ```csharp block after the first line that starts with <paramref name="label"/>.</summary>
    private static string CodeBlockAfter(string markdown, string label)
    {
        Match heading = Regex.Match(markdown, $"^{Regex.Escape(label)}\\b.*$", RegexOptions.Multiline);
        Assert.True(heading.Success, $"no line starting with '{label}'");
        Match block = CodeBlock().Match(markdown, heading.Index);
        Assert.True(block.Success, $"no ```csharp block after '{label}'");
        return block.Groups["code"].Value;
    }

    [GeneratedRegex("^```csharp\\r?\\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    private static string DocsFolder([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..", "docs", "diagnostics"));
}
