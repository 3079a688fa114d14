namespace Codec.Protocols.IPv4;

// RFC 2113 §2.1, Router Alert (type 148, length 4):
//
//    +--------+--------+--------+--------+
//    |10010100|00000100|  2 octet value  |
//    +--------+--------+--------+--------+
//
// Value 0: routers shall examine the packet.

/// <summary>The data of a Router Alert option.</summary>
[Message(Name = "Router Alert")]
public partial struct Ipv4RouterAlertOption
{
    /// <summary>What the alert is about (0: examine the packet).</summary>
    [Field(0, Name = "Router Alert")]
    public ushort Value;
}
