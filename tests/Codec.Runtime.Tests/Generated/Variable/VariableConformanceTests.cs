namespace Codec.Runtime.Tests.Generated.Variable;

/// <summary>
/// The variable-length test messages (a)–(d) checked against the reference codec of <see cref="VarSpec"/>. Every
/// input is read with TryRead, TryRead(out, out), Read and TryReadAt (behind a 1–3 byte prefix) and dissected. The
/// random cases are seeded per message and check, so a failure reproduces; its message carries the input bytes.
/// </summary>
public sealed class VariableConformanceTests
{
    /// <summary>Random inputs per message: 4 × 30,000 = 120,000, each read, dissected and compared.</summary>
    public const int RandomInputs = 30_000;

    public static TheoryData<string> Messages => VarHarnesses.All;

    [Theory]
    [MemberData(nameof(Messages))]
    public void MinimumSize_is_the_fixed_part_and_there_is_no_Size(string message) => VarHarnesses.Get(message).ConstantsAndSizes();

    [Theory]
    [MemberData(nameof(Messages))]
    public void Valid_encodings_read_as_their_fields_with_spans_sliced_from_the_input(string message) =>
        VarHarnesses.Get(message).ValidEncodingsRead(2000);

    [Theory]
    [MemberData(nameof(Messages))]
    public void Random_inputs_read_and_dissect_as_the_reference_decides_and_never_throw(string message) =>
        Assert.Equal(RandomInputs, VarHarnesses.Get(message).RandomInputsMatchReference(RandomInputs));

    [Theory]
    [MemberData(nameof(Messages))]
    public void Every_truncation_of_a_valid_message_needs_more_data(string message) =>
        VarHarnesses.Get(message).TruncationsAtEveryLength(150);

    [Theory]
    [MemberData(nameof(Messages))]
    public void TryWrite_matches_the_reference_writer(string message) => VarHarnesses.Get(message).WriteMatchesReference(3000);

    [Theory]
    [MemberData(nameof(Messages))]
    public void Equality_compares_span_contents(string message) => VarHarnesses.Get(message).EqualityComparesSpanContents(300);

    [Theory]
    [MemberData(nameof(Messages))]
    public void ToString_shows_every_field_and_spans_as_hex(string message) => VarHarnesses.Get(message).ToStringShowsSpansAsHex(300);
}
