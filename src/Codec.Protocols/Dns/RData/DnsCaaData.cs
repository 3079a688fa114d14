namespace Codec.Protocols.Dns;

// RFC 8659 §4.1, CAA RDATA:
//
//    +0-1-2-3-4-5-6-7-|0-1-2-3-4-5-6-7-|
//    | Flags          | Tag Length = n |
//    +----------------|----------------+...+---------------+
//    | Tag char 0     | Tag char 1     |...| Tag char n-1  |
//    +----------------|----------------+...+---------------+
//    +----------------|----------------+.....+----------------+
//    | Value byte 0   | Value byte 1   |.....| Value byte m-1 |
//    +----------------|----------------+.....+----------------+

/// <summary>CAA RDATA.</summary>
[Message(Name = "CAA")]
public ref partial struct DnsCaaData
{
    /// <summary>Flags; bit 0 (128) is Issuer Critical.</summary>
    [Field(0)]
    public byte Flags;

    /// <summary>Octets of the tag.</summary>
    [Field(1, Name = "Tag length")]
    public byte TagLength;

    /// <summary>The property tag (issue, issuewild, iodef, …).</summary>
    [Field(2), Length(nameof(TagLength))]
    public ReadOnlySpan<byte> Tag;

    /// <summary>The property value.</summary>
    [Field(3), Remaining]
    public ReadOnlySpan<byte> Value;
}
