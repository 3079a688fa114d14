using static Codec.Generator.Tests.Diagnostics.DiagnosticAssert;

namespace Codec.Generator.Tests.Options;

/// <summary>One test per union diagnostic (CODEC030–CODEC035).</summary>
public sealed class UnionDiagnosticTests
{
    private static string Union(string attributes, string declaration = "public readonly ref partial struct Bad", string message = "") => $$"""
        using System;
        using Codec;

        namespace Tests;

        [Message]
        public partial struct Word
        {
            [Field(0)] public ushort Value;
        }

        public struct Plain
        {
            public int Value;
        }

        [Union]
        {{attributes}}
        {{declaration}}
        {
        }

        {{message}}
        """;

    private const string GoodUnion = "[Case(1, \"Word\", typeof(Word))] [DefaultCase(\"Raw\")]";

    [Theory]
    [InlineData("[Field(0)] public byte Kind; [Field(1), Remaining] public Good Offending;", "(none)")]
    [InlineData("[Field(0)] public byte Kind; [Field(1), Remaining, Discriminator(\"Missing\")] public Good Offending;", "Missing")]
    [InlineData("[Field(0)] public IPv4Address Kind; [Field(1), Remaining, Discriminator(nameof(Kind))] public Good Offending;", "Kind")]
    [InlineData("[Field(0), Discriminator(nameof(Offending))] public byte Offending; [Field(1), Remaining] public ReadOnlySpan<byte> Rest;", "Offending")]
    [InlineData("[Field(0)] public byte Kind; [Field(1), Remaining, Discriminator(nameof(Kind))] public ReadOnlySpan<byte> Offending;", "Kind")]
    public void CODEC030_DiscriminatorInvalid(string members, string named) =>
        Reports(
            "CODEC030",
            Union(GoodUnion, "public readonly ref partial struct Good", "[Message] public ref partial struct Bad { " + members + " }"),
            "Bad",
            ["Offending"],
            "'Offending'",
            "'" + named + "'");

    [Fact]
    public void CODEC031_UnionWithoutDefault() =>
        Reports("CODEC031", Union("[Case(1, \"Word\", typeof(Word))]"), "Bad", ["Bad"], "'Bad'");

    [Theory]
    [InlineData("[Case(1, \"Offending\", typeof(Plain))] [DefaultCase(\"Raw\")]", "Plain")]
    [InlineData("[Case(1, \"Offending\", typeof(int))] [DefaultCase(\"Raw\")]", "int")]
    public void CODEC032_UnionCaseTypeInvalid(string attributes, string type) =>
        Reports("CODEC032", Union(attributes), "Bad", ["Case"], "'Offending'", type);

    [Theory]
    [InlineData("[Case(1, \"First\", typeof(Word))] [Case(1, \"Offending\", typeof(Word))] [DefaultCase(\"Raw\")]", "'First'")]
    [InlineData("[Case(1, \"First\", typeof(Word))] [Case(2, \"First\", typeof(Word))] [DefaultCase(\"Raw\")]", "'First'")]
    [InlineData("[Case(1, \"Raw\", typeof(Word))] [DefaultCase(\"Raw\")]", "'Raw'")]
    public void CODEC033_DuplicateUnionCase(string attributes, string first) =>
        Reports("CODEC033", Union(attributes), "Bad", ["Case"], first);

    [Theory]
    [InlineData("public partial struct Bad")]
    [InlineData("public ref partial struct Bad")]
    [InlineData("public readonly ref struct Bad")]
    public void CODEC034_UnionNotReadonlyRefStruct(string declaration) =>
        Reports("CODEC034", Union(GoodUnion, declaration), "Bad", ["Bad"], "'Bad'");

    [Fact]
    public void CODEC035_CompressNamesWithoutNames() =>
        Reports("CODEC035", Union("[Case(1, \"Offending\", typeof(Word), CompressNames = true)] [DefaultCase(\"Raw\")]"), "Bad", ["Case"], "'Offending'", "'Tests.Word'");
}
