namespace Codec.Protocols.Icmp;

// RFC 792, the first 8 octets of every ICMP message:
//
//     0                   1                   2                   3
//     0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |     Type      |     Code      |          Checksum             |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |                     (depends on the type)                     |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The checksum is the RFC 1071 sum of the whole ICMP message. Echo and Echo Reply put an Identifier and a Sequence
// Number in the second word (IcmpEcho); Destination Unreachable and Time Exceeded leave it unused (RFC 1191 puts the
// Next-Hop MTU in its low half) and carry the original datagram's IP header and first 64 bits of data after it.

/// <summary>The type, code and checksum of an ICMPv4 message and its second word, undivided (RFC 792).</summary>
[Message(Name = "Internet Control Message Protocol")]
public partial struct IcmpHeader
{
    /// <summary>The message type.</summary>
    [Field(0)]
    public IcmpType Type;

    /// <summary>The type's subtype (for Destination Unreachable: net, host, protocol, port, fragmentation needed, …).</summary>
    [Field(1)]
    public byte Code;

    /// <summary>RFC 1071 checksum of the ICMP message.</summary>
    [Field(2)]
    public ushort Checksum;

    /// <summary>The type-dependent second word.</summary>
    [Field(3, Name = "Rest of Header")]
    public uint RestOfHeader;
}
