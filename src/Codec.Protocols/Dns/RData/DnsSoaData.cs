using Codec.Dns;

namespace Codec.Protocols.Dns;

// RFC 1035 §3.3.13, SOA RDATA format:
//
//    /                     MNAME                     /
//    /                     RNAME                     /
//    |                    SERIAL                     |   (32 bits each from here)
//    |                    REFRESH                    |
//    |                     RETRY                     |
//    |                    EXPIRE                     |
//    |                    MINIMUM                    |

/// <summary>SOA RDATA.</summary>
[Message(Name = "SOA")]
public ref partial struct DnsSoaData
{
    /// <summary>MNAME: the primary name server of the zone.</summary>
    [Field(0, Name = "Primary name server")]
    public DnsName MName;

    /// <summary>RNAME: the mailbox of the person responsible.</summary>
    [Field(1, Name = "Responsible authority's mailbox")]
    public DnsName RName;

    /// <summary>SERIAL.</summary>
    [Field(2, Name = "Serial Number")]
    public uint Serial;

    /// <summary>REFRESH, seconds.</summary>
    [Field(3, Name = "Refresh Interval")]
    public uint Refresh;

    /// <summary>RETRY, seconds.</summary>
    [Field(4, Name = "Retry Interval")]
    public uint Retry;

    /// <summary>EXPIRE, seconds.</summary>
    [Field(5, Name = "Expire limit")]
    public uint Expire;

    /// <summary>MINIMUM: the negative caching TTL (RFC 2308).</summary>
    [Field(6, Name = "Minimum TTL")]
    public uint Minimum;
}
