using FsCheck;
using FsCheck.Xunit;

namespace Codec.Runtime.Tests.Generated;

/// <summary>
/// Every test message (big- and little-endian, wide and narrow units, every field kind) checked against the naive
/// reference codec of <see cref="WireReference"/>. The random cases are seeded per message and check, so a failure
/// reproduces; its message carries the input bytes.
/// </summary>
public sealed class GeneratedMessageConformanceTests
{
    private const int Cases = 3000;

    public static TheoryData<string> Messages => MessageHarnesses.All;

    [Theory]
    [MemberData(nameof(Messages))]
    public void Size_constants_and_members_match_the_spec(string message) => MessageHarnesses.Get(message).SizeAndLayoutConstants();

    [Theory]
    [MemberData(nameof(Messages))]
    public void TryRead_matches_the_reference_reader(string message) => MessageHarnesses.Get(message).ReadMatchesReference(Cases);

    [Theory]
    [MemberData(nameof(Messages))]
    public void View_getters_match_the_reference_reader(string message) => MessageHarnesses.Get(message).ViewGettersMatchReference(Cases);

    [Theory]
    [MemberData(nameof(Messages))]
    public void TryWrite_matches_the_reference_writer(string message) => MessageHarnesses.Get(message).WriteMatchesReference(Cases);

    [Theory]
    [MemberData(nameof(Messages))]
    public void Truncated_input_at_every_length_names_the_first_field_that_does_not_fit(string message) =>
        MessageHarnesses.Get(message).TruncatedInputAtEveryLength();

    [Theory]
    [MemberData(nameof(Messages))]
    public void Constant_mismatch_is_invalid_data(string message) => MessageHarnesses.Get(message).ConstantMismatch();

    [Theory]
    [MemberData(nameof(Messages))]
    public void Reserved_bits_are_rejected_or_ignored_by_policy(string message) => MessageHarnesses.Get(message).ReservedBits();

    [Theory]
    [MemberData(nameof(Messages))]
    public void Values_too_wide_for_their_fields_are_refused(string message) => MessageHarnesses.Get(message).ValuesTooWideForTheirFields();

    [Theory]
    [MemberData(nameof(Messages))]
    public void Destination_too_small_at_every_length(string message) => MessageHarnesses.Get(message).DestinationTooSmallAtEveryLength();

    [Theory]
    [MemberData(nameof(Messages))]
    public void View_setters_write_in_place_and_leave_other_bits_alone(string message) => MessageHarnesses.Get(message).ViewSettersWriteInPlace(Cases);

    [Theory]
    [MemberData(nameof(Messages))]
    public void Views_over_short_buffers_are_refused(string message) => MessageHarnesses.Get(message).ViewsOverShortBuffers();

    [Theory]
    [MemberData(nameof(Messages))]
    public void Default_views_throw_instead_of_reading_out_of_bounds(string message) => MessageHarnesses.Get(message).DefaultViewsDoNotReadOutOfBounds();

    [Theory]
    [MemberData(nameof(Messages))]
    public void Equality_operators_and_hash_codes(string message) => MessageHarnesses.Get(message).EqualityAndHashing(300);

    [Theory]
    [MemberData(nameof(Messages))]
    public void ToString_shows_every_field_and_value(string message) => MessageHarnesses.Get(message).ToStringShowsEveryField(300);

    [Theory]
    [MemberData(nameof(Messages))]
    public void Dissect_matches_the_reference_reader(string message) => MessageHarnesses.Get(message).DissectMatchesReference(1000);
}

/// <summary>
/// Round-trip properties. The seeds are fixed (Replay) so that CI runs the same cases every time; to explore new
/// ones locally, remove Replay and note the seed FsCheck prints on failure.
/// </summary>
public sealed class GeneratedMessageRoundTripProperties
{
    private const int Tests = 2000;

    [Property(MaxTest = Tests, Replay = "(1234567890,296140327)")]
    public Property WideBe_read_of_write_is_identity() => MessageHarnesses.Get("WideBe").ValuesRoundTrip();

    [Property(MaxTest = Tests, Replay = "(1234567891,296140327)")]
    public Property WideBe_write_of_read_is_identity() => MessageHarnesses.Get("WideBe").BytesRoundTrip();

    [Property(MaxTest = Tests, Replay = "(1234567892,296140327)")]
    public Property WideLe_read_of_write_is_identity() => MessageHarnesses.Get("WideLe").ValuesRoundTrip();

    [Property(MaxTest = Tests, Replay = "(1234567893,296140327)")]
    public Property WideLe_write_of_read_is_identity() => MessageHarnesses.Get("WideLe").BytesRoundTrip();

    [Property(MaxTest = Tests, Replay = "(1234567894,296140327)")]
    public Property MixedBe_read_of_write_is_identity() => MessageHarnesses.Get("MixedBe").ValuesRoundTrip();

    [Property(MaxTest = Tests, Replay = "(1234567895,296140327)")]
    public Property MixedBe_write_of_read_is_identity() => MessageHarnesses.Get("MixedBe").BytesRoundTrip();

    [Property(MaxTest = Tests, Replay = "(1234567896,296140327)")]
    public Property MixedLe_read_of_write_is_identity() => MessageHarnesses.Get("MixedLe").ValuesRoundTrip();

    [Property(MaxTest = Tests, Replay = "(1234567897,296140327)")]
    public Property MixedLe_write_of_read_is_identity() => MessageHarnesses.Get("MixedLe").BytesRoundTrip();

    [Property(MaxTest = Tests, Replay = "(1234567898,296140327)")]
    public Property FullBe_read_of_write_is_identity() => MessageHarnesses.Get("FullBe").ValuesRoundTrip();

    [Property(MaxTest = Tests, Replay = "(1234567899,296140327)")]
    public Property FullBe_write_of_read_is_identity() => MessageHarnesses.Get("FullBe").BytesRoundTrip();

    [Property(MaxTest = Tests, Replay = "(1234567900,296140327)")]
    public Property FullLe_read_of_write_is_identity() => MessageHarnesses.Get("FullLe").ValuesRoundTrip();

    [Property(MaxTest = Tests, Replay = "(1234567901,296140327)")]
    public Property FullLe_write_of_read_is_identity() => MessageHarnesses.Get("FullLe").BytesRoundTrip();

    [Property(MaxTest = Tests, Replay = "(1234567902,296140327)")]
    public Property EdgeBe_read_of_write_is_identity() => MessageHarnesses.Get("EdgeBe").ValuesRoundTrip();

    [Property(MaxTest = Tests, Replay = "(1234567903,296140327)")]
    public Property EdgeBe_write_of_read_is_identity() => MessageHarnesses.Get("EdgeBe").BytesRoundTrip();

    [Property(MaxTest = Tests, Replay = "(1234567904,296140327)")]
    public Property EdgeLe_read_of_write_is_identity() => MessageHarnesses.Get("EdgeLe").ValuesRoundTrip();

    [Property(MaxTest = Tests, Replay = "(1234567905,296140327)")]
    public Property EdgeLe_write_of_read_is_identity() => MessageHarnesses.Get("EdgeLe").BytesRoundTrip();
}
