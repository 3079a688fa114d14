using System.Diagnostics;

namespace Codec.Protocols.Tests.Infrastructure;

/// <summary>
/// Runs tshark (scripts/test-packages.txt installs it). A missing tshark fails the test rather than skipping it: a
/// comparison with the reference dissector that silently does not run proves nothing.
/// </summary>
internal static class Tshark
{
    /// <summary>The options of the corpus's tshark-fields files: checksums verified, absolute sequence numbers, no reassembly.</summary>
    public static readonly string[] CorpusOptions =
    [
        "-n", "-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE",
        "-o", "tcp.relative_sequence_numbers:FALSE", "-o", "tcp.desegment_tcp_streams:FALSE", "-o", "ip.defragment:FALSE",
    ];

    /// <summary>Runs <c>tshark -r <paramref name="file"/></c> with the corpus options and <c>-T fields</c> for <paramref name="fields"/>; returns stdout.</summary>
    public static string Fields(string file, params string[] fields)
    {
        var args = new List<string>(CorpusOptions) { "-r", file, "-T", "fields", "-E", "occurrence=a", "-E", "aggregator=|", "-E", "separator=/t" };
        foreach (string field in fields)
        {
            args.Add("-e");
            args.Add(field);
        }

        return Run(args);
    }

    public static string Run(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("tshark")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("tshark is not installed (scripts/test-packages.txt lists it; scripts/test.sh installs it): " + e.Message, e);
        }

        using (process)
        {
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(120_000), "tshark did not finish within two minutes");
            Assert.True(process.ExitCode is 0 or 2, $"tshark exited with {process.ExitCode}: {error.Result}");
            return output.Result;
        }
    }
}
