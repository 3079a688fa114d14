namespace Codec.Protocols.Capture;

// Classic pcap packet record (draft-ietf-opsawg-pcap §5, "Packet Record"), in the file header's byte order:
//
//                           1                   2                   3
//       0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//      +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    0 |                      Timestamp (Seconds)                      |
//      +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    4 |            Timestamp (Microseconds or nanoseconds)            |
//      +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    8 |                    Captured Packet Length                     |
//      +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   12 |                    Original Packet Length                     |
//      +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   16 /                          Packet Data                          /
//      /                  variable length, not padded                  /
//      +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+

/// <summary>The 16-byte header before each packet of a classic pcap file, little-endian.</summary>
[Message(Name = "Pcap Packet Record", ByteOrder = ByteOrder.LittleEndian)]
public partial struct PcapRecordHeader
{
    /// <summary>Seconds since 1970-01-01 UTC.</summary>
    [Field(0, Name = "Timestamp (Seconds)")]
    public uint TimestampSeconds;

    /// <summary>Microseconds or nanoseconds (after the seconds), as the magic number says.</summary>
    [Field(1, Name = "Timestamp (Fraction)")]
    public uint TimestampFraction;

    /// <summary>Bytes of packet data that follow.</summary>
    [Field(2, Name = "Captured Packet Length")]
    public uint CapturedPacketLength;

    /// <summary>Bytes the packet had on the wire.</summary>
    [Field(3, Name = "Original Packet Length")]
    public uint OriginalPacketLength;
}

/// <summary>The 16-byte header before each packet of a classic pcap file, big-endian.</summary>
[Message(Name = "Pcap Packet Record", ByteOrder = ByteOrder.BigEndian)]
public partial struct PcapRecordHeaderBigEndian
{
    /// <summary>Seconds since 1970-01-01 UTC.</summary>
    [Field(0, Name = "Timestamp (Seconds)")]
    public uint TimestampSeconds;

    /// <summary>Microseconds or nanoseconds (after the seconds), as the magic number says.</summary>
    [Field(1, Name = "Timestamp (Fraction)")]
    public uint TimestampFraction;

    /// <summary>Bytes of packet data that follow.</summary>
    [Field(2, Name = "Captured Packet Length")]
    public uint CapturedPacketLength;

    /// <summary>Bytes the packet had on the wire.</summary>
    [Field(3, Name = "Original Packet Length")]
    public uint OriginalPacketLength;
}
