using System.Reflection;
using System.Runtime.Loader;
using Codec.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace Codec.Generator.Tests.BitFields;

/// <summary>
/// A [BitFields] word's generated code at run time (compiled, loaded, called through a probe): its bit-fields over the
/// integer, the setters' range checks, equality and text, and messages that carry it as one integer, big- and
/// little-endian, read, written and dissected. <see cref="BitFieldsSources.Control"/> is Urgent (bit 15), Kind (14–12),
/// 2 reserved bits (11–10), Delta (signed, 9–6), Count (5–0).
/// </summary>
public sealed class BitFieldsRunTests
{
    private const string Probe = """
        using System;
        using System.Linq;
        using Codec;
        using Sample.Words;

        public static class Probe
        {
            public static string Fields(Control c) =>
                $"{c.Urgent} {c.Kind} {c.Delta} {c.Count} {c.Value:X4}";

            public static string FromValue(ushort value) => Fields(new Control(value));

            public static string Set(ushort value, string field, int x)
            {
                var c = new Control(value);
                switch (field)
                {
                    case "Urgent": c.Urgent = x != 0; break;
                    case "Kind": c.Kind = (Mode)x; break;
                    case "Delta": c.Delta = (sbyte)x; break;
                    case "Count": c.Count = (byte)x; break;
                    default: throw new ArgumentException(field);
                }

                return Fields(c);
            }

            public static string SetOutOfRange(ushort value, string field, int x)
            {
                var c = new Control(value);
                try
                {
                    switch (field)
                    {
                        case "Kind": c.Kind = (Mode)x; break;
                        case "Delta": c.Delta = (sbyte)x; break;
                        case "Count": c.Count = (byte)x; break;
                        default: throw new ArgumentException(field);
                    }

                    return "no exception: " + Fields(c);
                }
                catch (ArgumentOutOfRangeException e)
                {
                    return $"{e.ParamName}: {e.ActualValue} | {Fields(c)}";
                }
            }

            public static string Build()
            {
                var c = default(Control);
                c.Urgent = true;
                c.Kind = Mode.Notify;
                c.Delta = -3;
                c.Count = 42;
                var other = new Control(0x0000) { Value = 0xCB6A };
                return $"{c.Value:X4} {other.Value:X4}";
            }

            public static string Equality()
            {
                var a = new Control(0xCB6A);
                var b = new Control(0xCB6A);
                var reservedDiffers = new Control(0xC76A);
                var countDiffers = new Control(0xCB6B);
                return $"{a == b} {a != b} {a.Equals(b)} {a.Equals((object)b)} {a.GetHashCode() == b.GetHashCode()} "
                    + $"{a == reservedDiffers} {a.Equals(reservedDiffers)} {a == countDiffers} {a.Equals((object)countDiffers)} {a.Equals((object)0xCB6A)}";
            }

            public static string Text(ushort value) => new Control(value).ToString();

            public static string ReadBig(byte[] input)
            {
                ReadResult read = Frame.TryRead(input, out Frame f);
                if (!read.IsDone) return read.ToString();
                byte[] output = new byte[Frame.Size];
                WriteResult written = f.TryWrite(output);
                return $"{f.Tag:X2} {Fields(f.Control)} {f.Tail:X2} | {written} {Convert.ToHexString(output)}";
            }

            public static string ReadLittle(byte[] input)
            {
                ReadResult read = LittleFrame.TryRead(input, out LittleFrame f);
                if (!read.IsDone) return read.ToString();
                byte[] output = new byte[LittleFrame.Size];
                WriteResult written = f.TryWrite(output);
                return $"{f.Tag:X2} {Fields(f.Control)} {f.Tail:X2} | {written} {Convert.ToHexString(output)}";
            }

            public static string WriteBoth()
            {
                var c = default(Control);
                c.Urgent = false;
                c.Kind = Mode.Update;
                c.Delta = -1;
                c.Count = 1;
                byte[] big = new byte[Frame.Size];
                byte[] little = new byte[LittleFrame.Size];
                WriteResult b = new Frame { Tag = 0x11, Control = c, Tail = 0x22 }.TryWrite(big);
                WriteResult l = new LittleFrame { Tag = 0x11, Control = c, Tail = 0x22 }.TryWrite(little);
                return $"{b.Status} {Convert.ToHexString(big)} {l.Status} {Convert.ToHexString(little)}";
            }

            public static string ThroughViews(byte[] buffer)
            {
                var big = new Frame.View(buffer);
                string before = Fields(big.Control);
                big.Control = new Control(0x1C01);
                var little = new LittleFrame.ReadOnlyView(buffer);
                return $"{before} | {Convert.ToHexString(buffer)} | {Fields(little.Control)}";
            }

            public static string DissectBig(byte[] input) => Show(Frame.Dissect(input));

            public static string DissectLittle(byte[] input) => Show(LittleFrame.Dissect(input));

            public static string DissectSwapped(byte[] input)
            {
                SwappedFrame.TryRead(input, out SwappedFrame big);
                LittleSwappedFrame.TryRead(input, out LittleSwappedFrame little);
                return $"{big.Control.Value:X4} {Show(SwappedFrame.Dissect(input))} | {little.Control.Value:X4} {Show(LittleSwappedFrame.Dissect(input))}";
            }

            public static string ReadShifted(byte[] input)
            {
                ReadResult read = Sample.Small.Shifted.TryRead(input, out Sample.Small.Shifted f);
                if (!read.IsDone) return read.ToString();
                byte[] output = new byte[Sample.Small.Shifted.Size];
                WriteResult written = f.TryWrite(output);
                return $"{f.Lead:X} {f.Paint} {f.Paint.Value:X2} {f.Tail:X} | {written} {Convert.ToHexString(output)} | {Show(Sample.Small.Shifted.Dissect(input))}";
            }

            private static string Show(MessageDissection d) =>
                d.Result.Status + " " + string.Join("; ", d.Fields.Select(f => $"{f.Name}@{f.BitOffset}/{f.BitLength}={f.Value:X}:{f.Display}:{f.Kind}"));
        }
        """;

