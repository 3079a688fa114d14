namespace Codec.Protocols.Ethernet;

// Linux cooked capture v1, LINKTYPE_LINUX_SLL (113) (tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html):
//
//    +---------------------------+
//    |         Packet type       |  2 octets: 0 to us, 1 broadcast, 2 multicast, 3 to another host, 4 sent by us
//    +---------------------------+
//    |        ARPHRD_ type       |  2 octets: the device's link type
//    +---------------------------+
//    | Link-layer address length |  2 octets
//    +---------------------------+
//    |    Link-layer address     |  8 octets (the first "length" of them meaningful)
//    +---------------------------+
//    |        Protocol type      |  2 octets: an EtherType for most devices
//    +---------------------------+
//    |          Payload          |
//    .                           .

/// <summary>The 16-byte pseudo-header of a Linux cooked capture (SLL).</summary>
[Message(Name = "Linux cooked capture v1")]
public partial struct LinuxCookedHeader
{
    /// <summary>Which way the packet went.</summary>
    [Field(0, Name = "Packet type")]
    public LinuxPacketType PacketType;

    /// <summary>ARPHRD_* of the device (1: Ethernet, 772: loopback).</summary>
    [Field(1, Name = "Link-layer address type")]
    public ushort ArphrdType;

    /// <summary>How many bytes of <see cref="Address"/> are meaningful.</summary>
    [Field(2, Name = "Link-layer address length")]
    public ushort AddressLength;

    /// <summary>The sender's link-layer address, zero-padded to 8 bytes.</summary>
    [Field(3, Name = "Source")]
    public FixedBytes8 Address;

    /// <summary>The payload's protocol (an EtherType).</summary>
    [Field(4, Name = "Protocol")]
    public EtherType Protocol;
}
