namespace Codec.Protocols.Ethernet;

/// <summary>IEEE 802 EtherType values.</summary>
public enum EtherType : ushort
{
    /// <summary>Internet Protocol version 4.</summary>
    IPv4 = 0x0800,

    /// <summary>Address Resolution Protocol.</summary>
    Arp = 0x0806,

    /// <summary>IEEE 802.1Q customer VLAN tag (C-TAG).</summary>
    Vlan = 0x8100,

    /// <summary>Internet Protocol version 6.</summary>
    IPv6 = 0x86DD,

    /// <summary>IEEE 802.1ad service VLAN tag (S-TAG, "QinQ").</summary>
    ServiceVlan = 0x88A8,

    /// <summary>The pre-standard QinQ tag some switches still send.</summary>
    QinQ = 0x9100,
}
