using Codec.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using static Codec.Generator.Tests.BitFields.BitFieldsSources;
using static Codec.Generator.Tests.Diagnostics.DiagnosticAssert;

namespace Codec.Generator.Tests.BitFields;

/// <summary>
/// The [BitFields] diagnostics (CODEC036, CODEC037): each way a word can be wrong reports exactly that ID, on the
/// offending member or type, and nothing is generated for it. The word is named <c>Bad</c>; offending members are
/// named <c>Offending</c>.
/// </summary>
public sealed class BitFieldsDiagnosticTests
{
    /// <summary>A valid 8-bit word's members, to which a case adds its offending one.</summary>
    private const string Good = "[Field(0, Bits = 4)] public partial byte High { get; set; } [Field(1, Bits = 4)] public partial byte Low { get; set; }";

    /// <summary>
    /// Errors the user's code has on its own because a rejected word gets no code: a partial property without its
    /// implementing part (CS9248), and what a declaration the word does not allow brings with it (a partial member of a
    /// type that is not partial, CS0751; a settable property of a readonly struct, CS8341).
    /// </summary>
    private static readonly string[] ExpectedInputErrors = ["CS9248", "CS0751", "CS8341"];

    [Theory]
    [InlineData("public struct Bad")]
    [InlineData("public ref partial struct Bad")]
    [InlineData("public partial record struct Bad")]
    public void CODEC036_the_word_is_not_a_plain_partial_struct(string declaration) =>
        Reports("CODEC036", Word(Good, declaration: declaration), ["Bad"], "'Bad'", "partial struct");

