namespace Codec.Protocols.IPv4;

// RFC 791 §3.1: the header of Ipv4Header.cs, then Options (IHL × 4 − 20 octets, see Ipv4Options.cs), then the data up to Total Length.
//
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |         20-octet fixed header (see Ipv4Header)                |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |                    Options                    |    Padding    |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |                             data                              |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Total Length bounds the datagram: bytes after it (Ethernet padding) are not payload.

/// <summary>A whole IPv4 datagram: header, options and payload as spans into the input (RFC 791 §3.1).</summary>
[Message(Name = "Internet Protocol Version 4")]
[Reserved(6, 1, Name = "Reserved bit")]
public ref partial struct Ipv4Packet
{
    /// <summary>Version: always 4.</summary>
    [Field(0, Bits = 4), Constant(4)]
    public byte Version;

    /// <summary>Internet Header Length in 32-bit words; computed on write when 0.</summary>
    [Field(1, Bits = 4, Name = "Header Length")]
    public byte Ihl;

    /// <summary>Differentiated Services Code Point (RFC 2474).</summary>
    [Field(2, Bits = 6, Name = "Differentiated Services Codepoint")]
    public byte Dscp;

    /// <summary>Explicit Congestion Notification (RFC 3168).</summary>
    [Field(3, Bits = 2, Name = "Explicit Congestion Notification")]
    public byte Ecn;

    /// <summary>Length of the datagram in octets; computed on write when 0.</summary>
    [Field(4, Name = "Total Length"), MessageLength]
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

    /// <summary>The next level protocol.</summary>
    [Field(11)]
    public IPProtocol Protocol;

    /// <summary>RFC 1071 checksum of the header, options included: verified on read, computed on write when 0.</summary>
    [Field(12, Name = "Header Checksum"), InternetChecksum(Through = nameof(Options))]
    public ushort HeaderChecksum;

    /// <summary>Source address.</summary>
    [Field(13, Name = "Source Address")]
    public IPv4Address Source;

    /// <summary>Destination address.</summary>
    [Field(14, Name = "Destination Address")]
    public IPv4Address Destination;

    /// <summary>Options and their padding: IHL × 4 − 20 octets, each option validated and typed.</summary>
    [Field(15), Length(nameof(Ihl), Scale = 4, Offset = -20)]
    public Ipv4Options Options;

    /// <summary>The data, up to Total Length.</summary>
    [Field(16), Remaining]
    public ReadOnlySpan<byte> Payload;
}
