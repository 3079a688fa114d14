namespace Codec.Protocols.Icmp;

/// <summary>ICMPv6 message types (RFC 4443 §2.1; Neighbor Discovery RFC 4861; MLD RFC 2710, RFC 3810).</summary>
public enum Icmpv6Type : byte
{
    /// <summary>Destination Unreachable (RFC 4443 §3.1).</summary>
    DestinationUnreachable = 1,

    /// <summary>Packet Too Big (RFC 4443 §3.2).</summary>
    PacketTooBig = 2,

    /// <summary>Time Exceeded (RFC 4443 §3.3).</summary>
    TimeExceeded = 3,

    /// <summary>Parameter Problem (RFC 4443 §3.4).</summary>
    ParameterProblem = 4,

    /// <summary>Echo Request (RFC 4443 §4.1).</summary>
    EchoRequest = 128,

    /// <summary>Echo Reply (RFC 4443 §4.2).</summary>
    EchoReply = 129,

    /// <summary>Multicast Listener Query (RFC 2710).</summary>
    MulticastListenerQuery = 130,

    /// <summary>Multicast Listener Report (RFC 2710).</summary>
    MulticastListenerReport = 131,

    /// <summary>Multicast Listener Done (RFC 2710).</summary>
    MulticastListenerDone = 132,

    /// <summary>Router Solicitation (RFC 4861 §4.1).</summary>
    RouterSolicitation = 133,

    /// <summary>Router Advertisement (RFC 4861 §4.2).</summary>
    RouterAdvertisement = 134,

    /// <summary>Neighbor Solicitation (RFC 4861 §4.3).</summary>
    NeighborSolicitation = 135,

    /// <summary>Neighbor Advertisement (RFC 4861 §4.4).</summary>
    NeighborAdvertisement = 136,

    /// <summary>Redirect (RFC 4861 §4.5).</summary>
    Redirect = 137,

    /// <summary>Version 2 Multicast Listener Report (RFC 3810).</summary>
    MulticastListenerReportV2 = 143,
}
