namespace Codec.Protocols.Capture;

/// <summary>
/// Link-layer header types of capture files (the tcpdump.org LINKTYPE_* registry, draft-ietf-opsawg-pcaplinktype):
/// what the first byte of each captured packet starts.
/// </summary>
public enum LinkLayerType : ushort
{
    /// <summary>BSD loopback: a 4-byte address family in the capturing host's byte order.</summary>
    Null = 0,

    /// <summary>Ethernet II (and 802.3) frames.</summary>
    Ethernet = 1,

    /// <summary>FDDI.</summary>
    Fddi = 10,

    /// <summary>DLT_RAW as OpenBSD numbers it in files: raw IPv4 or IPv6.</summary>
    RawOpenBsd = 12,

    /// <summary>DLT_RAW as BSD/OS numbers it in files: raw IPv4 or IPv6.</summary>
    RawBsdOs = 14,

    /// <summary>Raw IP: the packet starts with an IPv4 or IPv6 header (the version nibble tells which).</summary>
    Raw = 101,

    /// <summary>Linux cooked capture (SLL), 16-byte pseudo-header.</summary>
    LinuxSll = 113,

    /// <summary>Raw IPv4.</summary>
    IPv4 = 228,

    /// <summary>Raw IPv6.</summary>
    IPv6 = 229,

    /// <summary>Linux cooked capture v2 (SLL2), 20-byte pseudo-header.</summary>
    LinuxSll2 = 276,
}
