using Codec.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Snapshooter;
using Snapshooter.Xunit;

namespace Codec.Generator.Tests.Snapshots;

/// <summary>
/// The generated code of representative messages, pinned as snapshots so that every change to the emitter shows
/// up as a reviewable diff.
/// </summary>
/// <remarks>
/// How Snapshooter (Snapshooter.Xunit 1.3.1) stores them:
/// <list type="bullet">
/// <item><c>Snapshot.Match(value, SnapshotNameExtension.Create("X"))</c> names the snapshot
/// <c>{TestClass}.{TestMethod}_X.snap</c> (without an extension: <c>{TestClass}.{TestMethod}.snap</c>). The test
/// class and method are found by walking the stack for the xunit <c>[Fact]</c>/<c>[Theory]</c> method, so call
/// <c>Match</c> directly from the (synchronous) test method.</item>
/// <item>The file goes into a <c>__snapshots__</c> folder next to the test's source file (found through the
/// PDB's source paths, so it is this folder's <c>__snapshots__</c> whatever the build's artifacts path). Objects
/// are serialized to JSON with Json.NET; a string is stored as it is (here: the generated C#, readable and
/// diffable), written as UTF-8 with a BOM.</item>
/// <item>First run: a missing snapshot is written and the test passes. On a mismatch the test fails and the new
/// value is written to <c>__snapshots__/__mismatch__/</c> (git-ignored) for diffing; to accept it, move it over the
/// old file.</item>
/// <item>The test project sets <c>DeterministicSourcePaths=false</c>: with <c>CI=true</c> the SDK would otherwise map
/// source paths to <c>/_/</c>, and Snapshooter would silently write fresh snapshots under <c>/_/tests/…</c>.</item>
/// <item>Strict mode: with the environment variable <c>SNAPSHOOTER_STRICT_MODE</c> set to <c>on</c> or
/// <c>true</c>, a missing snapshot fails the test instead of being created (the value still lands in
/// <c>__mismatch__</c>). CI must run with it, so a snapshot that was never committed cannot pass.</item>
/// </list>
/// </remarks>
public sealed class GeneratedCodeSnapshotTests
{
    [Fact]
    public void Ipv4Header_nibbles_fragment_offset_constant_enum_and_addresses() =>
        Snapshot.Match(Generate(TestSources.Ipv4Header), SnapshotNameExtension.Create("Ipv4Header"));

    [Fact]
    public void PcapGlobalHeader_little_endian() =>
        Snapshot.Match(Generate(TestSources.PcapGlobalHeader), SnapshotNameExtension.Create("PcapGlobalHeader"));

    [Fact]
    public void DeviceAnnouncement_flags_reserved_mac_block_and_ipv6() =>
        Snapshot.Match(Generate(TestSources.DeviceAnnouncement), SnapshotNameExtension.Create("DeviceAnnouncement"));

    [Fact]
    public void VariableFrame_spans_scaled_lengths_message_length_and_a_run_after_a_span() =>
        Snapshot.Match(Generate(VariableFrame), SnapshotNameExtension.Create("VariableFrame"));

    [Fact]
    public void RecordSections_lists_of_one_type_in_one_loop_and_a_union_with_a_ref_struct_case() =>
        Snapshot.Match(Generate(RecordSections), SnapshotNameExtension.Create("RecordSections"));

    /// <summary>
    /// DNS's shape in small: a header with two counts, two counted lists of one element type in a row (read and visited
    /// by one loop), each element a union chosen by its kind with a fixed case, a ref struct case read by a call, a case
    /// that is one domain name (read in the union's switch) and raw octets.
    /// </summary>
    private const string RecordSections = """
        using System;
        using Codec;

        namespace Sample.Records;

        [Message]
        public partial struct Word
        {
            [Field(0)] public ushort Value;
        }

        [Message]
        public ref partial struct Blob
        {
            [Field(0), Remaining] public ReadOnlySpan<byte> Octets;
        }

        [Message]
        public ref partial struct Alias
        {
            [Field(0)] public Codec.Dns.DnsName Target;
        }

        [Union(Name = "Payload")]
        [Case(1, "Word", typeof(Word))]
        [Case(2, "Blob", typeof(Blob))]
        [Case(3, "Alias", typeof(Alias))]
        [DefaultCase("Raw")]
        public readonly ref partial struct Payload
        {
        }

        [Message]
        public ref partial struct Entry
        {
            [Field(0)] public byte Kind;
            [Field(1)] public byte Length;
            [Field(2), Length(nameof(Length)), Discriminator(nameof(Kind))] public Payload Data;
        }

        [Message]
        public ref partial struct Sections
        {
            [Field(0)] public byte AnswerCount;
            [Field(1)] public byte OtherCount;
            [Field(2), Count(nameof(AnswerCount))] public MessageList<Entry> Answers;
            [Field(3), Count(nameof(OtherCount))] public MessageList<Entry> Others;
        }
        """;

    /// <summary>
    /// A variable-length message (a ref struct with span members): a constant, a 12-bit message length in 4-byte
    /// words, options of HeaderWords × 4 − 4 bytes, a 3/13-bit run of fixed fields after them, and a payload up to the
    /// message length. MinimumSize 6.
    /// </summary>
    private const string VariableFrame = """
        using System;
        using Codec;

        namespace Sample.Framing;

        /// <summary>A frame with options and a payload as spans into the input.</summary>
        [Message(Name = "Sample Frame")]
        public ref partial struct VariableFrame
        {
            [Field(0, Bits = 4), Constant(1)] public byte Version;
            [Field(1, Bits = 12, Name = "Frame Length"), MessageLength(Scale = 4)] public ushort Words;
            [Field(2, Bits = 4, Name = "Header Length")] public byte HeaderWords;
            [Field(3, Bits = 4)] public byte Flags;
            [Field(4)] public byte Tag;
            [Field(5), Length(nameof(HeaderWords), Scale = 4, Offset = -4)] public ReadOnlySpan<byte> Options;
            [Field(6, Bits = 3)] public byte Priority;
            [Field(7, Bits = 13)] public ushort Sequence;
            [Field(8), Remaining] public ReadOnlySpan<byte> Payload;
        }
        """;

    /// <summary>All generated files of the run, each headed by its hint name, after checking they compile cleanly.</summary>
    private static string Generate(string source)
    {
        GeneratorRun run = GeneratorHarness.Run(source);

        Assert.Null(run.Result.Exception);
        Assert.True(run.GeneratorDiagnostics.IsEmpty, GeneratorRun.Describe(run.GeneratorDiagnostics));
        var problems = run.OutputDiagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, GeneratorRun.Describe(problems));
        Assert.NotEmpty(run.GeneratedSources);

        return string.Join(
            "\n",
            run.GeneratedSources.Select(kv => $"// ===== {kv.Key} =====\n{kv.Value.ReplaceLineEndings("\n")}"));
    }
}
