using Codec.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codec.Generator.Tests.Diagnostics;

/// <summary>Valid messages: no diagnostics, and the generated code compiles with zero errors and zero warnings.</summary>
public sealed class ValidMessageTests
{
    public static TheoryData<string, string, int> ValidMessages => new()
    {
        { nameof(TestSources.Ipv4Header), "Sample.Net.Ipv4Header", 20 },
        { nameof(TestSources.PcapGlobalHeader), "Sample.Capture.PcapGlobalHeader", 24 },
        { nameof(TestSources.DeviceAnnouncement), "Sample.Devices.DeviceAnnouncement", 42 },
        { nameof(TestSources.SignedAndOverrides), "Sample.Misc.Telemetry", 16 },
        { nameof(TestSources.NestedRecordStruct), "Protocols+Icmp+EchoPrefix", 4 },
    };

    [Theory]
    [MemberData(nameof(ValidMessages))]
    public void Valid_message_produces_no_diagnostics_and_generated_code_compiles_without_warnings(
        string sourceName, string metadataName, int size)
    {
        string source = (string)typeof(TestSources).GetField(sourceName)!.GetValue(null)!;
        GeneratorRun run = GeneratorHarness.Run(source);

        Assert.Null(run.Result.Exception);
        Assert.True(run.GeneratorDiagnostics.IsEmpty, GeneratorRun.Describe(run.GeneratorDiagnostics));
        Assert.True(run.DriverDiagnostics.IsEmpty, GeneratorRun.Describe(run.DriverDiagnostics));
        Assert.NotEmpty(run.GeneratedSources);

        var problems = run.OutputDiagnostics
            .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
            .ToList();
        Assert.True(
            problems.Count == 0,
            "Output compilation must have zero errors and zero warnings:" + Environment.NewLine + GeneratorRun.Describe(problems)
            + Environment.NewLine + run.DescribeGenerated());

        // The documented API is there (docs/generated-api.md) and the layout has the expected size.
        INamedTypeSymbol? type = run.Output.GetTypeByMetadataName(metadataName);
        Assert.NotNull(type);
        IFieldSymbol sizeField = Assert.Single(type!.GetMembers("Size").OfType<IFieldSymbol>());
        Assert.True(sizeField.IsConst);
        Assert.Equal(size, sizeField.ConstantValue);
        foreach (string member in new[] { "MinimumSize", "TryRead", "Read", "GetSerializedSize", "TryWrite", "Write", "Dissect", "View", "ReadOnlyView" })
        {
            Assert.True(type.GetMembers(member).Length > 0, $"{metadataName} should have a generated member '{member}'");
        }

        INamedTypeSymbol wireMessage = run.Output.GetTypeByMetadataName("Codec.IWireMessage`1")!;
        Assert.Contains(
            type.AllInterfaces,
            i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, wireMessage)
                 && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], type));
    }

    [Fact]
    public void All_valid_messages_in_one_compilation_generate_distinct_files_that_compile()
    {
        GeneratorRun run = GeneratorHarness.Run(
            TestSources.Ipv4Header,
            TestSources.PcapGlobalHeader,
            TestSources.DeviceAnnouncement,
            TestSources.SignedAndOverrides,
            TestSources.NestedRecordStruct);

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        foreach (string name in new[] { "Ipv4Header", "PcapGlobalHeader", "DeviceAnnouncement", "Telemetry", "EchoPrefix" })
        {
            Assert.Contains(run.GeneratedSources.Keys, hint => hint.Contains(name, StringComparison.Ordinal));
        }

        var problems = run.OutputDiagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, GeneratorRun.Describe(problems));
    }

    [Fact]
    public void Invalid_message_does_not_stop_valid_ones_from_being_generated()
    {
        const string bad = """
            using Codec;

            namespace Tests;

            [Message]
            public partial struct Bad
            {
                [Field(0, Bits = 12)] public ushort Value;
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(TestSources.Ipv4Header, bad);

        Assert.Equal("CODEC005", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.Contains(run.GeneratedSources, kv => kv.Value.Contains("Ipv4Header", StringComparison.Ordinal));
        Assert.Empty(run.ErrorsAddedByGeneration);
        Assert.Empty(run.GeneratedCodeProblems);
    }
}
