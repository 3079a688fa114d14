using FsCheck;
using FsCheck.Xunit;

namespace Codec.Runtime.Tests.Generated.Variable;

/// <summary>
/// Write/read properties of the variable-length test messages (a)–(d). The seeds are fixed (Replay) so that CI runs
/// the same cases every time; to explore new ones locally, remove Replay and note the seed FsCheck prints on failure.
/// </summary>
public sealed class VariableRoundTripProperties
{
    private const int Tests = 500;

    // (a) VarTlv

    [Property(MaxTest = Tests, Replay = "(2024100100,296140327)")]
    public Property VarTlv_read_of_write_is_identity() => VarHarnesses.Get("VarTlv").ValuesRoundTrip();

    [Property(MaxTest = Tests, Replay = "(2024100101,296140327)")]
    public Property VarTlv_lengths_left_at_zero_are_computed() => VarHarnesses.Get("VarTlv").ComputedLengthsRoundTrip();

    [Property(MaxTest = Tests, Replay = "(2024100102,296140327)")]
    public Property VarTlv_write_of_read_is_identity() => VarHarnesses.Get("VarTlv").BytesRoundTrip();

    [Property(MaxTest = Tests, Replay = "(2024100103,296140327)")]
    public Property VarTlv_too_small_destinations() => VarHarnesses.Get("VarTlv").TooSmallDestinations();

    [Property(MaxTest = Tests, Replay = "(2024100104,296140327)")]
    public Property VarTlv_inexpressible_computed_lengths_are_invalid() => VarHarnesses.Get("VarTlv").InexpressibleLengths();

    [Property(MaxTest = Tests, Replay = "(2024100105,296140327)")]
    public Property VarTlv_explicit_lengths_are_written_as_set() => VarHarnesses.Get("VarTlv").ExplicitLengthsAreWrittenAsSet();

    // (b) VarOptions

    [Property(MaxTest = Tests, Replay = "(2024100110,296140327)")]
    public Property VarOptions_read_of_write_is_identity() => VarHarnesses.Get("VarOptions").ValuesRoundTrip();

    [Property(MaxTest = Tests, Replay = "(2024100111,296140327)")]
    public Property VarOptions_lengths_left_at_zero_are_computed() => VarHarnesses.Get("VarOptions").ComputedLengthsRoundTrip();

    [Property(MaxTest = Tests, Replay = "(2024100112,296140327)")]
    public Property VarOptions_write_of_read_is_identity() => VarHarnesses.Get("VarOptions").BytesRoundTrip();

    [Property(MaxTest = Tests, Replay = "(2024100113,296140327)")]
    public Property VarOptions_too_small_destinations() => VarHarnesses.Get("VarOptions").TooSmallDestinations();

    [Property(MaxTest = Tests, Replay = "(2024100114,296140327)")]
    public Property VarOptions_inexpressible_computed_lengths_are_invalid() => VarHarnesses.Get("VarOptions").InexpressibleLengths();

    [Property(MaxTest = Tests, Replay = "(2024100115,296140327)")]
    public Property VarOptions_explicit_lengths_are_written_as_set() => VarHarnesses.Get("VarOptions").ExplicitLengthsAreWrittenAsSet();

    // (c) VarFramed

    [Property(MaxTest = Tests, Replay = "(2024100120,296140327)")]
    public Property VarFramed_read_of_write_is_identity() => VarHarnesses.Get("VarFramed").ValuesRoundTrip();

    [Property(MaxTest = Tests, Replay = "(2024100121,296140327)")]
    public Property VarFramed_lengths_left_at_zero_are_computed() => VarHarnesses.Get("VarFramed").ComputedLengthsRoundTrip();

    [Property(MaxTest = Tests, Replay = "(2024100122,296140327)")]
    public Property VarFramed_write_of_read_is_identity() => VarHarnesses.Get("VarFramed").BytesRoundTrip();

    [Property(MaxTest = Tests, Replay = "(2024100123,296140327)")]
    public Property VarFramed_too_small_destinations() => VarHarnesses.Get("VarFramed").TooSmallDestinations();

    [Property(MaxTest = Tests, Replay = "(2024100124,296140327)")]
    public Property VarFramed_inexpressible_computed_lengths_are_invalid() => VarHarnesses.Get("VarFramed").InexpressibleLengths();

    [Property(MaxTest = Tests, Replay = "(2024100125,296140327)")]
    public Property VarFramed_explicit_lengths_are_written_as_set() => VarHarnesses.Get("VarFramed").ExplicitLengthsAreWrittenAsSet();

    // (d) VarRecordLe

    [Property(MaxTest = Tests, Replay = "(2024100130,296140327)")]
    public Property VarRecordLe_read_of_write_is_identity() => VarHarnesses.Get("VarRecordLe").ValuesRoundTrip();

    [Property(MaxTest = Tests, Replay = "(2024100131,296140327)")]
    public Property VarRecordLe_lengths_left_at_zero_are_computed() => VarHarnesses.Get("VarRecordLe").ComputedLengthsRoundTrip();

    [Property(MaxTest = Tests, Replay = "(2024100132,296140327)")]
    public Property VarRecordLe_write_of_read_is_identity() => VarHarnesses.Get("VarRecordLe").BytesRoundTrip();

    [Property(MaxTest = Tests, Replay = "(2024100133,296140327)")]
    public Property VarRecordLe_too_small_destinations() => VarHarnesses.Get("VarRecordLe").TooSmallDestinations();

    [Property(MaxTest = Tests, Replay = "(2024100134,296140327)")]
    public Property VarRecordLe_inexpressible_computed_lengths_are_invalid() => VarHarnesses.Get("VarRecordLe").InexpressibleLengths();

    [Property(MaxTest = Tests, Replay = "(2024100135,296140327)")]
    public Property VarRecordLe_explicit_lengths_are_written_as_set() => VarHarnesses.Get("VarRecordLe").ExplicitLengthsAreWrittenAsSet();
}
