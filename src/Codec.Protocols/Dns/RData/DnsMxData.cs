using Codec.Dns;

namespace Codec.Protocols.Dns;

// RFC 1035 §3.3.9, MX RDATA format:
//
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//    |                  PREFERENCE                   |
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//    /                   EXCHANGE                    /
//    /                                               /
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+

/// <summary>MX RDATA.</summary>
[Message(Name = "MX")]
public ref partial struct DnsMxData
{
    /// <summary>PREFERENCE: lower values are preferred.</summary>
    [Field(0)]
    public ushort Preference;

    /// <summary>EXCHANGE: a host willing to act as a mail exchange.</summary>
    [Field(1)]
    public DnsName Exchange;
}
