using Codec.Protocols.IPv4;

namespace Codec.Protocols.IPv6;

// RFC 8200 §3, IPv6 Header Format:
//
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |Version| Traffic Class |           Flow Label                  |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |         Payload Length        |  Next Header  |   Hop Limit   |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |                                                               |
//    +                                                               +
//    |                                                               |
//    +                         Source Address                        +
//    |                                                               |
//    +                                                               +
//    |                                                               |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |                                                               |
//    +                                                               +
//    |                                                               |
//    +                      Destination Address                      +
//    |                                                               |
//    +                                                               +
//    |                                                               |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The Traffic Class octet is split as RFC 2474 (DSCP) and RFC 3168 (ECN) define it. Payload Length counts the
// extension headers and the upper-layer data after this 40-octet header.

/// <summary>The fixed 40-byte IPv6 header (RFC 8200 §3).</summary>
[Message(Name = "Internet Protocol Version 6")]
public partial struct Ipv6Header
{
    /// <summary>Version: always 6.</summary>
    [Field(0, Bits = 4), Constant(6)]
    public byte Version;

    /// <summary>Differentiated Services Code Point (RFC 2474), the upper 6 bits of the Traffic Class.</summary>
    [Field(1, Bits = 6, Name = "Differentiated Services Codepoint")]
    public byte Dscp;

    /// <summary>Explicit Congestion Notification (RFC 3168), the lower 2 bits of the Traffic Class.</summary>
    [Field(2, Bits = 2, Name = "Explicit Congestion Notification")]
    public byte Ecn;

    /// <summary>Flow Label (RFC 6437).</summary>
    [Field(3, Bits = 20, Name = "Flow Label")]
    public uint FlowLabel;

    /// <summary>Octets after this header: extension headers and upper-layer data.</summary>
    [Field(4, Name = "Payload Length")]
    public ushort PayloadLength;

    /// <summary>The type of the header that follows (IANA protocol numbers).</summary>
    [Field(5, Name = "Next Header")]
    public IPProtocol NextHeader;

    /// <summary>Decremented by each forwarding node.</summary>
    [Field(6, Name = "Hop Limit")]
    public byte HopLimit;

    /// <summary>Source address.</summary>
    [Field(7, Name = "Source Address")]
    public IPv6Address Source;

    /// <summary>Destination address (the next hop's when a Routing header is present).</summary>
    [Field(8, Name = "Destination Address")]
    public IPv6Address Destination;
}
