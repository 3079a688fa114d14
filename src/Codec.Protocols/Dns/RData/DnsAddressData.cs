namespace Codec.Protocols.Dns;

// RFC 1035 §3.4.1, A RDATA format:
//
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//    |                    ADDRESS                    |
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//
// RFC 3596 §2.2: AAAA RDATA is a 128-bit IPv6 address.

/// <summary>A RDATA: an IPv4 address.</summary>
[Message(Name = "A")]
public partial struct DnsAData
{
    /// <summary>ADDRESS.</summary>
    [Field(0)]
    public IPv4Address Address;
}

/// <summary>AAAA RDATA: an IPv6 address.</summary>
[Message(Name = "AAAA")]
public partial struct DnsAaaaData
{
    /// <summary>The address.</summary>
    [Field(0)]
    public IPv6Address Address;
}
