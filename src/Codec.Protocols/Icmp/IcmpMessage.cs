namespace Codec.Protocols.Icmp;

// RFC 792: every ICMP message is a header of 8 octets followed by a body that runs to the end of the IP datagram:
//
//     0                   1                   2                   3
//     0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |     Type      |     Code      |          Checksum             |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |                     (depends on the type)                     |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |     Data (echo data, or the original datagram's IP header     |
//    |                   and first 64 bits of its data) ...          |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The checksum is the RFC 1071 sum of the whole message, header and data. IcmpHeader, IcmpEcho and IcmpError read
// the fixed start alone; this type is the whole message, as the IPv4 payload union (protocol 1) chooses it.

/// <summary>A whole ICMPv4 message: the 8-octet header and the data to the end of the datagram (RFC 792).</summary>
[Message(Name = "Internet Control Message Protocol")]
public ref partial struct IcmpMessage
{
    /// <summary>The message type.</summary>
    [Field(0)]
    public IcmpType Type;

    /// <summary>The type's subtype.</summary>
    [Field(1)]
    public byte Code;

    /// <summary>RFC 1071 checksum of the whole ICMP message, verified on read and filled on write when 0.</summary>
    [Field(2), InternetChecksum(Through = nameof(Data))]
    public ushort Checksum;

    /// <summary>The type-dependent second word (Identifier and Sequence Number for echo; unused for errors).</summary>
    [Field(3, Name = "Rest of Header")]
    public uint RestOfHeader;

    /// <summary>Echo data, or the original datagram's IP header and first 64 bits of its data.</summary>
    [Field(4), Remaining]
    public ReadOnlySpan<byte> Data;
}
