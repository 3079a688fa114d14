using Codec.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Codec.Generator.Tests.Incremental;

/// <summary>
/// The generator's pipeline must skip work on edits that cannot change its output (every tracked step Cached or
/// Unchanged) and must notice edits that do (the parse step Modified). Its step outputs must be plain values.
/// </summary>
public sealed class IncrementalTests
{
    private const string MessageWithHelper = """
        using Codec;

        namespace Sample;

        [Message]
        public partial struct Header
        {
            [Field(0, Bits = 4)] public byte High;
            [Field(1, Bits = 4)] public byte Low;
            [Field(2)] public ushort Length;
        }

        public static class SameFileHelper
        {
            public static int Compute() => 1;
        }
        """;

    private const string OtherFile = """
        namespace Sample;

        public static class OtherFileHelper
        {
            public static int Compute()
            {
                return 1;
            }
        }
        """;

    [Fact]
    public void Adding_an_unrelated_file_leaves_every_tracked_step_cached()
    {
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(TestSources.Ipv4Header, MessageWithHelper));
        Assert.Empty(first.GeneratorDiagnostics);

        CSharpCompilation edited = first.Input.AddSyntaxTrees(
            GeneratorHarness.ParseTree("namespace Unrelated; public class Plain { public int X; }", "/src/Unrelated.cs"));
        GeneratorRun second = GeneratorHarness.Run(edited, first.Driver);

        IncrementalAssert.AllCachedOrUnchanged(second.RunResult, GeneratorHarness.TrackedStepNames);
        Assert.Equal(first.GeneratedSources, second.GeneratedSources);
    }

    [Fact]
    public void Editing_a_method_body_in_another_file_leaves_every_tracked_step_cached()
    {
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(MessageWithHelper, OtherFile));
        SyntaxTree old = first.Input.SyntaxTrees.Single(t => t.FilePath == GeneratorHarness.SourcePath(1));

        CSharpCompilation edited = first.Input.ReplaceSyntaxTree(
            old, GeneratorHarness.ParseTree(OtherFile.Replace("return 1;", "return 2 + 2;"), old.FilePath));
        GeneratorRun second = GeneratorHarness.Run(edited, first.Driver);

        IncrementalAssert.AllCachedOrUnchanged(second.RunResult, GeneratorHarness.TrackedStepNames);
        Assert.Equal(first.GeneratedSources, second.GeneratedSources);
    }

    [Fact]
    public void Editing_a_method_body_below_the_message_in_the_same_file_leaves_every_tracked_step_unchanged()
    {
        // The message's tree changes, so its parse re-runs; the resulting models must compare equal.
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(MessageWithHelper));
        SyntaxTree old = first.Input.SyntaxTrees.Single();

        CSharpCompilation edited = first.Input.ReplaceSyntaxTree(
            old, GeneratorHarness.ParseTree(MessageWithHelper.Replace("=> 1;", "=> 40 + 2;"), old.FilePath));
        GeneratorRun second = GeneratorHarness.Run(edited, first.Driver);

        IncrementalAssert.AllCachedOrUnchanged(second.RunResult, GeneratorHarness.TrackedStepNames);
        Assert.Equal(first.GeneratedSources, second.GeneratedSources);
    }

    [Fact]
    public void Editing_an_invalid_message_elsewhere_leaves_its_diagnostics_unchanged()
    {
        const string bad = """
            using Codec;

            namespace Sample;

            [Message]
            public partial struct Bad
            {
                [Field(0, Bits = 12)] public ushort Value;
            }
            """;
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(bad, OtherFile));
        Assert.Equal("CODEC005", Assert.Single(first.GeneratorDiagnostics).Id);
        SyntaxTree old = first.Input.SyntaxTrees.Single(t => t.FilePath == GeneratorHarness.SourcePath(1));

        GeneratorRun second = GeneratorHarness.Run(
            first.Input.ReplaceSyntaxTree(old, GeneratorHarness.ParseTree(OtherFile.Replace("return 1;", "return 3;"), old.FilePath)),
            first.Driver);

        // No valid model, so the model step never runs and is not tracked; check the other two.
        IncrementalAssert.AllCachedOrUnchanged(second.RunResult, ["CodecMessageParse", "CodecMessageDiagnostics"]);
        Assert.Equal("CODEC005", Assert.Single(second.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void Changing_a_fields_Bits_modifies_the_parse_step_and_the_output()
    {
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(MessageWithHelper));
        SyntaxTree old = first.Input.SyntaxTrees.Single();

        string changed = MessageWithHelper
            .Replace("[Field(0, Bits = 4)]", "[Field(0, Bits = 3)]")
            .Replace("[Field(1, Bits = 4)]", "[Field(1, Bits = 5)]");
        GeneratorRun second = GeneratorHarness.Run(
            first.Input.ReplaceSyntaxTree(old, GeneratorHarness.ParseTree(changed, old.FilePath)), first.Driver);

        Assert.Empty(second.GeneratorDiagnostics);
        IncrementalAssert.AnyModifiedOrNew(second.RunResult, "CodecMessageParse");
        Assert.NotEqual(first.GeneratedSources, second.GeneratedSources);
    }

    [Fact]
    public void Modified_check_fails_when_nothing_changed()
    {
        // The "relevant edit" assertion must be able to fail: after an unrelated edit nothing is Modified.
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(MessageWithHelper));
        GeneratorRun second = GeneratorHarness.Run(
            first.Input.AddSyntaxTrees(GeneratorHarness.ParseTree("class Unrelated { }", "/src/Unrelated.cs")), first.Driver);

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => IncrementalAssert.AnyModifiedOrNew(second.RunResult, "CodecMessageParse"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Step_outputs_hold_no_Roslyn_objects(bool valid)
    {
        string source = valid
            ? TestSources.DeviceAnnouncement
            : "using Codec; [Message] public partial struct Bad { [Field(0, Bits = 12)] public ushort A; [Field(2)] public float B; }";
        GeneratorRun first = GeneratorHarness.Run(source, TestSources.Ipv4Header);
        Assert.Equal(!valid, first.GeneratorDiagnostics.Length > 0);

        IncrementalAssert.NoRoslynObjectsInOutputs(first.RunResult, GeneratorHarness.TrackedStepNames);

        GeneratorRun second = GeneratorHarness.Run(
            first.Input.AddSyntaxTrees(GeneratorHarness.ParseTree("class Unrelated { }", "/src/Unrelated.cs")), first.Driver);
        IncrementalAssert.NoRoslynObjectsInOutputs(second.RunResult, GeneratorHarness.TrackedStepNames);
    }

    [Fact]
    public void Unknown_step_name_fails_instead_of_passing_vacuously()
    {
        GeneratorRun run = GeneratorHarness.Run(MessageWithHelper);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => IncrementalAssert.AllCachedOrUnchanged(run.RunResult, ["NoSuchStep"]));
    }
}
