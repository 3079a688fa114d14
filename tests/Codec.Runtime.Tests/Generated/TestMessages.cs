namespace Codec.Runtime.Tests.Generated;

// Message definitions for the generated-code conformance tests. Each is mirrored by a hand-written WireSpec in
// MessageHarnesses.cs (the expected layout, written independently of the generator); the bit offsets in the
// comments are the ones the spec checks.
//
// Units (runs of fields between byte boundaries, which the generator loads as one word) are chosen on purpose:
// WideBe/WideLe put 3/19/13/33/4 bits (and 13/33/19 signed bits) into 9-byte units, which the generator reads and
// writes through its "wide" bit-by-bit path; MixedBe/MixedLe keep every unit at 8 bytes or less (including one of
// exactly 8) and add every address kind, a byte block and byte-order overrides; FullBe/FullLe use full-width
// signed and unsigned types, which get no range check and no masking.

/// <summary>A 3-bit protocol selector (values 3, 4, 5 and 7 have no name).</summary>
internal enum Proto3 : byte
{
    None = 0,
    Icmp = 1,
    Igmp = 2,
    Tcp = 6,
}

/// <summary>Six TCP-like control bits.</summary>
[Flags]
internal enum Ctl6 : byte
{
    None = 0,
    Fin = 0x01,
    Syn = 0x02,
    Rst = 0x04,
    Psh = 0x08,
    Ack = 0x10,
    Urg = 0x20,
}

/// <summary>Big-endian, two 9-byte (wide) units, then small ones. 22 bytes.</summary>
[Message(Name = "Wide Big-Endian Test")]
[Reserved(10, 3, Policy = ReservedPolicy.Reject, Name = "Must Be Zero")]
[Reserved(12, 3)]
internal partial struct WideBe
{
    [Field(0, Bits = 3)] public uint U3;                                         // bit 0
    [Field(1, Bits = 19)] public uint U19;                                       // bit 3
    [Field(2, Bits = 13)] public ushort U13;                                     // bit 22
    [Field(3, Bits = 33)] public ulong U33;                                      // bit 35
    [Field(4, Bits = 4)] public byte U4;                                         // bit 68, unit ends at 72
    [Field(5, Bits = 13)] public short S13;                                      // bit 72
    [Field(6, Bits = 33)] public long S33;                                       // bit 85
    [Field(7, Bits = 19)] public int S19;                                        // bit 118
    [Field(8, Bits = 3)] public Proto3 Kind;                                     // bit 137
    [Field(9)] public bool Flag;                                                 // bit 140; reserved (reject) 141–143
    [Field(11, Bits = 5), Constant(0x15)] public byte Version;                   // bit 144; reserved (ignore) 149–151
    [Field(13, Bits = 6, Name = "Control Bits")] public Ctl6 Control;            // bit 152
    [Field(14)] public bool Urgent;                                              // bit 158
    [Field(15)] public bool Last;                                                // bit 159
    [Field(16, ByteOrder = ByteOrder.LittleEndian)] public ushort LittleWord;    // bits 160–175
}

/// <summary>The little-endian twin of <see cref="WideBe"/>, with a big-endian override. 22 bytes.</summary>
[Message(ByteOrder = ByteOrder.LittleEndian, Name = "Wide Little-Endian Test")]
[Reserved(10, 3, Policy = ReservedPolicy.Reject, Name = "Must Be Zero")]
[Reserved(12, 3)]
internal partial struct WideLe
{
    [Field(0, Bits = 3)] public uint U3;
    [Field(1, Bits = 19)] public uint U19;
    [Field(2, Bits = 13)] public ushort U13;
    [Field(3, Bits = 33)] public ulong U33;
    [Field(4, Bits = 4)] public byte U4;
    [Field(5, Bits = 13)] public short S13;
    [Field(6, Bits = 33)] public long S33;
    [Field(7, Bits = 19)] public int S19;
    [Field(8, Bits = 3)] public Proto3 Kind;
    [Field(9)] public bool Flag;
    [Field(11, Bits = 5), Constant(0x15)] public byte Version;
    [Field(13, Bits = 6, Name = "Control Bits")] public Ctl6 Control;
    [Field(14)] public bool Urgent;
    [Field(15)] public bool Last;
    [Field(16, ByteOrder = ByteOrder.BigEndian)] public ushort BigWord;
}

