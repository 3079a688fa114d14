namespace Codec.Protocols.Capture;

// pcapng Simple Packet Block (draft-ietf-opsawg-pcapng §4.4):
//
//                         1                   2                   3
//     0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  0 |                    Block Type = 0x00000003                    |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  4 |                      Block Total Length                       |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  8 |                    Original Packet Length                     |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// 12 /                          Packet Data                          /
//    /              variable length, padded to 32 bits               /
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |                      Block Total Length                       |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The packet belongs to interface 0; its captured length is the smaller of the Original Packet Length and the
// interface's SnapLen, and it has no timestamp.

/// <summary>The fixed 12 bytes of a pcapng Simple Packet Block, little-endian.</summary>
[Message(Name = "pcapng Simple Packet Block", ByteOrder = ByteOrder.LittleEndian)]
public partial struct PcapngSimplePacket
{
    /// <summary>Block size without data: the fixed part and the trailing length.</summary>
    public const int FixedSize = 16;

    /// <summary>3.</summary>
    [Field(0, Name = "Block Type"), Constant(PcapngBlockType.SimplePacket)]
    public uint BlockType;

    /// <summary>Bytes in the whole block.</summary>
    [Field(1, Name = "Block Total Length")]
    public uint BlockTotalLength;

    /// <summary>Bytes the packet had on the wire.</summary>
    [Field(2, Name = "Original Packet Length")]
    public uint OriginalPacketLength;
}

/// <summary>The fixed 12 bytes of a pcapng Simple Packet Block, big-endian.</summary>
[Message(Name = "pcapng Simple Packet Block", ByteOrder = ByteOrder.BigEndian)]
public partial struct PcapngSimplePacketBigEndian
{
    /// <summary>3.</summary>
    [Field(0, Name = "Block Type"), Constant(PcapngBlockType.SimplePacket)]
    public uint BlockType;

    /// <summary>Bytes in the whole block.</summary>
    [Field(1, Name = "Block Total Length")]
    public uint BlockTotalLength;

    /// <summary>Bytes the packet had on the wire.</summary>
    [Field(2, Name = "Original Packet Length")]
    public uint OriginalPacketLength;
}
