using static Codec.Generator.Tests.Diagnostics.DiagnosticAssert;
using static Codec.Generator.Tests.Options.OptionListSources;

namespace Codec.Generator.Tests.Options;

/// <summary>One test per option list diagnostic (CODEC025–CODEC029); the option list is named <c>Bad</c>.</summary>
public sealed class OptionListDiagnosticTests
{
    private static readonly string[] OnType = ["Bad"];

    [Theory]
    [InlineData("public partial struct Bad")]
    [InlineData("public ref partial struct Bad")]
    [InlineData("public readonly partial struct Bad")]
    [InlineData("public readonly ref struct Bad")]
    public void CODEC025_OptionListNotReadonlyRefStruct(string declaration) =>
        Reports("CODEC025", OptionList("[Option(2, \"Thing\")]", declaration: declaration), "Bad", OnType, "'Bad'");

    [Theory]
    [InlineData("", "KindSize = 3", "KindSize and LengthSize")]
    [InlineData("", "LengthSize = 0", "KindSize and LengthSize")]
    [InlineData("[Option(0, \"Pad\", SingleByte = true)]", "KindSize = 2", "SingleByte")]
    [InlineData("[Option(0, \"End\", SingleByte = true, EndsList = true)] [Option(255, \"Stop\", SingleByte = true, EndsList = true)]", "", "EndsList")]
    [InlineData("[Option(3, \"not a name\")]", "", "identifier")]
    public void CODEC026_OptionListLayoutInvalid(string attributes, string arguments, string part) =>
        Reports("CODEC026", OptionList(attributes, arguments), "Bad", ["Bad", "Option", "OptionList"], "'Bad'", part);

    [Theory]
    [InlineData("[Option(2, \"First\")] [Option(2, \"Offending\")]", "'First'")]
    [InlineData("[Option(2, \"First\")] [Option(3, \"First\")]", "'First'")]
    public void CODEC027_DuplicateOptionKind(string attributes, string first) =>
        Reports("CODEC027", OptionList(attributes), "Bad", ["Option"], first);

    [Theory]
    [InlineData("[Option(2, \"Offending\", Type = typeof(Plain))]", "Plain")]
    [InlineData("[Option(2, \"Offending\", Type = typeof(int))]", "int")]
    [InlineData("[Option(2, \"Offending\", Type = typeof(Word), SingleByte = true)]", "Word")]
    public void CODEC028_OptionValueTypeInvalid(string attributes, string type) =>
        Reports("CODEC028", OptionList(attributes), "Bad", ["Option"], "'Offending'", type);

    [Theory]
    [InlineData("[Option(256, \"Offending\")]", "", "256")]
    [InlineData("[Option(-1, \"Offending\")]", "", "-1")]
    [InlineData("[Option(65536, \"Offending\")]", "KindSize = 2", "65536")]
    public void CODEC029_OptionKindOutOfRange(string attributes, string arguments, string kind) =>
        Reports("CODEC029", OptionList(attributes, arguments), "Bad", ["Option"], "'Offending'", kind);

    [Fact]
    public void An_option_list_field_without_a_length_is_CODEC018() =>
        Reports(
            "CODEC018",
            OptionList("[Option(2, \"Thing\")]", declaration: "public readonly ref partial struct Good").Replace(
                "public struct Plain",
                "[Message] public ref partial struct Bad { [Field(0)] public byte Kind; [Field(1)] public Good Offending; }\npublic struct Plain"),
            "Bad",
            ["Offending"],
            "'Offending'");

    [Fact]
    public void A_counted_option_list_field_is_CODEC021() =>
        Reports(
            "CODEC021",
            OptionList("[Option(2, \"Thing\")]", declaration: "public readonly ref partial struct Good").Replace(
                "public struct Plain",
                "[Message] public ref partial struct Bad { [Field(0)] public byte Kind; [Field(1), Count(nameof(Kind))] public Good Offending; }\npublic struct Plain"),
            "Bad",
            ["Offending"],
            "'Offending'");
}