/// <summary>Big-endian, units of at most 8 bytes, every address kind and a byte block. 75 bytes.</summary>
[Message]
[Reserved(7, 3, Policy = ReservedPolicy.Reject)]
[Reserved(12, 1, Name = "Spare")]
internal partial struct MixedBe
{
    [Field(0, Bits = 3)] public byte U3;                                         // bit 0
    [Field(1, Bits = 13)] public ushort U13;                                     // bit 3, unit ends at 16
    [Field(2, Bits = 19)] public uint U19;                                       // bit 16
    [Field(3, Bits = 13)] public short S13;                                      // bit 35, unit ends at 48
    [Field(4, Bits = 33)] public ulong U33;                                      // bit 48
    [Field(5, Bits = 3)] public Proto3 Kind;                                     // bit 81
    [Field(6)] public bool Flag;                                                 // bit 84; reserved (reject) 85–87
    [Field(8, Bits = 19)] public int S19;                                        // bit 88
    [Field(9, Bits = 5), Constant(0x0B)] public byte Version;                    // bit 107, unit ends at 112
    [Field(10, Bits = 33)] public long S33;                                      // bit 112
    [Field(11, Bits = 6)] public Ctl6 Control;                                   // bit 145; reserved (ignore) 151
    [Field(13, Bits = 24)] public uint U24;                                      // bit 152, 8-byte unit ends at 176
    [Field(14)] public MacAddress Mac;                                           // bit 176
    [Field(15, Name = "Source Address")] public IPv4Address Source;              // bit 224
    [Field(16, ByteOrder = ByteOrder.LittleEndian)] public IPv4Address SourceLe; // bit 256
    [Field(17)] public IPv6Address Destination;                                  // bit 288
    [Field(18)] public FixedBytes16 Hardware;                                    // bit 416
    [Field(19, ByteOrder = ByteOrder.LittleEndian)] public ushort LittleWord;    // bit 544
    [Field(20, ByteOrder = ByteOrder.LittleEndian)] public uint LittleLong;      // bit 560
    [Field(21)] public byte Tail;                                                // bit 592, ends at 600
}

/// <summary>The little-endian twin of <see cref="MixedBe"/>: addresses stay in network order unless overridden. 81 bytes.</summary>
[Message(ByteOrder = ByteOrder.LittleEndian)]
[Reserved(7, 3, Policy = ReservedPolicy.Reject)]
[Reserved(12, 1, Name = "Spare")]
internal partial struct MixedLe
{
    [Field(0, Bits = 3)] public byte U3;
    [Field(1, Bits = 13)] public ushort U13;
    [Field(2, Bits = 19)] public uint U19;
    [Field(3, Bits = 13)] public short S13;
    [Field(4, Bits = 33)] public ulong U33;
    [Field(5, Bits = 3)] public Proto3 Kind;
    [Field(6)] public bool Flag;
    [Field(8, Bits = 19)] public int S19;
    [Field(9, Bits = 5), Constant(0x0B)] public byte Version;
    [Field(10, Bits = 33)] public long S33;
    [Field(11, Bits = 6)] public Ctl6 Control;
    [Field(13, Bits = 24)] public uint U24;
    [Field(14)] public MacAddress Mac;
    [Field(15, Name = "Source Address")] public IPv4Address Source;
    [Field(16, ByteOrder = ByteOrder.LittleEndian)] public IPv4Address SourceLe;
    [Field(17)] public IPv6Address Destination;
    [Field(18)] public FixedBytes16 Hardware;
    [Field(19, ByteOrder = ByteOrder.BigEndian)] public ushort BigWord;
    [Field(20, ByteOrder = ByteOrder.BigEndian)] public uint BigLong;
    [Field(21)] public byte Tail;
    [Field(22, ByteOrder = ByteOrder.LittleEndian)] public MacAddress MacLe;
}

