using System.Diagnostics;
using Codec.Transport.Tun;

namespace Codec.Transport.Tests.Tun;

/// <summary>
/// What the TUN tests need: Linux, <c>/dev/net/tun</c>, root (CAP_NET_ADMIN, to create devices and namespaces) and
/// the <c>ip</c> command (iproute2).
/// </summary>
internal static class TunEnvironment
{
    public static bool IsCI => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the TUN tests cannot run here, or null when they can.</summary>
    public static string? WhyUnavailable()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "TUN devices are Linux-only";
        }

        if (!TunDevice.IsSupported)
        {
            return "/dev/net/tun does not exist (no tun module, or a container without the device)";
        }

        if (!Environment.IsPrivilegedProcess)
        {
            return "creating TUN devices and network namespaces needs root (CAP_NET_ADMIN, CAP_SYS_ADMIN)";
        }

        if (FindOnPath("ip") is null)
        {
            return "the 'ip' command (iproute2) is not installed";
        }

        return null;
    }

    /// <summary>Fails the test with the reason when the TUN tests cannot run.</summary>
    public static void RequireAvailable()
    {
        if (WhyUnavailable() is { } reason)
        {
            Assert.Fail($"The TUN tests cannot run: {reason}. They are only skipped outside CI (CI is '{Environment.GetEnvironmentVariable("CI")}').");
        }
    }

    /// <summary>Runs <c>ip</c> with <paramref name="arguments"/>, bounded in time; throws with its output on failure.</summary>
    public static void Ip(params string[] arguments)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start ip");
        Task<string> error = process.StandardError.ReadToEndAsync();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"ip {string.Join(' ', arguments)} did not finish within 10 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ip {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result.Trim()} {output.Result.Trim()}");
        }
    }

    private static string? FindOnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/sbin:/usr/bin:/sbin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin").Append("/sbin")
            .Select(directory => Path.Combine(directory, command))
            .FirstOrDefault(File.Exists);
}

/// <summary>
/// A test that needs a TUN device. Outside CI it is skipped, with the reason, where TUN devices cannot be made; in CI
/// (CI=true) it always runs, so that a missing capability fails loudly rather than passing as skipped.
/// </summary>
public sealed class TunFactAttribute : FactAttribute
{
    public TunFactAttribute()
    {
        if (!TunEnvironment.IsCI && TunEnvironment.WhyUnavailable() is { } reason)
        {
            Skip = $"{reason} (skipped because CI is not set; in CI this test fails instead)";
        }
    }
}
