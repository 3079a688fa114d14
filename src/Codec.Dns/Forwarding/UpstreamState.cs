using System.Net;

namespace Codec.Dns.Forwarding;

/// <summary>
/// The health of one upstream: up until <see cref="ForwarderOptions.FailuresBeforeDown"/> failures in a row, then down
/// and skipped until its probe time, when one query tries it again; a success brings it back at once.
/// </summary>
public sealed class UpstreamState
{
    private readonly int _failuresBeforeDown;
    private readonly long _probeIntervalMs;
    private int _consecutiveFailures;
    private long _downUntil;

    internal UpstreamState(IPEndPoint endPoint, int failuresBeforeDown, TimeSpan probeInterval)
    {
        EndPoint = endPoint;
        Address = endPoint.Serialize();
        _failuresBeforeDown = Math.Max(1, failuresBeforeDown);
        _probeIntervalMs = (long)probeInterval.TotalMilliseconds;
    }

    /// <summary>The upstream.</summary>
    public IPEndPoint EndPoint { get; }

    internal System.Net.SocketAddress Address { get; }

    /// <summary>Whether it is marked down.</summary>
    public bool IsDown => Volatile.Read(ref _consecutiveFailures) >= _failuresBeforeDown;

    /// <summary>Whether a query should go to it now: it is up, or down and due for a probe (which claims the probe slot).</summary>
    internal bool TryUse(long now)
    {
        if (!IsDown)
        {
            return true;
        }

        long due = Volatile.Read(ref _downUntil);
        return now >= due && Interlocked.CompareExchange(ref _downUntil, now + _probeIntervalMs, due) == due;
    }

    internal void Succeeded() => Volatile.Write(ref _consecutiveFailures, 0);

    internal void Failed(long now)
    {
        if (Interlocked.Increment(ref _consecutiveFailures) == _failuresBeforeDown)
        {
            Volatile.Write(ref _downUntil, now + _probeIntervalMs);
        }
    }
}
