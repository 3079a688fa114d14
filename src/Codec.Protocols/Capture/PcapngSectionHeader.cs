namespace Codec.Protocols.Capture;

// pcapng Section Header Block (draft-ietf-opsawg-pcapng §4.1):
//
//                         1                   2                   3
//     0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  0 |                   Block Type = 0x0A0D0D0A                     |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  4 |                      Block Total Length                       |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  8 |                      Byte-Order Magic                         |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// 12 |          Major Version        |         Minor Version         |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// 16 |                                                               |
//    |                          Section Length                       |
//    |                                                               |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// 24 /                      Options (variable)                       /
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |                      Block Total Length                       |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The Byte-Order Magic 0x1A2B3C4D, read in the writer's byte order, gives the byte order of the whole section.
// Section Length is -1 when not given.

/// <summary>The fixed 24 bytes of a pcapng Section Header Block, little-endian.</summary>
[Message(Name = "pcapng Section Header Block", ByteOrder = ByteOrder.LittleEndian)]
public partial struct PcapngSectionHeader
{
    /// <summary>Block size: the fixed part, the options and the trailing length.</summary>
    public const int FixedSize = 28;

    /// <summary>0x0A0D0D0A.</summary>
    [Field(0, Name = "Block Type"), Constant(PcapngBlockType.SectionHeader)]
    public uint BlockType;

    /// <summary>Bytes in the whole block.</summary>
    [Field(1, Name = "Block Total Length")]
    public uint BlockTotalLength;

    /// <summary>0x1A2B3C4D in the section's byte order.</summary>
    [Field(2, Name = "Byte-Order Magic")]
    public uint ByteOrderMagic;

    /// <summary>1.</summary>
    [Field(3, Name = "Major Version")]
    public ushort MajorVersion;

    /// <summary>0.</summary>
    [Field(4, Name = "Minor Version")]
    public ushort MinorVersion;

    /// <summary>Bytes in the section after this block, or -1 when not given.</summary>
    [Field(5, Name = "Section Length")]
    public long SectionLength;
}

/// <summary>The fixed 24 bytes of a pcapng Section Header Block, big-endian.</summary>
[Message(Name = "pcapng Section Header Block", ByteOrder = ByteOrder.BigEndian)]
public partial struct PcapngSectionHeaderBigEndian
{
    /// <summary>0x0A0D0D0A.</summary>
    [Field(0, Name = "Block Type"), Constant(PcapngBlockType.SectionHeader)]
    public uint BlockType;

    /// <summary>Bytes in the whole block.</summary>
    [Field(1, Name = "Block Total Length")]
    public uint BlockTotalLength;

    /// <summary>0x1A2B3C4D in the section's byte order.</summary>
    [Field(2, Name = "Byte-Order Magic")]
    public uint ByteOrderMagic;

    /// <summary>1.</summary>
    [Field(3, Name = "Major Version")]
    public ushort MajorVersion;

    /// <summary>0.</summary>
    [Field(4, Name = "Minor Version")]
    public ushort MinorVersion;

    /// <summary>Bytes in the section after this block, or -1 when not given.</summary>
    [Field(5, Name = "Section Length")]
    public long SectionLength;
}
