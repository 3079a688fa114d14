using System.Reflection;
using System.Runtime.Loader;
using Codec.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace Codec.Generator.Tests.Emitted;

/// <summary>
/// A smoke test of the snapshot messages' generated code at run time: the in-memory output compilation is emitted,
/// loaded, and a probe compiled with it reads known wire bytes, prints the fields and writes them back. (The
/// runtime and protocol test projects test the codecs in depth; this checks the generator's output in isolation.)
/// </summary>
public sealed class GeneratedCodeRunsTests
{
    private const string Probe = """
        using System;
        using Codec;

        public static class Probe
        {
            public static string Ipv4(byte[] input)
            {
                ReadResult read = Sample.Net.Ipv4Header.TryRead(input, out Sample.Net.Ipv4Header h);
                if (!read.IsDone) return read.ToString();
                byte[] output = new byte[Sample.Net.Ipv4Header.Size];
                WriteResult written = h.TryWrite(output);
                return $"{h.Version} {h.Ihl} {h.TypeOfService} {h.TotalLength} {h.Identification:X4} {h.DontFragment} {h.MoreFragments} {h.FragmentOffset} {h.TimeToLive} {h.Protocol} {h.HeaderChecksum:X4} {h.Source} {h.Destination} | {written} {Convert.ToHexString(output)}";
            }

            public static string Ipv4Failed(byte[] input)
            {
                // The out variable held a value before the call: a failed read must not leave it (or parts of it) behind.
                var h = new Sample.Net.Ipv4Header { Ihl = 7, TimeToLive = 99, Source = new IPv4Address(1, 2, 3, 4) };
                ReadResult read = Sample.Net.Ipv4Header.TryRead(input, out h);
                return $"{read.Status} default={h.Equals(default(Sample.Net.Ipv4Header))} ihl={h.Ihl} ttl={h.TimeToLive} source={h.Source}";
            }

            public static string Pcap(byte[] input)
            {
                ReadResult read = Sample.Capture.PcapGlobalHeader.TryRead(input, out Sample.Capture.PcapGlobalHeader h);
                if (!read.IsDone) return read.ToString();
                byte[] output = new byte[Sample.Capture.PcapGlobalHeader.Size];
                WriteResult written = h.TryWrite(output);
                return $"{h.MagicNumber:X8} {h.VersionMajor}.{h.VersionMinor} {h.ThisZone} {h.SigFigs} {h.SnapLength} {h.Network} | {written} {Convert.ToHexString(output)}";
            }

            public static string Device(byte[] input)
            {
                ReadResult read = Sample.Devices.DeviceAnnouncement.TryRead(input, out Sample.Devices.DeviceAnnouncement h);
                if (!read.IsDone) return read.ToString();
                byte[] output = new byte[Sample.Devices.DeviceAnnouncement.Size];
                WriteResult written = h.TryWrite(output);
                ReadOnlySpan<byte> client = h.ClientId;
                return $"{h.Active} {h.Preferred} {h.Temporary} {h.Capabilities} {h.Priority} {h.HardwareAddress} {Convert.ToHexString(client)} {h.LinkLocal} | {written} {Convert.ToHexString(output)}";
            }
        }
        """;

    [Theory]
    [InlineData(
        "Ipv4",
        "45000054 1C464000 4001B1E6 C0A80068 C0A80001",
        "4 5 0 84 1C46 True False 0 64 Icmp B1E6 192.168.0.104 192.168.0.1 | Done (20 bytes) 450000541C4640004001B1E6C0A80068C0A80001")]
    [InlineData(
        "Ipv4",
        "65000054 1C464000 4001B1E6 C0A80068 C0A80001",
        "InvalidData")]
    [InlineData(
        "Ipv4",
        "45000054 1C46C000 4001B1E6 C0A80068 C0A80001",
        "InvalidData")]
    [InlineData(
        "Ipv4",
        "45000054 1C46",
        "NeedMoreData")]
    [InlineData(
        "Pcap",
        "D4C3B2A1 02000400 00000000 00000000 FFFF0000 01000000",
        "A1B2C3D4 2.4 0 0 65535 Ethernet | Done (24 bytes) D4C3B2A1020004000000000000000000FFFF000001000000")]
    [InlineData(
        "Device",
        "A0 8085 00 001A2B3C4D5E 000102030405060708090A0B0C0D0E0F FE800000000000000000000000000001",
        "True False True Routing, Station 5 00:1a:2b:3c:4d:5e 000102030405060708090A0B0C0D0E0F fe80::1 | Done (42 bytes) A0808500001A2B3C4D5E000102030405060708090A0B0C0D0E0FFE800000000000000000000000000001")]
    public void Generated_code_reads_and_writes_known_bytes(string probe, string hex, string expected)
    {
        MethodInfo method = LoadProbe().GetMethod(probe)!;
        string actual = (string)method.Invoke(null, [Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal))])!;

        if (expected is "InvalidData" or "NeedMoreData")
        {
            Assert.StartsWith(expected, actual, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(expected, actual);
        }
    }

    /// <summary>
    /// When TryRead does not return Done, its out value is <c>default</c>, as for the BCL's TryParse methods and as
    /// the generated code already does for NeedMoreData — not whatever the caller's variable held before (or, in a
    /// caller with [SkipLocalsInit], uninitialized stack memory).
    /// </summary>
    [Theory]
    [InlineData("65000054 1C464000 4001B1E6 C0A80068 C0A80001", "InvalidData")]     // version 6: constant mismatch at once
    [InlineData("45000054 1C46C000 4001B1E6 C0A80068 C0A80001", "InvalidData")]     // reserved flag set, after 5 fields were read
    [InlineData("45000054 1C46", "NeedMoreData")]
    public void Failed_read_leaves_the_out_value_default(string hex, string status)
    {
        string actual = (string)LoadProbe().GetMethod("Ipv4Failed")!.Invoke(null, [Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal))])!;
        Assert.Equal($"{status} default=True ihl=0 ttl=0 source=0.0.0.0", actual);
    }

    private static readonly Lazy<Type> s_probe = new(() =>
    {
        GeneratorRun run = GeneratorHarness.Run(TestSources.Ipv4Header, TestSources.PcapGlobalHeader, TestSources.DeviceAnnouncement, Probe);
        Assert.Empty(run.GeneratorDiagnostics);

        using var stream = new MemoryStream();
        EmitResult emitted = run.Output.Emit(stream);
        Assert.True(emitted.Success, GeneratorRun.Describe(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        stream.Position = 0;
        var context = new AssemblyLoadContext("GeneratedCodeRunsTests", isCollectible: true);
        return context.LoadFromStream(stream).GetType("Probe", throwOnError: true)!;
    });

    private static Type LoadProbe() => s_probe.Value;
}
