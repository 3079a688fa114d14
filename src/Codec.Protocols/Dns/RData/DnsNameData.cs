using Codec.Dns;

namespace Codec.Protocols.Dns;

// RFC 1035 §3.3.11 NS, §3.3.1 CNAME and §3.3.12 PTR RDATA: one domain name (compression allowed, §4.1.4).
//
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//    /                   NSDNAME                     /
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+

/// <summary>NS, CNAME or PTR RDATA: a domain name.</summary>
[Message(Name = "Name")]
public ref partial struct DnsNameData
{
    /// <summary>NSDNAME, CNAME or PTRDNAME.</summary>
    [Field(0, Name = "Name")]
    public DnsName Target;
}
