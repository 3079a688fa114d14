namespace Codec.Protocols.Dns;

// RFC 1035 §3.3.14, TXT RDATA: one or more <character-string>s; §3.3: a <character-string> is a length octet followed
// by that number of octets.
//
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//    /                   TXT-DATA                    /
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+

/// <summary>A &lt;character-string&gt; (RFC 1035 §3.3).</summary>
[Message(Name = "Character string")]
public ref partial struct DnsCharacterString
{
    /// <summary>Octets of the string.</summary>
    [Field(0)]
    public byte Length;

    /// <summary>The string's octets.</summary>
    [Field(1), Length(nameof(Length))]
    public ReadOnlySpan<byte> Text;
}

/// <summary>TXT RDATA: character strings to the end of the RDATA.</summary>
[Message(Name = "TXT")]
public ref partial struct DnsTxtData
{
    /// <summary>The strings.</summary>
    [Field(0), Remaining]
    public MessageList<DnsCharacterString> Strings;
}
