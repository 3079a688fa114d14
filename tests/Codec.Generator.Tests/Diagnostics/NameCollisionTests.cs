using Codec.Generator.Tests.Infrastructure;

namespace Codec.Generator.Tests.Diagnostics;

/// <summary>
/// Valid user code whose names meet the names the generator emits (docs/generated-api.md: <c>Size</c>,
/// <c>MinimumSize</c>, <c>View</c>, <c>ReadOnlyView</c>, <c>View.Buffer</c>, private helpers, locals). Protocol fields
/// are often called "Size" or "Length"; such a message must either generate code that compiles or get a
/// diagnostic — never errors inside generated code.
/// </summary>
public sealed class NameCollisionTests
{
    [Theory]
    [InlineData("field Size", "[Message] public partial struct M { [Field(0)] public ushort Size; }")]
    [InlineData("field MinimumSize", "[Message] public partial struct M { [Field(0)] public ushort MinimumSize; }")]
    [InlineData("field Buffer", "[Message] public partial struct M { [Field(0)] public ushort Buffer; }")]
    [InlineData("field View", "[Message] public partial struct M { [Field(0)] public byte View; }")]
    [InlineData("field ReadOnlyView", "[Message] public partial struct M { [Field(0)] public byte ReadOnlyView; }")]
    [InlineData("field Truncated", "[Message] public partial struct M { [Field(0)] public byte Truncated; }")]
    [InlineData("field TryReadAt", "[Message] public partial struct M { [Field(0)] public byte TryReadAt; }")]
    [InlineData("field IElementVisitor", "[Message] public ref partial struct M { [Field(0)] public byte N; [Field(1), Count(nameof(N))] public MessageList<E> IElementVisitor; } [Message] public partial struct E { [Field(0)] public byte A; }")]
    [InlineData("type IElementVisitor", "[Message] public ref partial struct IElementVisitor { [Field(0)] public byte N; [Field(1), Count(nameof(N))] public MessageList<E> Items; } [Message] public partial struct E { [Field(0)] public byte A; }")]
    [InlineData("list named Header", "[Message] public ref partial struct M { [Field(0)] public byte N; [Field(1), Count(nameof(N))] public MessageList<E> Header; } [Message] public partial struct E { [Field(0)] public byte A; }")]
    [InlineData("type View", "[Message] public partial struct View { [Field(0)] public byte A; }")]
    [InlineData("type ReadOnlyView", "[Message] public partial struct ReadOnlyView { [Field(0)] public byte A; }")]
    [InlineData("fields named like locals", "[Message] public partial struct M { [Field(0)] public byte value; [Field(1)] public byte start; [Field(2)] public byte source; [Field(3)] public byte destination; [Field(4)] public byte result; [Field(5)] public byte writer; }")]
    [InlineData("fields named like generated locals", "[Message] public partial struct M { [Field(0)] public byte Kind; [Field(1)] public byte rawKind; [Field(2)] public byte unit0; [Field(3)] public byte other; [Field(4)] public byte hash; }")]
    [InlineData("verbatim keyword fields", "[Message] public partial struct M { [Field(0)] public byte @event; [Field(1)] public byte @params; }")]
    [InlineData("type named Codec", "namespace Inner { [Message] public partial struct Codec { [Field(0)] public byte A; } }")]
    [InlineData("type named System", "public struct System { } [Message] public partial struct M { [Field(0)] public byte A; }")]
    public void Generated_code_compiles_or_the_generator_reports(string collision, string body)
    {
        GeneratorRun run = GeneratorHarness.Run("using Codec;\n\nnamespace Tests;\n\n" + body);

        Assert.Null(run.Result.Exception);
        Assert.True(
            run.GeneratedCodeProblems.IsEmpty && run.ErrorsAddedByGeneration.IsEmpty,
            collision + ": generated code must compile (or the generator must report a diagnostic and emit nothing):" + Environment.NewLine
            + GeneratorRun.Describe(run.GeneratedCodeProblems.Concat(run.ErrorsAddedByGeneration).Distinct().Take(10)));
    }
}
