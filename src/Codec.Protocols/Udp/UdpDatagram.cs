namespace Codec.Protocols.Udp;

// RFC 768: the header of UdpHeader.cs, then the data. Length counts the header and the data.
//
//    +--------+--------+--------+--------+
//    |     Source      |   Destination   |
//    |      Port       |      Port       |
//    +--------+--------+--------+--------+
//    |     Length      |    Checksum     |
//    +--------+--------+--------+--------+
//    |          data octets ...
//    +---------------- ...

/// <summary>A whole UDP datagram: header and data as a span into the input (RFC 768).</summary>
[Message(Name = "User Datagram Protocol")]
public ref partial struct UdpDatagram
{
    /// <summary>Port of the sending process.</summary>
    [Field(0, Name = "Source Port")]
    public ushort SourcePort;

    /// <summary>Port of the receiving process.</summary>
    [Field(1, Name = "Destination Port")]
    public ushort DestinationPort;

    /// <summary>Length in octets of header and data; computed on write when 0.</summary>
    [Field(2), MessageLength]
    public ushort Length;

    /// <summary>RFC 1071 checksum over the pseudo-header, header and data (0: none was computed).</summary>
    [Field(3)]
    public ushort Checksum;

    /// <summary>The data, up to Length.</summary>
    [Field(4), Remaining]
    public ReadOnlySpan<byte> Data;
}
