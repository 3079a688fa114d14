namespace Codec.Protocols.Icmp;

/// <summary>ICMPv4 message types (RFC 792; IANA "ICMP Type Numbers").</summary>
public enum IcmpType : byte
{
    /// <summary>Echo Reply (RFC 792).</summary>
    EchoReply = 0,

    /// <summary>Destination Unreachable (RFC 792).</summary>
    DestinationUnreachable = 3,

    /// <summary>Source Quench (RFC 792; deprecated by RFC 6633).</summary>
    SourceQuench = 4,

    /// <summary>Redirect (RFC 792).</summary>
    Redirect = 5,

    /// <summary>Echo (RFC 792).</summary>
    Echo = 8,

    /// <summary>Router Advertisement (RFC 1256).</summary>
    RouterAdvertisement = 9,

    /// <summary>Router Solicitation (RFC 1256).</summary>
    RouterSolicitation = 10,

    /// <summary>Time Exceeded (RFC 792).</summary>
    TimeExceeded = 11,

    /// <summary>Parameter Problem (RFC 792).</summary>
    ParameterProblem = 12,

    /// <summary>Timestamp (RFC 792).</summary>
    Timestamp = 13,

    /// <summary>Timestamp Reply (RFC 792).</summary>
    TimestampReply = 14,
}
