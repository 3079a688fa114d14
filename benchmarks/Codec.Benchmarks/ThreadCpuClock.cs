using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace Codec.Benchmarks;

/// <summary>
/// A BenchmarkDotNet clock that counts the CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>)
/// instead of wall time. On a machine shared with other busy processes the wall clock also counts the time the
/// benchmark thread waits for a core, which swamps nanosecond differences; CPU time leaves that out (cache and
/// frequency effects of the neighbours remain). Selected with <c>--thread-cpu-clock</c>; in-process toolchain only,
/// as the clock must be read on the thread that runs the benchmark.
/// </summary>
internal sealed partial class ThreadCpuClock : IClock
{
    private const int ClockThreadCpuTimeId = 3; // CLOCK_THREAD_CPUTIME_ID in <time.h> on Linux

    public static readonly ThreadCpuClock Instance = new();

    public string Title => "ThreadCpu";

    public bool IsAvailable => OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTimeId, out _) == 0;

    public Frequency Frequency => Frequency.GHz; // nanoseconds

    public long GetTimestamp()
    {
        if (ClockGetTime(ClockThreadCpuTimeId, out TimeSpec now) != 0)
        {
            throw new InvalidOperationException($"clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed: errno {Marshal.GetLastPInvokeError()}.");
        }

        return (now.Seconds * 1_000_000_000L) + now.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);
}
