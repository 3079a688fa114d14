namespace Codec.Protocols.Capture;

// pcapng Interface Description Block (draft-ietf-opsawg-pcapng §4.2):
//
//                         1                   2                   3
//     0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  0 |                    Block Type = 0x00000001                    |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  4 |                      Block Total Length                       |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  8 |           LinkType            |           Reserved            |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// 12 |                            SnapLen                            |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// 16 /                      Options (variable)                       /
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |                      Block Total Length                       |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Interfaces are numbered from 0 in the order of their IDBs within a section. The if_tsresol option (code 9) gives
// the timestamp unit: 10^-n seconds, or 2^-n when its top bit is set; 10^-6 without it.

/// <summary>The fixed 16 bytes of a pcapng Interface Description Block, little-endian.</summary>
[Message(Name = "pcapng Interface Description Block", ByteOrder = ByteOrder.LittleEndian)]
[Reserved(3, 16)]
public partial struct PcapngInterfaceDescription
{
    /// <summary>Block size without options: the fixed part and the trailing length.</summary>
    public const int FixedSize = 20;

    /// <summary>1.</summary>
    [Field(0, Name = "Block Type"), Constant(PcapngBlockType.InterfaceDescription)]
    public uint BlockType;

    /// <summary>Bytes in the whole block.</summary>
    [Field(1, Name = "Block Total Length")]
    public uint BlockTotalLength;

    /// <summary>LINKTYPE_* of the interface.</summary>
    [Field(2, Name = "LinkType")]
    public ushort LinkType;

    /// <summary>The most bytes captured of any packet; 0 for no limit.</summary>
    [Field(4, Name = "SnapLen")]
    public uint SnapLen;
}

/// <summary>The fixed 16 bytes of a pcapng Interface Description Block, big-endian.</summary>
[Message(Name = "pcapng Interface Description Block", ByteOrder = ByteOrder.BigEndian)]
[Reserved(3, 16)]
public partial struct PcapngInterfaceDescriptionBigEndian
{
    /// <summary>1.</summary>
    [Field(0, Name = "Block Type"), Constant(PcapngBlockType.InterfaceDescription)]
    public uint BlockType;

    /// <summary>Bytes in the whole block.</summary>
    [Field(1, Name = "Block Total Length")]
    public uint BlockTotalLength;

    /// <summary>LINKTYPE_* of the interface.</summary>
    [Field(2, Name = "LinkType")]
    public ushort LinkType;

    /// <summary>The most bytes captured of any packet; 0 for no limit.</summary>
    [Field(4, Name = "SnapLen")]
    public uint SnapLen;
}
