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

/// <summary>An ICMPv4 Echo or Echo Reply (RFC 792): header and data, checksum verified over both on read.</summary>
[Message(Name = "Internet Control Message Protocol")]
public ref partial struct IcmpEcho
{
    /// <summary>8 (Echo) or 0 (Echo Reply).</summary>
    [Field(0)]
    public IcmpType Type;

    /// <summary>0.</summary>
    [Field(1)]
    public byte Code;

    /// <summary>RFC 1071 checksum of the message: verified on read, computed on write when 0.</summary>
    [Field(2), InternetChecksum(Through = nameof(Data))]
    public ushort Checksum;

    /// <summary>Matches replies to requests (a process id, typically).</summary>
    [Field(3)]
    public ushort Identifier;

    /// <summary>Counts the requests of one identifier.</summary>
    [Field(4, Name = "Sequence Number")]
    public ushort SequenceNumber;

    /// <summary>Data echoed back by the reply.</summary>
    [Field(5), Remaining]
    public ReadOnlySpan<byte> Data;
}
