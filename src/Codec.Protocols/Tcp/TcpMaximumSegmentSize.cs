namespace Codec.Protocols.Tcp;

// RFC 9293 §3.2, Maximum Segment Size option data (kind 2, length 4):
//
//    +--------+--------+---------+--------+
//    |00000010|00000100|   Maximum Seg. Size |
//    +--------+--------+---------+--------+
//     Kind=2   Length=4

/// <summary>The data of a Maximum Segment Size option: the largest segment the sender can receive.</summary>
[Message(Name = "Maximum Segment Size")]
public partial struct TcpMaximumSegmentSize
{
    /// <summary>The maximum segment size in octets.</summary>
    [Field(0, Name = "MSS Value")]
    public ushort Value;
}
