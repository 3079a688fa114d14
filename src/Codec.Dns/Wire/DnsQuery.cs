using Codec.Protocols.Dns;

namespace Codec.Dns.Wire;

/// <summary>What a request turned out to be, before any lookup.</summary>
internal enum QueryStatus
{
    /// <summary>A query to answer.</summary>
    Ok,

    /// <summary>Not worth an answer (shorter than a header, or a response): drop and count.</summary>
    Drop,

    /// <summary>Malformed: answer FORMERR (RFC 1035 §4.1.1).</summary>
    FormErr,

    /// <summary>An opcode other than QUERY: answer NOTIMP.</summary>
    NotImp,

    /// <summary>EDNS version above 0: answer BADVERS (RFC 6891 §6.1.3).</summary>
    BadVers,
}

/// <summary>
/// A parsed request (RFC 1035 §4.1, RFC 6891 §6): the header bits a response copies, the one question (a view into
/// the request) and the EDNS(0) facts. Parsing validates the whole message with the generated reader.
/// </summary>
internal ref struct DnsQuery
{
    /// <summary>The requestor's UDP payload size without EDNS (RFC 1035 §4.2.1).</summary>
    public const int ClassicUdpSize = 512;

    public ushort Id;
    public DnsOpcode Opcode;
    public bool Rd;
    public bool Cd;
    public bool HasQuestion;
    public DnsName Name;
    public DnsType Type;
    public DnsClass Class;
    public bool HasEdns;
    public ushort UdpPayloadSize;
    public byte EdnsVersion;
    public bool DnssecOk;

    /// <summary>Reads <paramref name="request"/>; never throws, whatever the bytes.</summary>
    public static QueryStatus Parse(ReadOnlySpan<byte> request, out DnsQuery query)
    {
        query = default;
        if (request.Length < DnsMessage.MinimumSize)
        {
            return QueryStatus.Drop;
        }

        var header = new DnsMessage.ReadOnlyView(request);
        DnsHeaderFlags flags = header.Flags;
        query.Id = header.Id;
        query.Opcode = flags.Opcode;
        query.Rd = flags.Rd;
        query.Cd = flags.Cd;
        if (flags.Qr)
        {
            // Answering responses invites loops between servers.
            return QueryStatus.Drop;
        }

        if (!DnsMessage.TryRead(request, out DnsMessage message).IsDone)
        {
            return QueryStatus.FormErr;
        }

        if (message.QdCount == 1)
        {
            foreach (DnsQuestion question in message.Questions)
            {
                query.Name = question.Name;
                query.Type = question.Type;
                query.Class = question.Class;
                query.HasQuestion = true;
            }
        }

        int opts = 0;
        foreach (DnsResourceRecord record in message.Additionals)
        {
            if (record.Type != DnsType.OPT)
            {
                continue;
            }

            // RFC 6891 §6.1.1: one OPT at most, owned by the root.
            if (++opts > 1 || !record.Name.IsRoot)
            {
                return QueryStatus.FormErr;
            }

            query.HasEdns = true;
            query.UdpPayloadSize = Math.Max((ushort)record.Class, (ushort)ClassicUdpSize);
            query.EdnsVersion = (byte)(record.Ttl >> 16);
            query.DnssecOk = (record.Ttl & 0x8000) != 0;
        }

        if (query.Opcode != DnsOpcode.Query)
        {
            return QueryStatus.NotImp;
        }

        if (message.QdCount != 1)
        {
            return QueryStatus.FormErr;
        }

        if (query.HasEdns && query.EdnsVersion > 0)
        {
            return QueryStatus.BadVers;
        }

        return QueryStatus.Ok;
    }
}
