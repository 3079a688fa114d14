namespace Codec.Protocols.Dns;

// RFC 1035 §4.1.1, the second 16 bits of the header (RFC 2535 §6.1 adds AD and CD in the Z field; RFC 6895 §2):
//
//                                    1  1  1  1  1  1
//      0  1  2  3  4  5  6  7  8  9  0  1  2  3  4  5
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//    |QR|   Opcode  |AA|TC|RD|RA| Z|AD|CD|   RCODE   |
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+

/// <summary>
/// The flags word of a DNS header (RFC 1035 §4.1.1): one 16-bit number whose bit-fields are QR, Opcode, AA, TC, RD, RA,
/// Z, AD, CD and RCODE. <see cref="Value"/> is the word as it is on the wire (0x8180 is a response with RD and RA set).
/// </summary>
[BitFields]
public partial struct DnsHeaderFlags
{
    /// <summary>QR: a response (true) or a query.</summary>
    [Field(0, Bits = 1, Name = "Response")]
    public partial bool Qr { readonly get; set; }

    /// <summary>The kind of query.</summary>
    [Field(1, Bits = 4)]
    public partial DnsOpcode Opcode { readonly get; set; }

    /// <summary>AA: an authoritative answer.</summary>
    [Field(2, Bits = 1, Name = "Authoritative")]
    public partial bool Aa { readonly get; set; }

    /// <summary>TC: truncated.</summary>
    [Field(3, Bits = 1, Name = "Truncated")]
    public partial bool Tc { readonly get; set; }

    /// <summary>RD: recursion desired.</summary>
    [Field(4, Bits = 1, Name = "Recursion desired")]
    public partial bool Rd { readonly get; set; }

    /// <summary>RA: recursion available.</summary>
    [Field(5, Bits = 1, Name = "Recursion available")]
    public partial bool Ra { readonly get; set; }

    /// <summary>Z: reserved, must be zero (RFC 1035); kept, not checked, as resolvers do.</summary>
    [Field(6, Bits = 1, Name = "Z")]
    public partial bool Z { readonly get; set; }

    /// <summary>AD: authentic data (RFC 4035 §3.2.3).</summary>
    [Field(7, Bits = 1, Name = "Answer authenticated")]
    public partial bool Ad { readonly get; set; }

    /// <summary>CD: checking disabled (RFC 4035 §3.2.2).</summary>
    [Field(8, Bits = 1, Name = "Non-authenticated data")]
    public partial bool Cd { readonly get; set; }

    /// <summary>Response code (the low 4 bits; EDNS0 extends it in the OPT record).</summary>
    [Field(9, Bits = 4, Name = "Reply code")]
    public partial DnsResponseCode Rcode { readonly get; set; }
}
