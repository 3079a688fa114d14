using System.Globalization;
using System.Text;
using Codec.Protocols.Dns;

namespace Codec.Dns.Server;

/// <summary>
/// What the server has done since it started, updated with <see cref="Interlocked"/> from every receive loop and
/// connection: requests, responses by RCODE, malformed and dropped inputs, cache hits and misses, upstream failures.
/// </summary>
public sealed class DnsCounters
{
    private readonly long[] _byRcode = new long[24];
    private long _queries;
    private long _malformed;
    private long _dropped;
    private long _truncated;
    private long _cacheHits;
    private long _cacheMisses;
    private long _upstreamQueries;
    private long _upstreamFailures;
    private long _upstreamMismatches;
    private long _coalesced;

    /// <summary>Requests received, well-formed or not.</summary>
    public long Queries => Volatile.Read(ref _queries);

    /// <summary>Requests that could not be parsed (answered FORMERR, or dropped when too short to answer).</summary>
    public long Malformed => Volatile.Read(ref _malformed);

    /// <summary>Requests left unanswered (too short, responses, upstreams silent with nothing to say).</summary>
    public long Dropped => Volatile.Read(ref _dropped);

    /// <summary>Responses sent with TC set.</summary>
    public long Truncated => Volatile.Read(ref _truncated);

    /// <summary>Forwarded questions answered from the cache.</summary>
    public long CacheHits => Volatile.Read(ref _cacheHits);

    /// <summary>Forwarded questions the cache could not answer.</summary>
    public long CacheMisses => Volatile.Read(ref _cacheMisses);

    /// <summary>Queries sent upstream.</summary>
    public long UpstreamQueries => Volatile.Read(ref _upstreamQueries);

    /// <summary>Upstream queries that timed out or failed.</summary>
    public long UpstreamFailures => Volatile.Read(ref _upstreamFailures);

    /// <summary>Datagrams from upstream that answered no question of ours (wrong ID, question or source) and were dropped.</summary>
    public long UpstreamMismatches => Volatile.Read(ref _upstreamMismatches);

    /// <summary>Forwarded questions that joined an identical one already on its way upstream.</summary>
    public long Coalesced => Volatile.Read(ref _coalesced);

    /// <summary>Responses sent with <paramref name="rcode"/> (extended RCODEs included, up to 23).</summary>
    public long Responses(int rcode) => (uint)rcode < (uint)_byRcode.Length ? Volatile.Read(ref _byRcode[rcode]) : 0;

    /// <summary>Responses sent, all RCODEs together.</summary>
    public long TotalResponses
    {
        get
        {
            long sum = 0;
            for (int i = 0; i < _byRcode.Length; i++)
            {
                sum += Volatile.Read(ref _byRcode[i]);
            }

            return sum;
        }
    }

    internal void Query() => Interlocked.Increment(ref _queries);

    internal void Response(int rcode) => Interlocked.Increment(ref _byRcode[Math.Min(rcode, _byRcode.Length - 1)]);

    internal void Malform() => Interlocked.Increment(ref _malformed);

    internal void Drop() => Interlocked.Increment(ref _dropped);

    internal void Truncate() => Interlocked.Increment(ref _truncated);

    internal void CacheHit() => Interlocked.Increment(ref _cacheHits);

    internal void CacheMiss() => Interlocked.Increment(ref _cacheMisses);

    internal void UpstreamQuery() => Interlocked.Increment(ref _upstreamQueries);

    internal void UpstreamFailure() => Interlocked.Increment(ref _upstreamFailures);

    internal void UpstreamMismatch() => Interlocked.Increment(ref _upstreamMismatches);

    internal void Coalesce() => Interlocked.Increment(ref _coalesced);

    /// <summary>One line for the log: <c>queries=… noerror=… nxdomain=… …</c>.</summary>
    public override string ToString()
    {
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"queries={Queries}");
        for (int rcode = 0; rcode < _byRcode.Length; rcode++)
        {
            long count = Responses(rcode);
            if (count > 0)
            {
                string name = rcode == 16 ? "badvers" : Enum.IsDefined((DnsResponseCode)rcode) ? ((DnsResponseCode)rcode).ToString().ToLowerInvariant() : "rcode" + rcode.ToString(CultureInfo.InvariantCulture);
                line.Append(CultureInfo.InvariantCulture, $" {name}={count}");
            }
        }

        line.Append(CultureInfo.InvariantCulture, $" truncated={Truncated} malformed={Malformed} dropped={Dropped} cache_hits={CacheHits} cache_misses={CacheMisses} upstream_queries={UpstreamQueries} upstream_failures={UpstreamFailures} upstream_mismatches={UpstreamMismatches} coalesced={Coalesced}");
        return line.ToString();
    }
}
