namespace Codec.Protocols.Tcp;

// RFC 2018 §3, Sack option data (kind 5, length 2 + 8n):
//
//                      +--------+--------+
//                      | Kind=5 | Length |
//    +--------+--------+--------+--------+
//    |      Left Edge of 1st Block       |
//    +--------+--------+--------+--------+
//    |      Right Edge of 1st Block      |
//    +--------+--------+--------+--------+
//    /            . . .                  /
//    +--------+--------+--------+--------+
//    |      Left Edge of nth Block       |
//    +--------+--------+--------+--------+
//    |      Right Edge of nth Block      |
//    +--------+--------+--------+--------+

/// <summary>One SACK block: a run of received data that is not contiguous with what was acknowledged.</summary>
[Message(Name = "SACK Block")]
public partial struct TcpSackBlock
{
    /// <summary>The first sequence number of the block.</summary>
    [Field(0, Name = "Left Edge")]
    public uint LeftEdge;

    /// <summary>The sequence number just after the block.</summary>
    [Field(1, Name = "Right Edge")]
    public uint RightEdge;
}

/// <summary>The data of a SACK option: its blocks, read in place.</summary>
[Message(Name = "SACK")]
public ref partial struct TcpSack
{
    /// <summary>The blocks (8 octets each).</summary>
    [Field(0), Remaining]
    public MessageList<TcpSackBlock> Blocks;
}
