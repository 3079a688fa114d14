namespace Codec.Protocols.Tcp;

// RFC 7323 §3.2, Timestamps option data (kind 8, length 10):
//
//    +-------+-------+---------------------+---------------------+
//    |Kind=8 |  10   |   TS Value (TSval)  |TS Echo Reply (TSecr)|
//    +-------+-------+---------------------+---------------------+
//        1       1              4                     4

/// <summary>The data of a Timestamps option.</summary>
[Message(Name = "Timestamps")]
public partial struct TcpTimestamps
{
    /// <summary>TSval: the sender's timestamp clock.</summary>
    [Field(0, Name = "Timestamp value")]
    public uint Value;

    /// <summary>TSecr: the TSval last received, when ACK is set.</summary>
    [Field(1, Name = "Timestamp echo reply")]
    public uint EchoReply;
}
