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

    /// <summary>QR: a response (true) or a query.</summary>
    [Field(1, Bits = 1, Name = "Response")]
    public bool Qr;

    /// <summary>The kind of query.</summary>
    [Field(2, Bits = 4)]
    public DnsOpcode Opcode;

    /// <summary>AA: an authoritative answer.</summary>
    [Field(3, Bits = 1, Name = "Authoritative")]
    public bool Aa;

    /// <summary>TC: truncated.</summary>
    [Field(4, Bits = 1, Name = "Truncated")]
    public bool Tc;

    /// <summary>RD: recursion desired.</summary>
    [Field(5, Bits = 1, Name = "Recursion desired")]
    public bool Rd;

    /// <summary>RA: recursion available.</summary>
    [Field(6, Bits = 1, Name = "Recursion available")]
    public bool Ra;

    /// <summary>Z: reserved, must be zero (RFC 1035); kept, not checked, as resolvers do.</summary>
    [Field(7, Bits = 1, Name = "Z")]
    public bool Z;

    /// <summary>AD: authentic data (RFC 4035 §3.2.3).</summary>
    [Field(8, Bits = 1, Name = "Answer authenticated")]
    public bool Ad;

    /// <summary>CD: checking disabled (RFC 4035 §3.2.2).</summary>
    [Field(9, Bits = 1, Name = "Non-authenticated data")]
    public bool Cd;

    /// <summary>Response code (the low 4 bits; EDNS0 extends it in the OPT record).</summary>
    [Field(10, Bits = 4, Name = "Reply code")]
    public DnsResponseCode Rcode;

    /// <summary>QDCOUNT: entries in the question section.</summary>
    [Field(11, Name = "Questions")]
    public ushort QdCount;

    /// <summary>ANCOUNT: resource records in the answer section.</summary>
    [Field(12, Name = "Answer RRs")]
    public ushort AnCount;

    /// <summary>NSCOUNT: name server resource records in the authority section.</summary>
    [Field(13, Name = "Authority RRs")]
    public ushort NsCount;

    /// <summary>ARCOUNT: resource records in the additional section.</summary>
    [Field(14, Name = "Additional RRs")]
    public ushort ArCount;

    /// <summary>The question section.</summary>
    [Field(15, Name = "Queries"), Count(nameof(QdCount))]
    public MessageList<DnsQuestion> Questions;

    /// <summary>The answer section.</summary>
    [Field(16), Count(nameof(AnCount))]
    public MessageList<DnsResourceRecord> Answers;

    /// <summary>The authority section.</summary>
    [Field(17), Count(nameof(NsCount))]
    public MessageList<DnsResourceRecord> Authorities;

    /// <summary>The additional section.</summary>
    [Field(18), Count(nameof(ArCount))]
    public MessageList<DnsResourceRecord> Additionals;
}
