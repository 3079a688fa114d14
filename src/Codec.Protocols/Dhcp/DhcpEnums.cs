namespace Codec.Protocols.Dhcp;

/// <summary>BOOTP op codes (RFC 951, RFC 2131 §2).</summary>
public enum DhcpOpCode : byte
{
    /// <summary>From a client.</summary>
    BootRequest = 1,

    /// <summary>From a server.</summary>
    BootReply = 2,
}

/// <summary>DHCP message types, option 53 (RFC 2132 §9.6).</summary>
public enum DhcpMessageType : byte
{
    /// <summary>DHCPDISCOVER.</summary>
    Discover = 1,

    /// <summary>DHCPOFFER.</summary>
    Offer = 2,

    /// <summary>DHCPREQUEST.</summary>
    Request = 3,

    /// <summary>DHCPDECLINE.</summary>
    Decline = 4,

    /// <summary>DHCPACK.</summary>
    Ack = 5,

    /// <summary>DHCPNAK.</summary>
    Nak = 6,

    /// <summary>DHCPRELEASE.</summary>
    Release = 7,

    /// <summary>DHCPINFORM.</summary>
    Inform = 8,
}

/// <summary>Which fields option 52 overloads with options (RFC 2132 §9.3).</summary>
public enum DhcpOverloadMode : byte
{
    /// <summary>The file field holds options.</summary>
    File = 1,

    /// <summary>The sname field holds options.</summary>
    ServerName = 2,

    /// <summary>Both hold options.</summary>
    Both = 3,
}