    /// <summary>A readonly word is CODEC036, reported once on the type: not also CODEC011 on each of its bit-fields.</summary>
    [Fact]
    public void CODEC036_a_readonly_word()
    {
        GeneratorRun run = Run(Word(Good, declaration: "public readonly partial struct Bad"));
        Assert.Equal(["CODEC036"], run.GeneratorDiagnostics.Select(d => d.Id));
        Diagnostic shape = run.GeneratorDiagnostics.Single(d => d.Id == "CODEC036");
        Assert.Equal("Bad", run.LocationText(shape));
        Assert.Contains("not readonly", shape.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        AssertNothingGeneratedFor(run, "Bad");
    }

    [Theory]
    [InlineData("[Field(2, Bits = 8)] public byte Offending;")]
    [InlineData("public int Offending;")]
    public void CODEC036_a_field_of_its_own(string offending) =>
        Reports("CODEC036", Word(Good + "\n" + offending), ["Offending"], "'Offending'", "declares no fields of its own");

    [Theory]
    [InlineData("[Field(0, Bits = 8)] public byte Offending { get; set; }")]
    [InlineData("[Field(0, Bits = 8)] public byte Offending { get => 0; set { } }")]
    [InlineData("[Field(0, Bits = 8)] public partial byte Offending { get; set; } public partial byte Offending { get => 0; set { } }")]
    public void CODEC036_a_bit_field_that_is_not_a_partial_property_without_a_body(string offending) =>
        Reports("CODEC036", Word(offending), ["Offending"], "'Offending'", "'public partial T Name { get; set; }'");

    /// <summary>
    /// A bit-field the word cannot set (no setter, <c>init</c>, a <c>readonly</c> setter) is CODEC036, once: not also
    /// CODEC011, the message rule for a field the reader cannot set.
    /// </summary>
    [Theory]
    [InlineData("{ get; }")]
    [InlineData("{ get; init; }")]
    [InlineData("{ get; readonly set; }")]
    public void CODEC036_a_bit_field_without_a_setter(string accessors)
    {
        GeneratorRun run = Run(Word("[Field(0, Bits = 8)] public partial byte Offending " + accessors));
        Diagnostic only = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CODEC036", only.Id);
        Assert.Equal("Offending", run.LocationText(only));
        AssertNothingGeneratedFor(run, "Bad");
    }

    [Theory]
    [InlineData("[Field(0, Bits = 4), Constant(1)] public partial byte Offending { get; set; } [Field(1, Bits = 4)] public partial byte Low { get; set; }")]
    [InlineData("[Field(0, Bits = 8), MessageLength] public partial byte Offending { get; set; }")]
    public void CODEC036_a_message_field_attribute_on_a_bit_field(string members) =>
        Reports("CODEC036", Word(members), ["Offending"], "'Offending'", "belong to message fields");

    [Fact]
    public void CODEC036_reserved_bits_with_a_policy() =>
        Reports(
            "CODEC036",
            Word("[Field(0, Bits = 4)] public partial byte High { get; set; }", "[Reserved(1, 4, Policy = ReservedPolicy.Reject, Name = \"Offending\")]"),
            ["Reserved", "Bad"],
            "'Offending'",
            "remove Policy");

    [Theory]
    [InlineData("[Field(0)] public partial IPv4Address Offending { get; set; }", "IPv4Address'")]
    [InlineData("[Field(0)] public partial MacAddress Offending { get; set; } [Field(1, Bits = 16)] public partial ushort Low { get; set; }", "MacAddress'")]
    public void CODEC036_a_bit_field_that_is_not_a_bool_an_integer_or_an_enum(string members, string type) =>
        Reports("CODEC036", Word(members), ["Offending"], "'Offending'", "bool, an integer or an enum", type);

    [Theory]
    [InlineData("[Field(0, ByteOrder = ByteOrder.LittleEndian)] public partial ushort Offending { get; set; }")]
    [InlineData("[Field(0, ByteOrder = ByteOrder.BigEndian)] public partial uint Offending { get; set; }")]
    public void CODEC036_a_byte_order_on_a_bit_field(string members) =>
        Reports("CODEC036", Word(members), ["Offending"], "'Offending'", "byte order");

    [Theory]
    [InlineData("[Field(0, Bits = 8)] public partial byte Value { get; set; }", "Value")]
    [InlineData(Good + " public int Value => 0;", "Value")]
    [InlineData(Good + " public static int Value;", "Value")]
    [InlineData(Good + " public override string ToString() => \"word\";", "ToString")]
    [InlineData(Good + " public override int GetHashCode() => 0;", "GetHashCode")]
    [InlineData(Good + " public override bool Equals(object? obj) => false;", "Equals")]
    [InlineData(Good + " public bool Equals(Bad other) => false;", "Equals")]
    [InlineData(Good + " public static bool operator ==(Bad a, Bad b) => false; public static bool operator !=(Bad a, Bad b) => true;", "operator")]
    public void CODEC036_a_member_the_generator_writes_itself(string members, string where) =>
        Reports("CODEC036", Word(members), [where, "==", "!="], "'Bad'", "writes the word's Value, Equals, GetHashCode, ToString");

    /// <summary>A word gets none of a message's generated members, so their names (CODEC022 in a message) are free.</summary>
    [Fact]
    public void Names_only_a_message_gets_are_allowed_for_bit_fields()
    {
        GeneratorRun run = Run(Word("[Field(0, Bits = 4)] public partial byte Size { get; set; } [Field(1, Bits = 4)] public partial byte View { get; set; }"));
        Assert.True(run.GeneratorDiagnostics.IsEmpty, GeneratorRun.Describe(run.GeneratorDiagnostics));
        Assert.Contains("Tests.Bad.BitFields.g.cs", run.GeneratedSources.Keys);
        Assert.Empty(run.OutputDiagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Overloads_the_generator_does_not_write_are_allowed()
    {
        GeneratorRun run = Run(Word(Good + " public string ToString(string format) => format; public static Bad Parse(string text) => default;"));
        Assert.True(run.GeneratorDiagnostics.IsEmpty, GeneratorRun.Describe(run.GeneratorDiagnostics));
        Assert.Contains("Tests.Bad.BitFields.g.cs", run.GeneratedSources.Keys);
        Assert.Empty(run.OutputDiagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("[Field(0, Bits = 4)] public partial byte A { get; set; } [Field(1)] public partial byte B { get; set; }", "", "12")]
    [InlineData("[Field(0)] public partial ushort A { get; set; } [Field(1)] public partial byte B { get; set; }", "", "24")]
    [InlineData("[Field(0)] public partial ulong A { get; set; }", "[Reserved(1, 8)]", "72")]
    [InlineData("[Field(0)] public partial bool A { get; set; }", "", "1")]
    public void CODEC037_widths_that_do_not_fill_an_integer(string members, string typeAttributes, string total) =>
        Reports("CODEC037", Word(members, typeAttributes), ["Bad"], "'Bad'", $"add up to {total} bits");

    /// <summary>
    /// A message field whose type is a word that gets no code is CODEC002 (the message cannot read a type without its
    /// integer), beside the word's own error; neither gets code, so the message's code never calls what is not there.
    /// </summary>
    [Theory]
    [InlineData("[Field(0, Bits = 4)] public partial byte A { get; set; } [Field(1)] public partial byte B { get; set; }", "public partial struct Bad", "CODEC037")]
    [InlineData(Good, "public struct Bad", "CODEC036")]
    [InlineData(Good, "public partial record struct Bad", "CODEC036")]
    [InlineData(Good + " public int Value => 0;", "public partial struct Bad", "CODEC036")]
    [InlineData("[Field(0, Bits = 8)] public byte Offending;", "public partial struct Bad", "CODEC036")]
    public void A_message_with_a_field_of_an_invalid_word_gets_no_code_and_an_error(string members, string declaration, string wordId)
    {
        string source = Word(members, declaration: declaration)
            + "\n[Message]\npublic partial struct Carrier\n{\n    [Field(0)] public byte Kind;\n    [Field(1)] public Bad Carried;\n}\n";
        GeneratorRun run = Run(source);

        Assert.Equal(["CODEC002", wordId], run.GeneratorDiagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Equal("Carried", run.LocationText(run.GeneratorDiagnostics.Single(d => d.Id == "CODEC002")));
        AssertNothingGeneratedFor(run, "Bad");
        AssertNothingGeneratedFor(run, "Carrier");
    }

    [Theory]
    [InlineData("Bits = 4", " 4 bits")]
    [InlineData("Bits = 16", " 16 bits")]
    public void A_message_field_of_a_word_type_narrower_or_wider_than_the_word_is_CODEC003(string bits, string width)
    {
        string source = Word(Good, declaration: "public partial struct Word")
            + "\n[Message]\npublic partial struct Bad\n{\n    [Field(0, " + bits + ")] public Word Offending;\n    [Field(1, Bits = 4)] public byte Rest;\n}\n";
        GeneratorRun run = Run(source);

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CODEC003", diagnostic.Id);
        Assert.Equal("Offending", run.LocationText(diagnostic));
        string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(width, message, StringComparison.Ordinal);
        Assert.Contains("8 bits", message, StringComparison.Ordinal);
        AssertNothingGeneratedFor(run, "Bad");
    }

    [Fact]
    public void A_constant_message_field_of_a_word_type_is_CODEC014()
    {
        string source = Word(Good, declaration: "public partial struct Word")
            + "\n[Message]\npublic partial struct Bad\n{\n    [Field(0), Constant(0x12)] public Word Offending;\n}\n";
        GeneratorRun run = Run(source);

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CODEC014", diagnostic.Id);
        Assert.Equal("Offending", run.LocationText(diagnostic));
        AssertNothingGeneratedFor(run, "Bad");
        Assert.Contains("Tests.Word.BitFields.g.cs", run.GeneratedSources.Keys);
    }

    [Fact]
    public void A_message_with_a_field_of_a_word_nested_in_a_type_that_is_not_partial_gets_no_code()
    {
        const string source = """
            using Codec;

            namespace Tests;

            public class Outer
            {
                [BitFields]
                public partial struct Bad
                {
                    [Field(0)] public partial byte Code { get; set; }
                }
            }

            [Message]
            public partial struct Carrier
            {
                [Field(0)] public Outer.Bad Carried;
            }
            """;
        GeneratorRun run = Run(source);

        Assert.Equal(["CODEC002", "CODEC009"], run.GeneratorDiagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
        AssertNothingGeneratedFor(run, "Bad");
        AssertNothingGeneratedFor(run, "Carrier");
    }

    [Fact]
    public void Valid_words_and_a_message_carrying_one_report_nothing_and_compile_without_warnings()
    {
        GeneratorRun run = GeneratorHarness.Run(Control, Frames, Small);

        Assert.Null(run.Result.Exception);
        Assert.True(run.GeneratorDiagnostics.IsEmpty, GeneratorRun.Describe(run.GeneratorDiagnostics));
        Assert.True(run.DriverDiagnostics.IsEmpty, GeneratorRun.Describe(run.DriverDiagnostics));
        var problems = run.OutputDiagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, GeneratorRun.Describe(problems) + Environment.NewLine + run.DescribeGenerated());
        Assert.Equal(
            ["Sample.Small.Paint.BitFields.g.cs", "Sample.Words.Control.BitFields.g.cs", "Sample.Words.Frame.g.cs", "Sample.Words.LittleFrame.g.cs"],
            run.GeneratedSources.Keys);

        // The word's integer is as wide as its bit-fields: 16 bits for Control, 8 for Paint.
        Assert.Equal("ushort", StorageOf(run, "Sample.Words.Control"));
        Assert.Equal("byte", StorageOf(run, "Sample.Small.Paint"));
    }

    private static string StorageOf(GeneratorRun run, string metadataName)
    {
        INamedTypeSymbol type = run.Output.GetTypeByMetadataName(metadataName)!;
        IPropertySymbol value = Assert.Single(type.GetMembers("Value").OfType<IPropertySymbol>());
        return value.Type.ToDisplayString();
    }

    /// <summary>
    /// Runs the generator and checks that only <paramref name="id"/> is reported, as an error, at source text containing
    /// one of <paramref name="locationContainsAny"/>, with a message containing each of <paramref name="messageContains"/>;
    /// that generation adds no compiler error or warning; and that nothing was generated for <c>Bad</c>.
    /// </summary>
    private static void Reports(string id, string source, string[] locationContainsAny, params string[] messageContains) =>
        AssertReports(Run(source), id, "Bad", locationContainsAny, messageContains);

    /// <summary>Runs the generator over a source whose only own errors are the <see cref="ExpectedInputErrors"/>.</summary>
    private static GeneratorRun Run(string source)
    {
        GeneratorRun run = GeneratorHarness.Run(source);
        var unexpected = run.InputDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && !ExpectedInputErrors.Contains(d.Id)).ToList();
        Assert.True(unexpected.Count == 0, "The test source has errors of its own:" + Environment.NewLine + GeneratorRun.Describe(unexpected));
        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.DriverDiagnostics, d => d.Id == "CS8785");
        Assert.True(
            run.ErrorsAddedByGeneration.IsEmpty,
            "Generated code must never add compiler errors:" + Environment.NewLine + GeneratorRun.Describe(run.ErrorsAddedByGeneration)
            + Environment.NewLine + run.DescribeGenerated());
        Assert.True(run.GeneratedCodeProblems.IsEmpty, GeneratorRun.Describe(run.GeneratedCodeProblems));
        return run;
    }
}
