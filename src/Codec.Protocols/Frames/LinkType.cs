namespace Codec.Protocols.Frames;

/// <summary>What the first byte of a frame is the start of.</summary>
public enum LinkType
{
    /// <summary>An Ethernet II frame (LINKTYPE_ETHERNET, 1).</summary>
    Ethernet,

    /// <summary>A raw IPv4 packet (LINKTYPE_IPV4, 228).</summary>
    IPv4,

    /// <summary>A UDP datagram with its header.</summary>
    Udp,

    /// <summary>A TCP segment with its header.</summary>
    Tcp,
}