    [Theory]
    [InlineData(0xCB6A, "True Notify -3 42 CB6A")]
    [InlineData(0x0000, "False Idle 0 0 0000")]
    [InlineData(0xFFFF, "True 7 -1 63 FFFF")]
    [InlineData(0x0C00, "False Idle 0 0 0C00")]          // only the reserved bits: no bit-field sees them
    [InlineData(0x0200, "False Idle -8 0 0200")]         // Delta's sign bit alone
    [InlineData(0x01C0, "False Idle 7 0 01C0")]
    [InlineData(0x1001, "False Query 0 1 1001")]
    public void Getters_read_their_bits_of_the_value_given_to_the_constructor(int value, string expected) =>
        Assert.Equal(expected, Call("FromValue", (ushort)value));

    [Theory]
    [InlineData("Urgent", 0, "False Notify -3 42 4B6A")]
    [InlineData("Urgent", 1, "True Notify -3 42 CB6A")]
    [InlineData("Kind", 1, "True Query -3 42 9B6A")]
    [InlineData("Kind", 7, "True 7 -3 42 FB6A")]
    [InlineData("Delta", 7, "True Notify 7 42 C9EA")]
    [InlineData("Delta", -8, "True Notify -8 42 CA2A")]
    [InlineData("Count", 5, "True Notify -3 5 CB45")]
    [InlineData("Count", 63, "True Notify -3 63 CB7F")]
    public void A_setter_changes_only_its_own_bits_and_keeps_the_reserved_ones(string field, int value, string expected) =>
        Assert.Equal(expected, Call("Set", (ushort)0xCB6A, field, value));

    [Theory]
    [InlineData("Kind", 8, "value: 8 | True Notify -3 42 CB6A")]
    [InlineData("Delta", 8, "value: 8 | True Notify -3 42 CB6A")]
    [InlineData("Delta", -9, "value: -9 | True Notify -3 42 CB6A")]
    [InlineData("Count", 64, "value: 64 | True Notify -3 42 CB6A")]
    [InlineData("Count", 255, "value: 255 | True Notify -3 42 CB6A")]
    public void A_setter_given_a_value_its_width_cannot_hold_throws_and_changes_nothing(string field, int value, string expected) =>
        Assert.Equal(expected, Call("SetOutOfRange", (ushort)0xCB6A, field, value));