/// <summary>Big-endian, full-width integers (no range checks, no masks) and a full-width enum. 32 bytes.</summary>
[Message]
internal partial struct FullBe
{
    [Field(0)] public sbyte S8;
    [Field(1)] public byte U8;
    [Field(2)] public short S16;
    [Field(3, ByteOrder = ByteOrder.LittleEndian)] public ushort U16;
    [Field(4)] public int S32;
    [Field(5)] public uint U32;
    [Field(6)] public long S64;
    [Field(7, ByteOrder = ByteOrder.LittleEndian)] public ulong U64;
    [Field(8)] public Proto3 Proto;
    [Field(9, Bits = 7)] public sbyte S7;
    [Field(10)] public bool Bit;
}

/// <summary>The little-endian twin of <see cref="FullBe"/>. 32 bytes.</summary>
[Message(ByteOrder = ByteOrder.LittleEndian)]
internal partial struct FullLe
{
    [Field(0)] public sbyte S8;
    [Field(1)] public byte U8;
    [Field(2)] public short S16;
    [Field(3, ByteOrder = ByteOrder.BigEndian)] public ushort U16;
    [Field(4)] public int S32;
    [Field(5)] public uint U32;
    [Field(6)] public long S64;
    [Field(7, ByteOrder = ByteOrder.BigEndian)] public ulong U64;
    [Field(8)] public Proto3 Proto;
    [Field(9, Bits = 7)] public sbyte S7;
    [Field(10)] public bool Bit;
}

/// <summary>
/// Big-endian edge cases: a 63-bit field filling an 8-byte unit with a bool, a full 64-bit signed field inside a
/// 9-byte (wide) unit, a 57-bit signed field, a unit holding only reserved bits, and a 64-bit constant. 35 bytes.
/// </summary>
[Message]
[Reserved(7, 8, Policy = ReservedPolicy.Reject)]
[Reserved(9, 2)]
internal partial struct EdgeBe
{
    [Field(0)] public bool B1;                                                   // bit 0
    [Field(1, Bits = 63)] public ulong U63;                                      // bit 1, unit ends at 64
    [Field(2, Bits = 4)] public byte N4;                                         // bit 64
    [Field(3)] public long S64;                                                  // bit 68
    [Field(4, Bits = 4)] public byte M4;                                         // bit 132, wide unit ends at 136
    [Field(5, Bits = 57)] public long S57;                                       // bit 136
    [Field(6, Bits = 7)] public byte U7;                                         // bit 193, unit ends at 200; reserved (reject) 200–207
    [Field(8), Constant(0xDEADBEEFCAFEF00D)] public ulong Magic;                 // bit 208; reserved (ignore) 272–273
    [Field(10, Bits = 6)] public byte U6;                                        // bit 274, ends at 280
}

/// <summary>The little-endian twin of <see cref="EdgeBe"/>. 35 bytes.</summary>
[Message(ByteOrder = ByteOrder.LittleEndian)]
[Reserved(7, 8, Policy = ReservedPolicy.Reject)]
[Reserved(9, 2)]
internal partial struct EdgeLe
{
    [Field(0)] public bool B1;
    [Field(1, Bits = 63)] public ulong U63;
    [Field(2, Bits = 4)] public byte N4;
    [Field(3)] public long S64;
    [Field(4, Bits = 4)] public byte M4;
    [Field(5, Bits = 57)] public long S57;
    [Field(6, Bits = 7)] public byte U7;
    [Field(8), Constant(0xDEADBEEFCAFEF00D)] public ulong Magic;
    [Field(10, Bits = 6)] public byte U6;
}

/// <summary>Fields may be properties with a setter. Little-endian, 6 bytes.</summary>
[Message(ByteOrder = ByteOrder.LittleEndian)]
internal partial struct PropsLe
{
    [Field(0, Bits = 13)] public short S { get; set; }                          // bits 0–12
    [Field(1, Bits = 3)] public Proto3 K { get; set; }                          // bits 13–15
    [Field(2)] public IPv4Address A { get; set; }                               // bytes 2–5, network order
}
