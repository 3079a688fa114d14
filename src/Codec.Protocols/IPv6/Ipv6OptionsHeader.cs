using Codec.Protocols.IPv4;

namespace Codec.Protocols.IPv6;

// RFC 8200 §4.3 Hop-by-Hop Options Header and §4.6 Destination Options Header (the same layout):
//
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |  Next Header  |  Hdr Ext Len  |                               |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
//    |                                                               |
//    .                                                               .
//    .                            Options                            .
//    .                                                               .
//    |                                                               |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Hdr Ext Len counts 8-octet units after the first 8 octets: the options take Hdr Ext Len × 8 + 6 octets.

/// <summary>A Hop-by-Hop or Destination Options extension header (RFC 8200 §4.3, §4.6), options as a span.</summary>
[Message(Name = "IPv6 Options Header")]
public ref partial struct Ipv6OptionsHeader
{
    /// <summary>The type of the header that follows.</summary>
    [Field(0, Name = "Next Header")]
    public IPProtocol NextHeader;

    /// <summary>Length in 8-octet units, not counting the first 8 octets.</summary>
    [Field(1, Name = "Hdr Ext Len")]
    public byte HdrExtLen;

    /// <summary>Type-length-value options, padded with Pad1/PadN to a multiple of 8 octets.</summary>
    [Field(2), Length(nameof(HdrExtLen), Scale = 8, Offset = 6)]
    public ReadOnlySpan<byte> Options;
}
