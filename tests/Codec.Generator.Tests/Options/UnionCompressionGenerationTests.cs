using Codec.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codec.Generator.Tests.Options;

/// <summary>
/// <c>[Case(CompressNames = true)]</c>: the union gets a compressing writer for the cases that ask for it (their types have name fields;
/// CODEC035 otherwise),
/// and the enclosing message writes the union through it, setting the length field afterwards.
/// </summary>
public sealed class UnionCompressionGenerationTests
{
    private const string Source = """
        using System;
        using Codec;
        using Codec.Dns;

        namespace Tests;

        [Message] public ref partial struct Target { [Field(0)] public DnsName Name; }
        [Message] public ref partial struct Service { [Field(0)] public ushort Port; [Field(1)] public DnsName Host; }
        [Message] public partial struct Number { [Field(0)] public uint Value; }

        [Union]
        [Case(5, "Alias", typeof(Target), CompressNames = true)]
        [Case(33, "Srv", typeof(Service))]
        [Case(1, "Plain", typeof(Number))]
        [DefaultCase("Raw")]
        public readonly ref partial struct Data { }

        [Message]
        public ref partial struct Record
        {
            [Field(0)] public DnsName Owner;
            [Field(1)] public ushort Kind;
            [Field(2)] public ushort BodyLength;
            [Field(3), Length(nameof(BodyLength)), Discriminator(nameof(Kind))] public Data Body;
        }
        """;

    private static string Generated(GeneratorRun run, string suffix) =>
        run.GeneratedSources.Where(s => s.Key.EndsWith(suffix, StringComparison.Ordinal)).Select(s => s.Value).SingleOrDefault()
        ?? throw new InvalidOperationException(suffix + " not among " + string.Join(", ", run.GeneratedSources.Keys) + "; " + string.Join("; ", run.GeneratorDiagnostics));

    [Fact]
    public void Only_cases_with_names_that_ask_for_it_compress_and_the_message_sets_the_length_after()
    {
        GeneratorRun run = GeneratorHarness.Run(Source);
        var problems = run.OutputDiagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        string union = Generated(run, "Data.Union.g.cs");
        int start = union.IndexOf("public static bool CompressesNames(ulong discriminator)", StringComparison.Ordinal);
        Assert.True(start >= 0);
        string cases = union[start..union.IndexOf("};", start, StringComparison.Ordinal)];
        Assert.Contains("5UL => true,", cases);
        Assert.DoesNotContain("33UL", cases);   // not asked for (RFC 3597 §4 for DNS)
        Assert.DoesNotContain(" 1UL", cases);   // no names (asking for it there is CODEC035)
        Assert.Contains("private global::Codec.WriteResult CodecWriteAlias(", union);
        Assert.Contains("private bool CodecWriteAlias(", union);

        string record = Generated(run, ".Record.g.cs");
        Assert.Contains("global::Tests.Data.CompressesNames(", record);
        Assert.Contains("this.Body.TryWrite(message, ref at, compressor, ", record);
        Assert.Contains("int lengthAtBodyLength = position + 2;", record);
        Assert.Contains("global::Codec.WireBits.StoreUInt16BigEndian(ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(destination), lengthAtBodyLength, (ushort)writtenBody);", record);
    }

    [Fact]
    public void Without_CompressNames_the_union_has_no_writer_and_the_message_copies_its_octets()
    {
        GeneratorRun run = GeneratorHarness.Run(Source.Replace("CompressNames = true", "Name = \"x\"", StringComparison.Ordinal));
        Assert.Empty(run.OutputDiagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning));

        string union = Generated(run, "Data.Union.g.cs");
        Assert.DoesNotContain("CompressesNames", union);
        string record = Generated(run, ".Record.g.cs");
        Assert.DoesNotContain("Body.TryWrite(", record);
        Assert.Contains("DnsNameCompressor compressor", record);   // the owner name is still compressed
    }
}
