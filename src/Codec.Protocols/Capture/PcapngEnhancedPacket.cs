namespace Codec.Protocols.Capture;

// pcapng Enhanced Packet Block (draft-ietf-opsawg-pcapng §4.3):
//
//                         1                   2                   3
//     0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  0 |                    Block Type = 0x00000006                    |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  4 |                      Block Total Length                       |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  8 |                         Interface ID                          |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// 12 |                        Timestamp (High)                       |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// 16 |                        Timestamp (Low)                        |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// 20 |                    Captured Packet Length                     |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// 24 |                    Original Packet Length                     |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// 28 /                          Packet Data                          /
//    /              variable length, padded to 32 bits               /
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    /                      Options (variable)                       /
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |                      Block Total Length                       |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The timestamp is one 64-bit count of the interface's units (if_tsresol) since 1970-01-01 UTC, high word first.

/// <summary>The fixed 28 bytes of a pcapng Enhanced Packet Block, little-endian.</summary>
[Message(Name = "pcapng Enhanced Packet Block", ByteOrder = ByteOrder.LittleEndian)]
public partial struct PcapngEnhancedPacket
{
    /// <summary>Block size without data and options: the fixed part and the trailing length.</summary>
    public const int FixedSize = 32;

    /// <summary>6.</summary>
    [Field(0, Name = "Block Type"), Constant(PcapngBlockType.EnhancedPacket)]
    public uint BlockType;

    /// <summary>Bytes in the whole block.</summary>
    [Field(1, Name = "Block Total Length")]
    public uint BlockTotalLength;

    /// <summary>The interface (its IDB's position in the section) the packet was captured on.</summary>
    [Field(2, Name = "Interface ID")]
    public uint InterfaceId;

    /// <summary>Upper 32 bits of the timestamp.</summary>
    [Field(3, Name = "Timestamp (High)")]
    public uint TimestampHigh;

    /// <summary>Lower 32 bits of the timestamp.</summary>
    [Field(4, Name = "Timestamp (Low)")]
    public uint TimestampLow;

    /// <summary>Bytes of packet data in the block (before padding).</summary>
    [Field(5, Name = "Captured Packet Length")]
    public uint CapturedPacketLength;

    /// <summary>Bytes the packet had on the wire.</summary>
    [Field(6, Name = "Original Packet Length")]
    public uint OriginalPacketLength;
}

/// <summary>The fixed 28 bytes of a pcapng Enhanced Packet Block, big-endian.</summary>
[Message(Name = "pcapng Enhanced Packet Block", ByteOrder = ByteOrder.BigEndian)]
public partial struct PcapngEnhancedPacketBigEndian
{
    /// <summary>6.</summary>
    [Field(0, Name = "Block Type"), Constant(PcapngBlockType.EnhancedPacket)]
    public uint BlockType;

    /// <summary>Bytes in the whole block.</summary>
    [Field(1, Name = "Block Total Length")]
    public uint BlockTotalLength;

    /// <summary>The interface (its IDB's position in the section) the packet was captured on.</summary>
    [Field(2, Name = "Interface ID")]
    public uint InterfaceId;

    /// <summary>Upper 32 bits of the timestamp.</summary>
    [Field(3, Name = "Timestamp (High)")]
    public uint TimestampHigh;

    /// <summary>Lower 32 bits of the timestamp.</summary>
    [Field(4, Name = "Timestamp (Low)")]
    public uint TimestampLow;

    /// <summary>Bytes of packet data in the block (before padding).</summary>
    [Field(5, Name = "Captured Packet Length")]
    public uint CapturedPacketLength;

    /// <summary>Bytes the packet had on the wire.</summary>
    [Field(6, Name = "Original Packet Length")]
    public uint OriginalPacketLength;
}
