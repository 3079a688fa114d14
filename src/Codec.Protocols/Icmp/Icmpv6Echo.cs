namespace Codec.Protocols.Icmp;

// RFC 4443 §4.1, Echo Request Message (§4.2 Echo Reply is the same with type 129):
//
//     0                   1                   2                   3
//     0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |     Type      |     Code      |          Checksum             |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |           Identifier          |        Sequence Number        |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |     Data ...
//    +-+-+-+-+-

/// <summary>The first 8 bytes of an ICMPv6 Echo Request or Reply (RFC 4443 §4).</summary>
[Message(Name = "Internet Control Message Protocol v6")]
public partial struct Icmpv6Echo
{
    /// <summary>128 (request) or 129 (reply).</summary>
    [Field(0)]
    public Icmpv6Type Type;

    /// <summary>0.</summary>
    [Field(1)]
    public byte Code;

    /// <summary>RFC 1071 checksum of the IPv6 pseudo-header and the message.</summary>
    [Field(2)]
    public ushort Checksum;

    /// <summary>Matches replies to requests.</summary>
    [Field(3)]
    public ushort Identifier;

    /// <summary>Counts the requests of one identifier.</summary>
    [Field(4, Name = "Sequence Number")]
    public ushort SequenceNumber;
}