    [Fact]
    public void Setters_from_default_leave_the_reserved_bits_zero_and_the_Value_setter_sets_every_bit() =>
        Assert.Equal("C36A CB6A", Call("Build"));

    [Fact]
    public void Equality_compares_every_bit_reserved_ones_included() =>
        Assert.Equal("True False True True True False False False False False", Call("Equality"));

    [Theory]
    [InlineData(0xCB6A, "Control { Urgent = true, Kind = Notify, Delta = -3, Count = 42 }")]
    [InlineData(0x0000, "Control { Urgent = false, Kind = Idle, Delta = 0, Count = 0 }")]
    public void ToString_lists_the_bit_fields(int value, string expected) =>
        Assert.Equal(expected, Call("Text", (ushort)value));

    [Theory]
    [InlineData("ReadBig", "7E CB6A 81", "7E True Notify -3 42 CB6A 81 | Done (4 bytes) 7ECB6A81")]
    [InlineData("ReadBig", "00 0C00 00", "00 False Idle 0 0 0C00 00 | Done (4 bytes) 000C0000")]       // reserved bits kept through read and write
    [InlineData("ReadLittle", "7E 6ACB 81", "7E True Notify -3 42 CB6A 81 | Done (4 bytes) 7E6ACB81")]
    [InlineData("ReadLittle", "00 000C 00", "00 False Idle 0 0 0C00 00 | Done (4 bytes) 00000C00")]
    public void A_message_reads_the_word_as_one_integer_in_its_byte_order_and_writes_it_back(string probe, string hex, string expected) =>
        Assert.Equal(expected, Call(probe, Bytes(hex)));

    [Fact]
    public void A_message_writes_a_word_built_by_setters_in_its_byte_order() =>
        Assert.Equal("Done 1153C122 Done 11C15322", Call("WriteBoth"));

    /// <summary>The views get and set the whole word in place: big-endian through Frame's, the same octets little-endian through LittleFrame's.</summary>
    [Fact]
    public void Views_get_and_set_the_whole_word_in_place() =>
        Assert.Equal("True Notify -3 42 CB6A | 7E1C0181 | False Idle 4 28 011C", Call("ThroughViews", Bytes("7E CB6A 81")));

    [Fact]
    public void A_big_endian_message_dissects_the_word_as_its_bit_fields_where_they_lie() =>
        Assert.Equal(
            "Done Tag@0/8=7E:126:Integer; Urgent@8/1=1:Set:Boolean; Kind@9/3=4:Notify (4):Enum; Reserved@12/2=2:0x2:Reserved; "
            + "Delta@14/4=D:-3:SignedInteger; Count@18/6=2A:42:Integer; Tail@24/8=81:129:Integer",
            Call("DissectBig", Bytes("7E CB6A 81")));

    /// <summary>
    /// Little-endian messages number bits from the least significant bit of byte 0, so the word's low bits (Count) come
    /// first: Count at 8, Delta at 14, the reserved bits at 18, Kind at 20, Urgent at 23.
    /// </summary>
    [Fact]
    public void A_little_endian_message_dissects_the_word_with_its_own_bit_numbering() =>
        Assert.Equal(
            "Done Tag@0/8=7E:126:Integer; Urgent@23/1=1:Set:Boolean; Kind@20/3=4:Notify (4):Enum; Reserved@18/2=2:0x2:Reserved; "
            + "Delta@14/4=D:-3:SignedInteger; Count@8/6=2A:42:Integer; Tail@24/8=81:129:Integer",
            Call("DissectLittle", Bytes("7E 6ACB 81")));

    [Fact]
    public void A_short_input_dissects_the_fields_that_fit() =>
        Assert.Equal("NeedMoreData Tag@0/8=7E:126:Integer", Call("DissectBig", Bytes("7E CB")));

