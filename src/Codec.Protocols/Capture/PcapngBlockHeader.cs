namespace Codec.Protocols.Capture;

// pcapng General Block Structure (draft-ietf-opsawg-pcapng §3.1), in the section's byte order:
//
//                         1                   2                   3
//     0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |                          Block Type                           |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |                      Block Total Length                       |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    /                          Block Body                           /
//    /              variable length, padded to 32 bits               /
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |                      Block Total Length                       |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Block Total Length counts the whole block (both length words included): a multiple of 4, at least 12. Readers
// skip blocks whose type they do not know.

/// <summary>The first 8 bytes of every pcapng block, little-endian.</summary>
[Message(Name = "pcapng Block", ByteOrder = ByteOrder.LittleEndian)]
public partial struct PcapngBlockHeader
{
    /// <summary>What the block is (<see cref="PcapngBlockType"/>).</summary>
    [Field(0, Name = "Block Type")]
    public uint BlockType;

    /// <summary>Bytes in the whole block.</summary>
    [Field(1, Name = "Block Total Length")]
    public uint BlockTotalLength;
}

/// <summary>The first 8 bytes of every pcapng block, big-endian.</summary>
[Message(Name = "pcapng Block", ByteOrder = ByteOrder.BigEndian)]
public partial struct PcapngBlockHeaderBigEndian
{
    /// <summary>What the block is (<see cref="PcapngBlockType"/>).</summary>
    [Field(0, Name = "Block Type")]
    public uint BlockType;

    /// <summary>Bytes in the whole block.</summary>
    [Field(1, Name = "Block Total Length")]
    public uint BlockTotalLength;
}
