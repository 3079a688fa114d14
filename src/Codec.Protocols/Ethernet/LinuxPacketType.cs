namespace Codec.Protocols.Ethernet;

/// <summary>The Linux PACKET_* direction of a cooked-capture packet (linux/if_packet.h).</summary>
public enum LinuxPacketType : ushort
{
    /// <summary>PACKET_HOST: sent to us.</summary>
    Unicast = 0,

    /// <summary>PACKET_BROADCAST.</summary>
    Broadcast = 1,

    /// <summary>PACKET_MULTICAST.</summary>
    Multicast = 2,

    /// <summary>PACKET_OTHERHOST: sent by somebody else to somebody else.</summary>
    OtherHost = 3,

    /// <summary>PACKET_OUTGOING: sent by us.</summary>
    Outgoing = 4,
}
