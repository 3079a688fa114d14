using Codec.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codec.Generator.Tests.Diagnostics;

/// <summary>
/// A [BitFields] word whose bit-field is a word — its own type, or another word that names it back — is described
/// once and rejected, not described forever (the parser classifies a word's members with words not allowed).
/// </summary>
public sealed class BitFieldsNestingTests
{
    [Theory]
    [InlineData("""
        [BitFields]
        public partial struct Word
        {
            [Field(0, Bits = 8)] public partial byte Low { get; set; }
            [Field(1, Bits = 8)] public partial Word Offending { get; set; }
        }
        """)]
    [InlineData("""
        [BitFields]
        public partial struct Word
        {
            [Field(0, Bits = 8)] public partial Other Offending { get; set; }
        }

        [BitFields]
        public partial struct Other
        {
            [Field(0, Bits = 8)] public partial Word Back { get; set; }
        }
        """)]
    public void A_word_inside_a_word_is_unsupported_and_ends(string words)
    {
        GeneratorRun run = GeneratorHarness.Run("using Codec;\n" + words + """

            [Message]
            public partial struct Carrier
            {
                [Field(0)] public Word Flags;
            }
            """);

        Diagnostic[] errors = [.. run.GeneratorDiagnostics.Where(d => d.Id == "CODEC002")];
        Assert.Contains(errors, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'Offending'", StringComparison.Ordinal));
        Assert.DoesNotContain(run.GeneratedSources.Keys, hint => hint.StartsWith("Carrier", StringComparison.Ordinal) || hint.StartsWith("Word", StringComparison.Ordinal));
    }
}
