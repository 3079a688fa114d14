namespace Codec.Protocols.Frames;

/// <summary>What the first byte of a frame given on its own (not from a capture file) is the start of.</summary>
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

    /// <summary>A raw IPv6 packet (LINKTYPE_IPV6, 229).</summary>
    IPv6,

    /// <summary>A DNS message.</summary>
    Dns,

    /// <summary>A DHCP/BOOTP message.</summary>
    Dhcp,
}
