namespace Codec.Protocols.Dns;

// RFC 7873 §4, DNS Cookie option data (OPTION-CODE 10):
//
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |                                                               |
//     +-+-+-+-+-+-+-+-+-+-+-+-+- Client Cookie -+-+-+-+-+-+-+-+-+-+-+-+
//     |                                                               |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |                                                               /
//     /                Server Cookie (8 to 32 octets, or none)        /
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+

/// <summary>The data of a DNS COOKIE option (RFC 7873): an 8-octet client cookie and an optional server cookie.</summary>
[Message(Name = "COOKIE")]
public ref partial struct EdnsCookie
{
    /// <summary>The client cookie (8 octets).</summary>
    [Field(0, Name = "Client Cookie")]
    public ulong ClientCookie;

    /// <summary>The server cookie: 8 to 32 octets in a response, empty in a first query.</summary>
    [Field(1, Name = "Server Cookie"), Remaining]
    public ReadOnlySpan<byte> ServerCookie;
}
