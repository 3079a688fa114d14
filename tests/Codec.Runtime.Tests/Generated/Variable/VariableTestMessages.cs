namespace Codec.Runtime.Tests.Generated.Variable;

// Variable-length message definitions for the tests in this folder. Each is mirrored by a hand-written VarSpec in
// VariableHarnesses.cs, which the reference codec of VarReference.cs interprets from the documented rules
// (docs/generated-api.md, "Variable-length messages") without looking at what the generator emits.
//
// Byte offsets in the comments are from the start of the message; "+n" is relative to the end of the variable
// member before (the position of such a field is only known at run time).

/// <summary>(a) Type-length-value: a one-byte length, no scale, no offset. MinimumSize 2.</summary>
[Message(Name = "TLV Test")]
internal ref partial struct VarTlv
{
    [Field(0)] public byte Kind;                                                 // byte 0
    [Field(1)] public byte Length;                                               // byte 1
    [Field(2), Length(nameof(Length))] public ReadOnlySpan<byte> Value;          // byte 2, Length bytes
}

/// <summary>
/// (b) A length in 4-byte words with an offset (bytes = Words × 4 − 4, so Words = 0 is a negative length), fixed
/// fields after the variable member (a 3/13-bit pair among them), and the rest of the input. MinimumSize 9.
/// </summary>
[Message(Name = "Options Test")]
internal ref partial struct VarOptions
{
    [Field(0, Bits = 4)] public byte Words;                                      // bit 0
    [Field(1, Bits = 4)] public byte Flags;                                      // bit 4
    [Field(2)] public ushort Id;                                                 // byte 1
    [Field(3), Length(nameof(Words), Scale = 4, Offset = -4)] public ReadOnlySpan<byte> Options; // byte 3
    [Field(4)] public uint Trailer;                                              // +0
    [Field(5, Bits = 3)] public byte X;                                          // +4, bit 0
    [Field(6, Bits = 13)] public ushort Y;                                       // +4, bit 3
    [Field(7), Remaining] public ReadOnlySpan<byte> Rest;                        // +6, to the end of the input
}

/// <summary>
/// (c) The whole message's length in 4-byte words (a 12-bit field after a 4-bit one), an extension counted in 2-byte
/// units that must stay inside it, a fixed field after the extension, and a payload up to the message length (bytes
/// after it are not the message's). MinimumSize 6, so Words 0 and 1 are too short.
/// </summary>
[Message(Name = "Framed Test")]
internal ref partial struct VarFramed
{
    [Field(0, Bits = 4)] public byte Version;                                    // bit 0
    [Field(1, Bits = 12), MessageLength(Scale = 4)] public ushort Words;         // bit 4
    [Field(2, Name = "Extension Length")] public byte ExtLength;                 // byte 2
    [Field(3)] public byte Tag;                                                  // byte 3
    [Field(4), Length(nameof(ExtLength), Scale = 2)] public ReadOnlySpan<byte> Ext; // byte 4
    [Field(5)] public ushort Check;                                              // +0
    [Field(6), Remaining] public ReadOnlySpan<byte> Payload;                     // +2, up to Words × 4
}

/// <summary>
/// (d) Little-endian: 4/12-bit fields numbered from the least significant bit, a ushort length, the data, and fixed
/// fields after it (a 5/11-bit pair and a uint). MinimumSize 10.
/// </summary>
[Message(ByteOrder = ByteOrder.LittleEndian, Name = "Little-Endian Record Test")]
internal ref partial struct VarRecordLe
{
    [Field(0, Bits = 4)] public byte Kind;                                       // bit 0 (LSB of byte 0)
    [Field(1, Bits = 12)] public ushort Seq;                                     // bit 4
    [Field(2)] public ushort Length;                                             // byte 2
    [Field(3), Length(nameof(Length))] public ReadOnlySpan<byte> Data;           // byte 4
    [Field(4, Bits = 5)] public byte Low;                                        // +0, bit 0
    [Field(5, Bits = 11)] public ushort High;                                    // +0, bit 5
    [Field(6)] public uint Crc;                                                  // +2
}

/// <summary>
/// (e) The message length after a variable member: nothing in the documentation forbids it (and the generator reports
/// no diagnostic), so the documented rules must hold for it too. MinimumSize 3.
/// </summary>
[Message(Name = "Late Length Test")]
internal ref partial struct VarLateLength
{
    [Field(0)] public byte HeadLength;                                           // byte 0
    [Field(1), Length(nameof(HeadLength))] public ReadOnlySpan<byte> Head;       // byte 1
    [Field(2), MessageLength] public ushort Total;                               // +0
    [Field(3), Remaining] public ReadOnlySpan<byte> Body;                        // +2, up to Total
}

/// <summary>
/// (f) Two length-prefixed spans: the second length field comes after the first span, so its offset is only known at
/// run time. MinimumSize 2.
/// </summary>
[Message(Name = "Two Spans Test")]
internal ref partial struct VarTwoSpans
{
    [Field(0)] public byte FirstLength;                                          // byte 0
    [Field(1), Length(nameof(FirstLength))] public ReadOnlySpan<byte> First;     // byte 1
    [Field(2)] public byte SecondLength;                                         // +0
    [Field(3), Length(nameof(SecondLength))] public ReadOnlySpan<byte> Second;   // +1
}
