namespace Codec.Protocols.Ethernet;

// Ethernet II frame header (IEEE 802.3 clause 3.2, "Type" interpretation of the Length/Type field):
//
//    +-------------------+-------------------+-----------+---------------------------+
//    |  Destination MAC  |    Source MAC     | EtherType |  Payload (46–1500 octets) |
//    |     6 octets      |     6 octets      | 2 octets  |                           |
//    +-------------------+-------------------+-----------+---------------------------+

/// <summary>The 14-byte Ethernet II header.</summary>
[Message(Name = "Ethernet II")]
public partial struct EthernetHeader
{
    /// <summary>Where the frame goes.</summary>
    [Field(0)]
    public MacAddress Destination;

    /// <summary>Where it came from.</summary>
    [Field(1)]
    public MacAddress Source;

    /// <summary>What the payload is.</summary>
    [Field(2, Name = "Type")]
    public EtherType EtherType;
}
