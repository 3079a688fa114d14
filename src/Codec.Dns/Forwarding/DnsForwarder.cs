using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net.Sockets;
using Codec.Dns.Server;
using Codec.Protocols.Dns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Codec.Dns.Forwarding;

/// <summary>
/// A caching forwarder: a question goes to the upstreams in order of preference, each given
/// <see cref="ForwarderOptions.Timeout"/> before the next is asked (RFC 1035 §7.2); upstreams that keep failing are
/// marked down and probed back. Answers are cached by name, type and class (negative ones per RFC 2308), identical
/// questions in flight share one upstream query, and every query leaves with a random ID from a random port.
/// </summary>
public sealed partial class DnsForwarder : IAsyncDisposable
{
    private readonly ForwarderOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Task<CachedAnswer?>> _inflight = new(StringComparer.Ordinal);
    private readonly Dictionary<AddressFamily, UpstreamSocket[]> _sockets = [];

    /// <summary>Creates a forwarder; shared sockets (without <see cref="ForwarderOptions.PortPerQuery"/>) are bound at once.</summary>
    public DnsForwarder(ForwarderOptions options, DnsCounters? counters = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Upstreams.Count == 0)
        {
            throw new ArgumentException("At least one upstream is needed.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.Sockets, 1);
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        Counters = counters ?? new DnsCounters();
        Cache = new DnsCache(options.CacheSize);
        Upstreams = options.Upstreams.Select(u => new UpstreamState(u, options.FailuresBeforeDown, options.ProbeInterval)).ToArray();
        foreach (AddressFamily family in options.PortPerQuery ? options.Upstreams.Select(u => u.AddressFamily).Distinct() : [])
        {
            // One query's socket made and closed now, so the first real query does not pay for the first socket.
            new UpstreamSocket(options.SocketFactory, family, Counters).DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        foreach (AddressFamily family in options.PortPerQuery ? [] : options.Upstreams.Select(u => u.AddressFamily).Distinct())
        {
            _sockets[family] = Enumerable.Range(0, options.Sockets).Select(_ => new UpstreamSocket(options.SocketFactory, family, Counters)).ToArray();
        }
    }

    /// <summary>The counters.</summary>
    public DnsCounters Counters { get; }

    /// <summary>The cache.</summary>
    public DnsCache Cache { get; }

    /// <summary>The upstreams and their health, in order of preference.</summary>
    public IReadOnlyList<UpstreamState> Upstreams { get; }

    /// <summary>The live cached answer to a question, if any. Allocates nothing.</summary>
    public bool TryGetCached(DnsName name, DnsType type, DnsClass dnsClass, out CachedAnswer? answer)
    {
        Span<byte> wire = stackalloc byte[DnsName.MaxWireLength];
        int length = name.CopyUncompressedTo(wire);
        Span<char> key = stackalloc char[CacheKey.MaxLength];
        int keyLength = CacheKey.Write(wire[..length], type, dnsClass, key);
        return Cache.TryGet(key[..keyLength], Environment.TickCount64, out answer);
    }

    /// <summary>
    /// The answer to <paramref name="question"/>: from the cache, from a query already in flight, or from the
    /// upstreams. Null when none answered.
    /// </summary>
    public ValueTask<CachedAnswer?> ResolveAsync(ForwardQuestion question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (Cache.TryGet(question.Key, Environment.TickCount64, out CachedAnswer? cached))
        {
            return new ValueTask<CachedAnswer?>(cached);
        }

        return new ValueTask<CachedAnswer?>(JoinOrAskAsync(question, cancellationToken));
    }

    private async Task<CachedAnswer?> JoinOrAskAsync(ForwardQuestion question, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_inflight.TryGetValue(question.Key, out Task<CachedAnswer?>? running))
            {
                Counters.Coalesce();
                return await running.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            var completion = new TaskCompletionSource<CachedAnswer?>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_inflight.TryAdd(question.Key, completion.Task))
            {
                continue;
            }

            try
            {
                // Not the caller's token: others may be waiting on this query.
                CachedAnswer? answer = await AskUpstreamsAsync(question, CancellationToken.None).ConfigureAwait(false);
                if (answer is not null)
                {
                    Cache.Set(question.Key, answer);
                }

                completion.TrySetResult(answer);
            }
            catch (Exception e)
            {
                LogUpstreamError(_logger, question.ToString(), e);
                completion.TrySetResult(null);
            }
            finally
            {
                _inflight.TryRemove(new KeyValuePair<string, Task<CachedAnswer?>>(question.Key, completion.Task));
            }

            return await completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<CachedAnswer?> AskUpstreamsAsync(ForwardQuestion question, CancellationToken cancellationToken)
    {
        byte[] query = BuildQuery(question);
        long now = Environment.TickCount64;
        var order = new List<UpstreamState>(Upstreams.Count);
        foreach (UpstreamState upstream in Upstreams)
        {
            if (upstream.TryUse(now))
            {
                order.Add(upstream);
            }
        }

        if (order.Count == 0)
        {
            // Every upstream is down and none is due for a probe: asking them beats failing outright.
            order.AddRange(Upstreams);
        }

        foreach (UpstreamState upstream in order)
        {
            Counters.UpstreamQuery();
            (byte[] Response, ushort Id)? reply = await QueryUdpAsync(query, upstream, question, cancellationToken).ConfigureAwait(false);
            if (reply is { } got && (got.Response[2] & 0x02) != 0 && _options.RetryTruncatedOverTcp)
            {
                reply = await TcpUpstream.QueryAsync(query, upstream.EndPoint, _options.Timeout, cancellationToken).ConfigureAwait(false);
            }

            CachedAnswer? answer = reply is { } r ? CachedAnswer.FromResponse(r.Response, r.Id, question, Environment.TickCount64) : null;
            if (answer is null)
            {
                Counters.UpstreamFailure();
                upstream.Failed(Environment.TickCount64);
                if (upstream.IsDown)
                {
                    LogUpstreamDown(_logger, upstream.EndPoint.ToString());
                }

                continue;
            }

            upstream.Succeeded();
            return answer;
        }

        return null;
    }

    /// <summary>
    /// One UDP exchange with <paramref name="upstream"/>: from a socket bound for this query alone (a fresh random port),
    /// or from one of the shared sockets when <see cref="ForwarderOptions.PortPerQuery"/> is off. Null on timeout or
    /// when no socket can be bound.
    /// </summary>
    private async Task<(byte[] Response, ushort Id)?> QueryUdpAsync(byte[] query, UpstreamState upstream, ForwardQuestion question, CancellationToken cancellationToken)
    {
        if (!_options.PortPerQuery)
        {
            UpstreamSocket[] sockets = _sockets[upstream.EndPoint.AddressFamily];
            return await sockets[Random.Shared.Next(sockets.Length)].QueryAsync(query, upstream, question, _options.Timeout, cancellationToken).ConfigureAwait(false);
        }

        UpstreamSocket socket;
        try
        {
            socket = new UpstreamSocket(_options.SocketFactory, upstream.EndPoint.AddressFamily, Counters);
        }
        catch (SocketException)
        {
            return null; // no ephemeral port left: this upstream attempt fails like a timeout
        }

        await using (socket.ConfigureAwait(false))
        {
            return await socket.QueryAsync(query, upstream, question, _options.Timeout, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A query for <paramref name="question"/> with RD set and an OPT offering 1232 bytes; the ID is set per send.</summary>
    internal static byte[] BuildQuery(ForwardQuestion question)
    {
        byte[] query = new byte[12 + question.Name.Length + 4 + 11];
        query[2] = 0x01; // RD
        BinaryPrimitives.WriteUInt16BigEndian(query.AsSpan(4), 1);
        BinaryPrimitives.WriteUInt16BigEndian(query.AsSpan(10), 1);
        question.Name.CopyTo(query, 12);
        int at = 12 + question.Name.Length;
        BinaryPrimitives.WriteUInt16BigEndian(query.AsSpan(at), (ushort)question.Type);
        BinaryPrimitives.WriteUInt16BigEndian(query.AsSpan(at + 2), (ushort)question.Class);
        at += 4;
        query[at] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(query.AsSpan(at + 1), (ushort)DnsType.OPT);
        BinaryPrimitives.WriteUInt16BigEndian(query.AsSpan(at + 3), DnsResponder.DefaultMaxUdpPayload);
        return query;
    }

    /// <summary>Closes the sockets.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (UpstreamSocket[] sockets in _sockets.Values)
        {
            foreach (UpstreamSocket socket in sockets)
            {
                await socket.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upstream {Upstream} marked down after repeated failures")]
    private static partial void LogUpstreamDown(ILogger logger, string upstream);

    [LoggerMessage(Level = LogLevel.Error, Message = "Forwarding {Question} failed")]
    private static partial void LogUpstreamError(ILogger logger, string question, Exception exception);
}
