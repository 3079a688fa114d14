using System.Buffers.Binary;
using Codec.Dns.Authority;
using Codec.Dns.Forwarding;
using Codec.Dns.Wire;
using Codec.Protocols.Dns;

namespace Codec.Dns.Server;

/// <summary>
/// Turns one request into one response, whatever the transport: authoritative answers from the current
/// <see cref="ZoneSet"/>, cached or forwarded answers for other names when a forwarder is set, REFUSED otherwise; and
/// FORMERR, NOTIMP or BADVERS for requests it cannot take. Any input is answered or dropped and counted; nothing
/// throws. The synchronous path (authoritative, cached, errors) allocates nothing.
/// </summary>
public sealed class DnsResponder
{
    /// <summary>The EDNS UDP payload size offered and honoured by default (the DNS flag day 2020 value).</summary>
    public const ushort DefaultMaxUdpPayload = 1232;

    /// <summary>The largest DNS message over TCP (RFC 7766 §8: two-octet length).</summary>
    public const int MaxTcpMessage = ushort.MaxValue;

    /// <summary><see cref="Respond"/>'s result when the question must go upstream: call <see cref="RespondAsync"/>.</summary>
    public const int NeedsForwarding = -1;

    private const int BadVers = 16;

    [ThreadStatic]
    private static DnsNameCompressor? t_compressor;

    private ZoneSet _zones;

