namespace Codec.Benchmarks;

/// <summary>Benchmark categories that <c>benchmarks/run.sh</c> treats specially.</summary>
public static class Categories
{
    /// <summary>
    /// Pure computation, no waiting: <c>run.sh</c> times these with the thread's CPU time
    /// (<see cref="ThreadCpuClock"/>), which keeps other processes' load out of the numbers. Anything that blocks or
    /// waits (I/O, sockets, timers) must stay out of this category: CPU time would leave the waiting out.
    /// Everything else runs with wall time.
    /// </summary>
    public const string CpuBound = "CpuBound";
}
