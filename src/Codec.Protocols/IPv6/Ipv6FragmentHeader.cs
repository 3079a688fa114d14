using Codec.Protocols.IPv4;

namespace Codec.Protocols.IPv6;

// RFC 8200 §4.5, Fragment Header:
//
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |  Next Header  |   Reserved    |      Fragment Offset    |Res|M|
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |                         Identification                        |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+

/// <summary>The 8-byte IPv6 Fragment extension header (RFC 8200 §4.5).</summary>
[Message(Name = "IPv6 Fragment Header")]
[Reserved(1, 8)]
[Reserved(3, 2, Name = "Res")]
public partial struct Ipv6FragmentHeader
{
    /// <summary>The type of the header that follows (of the fragmentable part).</summary>
    [Field(0, Name = "Next Header")]
    public IPProtocol NextHeader;

    /// <summary>Where the data belongs in the original packet, in 8-octet units.</summary>
    [Field(2, Bits = 13, Name = "Fragment Offset")]
    public ushort FragmentOffset;

    /// <summary>M flag: more fragments follow.</summary>
    [Field(4, Bits = 1, Name = "More Fragments")]
    public bool MoreFragments;

    /// <summary>Identifies the fragments of one original packet.</summary>
    [Field(5)]
    public uint Identification;
}
