using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Codec.Generator.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="MessageGenerator"/> (or any incremental generator) over C# source strings in memory, the way the
/// compiler would, and returns what it produced.
/// </summary>
/// <remarks>
/// <para>
/// References are the .NET 10 reference assemblies (Basic.Reference.Assemblies.Net100) plus Codec.Runtime, so the
/// sources see the real <c>[Message]</c>, <c>[Field]</c>, … attributes and the generated code is compiled against
/// the real runtime. Nullable is enabled and the warning level is the highest (9999), like the projects' own
/// builds with <c>TreatWarningsAsErrors</c>: generated code must compile with no error and no warning.
/// </para>
/// <para>
/// Each source gets a distinct file path (<c>/src/Source0.cs</c>, …). The generator reports diagnostics at
/// locations rebuilt from file path and span (its models hold no syntax trees), so the path is what ties a
/// diagnostic back to its source text; see <see cref="LocationText"/>.
/// </para>
/// <para>
/// Snapshots of generated code (Snapshooter.Xunit) are described where they are taken, in
/// <c>Snapshots/GeneratedCodeSnapshotTests.cs</c>: <c>Snapshot.Match(text, SnapshotNameExtension.Create("X"))</c> writes
/// <c>__snapshots__/{TestClass}.{TestMethod}_X.snap</c> next to the test file on first run and compares afterwards;
/// mismatches land in <c>__snapshots__/__mismatch__/</c>; <c>SNAPSHOOTER_STRICT_MODE=on</c> (or <c>true</c>) makes a
/// missing snapshot fail, which is what CI must use.
/// </para>
/// </remarks>
public static class GeneratorHarness
{
    /// <summary>The tracking names of the generator's incremental steps (docs/generated-api.md).</summary>
    public static readonly ImmutableArray<string> TrackedStepNames =
        ["CodecMessageParse", "CodecMessageModels", "CodecMessageDiagnostics"];

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
        [
            .. Basic.Reference.Assemblies.Net100.References.All,
            MetadataReference.CreateFromFile(typeof(Codec.MessageAttribute).Assembly.Location),
        ]);

    /// <summary>Parse options for test sources: the newest language version (the projects use LangVersion latest).</summary>
    public static CSharpParseOptions ParseOptions { get; } =
        CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview).WithDocumentationMode(DocumentationMode.Parse);

    /// <summary>Compilation options: a library, nullable enabled, every warning wave on.</summary>
    public static CSharpCompilationOptions CompilationOptions { get; } =
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithWarningLevel(9999)
            .WithDeterministic(true)
            .WithAllowUnsafe(false);

    /// <summary>The metadata references every test compilation gets.</summary>
    public static ImmutableArray<MetadataReference> References => s_references.Value;

    /// <summary>Parses <paramref name="source"/> as a tree at <paramref name="path"/>.</summary>
    public static SyntaxTree ParseTree(string source, string path) =>
        CSharpSyntaxTree.ParseText(SourceText.From(source, System.Text.Encoding.UTF8), ParseOptions, path);

    /// <summary>Builds a compilation named "Tests" from the sources (paths /src/Source0.cs, /src/Source1.cs, …).</summary>
    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Tests",
            sources.Select((source, i) => ParseTree(source, SourcePath(i))),
            References,
            CompilationOptions);

    /// <summary>The path the <paramref name="index"/>-th source of <see cref="CreateCompilation"/> gets.</summary>
    public static string SourcePath(int index) => $"/src/Source{index}.cs";

    /// <summary>
    /// A driver for the generators (default: a new <see cref="MessageGenerator"/>) that tracks incremental steps and
    /// keeps every output kind.
    /// </summary>
    public static GeneratorDriver CreateDriver(params IIncrementalGenerator[] generators)
    {
        if (generators.Length == 0)
        {
            generators = [new MessageGenerator()];
        }

        return CSharpGeneratorDriver.Create(
            generators.Select(GeneratorExtensions.AsSourceGenerator),
            additionalTexts: null,
            parseOptions: ParseOptions,
            optionsProvider: null,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs a fresh <see cref="MessageGenerator"/> over the sources.</summary>
    public static GeneratorRun Run(params string[] sources) => Run(CreateCompilation(sources));

    /// <summary>
    /// Runs <paramref name="driver"/> (default: a fresh driver for <see cref="MessageGenerator"/>) over
    /// <paramref name="compilation"/>. Pass the <see cref="GeneratorRun.Driver"/> of an earlier run to observe
    /// incremental caching.
    /// </summary>
    public static GeneratorRun Run(CSharpCompilation compilation, GeneratorDriver? driver = null)
    {
        driver ??= CreateDriver();
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> driverDiagnostics);
        return new GeneratorRun(compilation, (CSharpCompilation)output, driver, driver.GetRunResult(), driverDiagnostics);
    }

    /// <summary>
    /// The source text a diagnostic points at. Works both for in-source locations and for the external-file
    /// locations (path + span) that a generator rebuilds from value models, by finding the tree with that path in
    /// <paramref name="compilation"/>. Null when the location maps to no tree.
    /// </summary>
    public static string? LocationText(Diagnostic diagnostic, Compilation compilation)
    {
        Location location = diagnostic.Location;
        if (location.IsInSource && location.SourceTree is { } tree)
        {
            return tree.GetText().ToString(location.SourceSpan);
        }

        if (location.Kind == LocationKind.ExternalFile)
        {
            string path = location.GetLineSpan().Path;
            SyntaxTree? match = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == path);
            if (match is not null && location.SourceSpan.End <= match.Length)
            {
                return match.GetText().ToString(location.SourceSpan);
            }
        }

        return null;
    }
}

