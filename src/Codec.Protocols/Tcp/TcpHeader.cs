namespace Codec.Protocols.Tcp;

// RFC 9293 §3.1, TCP Header Format (with the control bits of RFC 3168 and the AE bit of RFC 9768's AccECN draft
// kept inside the reserved field):
//
//     0                   1                   2                   3
//     0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |          Source Port          |       Destination Port        |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |                        Sequence Number                        |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |                    Acknowledgment Number                      |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |  Data |       |C|E|U|A|P|R|S|F|                               |
//    | Offset| Rsrvd |W|C|R|C|S|S|Y|I|            Window             |
//    |       |       |R|E|G|K|H|T|N|N|                               |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |           Checksum            |         Urgent Pointer        |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |                           [Options]                           |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+

/// <summary>The fixed 20-byte part of a TCP header (RFC 9293 §3.1). Options (data offset &gt; 5) follow it.</summary>
[Message(Name = "Transmission Control Protocol")]
[Reserved(5, 4)]
public partial struct TcpHeader
{
    /// <summary>The source port number.</summary>
    [Field(0, Name = "Source Port")]
    public ushort SourcePort;

    /// <summary>The destination port number.</summary>
    [Field(1, Name = "Destination Port")]
    public ushort DestinationPort;

    /// <summary>The sequence number of the first data octet (or the ISN when SYN is set).</summary>
    [Field(2, Name = "Sequence Number")]
    public uint SequenceNumber;

    /// <summary>The next sequence number the sender expects (when ACK is set).</summary>
    [Field(3, Name = "Acknowledgment Number")]
    public uint AcknowledgmentNumber;

    /// <summary>Header length in 32-bit words.</summary>
    [Field(4, Bits = 4, Name = "Data Offset")]
    public byte DataOffset;

    /// <summary>The control bits CWR … FIN.</summary>
    [Field(6, Bits = 8, Name = "Flags")]
    public TcpFlags Flags;

    /// <summary>Receive window.</summary>
    [Field(7)]
    public ushort Window;

    /// <summary>RFC 1071 checksum over the pseudo-header, header and data.</summary>
    [Field(8)]
    public ushort Checksum;

    /// <summary>Offset of the urgent data from the sequence number (when URG is set).</summary>
    [Field(9, Name = "Urgent Pointer")]
    public ushort UrgentPointer;
}
