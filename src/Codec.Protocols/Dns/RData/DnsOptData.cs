namespace Codec.Protocols.Dns;

// RFC 6891 §6.1.2, OPT RDATA: zero or more options, each
//
//                +0 (MSB)                            +1 (LSB)
//     +---+---+---+---+---+---+---+---+---+---+---+---+---+---+---+---+
//  0: |                          OPTION-CODE                          |
//     +---+---+---+---+---+---+---+---+---+---+---+---+---+---+---+---+
//  2: |                         OPTION-LENGTH                         |
//     +---+---+---+---+---+---+---+---+---+---+---+---+---+---+---+---+
//  4: |                                                               |
//     /                          OPTION-DATA                          /
//     /                                                               /
//     +---+---+---+---+---+---+---+---+---+---+---+---+---+---+---+---+
//
// OPTION-LENGTH counts OPTION-DATA only. Codes from IANA's "DNS EDNS0 Option Codes (OPT)".

/// <summary>EDNS options (RFC 6891 §6.1.2); unknown codes stay raw.</summary>
[OptionList(Name = "EDNS Options", KindSize = 2, LengthSize = 2)]
[Option(3, "Nsid", Name = "NSID")]
[Option(8, "ClientSubnet", Name = "Client Subnet", Type = typeof(EdnsClientSubnet))]
[Option(10, "Cookie", Name = "COOKIE", Type = typeof(EdnsCookie))]
[Option(11, "TcpKeepalive", Name = "edns-tcp-keepalive")]
[Option(12, "Padding")]
[Option(15, "ExtendedError", Name = "Extended DNS Error")]
public readonly ref partial struct EdnsOptions
{
}

/// <summary>OPT RDATA: EDNS options to the end of the RDATA.</summary>
[Message(Name = "OPT")]
public ref partial struct DnsOptData
{
    /// <summary>The options.</summary>
    [Field(0), Remaining]
    public EdnsOptions Options;
}
