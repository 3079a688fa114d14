using Codec.Generator.Tests.Infrastructure;

namespace Codec.Generator.Tests.Diagnostics;

/// <summary>
/// Half-typed and broken code is what the generator sees most of the time in an IDE. Whatever the input, it must
/// not throw (a throwing generator is reported as CS8785 and produces nothing for the whole compilation), and
/// whatever it does emit must not add compiler errors of its own.
/// </summary>
public sealed class GarbageInputTests
{
    public static TheoryData<string, string> Garbage => new()
    {
        { "unfinished struct", "[Message] public partial struct Bad { [Field(0)] public byte" },
        { "unfinished attribute", "[Message] public partial struct Bad { [Field(0, Bits = ] public byte A; }" },
        { "no body", "[Message] public partial struct Bad" },
        { "attribute without struct", "[Message]" },
        { "field attribute only", "[Message] public partial struct Bad { [Field(0)] }" },
        { "missing Field order", "[Message] public partial struct Bad { [Field] public byte A; }" },
        { "missing Field order with Bits", "[Message] public partial struct Bad { [Field(Bits = 8)] public byte A; }" },
        { "string order", "[Message] public partial struct Bad { [Field(\"zero\")] public byte A; }" },
        { "string Bits", "[Message] public partial struct Bad { [Field(0, Bits = \"8\")] public byte A; }" },
        { "null Name", "[Message(Name = null)] public partial struct Bad { [Field(0, Name = null)] public byte A; }" },
        { "unknown named argument", "[Message(Size = 4)] public partial struct Bad { [Field(0, Width = 8)] public byte A; }" },
        { "too many arguments", "[Message] public partial struct Bad { [Field(0, 1, 2)] public byte A; }" },
        { "negative order", "[Message] public partial struct Bad { [Field(-1)] public byte A; }" },
        { "huge order", "[Message] public partial struct Bad { [Field(int.MaxValue)] public byte A; }" },
        { "huge Bits", "[Message] public partial struct Bad { [Field(0, Bits = int.MaxValue)] public ulong A; }" },
        { "min Bits", "[Message] public partial struct Bad { [Field(0, Bits = int.MinValue)] public ulong A; }" },
        { "undefined byte order value", "[Message(ByteOrder = (ByteOrder)99)] public partial struct Bad { [Field(0, ByteOrder = (ByteOrder)(-5))] public ushort A; }" },
        { "Reserved missing bits", "[Message, Reserved(0)] public partial struct Bad { [Field(1)] public byte A; }" },
        { "Reserved without args", "[Message, Reserved] public partial struct Bad { [Field(0)] public byte A; }" },
        { "Reserved string bits", "[Message, Reserved(1, \"8\")] public partial struct Bad { [Field(0)] public byte A; }" },
        { "Reserved huge bits", "[Message, Reserved(1, int.MaxValue)] public partial struct Bad { [Field(0)] public byte A; }" },
        { "Reserved negative bits", "[Message, Reserved(1, -8)] public partial struct Bad { [Field(0)] public byte A; }" },
        { "Reserved undefined policy", "[Message, Reserved(1, 8, Policy = (ReservedPolicy)7)] public partial struct Bad { [Field(0)] public byte A; }" },
        { "Constant without value", "[Message] public partial struct Bad { [Field(0), Constant] public byte A; }" },
        { "negative Constant", "[Message] public partial struct Bad { [Field(0), Constant(-1)] public byte A; }" },
        { "string Constant", "[Message] public partial struct Bad { [Field(0), Constant(\"x\")] public byte A; }" },
        { "Constant on bool huge", "[Message] public partial struct Bad { [Field(0), Constant(ulong.MaxValue)] public bool A; [Field(1, Bits = 7)] public byte B; }" },
        { "unknown field type", "[Message] public partial struct Bad { [Field(0)] public NoSuchType A; }" },
        { "unknown generic field type", "[Message] public partial struct Bad { [Field(0)] public List<NoSuchType> A; }" },
        { "field of its own type", "[Message] public partial struct Bad { [Field(0)] public Bad A; }" },
        { "Message on a class", "[Message] public partial class Bad { [Field(0)] public byte A; }" },
        { "Message on an enum", "[Message] public enum Bad { A }" },
        { "Message on an interface", "[Message] public partial interface Bad { [Field(0)] byte A { get; set; } }" },
        { "Message on a record class", "[Message] public partial record Bad([property: Field(0)] byte A);" },
        { "positional record struct", "[Message] public partial record struct Bad([property: Field(0)] byte A, [property: Field(1)] byte B);" },
        { "Field on a method", "[Message] public partial struct Bad { [Field(0)] public byte A() => 0; [Field(1)] public byte B; }" },
        { "Field on an event", "[Message] public partial struct Bad { [Field(0)] public event System.Action A; [Field(1)] public byte B; }" },
        { "Field on an indexer", "[Message] public partial struct Bad { [Field(0)] public byte this[int i] { get => 0; set { } } [Field(1)] public byte B; }" },
        { "two Field attributes", "[Message] public partial struct Bad { [Field(0), Field(1)] public byte A; }" },
        { "Field declaring two variables", "[Message] public partial struct Bad { [Field(0)] public byte A, B; }" },
        { "duplicate member names", "[Message] public partial struct Bad { [Field(0)] public byte A; [Field(1)] public byte A; }" },
        { "two Message attributes", "[Message, Message] public partial struct Bad { [Field(0)] public byte A; }" },
        { "partial parts in two places", "[Message] public partial struct Bad { [Field(0)] public byte A; } [Message] public partial struct Bad { [Field(1)] public byte B; }" },
        { "enum field without members", "public enum Empty : byte { } [Message] public partial struct Bad { [Field(0)] public Empty A; }" },
        { "enum with a broken member", "public enum Broken : byte { A = , B = 300 } [Message] public partial struct Bad { [Field(0)] public Broken A; }" },
        { "InlineArray of unknown length", "[System.Runtime.CompilerServices.InlineArray(N)] public struct Block { private byte _e; } [Message] public partial struct Bad { [Field(0)] public Block A; }" },
        { "InlineArray of zero length", "[System.Runtime.CompilerServices.InlineArray(0)] public struct Block { private byte _e; } [Message] public partial struct Bad { [Field(0)] public Block A; }" },
        { "nested in a method", "public class C { public void M() { [Message] partial struct Bad { [Field(0)] public byte A; } } }" },
        { "file-local type", "[Message] file partial struct Bad { [Field(0)] public byte A; }" },
        { "keyword-named type", "[Message] public partial struct @class { [Field(0)] public byte @int; }" },
        { "unicode names", "[Message] public partial struct Größe { [Field(0)] public byte Länge; }" },
        { "stray tokens", "[Message] public partial struct Bad { [Field(0)] public byte A; ))) }" },
        { "preprocessor mess", "#if NOPE\n[Message]\n#endif\npublic partial struct Bad { [Field(0)] public byte A; }\n#error stop" },
        { "empty file", "" },
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Generator_never_crashes_on_garbage(string description, string body)
    {
        string source = $$"""
            using System.Collections.Generic;
            using Codec;

            namespace Tests;

            {{body}}
            """;

        GeneratorRun run = GeneratorHarness.Run(source);

        Assert.True(run.Result.Exception is null, $"{description}: the generator threw {run.Result.Exception}");
        Assert.DoesNotContain(run.DriverDiagnostics, d => d.Id is "CS8784" or "CS8785");

        // Whatever it emitted must not be the source of any compiler error.
        Assert.True(
            run.GeneratedCodeProblems.IsEmpty,
            $"{description}: generated code has problems:" + Environment.NewLine + GeneratorRun.Describe(run.GeneratedCodeProblems)
            + Environment.NewLine + run.DescribeGenerated());
        Assert.True(
            run.ErrorsAddedByGeneration.IsEmpty,
            $"{description}: generation added compiler errors:" + Environment.NewLine + GeneratorRun.Describe(run.ErrorsAddedByGeneration)
            + Environment.NewLine + run.DescribeGenerated());
    }
}
