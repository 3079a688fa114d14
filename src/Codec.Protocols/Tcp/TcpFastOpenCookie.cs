namespace Codec.Protocols.Tcp;

// RFC 7413 §4.1.1, Fast Open option data (kind 34):
//
//    +---------+---------+-------------------+
//    | Kind=34 | Length  |      Cookie       |
//    +---------+---------+-------------------+
//
// The cookie is 4 to 16 octets (an even number); an empty cookie (length 2) requests one.

/// <summary>The data of a TCP Fast Open Cookie option.</summary>
[Message(Name = "TCP Fast Open Cookie")]
public ref partial struct TcpFastOpenCookie
{
    /// <summary>The cookie; empty in a cookie request.</summary>
    [Field(0), Remaining]
    public ReadOnlySpan<byte> Cookie;
}
