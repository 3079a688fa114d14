namespace Codec.Protocols.Dns;

// RFC 7871 §6, EDNS Client Subnet option data (OPTION-CODE 8):
//
//                +0 (MSB)                            +1 (LSB)
//     +---+---+---+---+---+---+---+---+---+---+---+---+---+---+---+---+
//  0: |                            FAMILY                             |
//     +---+---+---+---+---+---+---+---+---+---+---+---+---+---+---+---+
//  2: |     SOURCE PREFIX-LENGTH      |     SCOPE PREFIX-LENGTH       |
//     +---+---+---+---+---+---+---+---+---+---+---+---+---+---+---+---+
//  4: |                           ADDRESS...                          /
//     +---+---+---+---+---+---+---+---+---+---+---+---+---+---+---+---+
//
// FAMILY is an IANA address family (1 IPv4, 2 IPv6); ADDRESS holds only the octets the source prefix covers.

/// <summary>The data of an EDNS Client Subnet option (RFC 7871).</summary>
[Message(Name = "Client Subnet")]
public ref partial struct EdnsClientSubnet
{
    /// <summary>Address family (IANA): 1 IPv4, 2 IPv6.</summary>
    [Field(0)]
    public ushort Family;

    /// <summary>Leftmost bits of the address the query's client subnet covers.</summary>
    [Field(1, Name = "Source Prefix-Length")]
    public byte SourcePrefixLength;

    /// <summary>Leftmost bits the answer covers (0 in queries).</summary>
    [Field(2, Name = "Scope Prefix-Length")]
    public byte ScopePrefixLength;

    /// <summary>The address, cut to ceil(SourcePrefixLength / 8) octets.</summary>
    [Field(3), Remaining]
    public ReadOnlySpan<byte> Address;
}
