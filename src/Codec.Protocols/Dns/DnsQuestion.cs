using Codec.Dns;

namespace Codec.Protocols.Dns;

// RFC 1035 §4.1.2, Question section format:
//
//                                    1  1  1  1  1  1
//      0  1  2  3  4  5  6  7  8  9  0  1  2  3  4  5
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//    |                                               |
//    /                     QNAME                     /
//    /                                               /
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//    |                     QTYPE                     |
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//    |                     QCLASS                    |
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+

/// <summary>One entry of the question section (RFC 1035 §4.1.2).</summary>
[Message(Name = "Query")]
public ref partial struct DnsQuestion
{
    /// <summary>QNAME, possibly compressed.</summary>
    [Field(0)]
    public DnsName Name;

    /// <summary>QTYPE.</summary>
    [Field(1)]
    public DnsType Type;

    /// <summary>QCLASS.</summary>
    [Field(2)]
    public DnsClass Class;
}
