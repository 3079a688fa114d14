using Codec.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Snapshooter;
using Snapshooter.Xunit;

namespace Codec.Generator.Tests.Options;

/// <summary>The option list construct: clean generation, a snapshot of the emitted code, and incremental caching.</summary>
public sealed class OptionListGenerationTests
{
    private static readonly string[] OptionListSteps =
        [MessageGenerator.OptionListParseStep, MessageGenerator.OptionListModelStep, MessageGenerator.OptionListDiagnosticStep];

    [Fact]
    public void An_option_list_and_a_message_carrying_it_generate_cleanly()
    {
        GeneratorRun run = GeneratorHarness.Run(OptionListSources.Segment);

        Assert.Null(run.Result.Exception);
        Assert.True(run.GeneratorDiagnostics.IsEmpty, GeneratorRun.Describe(run.GeneratorDiagnostics));
        var problems = run.OutputDiagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, GeneratorRun.Describe(problems));
        Assert.Contains(run.GeneratedSources.Keys, k => k.EndsWith("SegmentOptions.OptionList.g.cs", StringComparison.Ordinal));
        string list = run.GeneratedSources.Single(kv => kv.Key.EndsWith("SegmentOptions.OptionList.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("public bool TryGetMaximumSegmentSize(out global::Sample.Options.Mss value)", list, StringComparison.Ordinal);
        Assert.Contains("public bool HasSackPermitted", list, StringComparison.Ordinal);
        Assert.Contains("new(1, 1, true, 0, 0x3UL, 0x0UL, 0x0UL, 0x0UL)", list, StringComparison.Ordinal);
    }

    [Fact]
    public void SegmentOptions_snapshot()
    {
        GeneratorRun run = GeneratorHarness.Run(OptionListSources.Segment);
        Assert.True(run.GeneratorDiagnostics.IsEmpty, GeneratorRun.Describe(run.GeneratorDiagnostics));
        string list = run.GeneratedSources.Single(kv => kv.Key.EndsWith("SegmentOptions.OptionList.g.cs", StringComparison.Ordinal)).Value;
        Snapshot.Match(list.ReplaceLineEndings("\n"), SnapshotNameExtension.Create("SegmentOptions"));
    }

    /// <summary>
    /// The message carrying the list: its visitor (<c>VisitHeader(in Segment)</c>, <c>VisitOptions(OptionEntry)</c>), and
    /// its read walking the options once with <c>ReadOptionAt</c>, emptying the members not read yet before the header
    /// is visited.
    /// </summary>
    [Fact]
    public void Segment_carrying_options_snapshot()
    {
        GeneratorRun run = GeneratorHarness.Run(OptionListSources.Segment);
        Assert.True(run.GeneratorDiagnostics.IsEmpty, GeneratorRun.Describe(run.GeneratorDiagnostics));
        string segment = run.GeneratedSources.Single(kv => kv.Key.EndsWith("Options.Segment.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("void VisitOptions(global::Codec.OptionEntry element);", segment, StringComparison.Ordinal);
        Assert.Contains("global::Sample.Options.SegmentOptions.ReadOptionAt(options, position,", segment, StringComparison.Ordinal);
        Snapshot.Match(segment.ReplaceLineEndings("\n"), SnapshotNameExtension.Create("Segment"));
    }

    [Fact]
    public void Adding_an_unrelated_file_leaves_every_option_list_step_cached()
    {
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(OptionListSources.Segment));
        Assert.Empty(first.GeneratorDiagnostics);

        GeneratorRun second = GeneratorHarness.Run(
            first.Input.AddSyntaxTrees(GeneratorHarness.ParseTree("namespace Unrelated; public class Plain { public int X; }", "/src/Unrelated.cs")),
            first.Driver);

        IncrementalAssert.AllCachedOrUnchanged(second.RunResult, [.. GeneratorHarness.TrackedStepNames, .. OptionListSteps]);
        Assert.Equal(first.GeneratedSources, second.GeneratedSources);
        IncrementalAssert.NoRoslynObjectsInOutputs(second.RunResult, OptionListSteps);
    }

    [Fact]
    public void A_union_generates_cleanly_and_its_steps_stay_cached_after_an_unrelated_edit()
    {
        const string union = """
            using System;
            using Codec;

            namespace Sample.Unions;

            [Message]
            public partial struct Word
            {
                [Field(0)] public ushort Value;
            }

            [Union]
            [Case(1, "Word", typeof(Word))]
            [DefaultCase("Raw")]
            public readonly ref partial struct Body
            {
            }

            [Message]
            public ref partial struct Frame
            {
                [Field(0)] public byte Kind;
                [Field(1)] public byte Length;
                [Field(2), Length(nameof(Length)), Discriminator(nameof(Kind))] public Body Body;
            }
            """;
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(union));
        Assert.Empty(first.GeneratorDiagnostics);
        var problems = first.OutputDiagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, GeneratorRun.Describe(problems));
        string frame = first.GeneratedSources.Single(kv => kv.Key.EndsWith("Frame.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("global::Sample.Unions.Body.TryReadAt(source, position, position + (int)length, unchecked((ulong)(ulong)value.Kind), out value.Body)", frame, StringComparison.Ordinal);

        string[] unionSteps = [MessageGenerator.UnionParseStep, MessageGenerator.UnionModelStep, MessageGenerator.UnionDiagnosticStep];
        GeneratorRun second = GeneratorHarness.Run(
            first.Input.AddSyntaxTrees(GeneratorHarness.ParseTree("namespace Unrelated; public class Plain { public int X; }", "/src/Unrelated.cs")),
            first.Driver);
        IncrementalAssert.AllCachedOrUnchanged(second.RunResult, [.. GeneratorHarness.TrackedStepNames, .. unionSteps]);
        IncrementalAssert.NoRoslynObjectsInOutputs(second.RunResult, unionSteps);
        Assert.Equal(first.GeneratedSources, second.GeneratedSources);
    }

    [Fact]
    public void Messages_with_names_get_a_compressing_writer_and_others_do_not()
    {
        const string source = """
            using System;
            using Codec;
            using Codec.Dns;

            namespace Sample.Names;

            [Message]
            public ref partial struct Entry
            {
                [Field(0)] public DnsName Name;
                [Field(1)] public ushort Value;
            }

            [Message]
            public ref partial struct Table
            {
                [Field(0)] public byte Count;
                [Field(1), Count(nameof(Count))] public MessageList<Entry> Entries;
            }

            [Message]
            public ref partial struct Bounded
            {
                [Field(0)] public byte Length;
                [Field(1), Length(nameof(Length))] public MessageList<Entry> Entries;
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(source);
        Assert.Empty(run.GeneratorDiagnostics);
        var problems = run.OutputDiagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, GeneratorRun.Describe(problems));
        const string signature = "TryWrite(global::System.Span<byte> message, ref int messagePosition, global::Codec.Dns.DnsNameCompressor compressor)";
        Assert.Contains(signature, run.GeneratedSources.Single(kv => kv.Key.EndsWith(".Entry.g.cs", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
        string table = run.GeneratedSources.Single(kv => kv.Key.EndsWith(".Table.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains(signature, table, StringComparison.Ordinal);
        Assert.Contains("foreach (global::Sample.Names.Entry element in this.Entries)", table, StringComparison.Ordinal);

        // A list bounded by a byte length cannot be compressed: the length is computed before the names shrink.
        Assert.DoesNotContain(signature, run.GeneratedSources.Single(kv => kv.Key.EndsWith(".Bounded.g.cs", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_an_option_attribute_modifies_the_option_list_parse()
    {
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(OptionListSources.Segment));
        SyntaxTree old = first.Input.SyntaxTrees.Single();

        GeneratorRun second = GeneratorHarness.Run(
            first.Input.ReplaceSyntaxTree(old, GeneratorHarness.ParseTree(OptionListSources.Segment.Replace("[Option(4, \"SackPermitted\")]", "[Option(5, \"SackPermitted\")]"), old.FilePath)),
            first.Driver);

        IncrementalAssert.AnyModifiedOrNew(second.RunResult, MessageGenerator.OptionListParseStep);
        Assert.NotEqual(first.GeneratedSources, second.GeneratedSources);
    }
}
