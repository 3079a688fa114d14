namespace Codec.Protocols.IPv4;

// RFC 791 §3.1, Internet Header Format:
//
//     0                   1                   2                   3
//     0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |Version|  IHL  |Type of Service|          Total Length         |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |         Identification        |Flags|      Fragment Offset    |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |  Time to Live |    Protocol   |         Header Checksum       |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |                       Source Address                          |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |                    Destination Address                        |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The Type of Service octet is split as RFC 2474 (DSCP) and RFC 3168 (ECN) redefine it; the flags are RFC 791's
// reserved bit, DF and MF. Options (IHL > 5) follow the fixed part.

/// <summary>The fixed 20-byte part of an IPv4 header (RFC 791 §3.1).</summary>
[Message(Name = "Internet Protocol Version 4")]
[Reserved(6, 1, Name = "Reserved bit")]
public partial struct Ipv4Header
{
    /// <summary>Version: always 4.</summary>
    [Field(0, Bits = 4), Constant(4)]
    public byte Version;

    /// <summary>Internet Header Length, in 32-bit words (5 without options).</summary>
    [Field(1, Bits = 4, Name = "Header Length")]
    public byte Ihl;

    /// <summary>Differentiated Services Code Point (RFC 2474).</summary>
    [Field(2, Bits = 6, Name = "Differentiated Services Codepoint")]
    public byte Dscp;

    /// <summary>Explicit Congestion Notification (RFC 3168).</summary>
    [Field(3, Bits = 2, Name = "Explicit Congestion Notification")]
    public byte Ecn;

    /// <summary>Length of the datagram, header and data, in octets.</summary>
    [Field(4, Name = "Total Length")]
    public ushort TotalLength;

    /// <summary>Identifies the fragments of one datagram.</summary>
    [Field(5)]
    public ushort Identification;

    /// <summary>DF: do not fragment.</summary>
    [Field(7, Bits = 1, Name = "Don't fragment")]
    public bool DontFragment;

    /// <summary>MF: more fragments follow.</summary>
    [Field(8, Bits = 1, Name = "More fragments")]
    public bool MoreFragments;

    /// <summary>Where in the datagram this fragment belongs, in 8-octet units.</summary>
    [Field(9, Bits = 13, Name = "Fragment Offset")]
    public ushort FragmentOffset;

    /// <summary>Time to live.</summary>
    [Field(10, Name = "Time to Live")]
    public byte Ttl;

    /// <summary>The next level protocol (IANA protocol numbers).</summary>
    [Field(11)]
    public IPProtocol Protocol;

    /// <summary>RFC 1071 checksum of the header.</summary>
    [Field(12, Name = "Header Checksum")]
    public ushort HeaderChecksum;

    /// <summary>Source address.</summary>
    [Field(13, Name = "Source Address")]
    public IPv4Address Source;

    /// <summary>Destination address.</summary>
    [Field(14, Name = "Destination Address")]
    public IPv4Address Destination;
}
