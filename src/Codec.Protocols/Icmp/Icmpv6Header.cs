namespace Codec.Protocols.Icmp;

// RFC 4443 §2.1, ICMPv6 message general format:
//
//     0                   1                   2                   3
//     0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |     Type      |     Code      |          Checksum             |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |                                                               |
//    +                         Message Body                          +
//    |                                                               |
//
// Every message defined so far has a 32-bit word after the checksum: unused (Destination Unreachable, Time
// Exceeded), the MTU (Packet Too Big), the Pointer (Parameter Problem), Identifier and Sequence Number (Echo), or
// the first word of a Neighbor Discovery message. The error messages then carry as much of the invoking packet as
// fits in the minimum IPv6 MTU. The checksum covers an IPv6 pseudo-header (RFC 8200 §8.1) and the whole message.

/// <summary>The type, code and checksum of an ICMPv6 message and its first body word (RFC 4443 §2.1).</summary>
[Message(Name = "Internet Control Message Protocol v6")]
public partial struct Icmpv6Header
{
    /// <summary>The message type (errors below 128, informational messages from 128).</summary>
    [Field(0)]
    public Icmpv6Type Type;

    /// <summary>The type's subtype.</summary>
    [Field(1)]
    public byte Code;

    /// <summary>RFC 1071 checksum of the IPv6 pseudo-header and the message.</summary>
    [Field(2)]
    public ushort Checksum;

    /// <summary>The first word of the body (MTU, pointer, identifier and sequence, or unused).</summary>
    [Field(3, Name = "Message Body")]
    public uint Body;
}
