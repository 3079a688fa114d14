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

/// <summary>An ICMPv4 error (Destination Unreachable, Time Exceeded, Source Quench) with the original datagram's start (RFC 792).</summary>
[Message(Name = "Internet Control Message Protocol")]
[Reserved(3, 16, Name = "Unused")]
public ref partial struct IcmpError
{
    /// <summary>3, 4 or 11.</summary>
    [Field(0)]
    public IcmpType Type;

    /// <summary>Why (Destination Unreachable: 0 net, 1 host, 2 protocol, 3 port, 4 fragmentation needed, …; Time Exceeded: 0 TTL, 1 reassembly).</summary>
    [Field(1)]
    public byte Code;

    /// <summary>RFC 1071 checksum of the message: verified on read, computed on write when 0.</summary>
    [Field(2), InternetChecksum(Through = nameof(OriginalDatagram))]
    public ushort Checksum;

    /// <summary>RFC 1191: the MTU of the next hop, for "fragmentation needed" (code 4); otherwise 0.</summary>
    [Field(4, Name = "Next-Hop MTU")]
    public ushort NextHopMtu;

    /// <summary>The original datagram's IP header and at least its first 8 octets of data.</summary>
    [Field(5, Name = "Original Datagram"), Remaining]
    public ReadOnlySpan<byte> OriginalDatagram;
}
