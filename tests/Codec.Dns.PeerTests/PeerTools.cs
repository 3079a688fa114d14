using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Codec.Dns.PeerTests;

/// <summary>
/// The real programs the tests talk to. A missing tool fails the test (never skips it): scripts/test.sh installs
/// them from scripts/test-packages.txt.
/// </summary>
internal static class PeerTools
{
    public static string Require(string command, string package)
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Concat(["/usr/sbin", "/sbin"]))
        {
            string path = Path.Combine(directory, command);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException($"'{command}' is not installed; it comes with the Debian package '{package}' (listed in scripts/test-packages.txt, which scripts/test.sh installs).");
    }

    public static string Dig => Require("dig", "bind9-dnsutils");

    public static string Kdig => Require("kdig", "knot-dnsutils");

    public static string Knotd => Require("knotd", "knot");

    /// <summary>Runs a program to its end (at most <paramref name="timeout"/>) and returns its exit code and output.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunAsync(string program, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish");
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>A port free for both UDP and TCP on 127.0.0.1 right now.</summary>
    public static int FreePort()
    {
        for (int attempt = 0; attempt < 100; attempt++)
        {
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            int port = ((IPEndPoint)tcp.LocalEndPoint!).Port;
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException("no free port");
    }
}
