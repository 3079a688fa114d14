using Codec.Dns;

namespace Codec.Protocols.Dns;

// RFC 2782, SRV RDATA: Priority (16), Weight (16), Port (16), Target (a domain name, not compressed by senders but
// read with compression as resolvers do).

/// <summary>SRV RDATA.</summary>
[Message(Name = "SRV")]
public ref partial struct DnsSrvData
{
    /// <summary>Lower is tried first.</summary>
    [Field(0)]
    public ushort Priority;

    /// <summary>Relative weight among equal priorities.</summary>
    [Field(1)]
    public ushort Weight;

    /// <summary>The service's port.</summary>
    [Field(2)]
    public ushort Port;

    /// <summary>The host providing the service.</summary>
    [Field(3)]
    public DnsName Target;
}
