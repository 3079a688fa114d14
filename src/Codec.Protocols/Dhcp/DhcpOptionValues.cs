namespace Codec.Protocols.Dhcp;

// The data of the typed DHCP options (RFC 2132 section in each comment). Each fills its option's data exactly.

/// <summary>One IPv4 address: subnet mask (§3.3), requested address (§9.1), server identifier (§9.7).</summary>
[Message(Name = "Address")]
public partial struct DhcpAddress
{
    /// <summary>The address.</summary>
    [Field(0)]
    public IPv4Address Address;
}

/// <summary>A list of IPv4 addresses: routers (§3.5), domain name servers (§3.8). At least one, in order of preference.</summary>
[Message(Name = "Addresses")]
public ref partial struct DhcpAddressList
{
    /// <summary>The addresses.</summary>
    [Field(0), Remaining]
    public MessageList<DhcpAddress> Addresses;
}

/// <summary>NVT ASCII text: host name (§3.14), domain name (§3.17).</summary>
[Message(Name = "Text")]
public ref partial struct DhcpText
{
    /// <summary>The octets of the text (no terminating NUL is required).</summary>
    [Field(0), Remaining]
    public ReadOnlySpan<byte> Text;
}

/// <summary>A time in seconds: lease time (§9.2), renewal T1 (§9.11), rebinding T2 (§9.12).</summary>
[Message(Name = "Seconds")]
public partial struct DhcpSeconds
{
    /// <summary>Seconds; 0xFFFFFFFF is infinity for a lease.</summary>
    [Field(0)]
    public uint Seconds;
}

/// <summary>Option overload (§9.3).</summary>
[Message(Name = "Option Overload")]
public partial struct DhcpOverload
{
    /// <summary>Which fields hold options.</summary>
    [Field(0, Name = "Overload")]
    public DhcpOverloadMode Mode;
}

/// <summary>DHCP message type (§9.6).</summary>
[Message(Name = "DHCP Message Type")]
public partial struct DhcpMessageTypeValue
{
    /// <summary>The type.</summary>
    [Field(0, Name = "DHCP")]
    public DhcpMessageType Type;
}

/// <summary>Parameter request list (§9.8): the option codes the client asks for.</summary>
[Message(Name = "Parameter Request List")]
public ref partial struct DhcpParameterList
{
    /// <summary>One option code per octet.</summary>
    [Field(0), Remaining]
    public ReadOnlySpan<byte> Codes;
}

/// <summary>Maximum DHCP message size (§9.10).</summary>
[Message(Name = "Maximum DHCP Message Size")]
public partial struct DhcpMaximumMessageSize
{
    /// <summary>The largest message the client accepts, at least 576.</summary>
    [Field(0, Name = "Maximum DHCP Message Size")]
    public ushort MaximumSize;
}

/// <summary>Client identifier (§9.14): a type (a hardware type, or 0) and the identifier.</summary>
[Message(Name = "Client Identifier")]
public ref partial struct DhcpClientIdentifier
{
    /// <summary>The hardware type of the identifier (1: Ethernet), or 0 for another form.</summary>
    [Field(0, Name = "Hardware type")]
    public byte Type;

    /// <summary>The identifier.</summary>
    [Field(1), Remaining]
    public ReadOnlySpan<byte> Identifier;
}
