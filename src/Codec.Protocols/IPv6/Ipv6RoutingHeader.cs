using Codec.Protocols.IPv4;

namespace Codec.Protocols.IPv6;

// RFC 8200 §4.4, Routing Header:
//
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |  Next Header  |  Hdr Ext Len  |  Routing Type | Segments Left |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |                                                               |
//    .                                                               .
//    .                       type-specific data                      .
//    .                                                               .
//    |                                                               |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The type-specific data takes Hdr Ext Len × 8 + 4 octets.

/// <summary>An IPv6 Routing extension header (RFC 8200 §4.4).</summary>
[Message(Name = "IPv6 Routing Header")]
public ref partial struct Ipv6RoutingHeader
{
    /// <summary>The type of the header that follows.</summary>
    [Field(0, Name = "Next Header")]
    public IPProtocol NextHeader;

    /// <summary>Length in 8-octet units, not counting the first 8 octets.</summary>
    [Field(1, Name = "Hdr Ext Len")]
    public byte HdrExtLen;

    /// <summary>The variant (2: Mobile IPv6, 3: RPL, 4: Segment Routing; 0 is deprecated by RFC 5095).</summary>
    [Field(2, Name = "Routing Type")]
    public byte RoutingType;

    /// <summary>Route segments still to visit.</summary>
    [Field(3, Name = "Segments Left")]
    public byte SegmentsLeft;

    /// <summary>The routing type's data.</summary>
    [Field(4, Name = "Type-specific Data"), Length(nameof(HdrExtLen), Scale = 8, Offset = 4)]
    public ReadOnlySpan<byte> Data;
}
