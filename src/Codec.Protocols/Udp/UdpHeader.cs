namespace Codec.Protocols.Udp;

// RFC 768, User Datagram Header Format:
//
//     0      7 8     15 16    23 24    31
//    +--------+--------+--------+--------+
//    |     Source      |   Destination   |
//    |      Port       |      Port       |
//    +--------+--------+--------+--------+
//    |                 |                 |
//    |     Length      |    Checksum     |
//    +--------+--------+--------+--------+

/// <summary>The 8-byte UDP header (RFC 768).</summary>
[Message(Name = "User Datagram Protocol")]
public partial struct UdpHeader
{
    /// <summary>Port of the sending process.</summary>
    [Field(0, Name = "Source Port")]
    public ushort SourcePort;

    /// <summary>Port of the receiving process.</summary>
    [Field(1, Name = "Destination Port")]
    public ushort DestinationPort;

    /// <summary>Length in octets of this header and the data.</summary>
    [Field(2)]
    public ushort Length;

    /// <summary>RFC 1071 checksum over the pseudo-header, this header and the data (0: none was computed).</summary>
    [Field(3)]
    public ushort Checksum;
}
