namespace Codec.Protocols.Icmp;

// RFC 792, Echo or Echo Reply Message:
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

/// <summary>The first 8 bytes of an ICMPv4 Echo or Echo Reply (RFC 792); the data follows.</summary>
[Message(Name = "Internet Control Message Protocol")]
public partial struct IcmpEcho
{
    /// <summary>8 (Echo) or 0 (Echo Reply).</summary>
    [Field(0)]
    public IcmpType Type;

    /// <summary>0.</summary>
    [Field(1)]
    public byte Code;

    /// <summary>RFC 1071 checksum of the whole message, data included.</summary>
    [Field(2)]
    public ushort Checksum;

    /// <summary>Matches replies to requests (a process id, typically).</summary>
    [Field(3)]
    public ushort Identifier;

    /// <summary>Counts the requests of one identifier.</summary>
    [Field(4, Name = "Sequence Number")]
    public ushort SequenceNumber;
}
