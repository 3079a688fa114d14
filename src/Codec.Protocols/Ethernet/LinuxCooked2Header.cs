namespace Codec.Protocols.Ethernet;

// Linux cooked capture v2, LINKTYPE_LINUX_SLL2 (276) (tcpdump.org/linktypes/LINKTYPE_LINUX_SLL2.html):
//
//    +---------------------------+
//    |        Protocol type      |  2 octets (an EtherType)
//    +---------------------------+
//    |       Reserved (MBZ)      |  2 octets
//    +---------------------------+
//    |       Interface index     |  4 octets
//    +---------------------------+
//    |        ARPHRD_ type       |  2 octets
//    +---------------------------+
//    |        Packet type        |  1 octet
//    +---------------------------+
//    | Link-layer address length |  1 octet
//    +---------------------------+
//    |    Link-layer address     |  8 octets
//    +---------------------------+
//    |          Payload          |
//    .                           .

/// <summary>The 20-byte pseudo-header of a Linux cooked capture v2 (SLL2).</summary>
[Message(Name = "Linux cooked capture v2")]
[Reserved(1, 16)]
public partial struct LinuxCooked2Header
{
    /// <summary>The payload's protocol (an EtherType).</summary>
    [Field(0, Name = "Protocol")]
    public EtherType Protocol;

    /// <summary>The capturing interface's index.</summary>
    [Field(2, Name = "Interface index")]
    public uint InterfaceIndex;

    /// <summary>ARPHRD_* of the device.</summary>
    [Field(3, Name = "Link-layer address type")]
    public ushort ArphrdType;

    /// <summary>Which way the packet went.</summary>
    [Field(4, Bits = 8, Name = "Packet type")]
    public LinuxPacketType PacketType;

    /// <summary>How many bytes of <see cref="Address"/> are meaningful.</summary>
    [Field(5, Name = "Link-layer address length")]
    public byte AddressLength;

    /// <summary>The sender's link-layer address, zero-padded to 8 bytes.</summary>
    [Field(6, Name = "Source")]
    public FixedBytes8 Address;
}
