using static Codec.Generator.Tests.Diagnostics.DiagnosticAssert;

namespace Codec.Generator.Tests.Diagnostics;

/// <summary>
/// One test per diagnostic (docs/diagnostics/CODEC0NN.md): a minimal bad message reports exactly that ID, on the
/// offending member or type, and the generator emits nothing for the type. Theories cover the distinct ways a rule
/// can be broken. Offending members are named <c>Offending</c>; the message type is <c>Bad</c>.
/// </summary>
public sealed class DiagnosticTests
{
    private static readonly string[] OnType = ["Bad"];
    private static readonly string[] OnOffending = ["Offending"];

    [Fact]
    public void CODEC001_MessageNotPartial() =>
        Reports(
            "CODEC001",
            Message("[Field(0)] public byte Value;", declaration: "public struct Bad"),
            "Bad",
            OnType,
            "'Bad'");

    [Theory]
    [InlineData("[Field(1)] public float Offending;")]
    [InlineData("[Field(1)] public double Offending;")]
    [InlineData("[Field(1)] public decimal Offending;")]
    [InlineData("[Field(1)] public char Offending;")]
    [InlineData("[Field(1)] public string Offending;")]
    [InlineData("[Field(1)] public byte[] Offending;")]
    [InlineData("[Field(1)] public int? Offending;")]
    [InlineData("[Field(1)] public Int128 Offending;")]
    [InlineData("[Field(1)] public Guid Offending;")]
    [InlineData("[Field(1)] public Payload Offending;")]
    [InlineData("[Field(1)] public IntBlock Offending;")]
    [InlineData("[Field(1)] public object Offending;")]
    public void CODEC002_UnsupportedFieldType(string offending) =>
        Reports(
            "CODEC002",
            Message("[Field(0)] public byte Kind;\n" + offending),
            "Bad",
            OnOffending,
            "'Offending'");

    [Theory]
    [InlineData("", "[Field(0, Bits = 9)] public byte Offending; [Field(1, Bits = 7)] public byte Rest;", "9")]
    [InlineData("", "[Field(0, Bits = 17)] public ushort Offending; [Field(1, Bits = 7)] public byte Rest;", "17")]
    [InlineData("", "[Field(0, Bits = 33)] public int Offending; [Field(1, Bits = 7)] public byte Rest;", "33")]
    [InlineData("", "[Field(0, Bits = 65)] public ulong Offending; [Field(1, Bits = 7)] public byte Rest;", "65")]
    [InlineData("", "[Field(0, Bits = -8)] public byte Offending; [Field(1)] public byte Rest;", "-8")]
    [InlineData("", "[Field(0, Bits = 9)] public Small Offending; [Field(1, Bits = 7)] public byte Rest;", "9")]
    [InlineData("", "[Field(0, Bits = 2)] public bool Offending; [Field(1, Bits = 6)] public byte Rest;", "2")]
    [InlineData("", "[Field(0, Bits = 24)] public IPv4Address Offending;", "24")]
    [InlineData("", "[Field(0, Bits = 32)] public MacAddress Offending;", "32")]
    [InlineData("", "[Field(0, Bits = 64)] public IPv6Address Offending;", "64")]
    [InlineData("", "[Field(0, Bits = 16)] public FixedBytes4 Offending;", "16")]
    [InlineData("[Reserved(1, 0)]", "[Field(0)] public byte Offending;", "0")]
    [InlineData("[Reserved(1, 65)]", "[Field(0, Bits = 7)] public byte Offending;", "65")]
    public void CODEC003_WidthOutOfRange(string typeAttributes, string members, string width)
    {
        // For [Reserved] the report may sit on the attribute or on the message type.
        string[] where = typeAttributes.Length > 0 ? ["Reserved", "Bad"] : OnOffending;
        Reports("CODEC003", Message(members, typeAttributes), "Bad", where, $" {width} bits");
    }

