namespace Codec.Protocols.IPv4;

// RFC 791 §3.1, Stream Identifier (type 136, length 4):
//
//    +--------+--------+--------+--------+
//    |10001000|00000010|    Stream ID    |
//    +--------+--------+--------+--------+

/// <summary>The data of a Stream Identifier option.</summary>
[Message(Name = "Stream ID")]
public partial struct Ipv4StreamIdOption
{
    /// <summary>The 16-bit SATNET stream identifier.</summary>
    [Field(0, Name = "Stream ID")]
    public ushort StreamId;
}
