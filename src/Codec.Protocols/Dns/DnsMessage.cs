using Codec.Dns;

namespace Codec.Protocols.Dns;

// RFC 1035 §4.1.1, Header section format (RFC 2535 §6.1 adds AD and CD in the Z field; RFC 6895 §2):
//
//                                    1  1  1  1  1  1
//      0  1  2  3  4  5  6  7  8  9  0  1  2  3  4  5
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//    |                      ID                       |
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//    |QR|   Opcode  |AA|TC|RD|RA| Z|AD|CD|   RCODE   |
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//    |                    QDCOUNT                    |
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//    |                    ANCOUNT                    |
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//    |                    NSCOUNT                    |
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//    |                    ARCOUNT                    |
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//
// RFC 1035 §4.1: the header is followed by the question, answer, authority and additional sections, whose sizes the
// four counts give.

/// <summary>A DNS message (RFC 1035 §4.1): header and the four sections, read in place.</summary>
[Message(Name = "Domain Name System")]
public ref partial struct DnsMessage
{
    /// <summary>Identifier copied from query to response.</summary>
    [Field(0, Name = "Transaction ID")]
    public ushort Id;

    /// <summary>
    /// QR, Opcode, AA, TC, RD, RA, Z, AD, CD and RCODE: the header's second 16 bits, kept as the one word they are
    /// (<see cref="DnsHeaderFlags"/>; <c>Flags.Qr</c>, <c>Flags.Rcode</c>, … are views of it, <c>Flags.Value</c> all of it).
    /// </summary>
    [Field(1, Name = "Flags")]
    public DnsHeaderFlags Flags;

    /// <summary>QDCOUNT: entries in the question section.</summary>
    [Field(2, Name = "Questions")]
    public ushort QdCount;

    /// <summary>ANCOUNT: resource records in the answer section.</summary>
    [Field(3, Name = "Answer RRs")]
    public ushort AnCount;

    /// <summary>NSCOUNT: name server resource records in the authority section.</summary>
    [Field(4, Name = "Authority RRs")]
    public ushort NsCount;

    /// <summary>ARCOUNT: resource records in the additional section.</summary>
    [Field(5, Name = "Additional RRs")]
    public ushort ArCount;

    /// <summary>The question section.</summary>
    [Field(6, Name = "Queries"), Count(nameof(QdCount))]
    public MessageList<DnsQuestion> Questions;

    /// <summary>The answer section.</summary>
    [Field(7), Count(nameof(AnCount))]
    public MessageList<DnsResourceRecord> Answers;

    /// <summary>The authority section.</summary>
    [Field(8), Count(nameof(NsCount))]
    public MessageList<DnsResourceRecord> Authorities;

    /// <summary>The additional section.</summary>
    [Field(9), Count(nameof(ArCount))]
    public MessageList<DnsResourceRecord> Additionals;
}
