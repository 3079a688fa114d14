namespace Codec.Protocols.Ethernet;

// IEEE 802.1Q-2018 §9.6, VLAN tag (after its Tag Protocol Identifier 0x8100, or 0x88A8 for an 802.1ad S-TAG, which
// took the place of the EtherType):
//
//     0                   1                   2                   3
//     0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |  PCP  |D|         VID           |      EtherType (or TPID)      |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Tags nest (802.1ad: an S-TAG then a C-TAG): the type after a tag may be another TPID.

/// <summary>The Tag Control Information of an 802.1Q/802.1ad tag and the type that follows it.</summary>
[Message(Name = "802.1Q Virtual LAN")]
public partial struct VlanTag
{
    /// <summary>Priority Code Point (IEEE 802.1p class of service).</summary>
    [Field(0, Bits = 3, Name = "Priority")]
    public byte Pcp;

    /// <summary>Drop Eligible Indicator.</summary>
    [Field(1, Bits = 1, Name = "DEI")]
    public bool Dei;

    /// <summary>VLAN Identifier.</summary>
    [Field(2, Bits = 12, Name = "ID")]
    public ushort Vid;

    /// <summary>What follows the tag: the payload's EtherType or another tag's TPID.</summary>
    [Field(3, Name = "Type")]
    public EtherType EtherType;
}