/// <summary>What one generator run produced.</summary>
/// <param name="Input">The compilation the generator ran over (the user's code only).</param>
/// <param name="Output">The input plus the generated trees.</param>
/// <param name="Driver">The driver after the run; run it again over an edited compilation to test caching.</param>
/// <param name="RunResult">The driver's run result (generated sources, diagnostics, tracked steps, exceptions).</param>
/// <param name="DriverDiagnostics">Diagnostics of the driver itself, e.g. CS8785 when a generator threw.</param>
public sealed record GeneratorRun(
    CSharpCompilation Input,
    CSharpCompilation Output,
    GeneratorDriver Driver,
    GeneratorDriverRunResult RunResult,
    ImmutableArray<Diagnostic> DriverDiagnostics)
{
    /// <summary>The result of the first (for the message tests, the only) generator.</summary>
    public GeneratorRunResult Result => RunResult.Results[0];

    /// <summary>Generated sources, hint name → text, ordered by hint name.</summary>
    public ImmutableSortedDictionary<string, string> GeneratedSources =>
        RunResult.Results
            .SelectMany(r => r.GeneratedSources)
            .ToImmutableSortedDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>Diagnostics the generator reported (CODEC0NN).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => RunResult.Diagnostics;

    /// <summary>All compiler diagnostics of the input compilation (the user's own code).</summary>
    public ImmutableArray<Diagnostic> InputDiagnostics => Input.GetDiagnostics();

    /// <summary>All compiler diagnostics of the output compilation (user code + generated code).</summary>
    public ImmutableArray<Diagnostic> OutputDiagnostics => Output.GetDiagnostics();

    /// <summary>The generated syntax trees of <see cref="Output"/>.</summary>
    public ImmutableArray<SyntaxTree> GeneratedTrees => [.. RunResult.GeneratedTrees];

    /// <summary>Errors and warnings of the output compilation that lie in generated trees.</summary>
    public ImmutableArray<Diagnostic> GeneratedCodeProblems =>
        [.. OutputDiagnostics.Where(d =>
            d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning
            && d.Location.SourceTree is { } tree
            && RunResult.GeneratedTrees.Contains(tree))];

    /// <summary>
    /// Errors of the output compilation that the user's code alone does not have: the errors the generated code
    /// brings (in generated trees, or in user trees because of generated members, e.g. a duplicate definition).
    /// </summary>
    public ImmutableArray<Diagnostic> ErrorsAddedByGeneration
    {
        get
        {
            var before = InputDiagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(Key)
                .ToHashSet(StringComparer.Ordinal);
            return [.. OutputDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && !before.Contains(Key(d)))];

            static string Key(Diagnostic d) => $"{d.Id}|{d.Location.GetLineSpan()}|{d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }
    }

    /// <summary>The source text a generator diagnostic points at (see <see cref="GeneratorHarness.LocationText"/>).</summary>
    public string? LocationText(Diagnostic diagnostic) => GeneratorHarness.LocationText(diagnostic, Input);

    /// <summary>A readable dump of diagnostics for assertion messages.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));

    /// <summary>Generated sources with their hint names, for assertion messages.</summary>
    public string DescribeGenerated() =>
        string.Join(
            Environment.NewLine,
            GeneratedSources.Select(kv => $"// ===== {kv.Key} =====" + Environment.NewLine + kv.Value));
}
