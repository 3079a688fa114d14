using Codec.Protocols.Capture;
using Codec.Protocols.Ethernet;

namespace Codec.Protocols.Frames;

/// <summary>
/// Walks a frame from its link layer inwards with the generated dissections: Ethernet II (802.1Q/802.1ad tags), Linux
/// cooked v1/v2, BSD loopback or raw IP → IPv4 / IPv6 (extension headers) → TCP / UDP / ICMP / ICMPv6 → DNS, DHCP
/// or data. Never throws on input: a layer that cannot be read ends the walk with its error.
/// </summary>
public static partial class FrameDissector
{
    /// <summary>Dissects <paramref name="frame"/>, whose first byte starts a <paramref name="link"/> header.</summary>
    public static FrameDissection Dissect(ReadOnlySpan<byte> frame, LinkType link, FrameDissectorOptions? options = null)
    {
        var walk = new FrameWalk(frame, frame.Length, options ?? FrameDissectorOptions.Default);
        switch (link)
        {
            case LinkType.Ethernet:
                walk.Ethernet(0);
                break;
            case LinkType.IPv4:
                walk.Ipv4(0);
                break;
            case LinkType.IPv6:
                walk.Ipv6(0);
                break;
            case LinkType.Udp:
                walk.Udp(0, frame.Length, default);
                break;
            case LinkType.Tcp:
                walk.Tcp(0, frame.Length, default);
                break;
            case LinkType.Dns:
                walk.Dns(0, frame.Length);
                break;
            case LinkType.Dhcp:
                walk.Dhcp(0, frame.Length);
                break;
        }

        return walk.Complete();
    }

    /// <summary>
    /// Dissects a packet of a capture file of link type <paramref name="linkType"/>; <paramref name="originalLength"/>
    /// (from the capture record) tells a frame the capture cut short from a malformed one.
    /// </summary>
    public static FrameDissection Dissect(ReadOnlySpan<byte> frame, LinkLayerType linkType, int originalLength = -1, FrameDissectorOptions? options = null)
    {
        var walk = new FrameWalk(frame, Math.Max(originalLength, frame.Length), options ?? FrameDissectorOptions.Default);
        switch (linkType)
        {
            case LinkLayerType.Ethernet:
                walk.Ethernet(0);
                break;
            case LinkLayerType.Raw or LinkLayerType.RawOpenBsd or LinkLayerType.RawBsdOs:
                walk.RawIp(0);
                break;
            case LinkLayerType.IPv4:
                walk.Ipv4(0);
                break;
            case LinkLayerType.IPv6:
                walk.Ipv6(0);
                break;
            case LinkLayerType.LinuxSll:
                walk.LinuxCooked(0);
                break;
            case LinkLayerType.LinuxSll2:
                walk.LinuxCooked2(0);
                break;
            case LinkLayerType.Null:
                walk.Null(0);
                break;
            default:
                walk.Data(0, frame.Length, "link type " + ((ushort)linkType).ToString(System.Globalization.CultureInfo.InvariantCulture) + " is not dissected");
                break;
        }

        return walk.Complete();
    }

    /// <summary>Whether a capture's link type is one the walk takes apart (others come out as data).</summary>
    public static bool IsSupported(LinkLayerType linkType) => linkType is LinkLayerType.Ethernet or LinkLayerType.Raw
        or LinkLayerType.RawOpenBsd or LinkLayerType.RawBsdOs or LinkLayerType.IPv4 or LinkLayerType.IPv6
        or LinkLayerType.LinuxSll or LinkLayerType.LinuxSll2 or LinkLayerType.Null;

    /// <summary>Whether this EtherType is the TPID of a VLAN tag (802.1Q, 802.1ad, or the pre-standard QinQ 0x9100).</summary>
    internal static bool IsVlanTag(EtherType type) => type is EtherType.Vlan or EtherType.ServiceVlan or EtherType.QinQ;
}
