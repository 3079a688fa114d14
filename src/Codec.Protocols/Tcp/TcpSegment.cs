namespace Codec.Protocols.Tcp;

// RFC 9293 §3.1: the header of TcpHeader.cs, then Options (Data Offset × 4 − 20 octets), then the data.
//
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |         20-octet fixed header (see TcpHeader)                 |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |                           [Options]                           |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    :                             Data                              :
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The segment ends where the IP datagram carrying it ends: read it from the IP payload.

/// <summary>A whole TCP segment: header, typed options and data as spans into the input (RFC 9293 §3.1).</summary>
[Message(Name = "Transmission Control Protocol")]
[Reserved(5, 4)]
public ref partial struct TcpSegment
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

    /// <summary>Header length in 32-bit words; computed on write when 0.</summary>
    [Field(4, Bits = 4, Name = "Data Offset")]
    public byte DataOffset;

    /// <summary>The control bits CWR … FIN.</summary>
    [Field(6, Bits = 8, Name = "Flags")]
    public TcpFlags Flags;

    /// <summary>Receive window.</summary>
    [Field(7)]
    public ushort Window;

    /// <summary>RFC 1071 checksum over the pseudo-header, header and data (see InternetChecksum.ComputeTransport).</summary>
    [Field(8)]
    public ushort Checksum;

    /// <summary>Offset of the urgent data from the sequence number (when URG is set).</summary>
    [Field(9, Name = "Urgent Pointer")]
    public ushort UrgentPointer;

    /// <summary>The options and their padding: Data Offset × 4 − 20 octets.</summary>
    [Field(10), Length(nameof(DataOffset), Scale = 4, Offset = -20)]
    public TcpOptions Options;

    /// <summary>The data.</summary>
    [Field(11), Remaining]
    public ReadOnlySpan<byte> Payload;
}
