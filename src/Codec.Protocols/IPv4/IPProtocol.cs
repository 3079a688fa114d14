namespace Codec.Protocols.IPv4;

/// <summary>Assigned Internet protocol numbers (IANA "Protocol Numbers"), as carried in IPv4 Protocol and IPv6 Next Header.</summary>
public enum IPProtocol : byte
{
    /// <summary>IPv6 Hop-by-Hop Option (RFC 8200).</summary>
    HopByHop = 0,

    /// <summary>Internet Control Message Protocol (RFC 792).</summary>
    Icmp = 1,

    /// <summary>Internet Group Management Protocol (RFC 1112).</summary>
    Igmp = 2,

    /// <summary>Transmission Control Protocol (RFC 9293).</summary>
    Tcp = 6,

    /// <summary>User Datagram Protocol (RFC 768).</summary>
    Udp = 17,

    /// <summary>IPv6 encapsulation (RFC 2473).</summary>
    IPv6 = 41,

    /// <summary>Routing Header for IPv6.</summary>
    IPv6Route = 43,

    /// <summary>Fragment Header for IPv6.</summary>
    IPv6Fragment = 44,

    /// <summary>Generic Routing Encapsulation (RFC 2784).</summary>
    Gre = 47,

    /// <summary>Encapsulating Security Payload (RFC 4303).</summary>
    Esp = 50,

    /// <summary>Authentication Header (RFC 4302).</summary>
    Ah = 51,

    /// <summary>ICMP for IPv6 (RFC 4443).</summary>
    IcmpV6 = 58,

    /// <summary>No Next Header for IPv6.</summary>
    IPv6NoNext = 59,

    /// <summary>Destination Options for IPv6.</summary>
    IPv6Options = 60,

    /// <summary>Stream Control Transmission Protocol (RFC 9260).</summary>
    Sctp = 132,
}
