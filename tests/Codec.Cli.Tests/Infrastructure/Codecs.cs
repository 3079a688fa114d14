using Codec.Protocols.Tests.Infrastructure;
using System.Diagnostics;

namespace Codec.Cli.Tests.Infrastructure;

/// <summary>Runs the real command (codecs.dll, copied next to the tests) in a child process, as a user does.</summary>
internal static class Codecs
{
    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "codecs.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "codecs did not finish within two minutes");
        return (process.ExitCode, output.Result, error.Result);
    }

    public static string Pcap(string name) => Path.Combine(Corpus.Directory, "pcap", name);

    public static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
