using FsCheck;
using FsCheck.Xunit;

namespace Codec.Runtime.Tests.Generated.Variable;

/// <summary>
/// The same checks as <see cref="VariableConformanceTests"/> and <see cref="VariableRoundTripProperties"/>, for layouts
/// beyond the four of the brief that the generator accepts without a diagnostic: a field after a variable member
/// that gives a length — of the whole message (<see cref="VarLateLength"/>) or of a later span
/// (<see cref="VarTwoSpans"/>). The documented rules (never throw; a length that contradicts the message length is
/// InvalidData; an error's bit offset counts from the start of the message) must hold for them too.
/// </summary>
public abstract class VariableExtraMessageTests
{
    private protected abstract IVarHarness Harness { get; }

    [Fact]
    public void MinimumSize_is_the_fixed_part_and_there_is_no_Size() => Harness.ConstantsAndSizes();

    [Fact]
    public void Valid_encodings_read_as_their_fields_with_spans_sliced_from_the_input() => Harness.ValidEncodingsRead(2000);

    [Fact]
    public void Random_inputs_read_and_dissect_as_the_reference_decides_and_never_throw() =>
        Assert.Equal(VariableConformanceTests.RandomInputs, Harness.RandomInputsMatchReference(VariableConformanceTests.RandomInputs));

    [Fact]
    public void Every_truncation_of_a_valid_message_needs_more_data() => Harness.TruncationsAtEveryLength(150);

    [Fact]
    public void TryWrite_matches_the_reference_writer() => Harness.WriteMatchesReference(3000);

    [Fact]
    public void Equality_compares_span_contents() => Harness.EqualityComparesSpanContents(300);

    [Fact]
    public void ToString_shows_every_field_and_spans_as_hex() => Harness.ToStringShowsSpansAsHex(300);

    [Property(MaxTest = 500, Replay = "(2024100140,296140327)")]
    public Property Read_of_write_is_identity() => Harness.ValuesRoundTrip();

    [Property(MaxTest = 500, Replay = "(2024100141,296140327)")]
    public Property Lengths_left_at_zero_are_computed() => Harness.ComputedLengthsRoundTrip();

    [Property(MaxTest = 500, Replay = "(2024100142,296140327)")]
    public Property Write_of_read_is_identity() => Harness.BytesRoundTrip();

    [Property(MaxTest = 500, Replay = "(2024100143,296140327)")]
    public Property Too_small_destinations() => Harness.TooSmallDestinations();

    [Property(MaxTest = 100, Replay = "(2024100144,296140327)")]
    public Property Inexpressible_computed_lengths_are_invalid() => Harness.InexpressibleLengths();

    [Property(MaxTest = 500, Replay = "(2024100145,296140327)")]
    public Property Explicit_lengths_are_written_as_set() => Harness.ExplicitLengthsAreWrittenAsSet();
}

/// <summary>(e) The message length after a variable member.</summary>
public sealed class VariableLateLengthTests : VariableExtraMessageTests
{
    private protected override IVarHarness Harness => VarHarnesses.Get("VarLateLength");
}

/// <summary>(f) A span's length field after another span.</summary>
public sealed class VariableTwoSpansTests : VariableExtraMessageTests
{
    private protected override IVarHarness Harness => VarHarnesses.Get("VarTwoSpans");
}
