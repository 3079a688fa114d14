using Codec.Dns;

namespace Codec.Protocols.Dns;

// RFC 1035 §4.1.3, Resource record format:
//
//                                    1  1  1  1  1  1
//      0  1  2  3  4  5  6  7  8  9  0  1  2  3  4  5
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//    |                                               |
//    /                                               /
//    /                      NAME                     /
//    |                                               |
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//    |                      TYPE                     |
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//    |                     CLASS                     |
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//    |                      TTL                      |
//    |                                               |
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//    |                   RDLENGTH                    |
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--|
//    /                     RDATA                     /
//    /                                               /
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//
// For OPT (RFC 6891 §6.1.2) CLASS is the requestor's UDP payload size and TTL holds the extended RCODE and flags.

/// <summary>A resource record (RFC 1035 §4.1.3). RDATA is typed by TYPE (see <see cref="DnsRData"/>); unknown types stay raw.</summary>
[Message(Name = "Resource Record")]
public ref partial struct DnsResourceRecord
{
    /// <summary>The owner name, possibly compressed.</summary>
    [Field(0)]
    public DnsName Name;

    /// <summary>TYPE.</summary>
    [Field(1)]
    public DnsType Type;

    /// <summary>CLASS (for OPT: the UDP payload size).</summary>
    [Field(2)]
    public DnsClass Class;

    /// <summary>TTL in seconds (for OPT: extended RCODE, version and flags).</summary>
    [Field(3, Name = "Time to live")]
    public uint Ttl;

    /// <summary>RDLENGTH: bytes of RDATA; computed on write when 0.</summary>
    [Field(4, Name = "Data length")]
    public ushort RdLength;

    /// <summary>
    /// RDATA, as it lies in the message (names inside it may be compressed), validated as its TYPE's format. It converts
    /// to and from <see cref="ReadOnlySpan{T}"/> of its octets; written as those octets.
    /// </summary>
    [Field(5, Name = "Data"), Length(nameof(RdLength)), Discriminator(nameof(Type))]
    public DnsRData RData;
}
