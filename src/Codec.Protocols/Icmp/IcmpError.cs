namespace Codec.Protocols.Icmp;

// RFC 792, Destination Unreachable Message (Time Exceeded and Source Quench have the same layout, the second word
// all unused; RFC 1191 §4 puts the Next-Hop MTU in its low half for "fragmentation needed", code 4):
//
//     0                   1                   2                   3
//     0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |     Type      |     Code      |          Checksum             |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |             unused            |         Next-Hop MTU          |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |      Internet Header + 64 bits of Original Data Datagram      |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+

/// <summary>The first 8 bytes of an ICMPv4 error (Destination Unreachable, Time Exceeded, Source Quench; RFC 792); the original datagram's start follows.</summary>
[Message(Name = "Internet Control Message Protocol")]
[Reserved(3, 16, Name = "Unused")]
public partial struct IcmpError
{
    /// <summary>3, 4 or 11.</summary>
    [Field(0)]
    public IcmpType Type;

    /// <summary>Why (Destination Unreachable: 0 net, 1 host, 2 protocol, 3 port, 4 fragmentation needed, …; Time Exceeded: 0 TTL, 1 reassembly).</summary>
    [Field(1)]
    public byte Code;

    /// <summary>RFC 1071 checksum of the whole message, original datagram included.</summary>
    [Field(2)]
    public ushort Checksum;

    /// <summary>RFC 1191: the MTU of the next hop, for "fragmentation needed" (code 4); otherwise 0.</summary>
    [Field(4, Name = "Next-Hop MTU")]
    public ushort NextHopMtu;
}