    /// <summary>Creates a responder.</summary>
    /// <param name="zones">The zones to answer from.</param>
    /// <param name="forwarder">Where other names go; null to refuse them.</param>
    /// <param name="counters">Where to count; a new set when null.</param>
    /// <param name="maxUdpPayload">The largest UDP response (512–65535), whatever the requestor offers.</param>
    public DnsResponder(ZoneSet zones, DnsForwarder? forwarder = null, DnsCounters? counters = null, ushort maxUdpPayload = DefaultMaxUdpPayload)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxUdpPayload, (ushort)DnsQuery.ClassicUdpSize);
        _zones = zones;
        Forwarder = forwarder;
        Counters = counters ?? forwarder?.Counters ?? new DnsCounters();
        MaxUdpPayload = maxUdpPayload;
    }

    /// <summary>The zones answered from; setting swaps them atomically (queries under way finish with the old set).</summary>
    public ZoneSet Zones
    {
        get => Volatile.Read(ref _zones);
        set => Volatile.Write(ref _zones, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>The forwarder, if any.</summary>
    public DnsForwarder? Forwarder { get; }

    /// <summary>The counters.</summary>
    public DnsCounters Counters { get; }

    /// <summary>The largest UDP response.</summary>
    public ushort MaxUdpPayload { get; }

    /// <summary>
    /// Answers <paramref name="request"/> into <paramref name="response"/> without waiting: the response's length, 0 to
    /// drop the request, or <see cref="NeedsForwarding"/>.
    /// </summary>
    /// <param name="request">The DNS message (for TCP, without the length prefix).</param>
    /// <param name="response">Where the response goes (512 bytes at least).</param>
    /// <param name="overTcp">Whether the request came over TCP (no UDP size limit, RFC 7766).</param>
    public int Respond(ReadOnlySpan<byte> request, Span<byte> response, bool overTcp)
    {
        Counters.Query();
        return Answer(request, response, overTcp);
    }

    /// <summary>Answers a request, asking the upstreams when the name is not ours and not cached.</summary>
    /// <returns>The response's length, or 0 to drop the request.</returns>
    public ValueTask<int> RespondAsync(ReadOnlyMemory<byte> request, Memory<byte> response, bool overTcp, CancellationToken cancellationToken)
    {
        int length = Respond(request.Span, response.Span, overTcp);
        if (length != NeedsForwarding)
        {
            return new ValueTask<int>(length);
        }

        return ForwardAsync(request, response, overTcp, cancellationToken);
    }

    private async ValueTask<int> ForwardAsync(ReadOnlyMemory<byte> request, Memory<byte> response, bool overTcp, CancellationToken cancellationToken)
    {
        ForwardQuestion question = ForwardQuestion.From(request.Span, out ushort id, out ClientFlags flags);
        CachedAnswer? answer = await Forwarder!.ResolveAsync(question, cancellationToken).ConfigureAwait(false);
        if (answer is null)
        {
            // Every upstream failed: SERVFAIL (RFC 1035 §4.1.1), the answer a stub can act on.
            return Answer(request.Span, response.Span, overTcp, forcedRcode: DnsResponseCode.ServFail);
        }

        return WriteCached(answer, request.Span, response.Span, overTcp, id, flags);
    }

    private int WriteCached(CachedAnswer answer, ReadOnlySpan<byte> request, Span<byte> response, bool overTcp, ushort id, ClientFlags flags)
    {
        int limit = Limit(flags, overTcp, response.Length);
        int room = limit - (flags.HasEdns ? ResponseWriter.OptSize : 0);
        int length = answer.WriteTo(response, room, id, flags, request, Environment.TickCount64, out bool truncated);
        if (length == 0)
        {
            Counters.Drop();
            return 0;
        }

        if (flags.HasEdns)
        {
            length += ResponseWriter.WriteOpt(response[length..], MaxUdpPayload, flags.DnssecOk);
            BinaryPrimitives.WriteUInt16BigEndian(response[10..], (ushort)(BinaryPrimitives.ReadUInt16BigEndian(response[10..]) + 1));
        }

        if (truncated)
        {
            Counters.Truncate();
        }

        Counters.Response(response[3] & 0xF);
        return length;
    }

    private int Limit(ClientFlags flags, bool overTcp, int available) =>
        Math.Min(available, overTcp ? MaxTcpMessage : flags.HasEdns ? Math.Min(flags.UdpPayloadSize, MaxUdpPayload) : DnsQuery.ClassicUdpSize);

    private int Answer(ReadOnlySpan<byte> request, Span<byte> response, bool overTcp, DnsResponseCode? forcedRcode = null)
    {
        DnsNameCompressor compressor = t_compressor ??= new DnsNameCompressor();
        QueryStatus status = DnsQuery.Parse(request, out DnsQuery query);
        if (status == QueryStatus.Drop)
        {
            Counters.Malform();
            Counters.Drop();
            return 0;
        }

        int limit = Math.Min(response.Length, overTcp ? MaxTcpMessage
            : query.HasEdns ? Math.Min(query.UdpPayloadSize, MaxUdpPayload) : DnsQuery.ClassicUdpSize);
        var writer = new ResponseWriter(response, limit, compressor);
        writer.WriteHeader(query.Id);
        int rcode;
        bool aa = false;
        bool tc = false;
        bool ra = Forwarder is not null;
        bool edns = query.HasEdns;
        switch (status)
        {
            case QueryStatus.FormErr:
                // RFC 6891 §7: a FORMERR to a malformed request carries no OPT; the header is all we trust.
                Counters.Malform();
                edns = false;
                rcode = (int)DnsResponseCode.FormErr;
                break;
            case QueryStatus.NotImp:
                WriteQuestionIfAny(ref writer, in query);
                rcode = (int)DnsResponseCode.NotImp;
                break;
            case QueryStatus.BadVers:
                WriteQuestionIfAny(ref writer, in query);
                rcode = BadVers;
                break;
            default:
                if (!writer.WriteQuestion(query.Name, query.Type, query.Class))
                {
                    Counters.Malform();
                    edns = false;
                    rcode = (int)DnsResponseCode.FormErr;
                    break;
                }

                if (edns)
                {
                    writer.Reserve(ResponseWriter.OptSize);
                }

                rcode = Lookup(ref writer, in query, ref aa, ref tc, forcedRcode);
                if (rcode == NeedsForwarding)
                {
                    if (Forwarder!.TryGetCached(query.Name, query.Type, query.Class, out CachedAnswer? cached))
                    {
                        Counters.CacheHit();
                        return WriteCached(cached!, request, response, overTcp, query.Id, ForwardQuestion.FlagsOf(in query));
                    }

                    Counters.CacheMiss();
                    return NeedsForwarding;
                }

                if (edns)
                {
                    writer.Unreserve(ResponseWriter.OptSize);
                }

                break;
        }

        if (edns)
        {
            writer.TryAddOpt(MaxUdpPayload, rcode, query.DnssecOk);
        }

        writer.Finish(query.Opcode, rcode & 0xF, aa, tc, query.Rd, ra, query.Cd);
        if (tc)
        {
            Counters.Truncate();
        }

        Counters.Response(rcode);
        return writer.Length;
    }

    private int Lookup(ref ResponseWriter writer, scoped in DnsQuery query, ref bool aa, ref bool tc, DnsResponseCode? forcedRcode)
    {
        if (forcedRcode is { } forced)
        {
            return (int)forced;
        }

        if (query.Type is DnsType.OPT or DnsType.TSIG or DnsType.TKEY)
        {
            return (int)DnsResponseCode.FormErr;
        }

        if (query.Class is not (DnsClass.IN or DnsClass.ANY))
        {
            return (int)DnsResponseCode.Refused;
        }

        if (query.Type is DnsType.AXFR or DnsType.IXFR)
        {
            // Zone transfers are not offered.
            return (int)DnsResponseCode.Refused;
        }

        AuthoritativeOutcome outcome = AuthoritativeEngine.Answer(Zones, query.Name, query.Type, ref writer, out DnsResponseCode rcode, out aa);
        switch (outcome)
        {
            case AuthoritativeOutcome.Answered:
                return (int)rcode;
            case AuthoritativeOutcome.Truncated:
                writer.DropRecords();
                tc = true;
                return (int)rcode;
            default:
                aa = false;
                if (Forwarder is null)
                {
                    return (int)DnsResponseCode.Refused;
                }

                return NeedsForwarding;
        }
    }

    private static void WriteQuestionIfAny(ref ResponseWriter writer, scoped in DnsQuery query)
    {
        if (query.HasQuestion)
        {
            writer.WriteQuestion(query.Name, query.Type, query.Class);
        }
    }
}