    /// <summary>A word need not start on a byte: Paint (8 bits) between two nibbles lies across two bytes.</summary>
    [Fact]
    public void A_word_between_two_nibbles_is_read_written_and_dissected_where_it_lies() =>
        Assert.Equal(
            "A Paint { Glossy = true, Color = Blue, Coats = 3 } CB 5 | Done (2 bytes) ACB5 | Done Lead@0/4=A:10:Integer; "
            + "Glossy@4/1=1:Set:Boolean; Color@5/3=4:Blue (4):Enum; Reserved@8/1=1:0x1:Reserved; Coats@9/3=3:3:Integer; Tail@12/4=5:5:Integer",
            Call("ReadShifted", Bytes("AC B5")));

    /// <summary>
    /// A word whose field overrides the message's byte order lies byte-swapped: each bit-field is shown at the offset of
    /// its first bit in the message's numbering (the most significant in a big-endian message, the least significant in
    /// a little-endian one). Big-endian message, little-endian word 0xCB6A at octets 1–2 (6A CB): Count in octet 1 at
    /// 10–15, Urgent, Kind and the reserved bits in octet 2 at 16, 17–19 and 20–21, Delta split (octet 2's last two bits,
    /// octet 1's first two) at 22. Little-endian message, big-endian word (CB 6A): Urgent at 15, Kind at 12, the reserved
    /// bits at 10, Delta split at 22 (octet 2's bits 6–7, octet 1's 0–1), Count at 16.
    /// </summary>
    [Fact]
    public void A_word_in_the_other_byte_order_dissects_its_bit_fields_where_they_lie() =>
        Assert.Equal(
            "CB6A Done Tag@0/8=7E:126:Integer; Urgent@16/1=1:Set:Boolean; Kind@17/3=4:Notify (4):Enum; Reserved@20/2=2:0x2:Reserved; "
            + "Delta@22/4=D:-3:SignedInteger; Count@10/6=2A:42:Integer; Tail@24/8=81:129:Integer | "
            + "6ACB Done Tag@0/8=7E:126:Integer; Urgent@15/1=0:Not set:Boolean; Kind@12/3=6:6:Enum; Reserved@10/2=2:0x2:Reserved; "
            + "Delta@22/4=B:-5:SignedInteger; Count@16/6=B:11:Integer; Tail@24/8=81:129:Integer",
            Call("DissectSwapped", Bytes("7E 6ACB 81")));

    private const string Swapped = """
        using Codec;

        namespace Sample.Words;

        [Message]
        public partial struct SwappedFrame
        {
            [Field(0)] public byte Tag;
            [Field(1, ByteOrder = ByteOrder.LittleEndian)] public Control Control;
            [Field(2)] public byte Tail;
        }

        [Message(ByteOrder = ByteOrder.LittleEndian)]
        public partial struct LittleSwappedFrame
        {
            [Field(0)] public byte Tag;
            [Field(1, ByteOrder = ByteOrder.BigEndian)] public Control Control;
            [Field(2)] public byte Tail;
        }
        """;

    private const string Shifted = """
        using Codec;

        namespace Sample.Small;

        [Message]
        public partial struct Shifted
        {
            [Field(0, Bits = 4)] public byte Lead;
            [Field(1)] public Paint Paint;
            [Field(2, Bits = 4)] public byte Tail;
        }
        """;

    private static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    private static string Call(string name, params object[] arguments) =>
        (string)s_probe.Value.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;

    private static readonly Lazy<Type> s_probe = new(() =>
    {
        GeneratorRun run = GeneratorHarness.Run(BitFieldsSources.Control, BitFieldsSources.Frames, BitFieldsSources.Small, Shifted, Swapped, Probe);
        Assert.True(run.GeneratorDiagnostics.IsEmpty, GeneratorRun.Describe(run.GeneratorDiagnostics));

        using var stream = new MemoryStream();
        EmitResult emitted = run.Output.Emit(stream);
        Assert.True(
            emitted.Success,
            GeneratorRun.Describe(emitted.Diagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)));

        stream.Position = 0;
        var context = new AssemblyLoadContext("BitFieldsRunTests", isCollectible: true);
        return context.LoadFromStream(stream).GetType("Probe", throwOnError: true)!;
    });
}
