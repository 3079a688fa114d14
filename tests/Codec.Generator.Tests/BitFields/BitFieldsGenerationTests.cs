using Codec.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Snapshooter;
using Snapshooter.Xunit;

namespace Codec.Generator.Tests.BitFields;

/// <summary>The [BitFields] construct: a snapshot of a small word's code, and the pipeline's incremental caching.</summary>
public sealed class BitFieldsGenerationTests
{
    private static readonly string[] BitFieldsSteps =
        [MessageGenerator.BitFieldsParseStep, MessageGenerator.BitFieldsModelStep, MessageGenerator.BitFieldsDiagnosticStep];

    [Fact]
    public void Paint_snapshot()
    {
        GeneratorRun run = GeneratorHarness.Run(BitFieldsSources.Small);
        Assert.True(run.GeneratorDiagnostics.IsEmpty, GeneratorRun.Describe(run.GeneratorDiagnostics));
        Assert.Empty(run.OutputDiagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning));
        string word = Assert.Single(run.GeneratedSources, kv => kv.Key == "Sample.Small.Paint.BitFields.g.cs").Value;
        Snapshot.Match(word.ReplaceLineEndings("\n"), SnapshotNameExtension.Create("Paint"));
    }

    /// <summary>
    /// A bit-field declared <c>readonly get</c> is implemented so (a partial member's parts must agree, CS8663), and it
    /// then reads through an <c>in</c> parameter; the others keep a plain getter.
    /// </summary>
    [Fact]
    public void A_getter_declared_readonly_is_implemented_readonly()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using Codec;

            namespace Sample.Readonly;

            [BitFields]
            public partial struct Mark
            {
                [Field(0, Bits = 1)] public partial bool Seen { readonly get; set; }
                [Field(1, Bits = 7)] public partial byte Count { get; set; }
            }

            public static class Reader
            {
                public static bool Seen(in Mark mark) => mark.Seen;
            }
            """);

        Assert.True(run.GeneratorDiagnostics.IsEmpty, GeneratorRun.Describe(run.GeneratorDiagnostics));
        Assert.Empty(run.OutputDiagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning));
        string word = Assert.Single(run.GeneratedSources, kv => kv.Key == "Sample.Readonly.Mark.BitFields.g.cs").Value;
        Assert.Contains("readonly get => ((((ulong)_codecValue >> 7) & 0x1UL) != 0UL);", word, StringComparison.Ordinal);
        Assert.DoesNotContain("readonly get => unchecked((byte)(((ulong)_codecValue", word, StringComparison.Ordinal);
        Assert.Contains("get => unchecked((byte)(((ulong)_codecValue >> 0) & 0x7FUL));", word, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_an_unrelated_file_leaves_every_bit_fields_step_cached()
    {
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(BitFieldsSources.Control, BitFieldsSources.Frames));
        Assert.Empty(first.GeneratorDiagnostics);

        GeneratorRun second = GeneratorHarness.Run(
            first.Input.AddSyntaxTrees(GeneratorHarness.ParseTree("namespace Unrelated; public class Plain { public int X; }", "/src/Unrelated.cs")),
            first.Driver);

        IncrementalAssert.AllCachedOrUnchanged(second.RunResult, [.. GeneratorHarness.TrackedStepNames, .. BitFieldsSteps]);
        IncrementalAssert.NoRoslynObjectsInOutputs(second.RunResult, [.. GeneratorHarness.TrackedStepNames, .. BitFieldsSteps]);
        Assert.Equal(first.GeneratedSources, second.GeneratedSources);
    }

    [Fact]
    public void Editing_a_method_body_beside_the_word_leaves_every_bit_fields_step_unchanged()
    {
        // The word's tree changes, so its parse re-runs; the model must compare equal.
        string withHelper = BitFieldsSources.Control + "\npublic static class Helper { public static int Compute() => 1; }\n";
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(withHelper, BitFieldsSources.Frames));
        Assert.Empty(first.GeneratorDiagnostics);
        SyntaxTree old = first.Input.SyntaxTrees.Single(t => t.FilePath == GeneratorHarness.SourcePath(0));

        CSharpCompilation edited = first.Input.ReplaceSyntaxTree(
            old, GeneratorHarness.ParseTree(withHelper.Replace("=> 1;", "=> 40 + 2;", StringComparison.Ordinal), old.FilePath));
        GeneratorRun second = GeneratorHarness.Run(edited, first.Driver);

        IncrementalAssert.AllCachedOrUnchanged(second.RunResult, [.. GeneratorHarness.TrackedStepNames, .. BitFieldsSteps]);
        Assert.Equal(first.GeneratedSources, second.GeneratedSources);
    }

    [Fact]
    public void An_invalid_word_keeps_its_diagnostic_cached_after_an_unrelated_edit()
    {
        string bad = BitFieldsSources.Word("[Field(0, Bits = 4)] public partial byte A { get; set; } [Field(1)] public partial byte B { get; set; }");
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(bad));
        Assert.Equal("CODEC037", Assert.Single(first.GeneratorDiagnostics).Id);

        GeneratorRun second = GeneratorHarness.Run(
            first.Input.AddSyntaxTrees(GeneratorHarness.ParseTree("class Unrelated { }", "/src/Unrelated.cs")), first.Driver);

        // No valid model, so the model step never runs; check the other two.
        IncrementalAssert.AllCachedOrUnchanged(second.RunResult, [MessageGenerator.BitFieldsParseStep, MessageGenerator.BitFieldsDiagnosticStep]);
        IncrementalAssert.NoRoslynObjectsInOutputs(second.RunResult, [MessageGenerator.BitFieldsParseStep, MessageGenerator.BitFieldsDiagnosticStep]);
        Assert.Equal("CODEC037", Assert.Single(second.GeneratorDiagnostics).Id);
    }

    /// <summary>
    /// The word is in one file, the messages carrying it in another: narrowing Delta to 3 bits and widening Count to 7
    /// changes the word's model and the messages' (their dissection shows the bit-fields where they lie), though the
    /// messages' file did not change.
    /// </summary>
    [Fact]
    public void Changing_a_bit_fields_width_in_the_word_changes_the_word_and_the_messages_carrying_it()
    {
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(BitFieldsSources.Control, BitFieldsSources.Frames));
        Assert.Empty(first.GeneratorDiagnostics);
        SyntaxTree old = first.Input.SyntaxTrees.Single(t => t.FilePath == GeneratorHarness.SourcePath(0));

        string changed = BitFieldsSources.Control
            .Replace("[Field(3, Bits = 4)]", "[Field(3, Bits = 3)]", StringComparison.Ordinal)
            .Replace("[Field(4, Bits = 6)]", "[Field(4, Bits = 7)]", StringComparison.Ordinal);
        Assert.NotEqual(BitFieldsSources.Control, changed);
        GeneratorRun second = GeneratorHarness.Run(first.Input.ReplaceSyntaxTree(old, GeneratorHarness.ParseTree(changed, old.FilePath)), first.Driver);

        Assert.Empty(second.GeneratorDiagnostics);
        IncrementalAssert.AnyModifiedOrNew(second.RunResult, MessageGenerator.BitFieldsParseStep);
        IncrementalAssert.AnyModifiedOrNew(second.RunResult, "CodecMessageParse");
        foreach (string hint in new[] { "Sample.Words.Control.BitFields.g.cs", "Sample.Words.Frame.g.cs", "Sample.Words.LittleFrame.g.cs" })
        {
            Assert.NotEqual(first.GeneratedSources[hint], second.GeneratedSources[hint]);
        }

        // Big-endian: Count is now bits 6–0 (mask 0x7F) and starts at bit 17 of the frame, Delta 3 bits at 14.
        string frame = second.GeneratedSources["Sample.Words.Frame.g.cs"];
        Assert.Contains("builder.Add(\"Count\", \"Count\", 8 + 9, 7, ((raw >> 0) & 0x7FUL)", frame, StringComparison.Ordinal);
        Assert.Contains("builder.Add(\"Delta\", \"Delta\", 8 + 6, 3, ((raw >> 7) & 0x7UL)", frame, StringComparison.Ordinal);
        Assert.Empty(second.OutputDiagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning));
    }
}
