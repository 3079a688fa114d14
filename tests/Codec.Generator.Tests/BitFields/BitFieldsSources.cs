namespace Codec.Generator.Tests.BitFields;

/// <summary>Sources with [BitFields] words for the generator's tests.</summary>
internal static class BitFieldsSources
{
    /// <summary>
    /// A 16-bit word with every kind of bit-field, from the most significant bit: Urgent (bool, bit 15), Kind (a 3-bit
    /// enum, bits 14–12), 2 reserved bits (11–10), Delta (a signed 4-bit integer, bits 9–6) and Count (6 bits, 5–0).
    /// 0xCB6A is Urgent, Notify, reserved 0b10, Delta −3, Count 42.
    /// </summary>
    public const string Control = """
        using Codec;

        namespace Sample.Words;

        public enum Mode : byte
        {
            Idle = 0,
            Query = 1,
            Notify = 4,
            Update = 5,
        }

        [BitFields]
        [Reserved(2, 2)]
        public partial struct Control
        {
            [Field(0, Bits = 1, Name = "Urgent flag")] public partial bool Urgent { get; set; }
            [Field(1, Bits = 3)] public partial Mode Kind { get; set; }
            [Field(3, Bits = 4)] public partial sbyte Delta { get; set; }
            [Field(4, Bits = 6)] public partial byte Count { get; set; }
        }
        """;

    /// <summary>Messages carrying <see cref="Control"/> between two bytes, big- and little-endian: 4 bytes each.</summary>
    public const string Frames = """
        using Codec;

        namespace Sample.Words;

        [Message(Name = "Control frame")]
        public partial struct Frame
        {
            [Field(0)] public byte Tag;
            [Field(1)] public Control Control;
            [Field(2)] public byte Tail;
        }

        [Message(ByteOrder = ByteOrder.LittleEndian)]
        public partial struct LittleFrame
        {
            [Field(0)] public byte Tag;
            [Field(1)] public Control Control;
            [Field(2)] public byte Tail;
        }
        """;

    /// <summary>An 8-bit word: a flag, a 3-bit enum, one reserved bit and a 3-bit number.</summary>
    public const string Small = """
        using Codec;

        namespace Sample.Small;

        public enum Color : byte
        {
            Red = 1,
            Green = 2,
            Blue = 4,
        }

        [BitFields]
        [Reserved(2, 1, Name = "Spare")]
        public partial struct Paint
        {
            [Field(0)] public partial bool Glossy { get; set; }
            [Field(1, Bits = 3)] public partial Color Color { get; set; }
            [Field(3, Bits = 3)] public partial byte Coats { get; set; }
        }
        """;

    /// <summary>
    /// A bad word named <c>Bad</c>: <paramref name="members"/> inside it, <paramref name="typeAttributes"/> after
    /// <c>[BitFields]</c>. Beside it, <c>Small</c> (enum : byte).
    /// </summary>
    public static string Word(string members, string typeAttributes = "", string declaration = "public partial struct Bad") => $$"""
        using System;
        using Codec;

        namespace Tests;

        public enum Small : byte
        {
            A = 0,
            B = 1,
        }

        [BitFields]
        {{typeAttributes}}
        {{declaration}}
        {
        {{members}}
        }
        """;
}
