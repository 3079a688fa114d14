namespace Codec.Protocols.IPv4;

// RFC 791 §3.1, Internet Timestamp (type 68):
//
//    +--------+--------+--------+--------+
//    |01000100| length | pointer|oflw|flg|
//    +--------+--------+--------+--------+
//    |         internet address          |
//    +--------+--------+--------+--------+
//    |             timestamp             |
//    +--------+--------+--------+--------+
//    |                 .                 |

/// <summary>The data of an Internet Timestamp option; the entries stay raw (their shape depends on the flag).</summary>
[Message(Name = "Internet Timestamp")]
public ref partial struct Ipv4TimestampOption
{
    /// <summary>The octet of the option (from 1) where the next entry goes.</summary>
    [Field(0)]
    public byte Pointer;

    /// <summary>How many modules could not register a timestamp for lack of space.</summary>
    [Field(1, Bits = 4)]
    public byte Overflow;

    /// <summary>0: timestamps only; 1: address and timestamp; 3: prespecified addresses.</summary>
    [Field(2, Bits = 4)]
    public byte Flag;

    /// <summary>The entries: timestamps, or address and timestamp pairs.</summary>
    [Field(3), Remaining]
    public ReadOnlySpan<byte> Data;
}
