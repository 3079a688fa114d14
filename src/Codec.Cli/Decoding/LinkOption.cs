using Codec.Protocols.Frames;

namespace Codec.Cli.Decoding;

/// <summary>The values of <c>--link</c>: what a frame given as hex starts with.</summary>
internal enum LinkOption
{
    /// <summary>An Ethernet II frame.</summary>
    Ethernet = LinkType.Ethernet,

    /// <summary>An IPv4 packet.</summary>
    IPv4 = LinkType.IPv4,

    /// <summary>An IPv6 packet.</summary>
    IPv6 = LinkType.IPv6,

    /// <summary>A UDP datagram.</summary>
    Udp = LinkType.Udp,

    /// <summary>A TCP segment.</summary>
    Tcp = LinkType.Tcp,

    /// <summary>A DNS message.</summary>
    Dns = LinkType.Dns,

    /// <summary>A DHCP message.</summary>
    Dhcp = LinkType.Dhcp,
}
