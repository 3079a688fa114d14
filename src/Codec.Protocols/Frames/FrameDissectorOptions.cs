namespace Codec.Protocols.Frames;

/// <summary>Which ports the frame walk takes for which application protocol.</summary>
public sealed record FrameDissectorOptions
{
    /// <summary>The defaults: DNS on 53 and 5353 (mDNS), DHCP on 67 and 68.</summary>
    public static FrameDissectorOptions Default { get; } = new();

    /// <summary>UDP and TCP ports whose payload is DNS (TCP with RFC 1035 §4.2.2's 2-byte length).</summary>
    public IReadOnlySet<ushort> DnsPorts { get; init; } = new HashSet<ushort> { 53, 5353 };

    /// <summary>UDP ports whose payload is DHCP/BOOTP.</summary>
    public IReadOnlySet<ushort> DhcpPorts { get; init; } = new HashSet<ushort> { 67, 68 };

    /// <summary>The defaults plus <paramref name="dnsPorts"/> and <paramref name="dhcpPorts"/>.</summary>
    public static FrameDissectorOptions WithPorts(IEnumerable<ushort> dnsPorts, IEnumerable<ushort> dhcpPorts) => new()
    {
        DnsPorts = new HashSet<ushort>(Default.DnsPorts.Concat(dnsPorts)),
        DhcpPorts = new HashSet<ushort>(Default.DhcpPorts.Concat(dhcpPorts)),
    };
}