    [Theory]
    [InlineData("[Field(0, Bits = 4), Constant(16)] public byte Offending; [Field(1, Bits = 4)] public byte Ihl;", "16", "4")]
    [InlineData("[Field(0), Constant(256)] public byte Offending;", "256", "8")]
    [InlineData("[Field(0), Constant(2)] public bool Offending; [Field(1, Bits = 7)] public byte Rest;", "2", "1")]
    [InlineData("[Field(0, Bits = 4), Constant(31)] public Small Offending; [Field(1, Bits = 4)] public byte Rest;", "31", "4")]
    [InlineData("[Field(0), Constant(0x1_0000_0000)] public IPv4Address Offending;", "4294967296", "32")]
    [InlineData("[Field(0), Constant(0x1_0000_0000_0000)] public MacAddress Offending;", "281474976710656", "48")]
    public void CODEC004_ConstantDoesNotFit(string members, string value, string bits)
    {
        var run = Reports("CODEC004", Message(members), "Bad", OnOffending, "'Offending'", $"{bits} bits");

        // The constant may be shown in decimal or in hex.
        string hex = "0x" + ulong.Parse(value, System.Globalization.CultureInfo.InvariantCulture).ToString("X", System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(run.GeneratorDiagnostics, d =>
        {
            string message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(
                message.Contains($"Constant {value} ", StringComparison.Ordinal) || message.Contains(hex, StringComparison.OrdinalIgnoreCase),
                $"'{message}' should show the constant {value} ({hex})");
        });
    }

    [Theory]
    [InlineData("", "[Field(0, Bits = 12)] public ushort Value;", "12")]
    [InlineData("[Reserved(1, 3)]", "[Field(0)] public byte Value;", "11")]
    [InlineData("", "[Field(0)] public bool A; [Field(1)] public bool B;", "2")]
    public void CODEC005_MessageNotByteAligned(string typeAttributes, string members, string total) =>
        Reports("CODEC005", Message(members, typeAttributes), "Bad", OnType, "'Bad'", $"{total} bits");

    [Theory]
    [InlineData("", "[Field(0)] public byte First; [Field(1)] public byte Second; [Field(1)] public byte Offending;", "Second")]
    [InlineData("[Reserved(1, 8)]", "[Field(0)] public byte First; [Field(1)] public byte Offending;", "Reserved")]
    public void CODEC006_DuplicateOrder(string typeAttributes, string members, string other) =>
        // Either of the two declarations sharing the order is an acceptable place for the report.
        Reports("CODEC006", Message(members, typeAttributes), "Bad", ["Offending", other], "Order 1");

    [Theory]
    [InlineData("", "[Field(0)] public byte First; [Field(2)] public byte Third;", "1")]
    [InlineData("", "[Field(1)] public byte First; [Field(2)] public byte Second;", "0")]
    [InlineData("[Reserved(3, 8)]", "[Field(0)] public byte First; [Field(1)] public byte Second;", "2")]
    public void CODEC007_MissingOrder(string typeAttributes, string members, string missing) =>
        Reports("CODEC007", Message(members, typeAttributes), "Bad", OnType, "'Bad'", $"order {missing};");

    [Theory]
    [InlineData("[Field(0, Bits = 4)] public byte Kind; [Field(1)] public FixedBytes4 Offending; [Field(2, Bits = 4)] public byte Tail;")]
    [InlineData("[Field(0, Bits = 4)] public byte Kind; [Field(1)] public IPv6Address Offending; [Field(2, Bits = 4)] public byte Tail;")]
    public void CODEC008_FieldNotByteAligned(string members) =>
        Reports("CODEC008", Message(members), "Bad", OnOffending, "'Offending'", "bit 4");

    [Theory]
    [InlineData("public class Outer", "public partial struct Bad")]
    [InlineData("public static class Outer", "public partial struct Bad")]
    [InlineData("public struct Outer", "public partial struct Bad")]
    public void CODEC009_ContainingTypeNotPartial(string outer, string inner)
    {
        string source = $$"""
            using Codec;

            namespace Tests;

            {{outer}}
            {
                [Message]
                {{inner}}
                {
                    [Field(0)] public byte Value;
                }
            }
            """;
        Reports("CODEC009", source, "Bad", ["Bad", "Outer"], "'Bad'", "'Outer'");
    }

    [Fact]
    public void CODEC009_ContainingTypeNotPartial_MiddleOfTwo()
    {
        const string source = """
            using Codec;

            namespace Tests;

            public partial class Outer
            {
                public class Middle
                {
                    [Message]
                    public partial struct Bad
                    {
                        [Field(0)] public byte Value;
                    }
                }
            }
            """;
        Reports("CODEC009", source, "Bad", ["Bad", "Middle"], "'Middle'");
    }

    [Theory]
    [InlineData("", "public byte NotOnTheWire;")]
    [InlineData("[Reserved(0, 8)]", "public byte NotOnTheWire;")]
    [InlineData("", "")]
    public void CODEC010_MessageHasNoFields(string typeAttributes, string members) =>
        Reports("CODEC010", Message(members, typeAttributes), "Bad", OnType, "'Bad'");

    [Theory]
    [InlineData("public partial struct Bad", "[Field(0)] public readonly byte Offending;")]
    [InlineData("public partial struct Bad", "[Field(0)] public byte Offending { get; }")]
    [InlineData("public partial struct Bad", "[Field(0)] public byte Offending { get; init; }")]
    [InlineData("public partial struct Bad", "[Field(0)] public byte Offending => 1;")]
    [InlineData("public readonly partial struct Bad", "[Field(0)] public readonly byte Offending;")]
    [InlineData("public readonly partial struct Bad", "[Field(0)] public byte Offending { get; }")]
    [InlineData("public readonly partial record struct Bad", "[Field(0)] public byte Offending { get; init; }")]
    public void CODEC011_FieldNotWritable(string declaration, string members) =>
        Reports("CODEC011", Message(members, declaration: declaration), "Bad", OnOffending, "'Offending'");

    [Theory]
    [InlineData("[Field(0, Bits = 12, ByteOrder = ByteOrder.LittleEndian)] public ushort Offending; [Field(1, Bits = 4)] public byte Rest;")]
    [InlineData("[Field(0, Bits = 4, ByteOrder = ByteOrder.BigEndian)] public byte Offending; [Field(1, Bits = 4)] public byte Rest;")]
    [InlineData("[Field(0, Bits = 4)] public byte Lead; [Field(1, ByteOrder = ByteOrder.LittleEndian)] public ushort Offending; [Field(2, Bits = 4)] public byte Tail;")]
    [InlineData("[Field(0, ByteOrder = ByteOrder.LittleEndian)] public bool Offending; [Field(1, Bits = 7)] public byte Rest;")]
    public void CODEC012_ByteOrderOnSubByteField(string members) =>
        Reports("CODEC012", Message(members), "Bad", OnOffending, "'Offending'");

    [Theory]
    [InlineData("public partial struct Bad<T>")]
    [InlineData("public partial struct Bad<T, U> where T : struct")]
    public void CODEC013_GenericMessage(string declaration) =>
        Reports("CODEC013", Message("[Field(0)] public byte Value;", declaration: declaration), "Bad", OnType, "'Bad");

    [Theory]
    [InlineData("[Field(0), Constant(1)] public IPv6Address Offending;")]
    [InlineData("[Field(0), Constant(1)] public FixedBytes4 Offending;")]
    public void CODEC014_ConstantOnUnsupportedType(string members) =>
        Reports("CODEC014", Message(members), "Bad", OnOffending, "'Offending'");

    [Theory]
    [InlineData("[Field(0)] public byte Value; [Field(1)] public static byte Offending;")]
    [InlineData("[Field(0)] public byte Value; [Field(1)] public static byte Offending { get; set; }")]
    [InlineData("[Field(0)] public byte Value; [Field(1)] public const byte Offending = 1;")]
    public void CODEC015_StaticField(string members) =>
        Reports("CODEC015", Message(members), "Bad", OnOffending, "'Offending'");
}
