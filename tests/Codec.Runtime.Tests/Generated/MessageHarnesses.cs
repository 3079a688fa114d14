using System.Buffers;

namespace Codec.Runtime.Tests.Generated;

// The per-message part of the conformance checks: the expected layout (written by hand from the definitions in
// TestMessages.cs, with bit offsets computed by WireSpec) and the members generic code cannot reach.

internal static class MessageHarnesses
{
    public static IMessageHarness Get(string name) => name switch
    {
        "WideBe" => WideBeHarness.Instance,
        "WideLe" => WideLeHarness.Instance,
        "MixedBe" => MixedBeHarness.Instance,
        "MixedLe" => MixedLeHarness.Instance,
        "FullBe" => FullBeHarness.Instance,
        "FullLe" => FullLeHarness.Instance,
        "EdgeBe" => EdgeBeHarness.Instance,
        "EdgeLe" => EdgeLeHarness.Instance,
        _ => throw new ArgumentException(name, nameof(name)),
    };

    public static TheoryData<string> All => new() { "WideBe", "WideLe", "MixedBe", "MixedLe", "FullBe", "FullLe", "EdgeBe", "EdgeLe" };
}

internal sealed class WideBeHarness : MessageHarness<WideBe>
{
    public static readonly WideBeHarness Instance = new();

    public override WireSpec Spec { get; } = new(
        "WideBe",
        "Wide Big-Endian Test",
        ByteOrder.BigEndian,
        22,
        new("U3", WireKind.Unsigned, 3),
        new("U19", WireKind.Unsigned, 19),
        new("U13", WireKind.Unsigned, 13),
        new("U33", WireKind.Unsigned, 33),
        new("U4", WireKind.Unsigned, 4),
        new("S13", WireKind.Signed, 13),
        new("S33", WireKind.Signed, 33),
        new("S19", WireKind.Signed, 19),
        new("Kind", WireKind.Enum, 3),
        new("Flag", WireKind.Bool, 1),
        new("Reserved", WireKind.Reserved, 3) { Label = "Must Be Zero", Reject = true },
        new("Version", WireKind.Unsigned, 5) { Constant = 0x15 },
        new("Reserved1", WireKind.Reserved, 3),
        new("Control", WireKind.Flags, 6) { Label = "Control Bits" },
        new("Urgent", WireKind.Bool, 1),
        new("Last", WireKind.Bool, 1),
        new("LittleWord", WireKind.Unsigned, 16) { Label = "Little Word", Order = ByteOrder.LittleEndian });

    protected override int SizeConstant => WideBe.Size;

    protected override int MinimumSizeConstant => WideBe.MinimumSize;

    protected override WideBe Read(ReadOnlySpan<byte> source) => WideBe.Read(source);

    protected override WriteResult Write(WideBe value, IBufferWriter<byte> writer) => value.Write(writer);

    protected override bool TryRead(ReadOnlySpan<byte> source, out WideBe value, out int bytesConsumed) => WideBe.TryRead(source, out value, out bytesConsumed);

    protected override bool TryWrite(WideBe value, Span<byte> destination, out int bytesWritten) => value.TryWrite(destination, out bytesWritten);

    protected override bool OperatorEquals(WideBe left, WideBe right) => left == right;

    protected override bool OperatorNotEquals(WideBe left, WideBe right) => left != right;

    protected override object ViewGet(Span<byte> buffer, string field) => Get(new WideBe.View(buffer), field);

    protected override object ReadOnlyViewGet(ReadOnlySpan<byte> buffer, string field) => Get(new WideBe.ReadOnlyView(buffer), field);

    protected override object DefaultViewGet(string field) => Get(default(WideBe.View), field);

    protected override object DefaultReadOnlyViewGet(string field) => Get(default(WideBe.ReadOnlyView), field);

    protected override bool ViewTryCreate(Span<byte> buffer) => WideBe.View.TryCreate(buffer, out _);

    protected override bool ReadOnlyViewTryCreate(ReadOnlySpan<byte> buffer) => WideBe.ReadOnlyView.TryCreate(buffer, out _);

    protected override void ViewConstruct(Span<byte> buffer) => _ = new WideBe.View(buffer);

    protected override void ReadOnlyViewConstruct(ReadOnlySpan<byte> buffer) => _ = new WideBe.ReadOnlyView(buffer);

    protected override int ViewBufferLength(Span<byte> buffer) => new WideBe.View(buffer).Buffer.Length;

    protected override ReadResult ViewTryRead(Span<byte> buffer, out WideBe value) => new WideBe.View(buffer).TryRead(out value);

    protected override ReadResult ReadOnlyViewTryRead(ReadOnlySpan<byte> buffer, out WideBe value) => new WideBe.ReadOnlyView(buffer).TryRead(out value);

    protected override ReadResult DefaultViewTryRead(out WideBe value) => default(WideBe.View).TryRead(out value);

    protected override void ViewSet(Span<byte> buffer, string field, object value)
    {
        var view = new WideBe.View(buffer);
        switch (field)
        {
            case "U3":
                view.U3 = (uint)value;
                break;

            case "U19":
                view.U19 = (uint)value;
                break;

            case "U13":
                view.U13 = (ushort)value;
                break;

            case "U33":
                view.U33 = (ulong)value;
                break;

            case "U4":
                view.U4 = (byte)value;
                break;

            case "S13":
                view.S13 = (short)value;
                break;

            case "S33":
                view.S33 = (long)value;
                break;

            case "S19":
                view.S19 = (int)value;
                break;

            case "Kind":
                view.Kind = (Proto3)value;
                break;

            case "Flag":
                view.Flag = (bool)value;
                break;

            case "Control":
                view.Control = (Ctl6)value;
                break;

            case "Urgent":
                view.Urgent = (bool)value;
                break;

            case "Last":
                view.Last = (bool)value;
                break;

            case "LittleWord":
                view.LittleWord = (ushort)value;
                break;

            default:
                throw new ArgumentException(field, nameof(field));
        }
    }

    private static object Get(WideBe.View view, string field) => field switch
    {
        "U3" => (object)view.U3,
        "U19" => (object)view.U19,
        "U13" => (object)view.U13,
        "U33" => (object)view.U33,
        "U4" => (object)view.U4,
        "S13" => (object)view.S13,
        "S33" => (object)view.S33,
        "S19" => (object)view.S19,
        "Kind" => (object)view.Kind,
        "Flag" => (object)view.Flag,
        "Version" => (object)view.Version,
        "Control" => (object)view.Control,
        "Urgent" => (object)view.Urgent,
        "Last" => (object)view.Last,
        "LittleWord" => (object)view.LittleWord,
        _ => throw new ArgumentException(field, nameof(field)),
    };

    private static object Get(WideBe.ReadOnlyView view, string field) => field switch
    {
        "U3" => (object)view.U3,
        "U19" => (object)view.U19,
        "U13" => (object)view.U13,
        "U33" => (object)view.U33,
        "U4" => (object)view.U4,
        "S13" => (object)view.S13,
        "S33" => (object)view.S33,
        "S19" => (object)view.S19,
        "Kind" => (object)view.Kind,
        "Flag" => (object)view.Flag,
        "Version" => (object)view.Version,
        "Control" => (object)view.Control,
        "Urgent" => (object)view.Urgent,
        "Last" => (object)view.Last,
        "LittleWord" => (object)view.LittleWord,
        _ => throw new ArgumentException(field, nameof(field)),
    };
}

internal sealed class WideLeHarness : MessageHarness<WideLe>
{
    public static readonly WideLeHarness Instance = new();

    public override WireSpec Spec { get; } = new(
        "WideLe",
        "Wide Little-Endian Test",
        ByteOrder.LittleEndian,
        22,
        new("U3", WireKind.Unsigned, 3),
        new("U19", WireKind.Unsigned, 19),
        new("U13", WireKind.Unsigned, 13),
        new("U33", WireKind.Unsigned, 33),
        new("U4", WireKind.Unsigned, 4),
        new("S13", WireKind.Signed, 13),
        new("S33", WireKind.Signed, 33),
        new("S19", WireKind.Signed, 19),
        new("Kind", WireKind.Enum, 3),
        new("Flag", WireKind.Bool, 1),
        new("Reserved", WireKind.Reserved, 3) { Label = "Must Be Zero", Reject = true },
        new("Version", WireKind.Unsigned, 5) { Constant = 0x15 },
        new("Reserved1", WireKind.Reserved, 3),
        new("Control", WireKind.Flags, 6) { Label = "Control Bits" },
        new("Urgent", WireKind.Bool, 1),
        new("Last", WireKind.Bool, 1),
        new("BigWord", WireKind.Unsigned, 16) { Label = "Big Word", Order = ByteOrder.BigEndian });

    protected override int SizeConstant => WideLe.Size;

    protected override int MinimumSizeConstant => WideLe.MinimumSize;

    protected override WideLe Read(ReadOnlySpan<byte> source) => WideLe.Read(source);

    protected override WriteResult Write(WideLe value, IBufferWriter<byte> writer) => value.Write(writer);

    protected override bool TryRead(ReadOnlySpan<byte> source, out WideLe value, out int bytesConsumed) => WideLe.TryRead(source, out value, out bytesConsumed);

    protected override bool TryWrite(WideLe value, Span<byte> destination, out int bytesWritten) => value.TryWrite(destination, out bytesWritten);

    protected override bool OperatorEquals(WideLe left, WideLe right) => left == right;

    protected override bool OperatorNotEquals(WideLe left, WideLe right) => left != right;

    protected override object ViewGet(Span<byte> buffer, string field) => Get(new WideLe.View(buffer), field);

    protected override object ReadOnlyViewGet(ReadOnlySpan<byte> buffer, string field) => Get(new WideLe.ReadOnlyView(buffer), field);

    protected override object DefaultViewGet(string field) => Get(default(WideLe.View), field);

    protected override object DefaultReadOnlyViewGet(string field) => Get(default(WideLe.ReadOnlyView), field);

    protected override bool ViewTryCreate(Span<byte> buffer) => WideLe.View.TryCreate(buffer, out _);

    protected override bool ReadOnlyViewTryCreate(ReadOnlySpan<byte> buffer) => WideLe.ReadOnlyView.TryCreate(buffer, out _);

    protected override void ViewConstruct(Span<byte> buffer) => _ = new WideLe.View(buffer);

    protected override void ReadOnlyViewConstruct(ReadOnlySpan<byte> buffer) => _ = new WideLe.ReadOnlyView(buffer);

    protected override int ViewBufferLength(Span<byte> buffer) => new WideLe.View(buffer).Buffer.Length;

    protected override ReadResult ViewTryRead(Span<byte> buffer, out WideLe value) => new WideLe.View(buffer).TryRead(out value);

    protected override ReadResult ReadOnlyViewTryRead(ReadOnlySpan<byte> buffer, out WideLe value) => new WideLe.ReadOnlyView(buffer).TryRead(out value);

    protected override ReadResult DefaultViewTryRead(out WideLe value) => default(WideLe.View).TryRead(out value);

    protected override void ViewSet(Span<byte> buffer, string field, object value)
    {
        var view = new WideLe.View(buffer);
        switch (field)
        {
            case "U3":
                view.U3 = (uint)value;
                break;

            case "U19":
                view.U19 = (uint)value;
                break;

            case "U13":
                view.U13 = (ushort)value;
                break;

            case "U33":
                view.U33 = (ulong)value;
                break;

            case "U4":
                view.U4 = (byte)value;
                break;

            case "S13":
                view.S13 = (short)value;
                break;

            case "S33":
                view.S33 = (long)value;
                break;

            case "S19":
                view.S19 = (int)value;
                break;

            case "Kind":
                view.Kind = (Proto3)value;
                break;

            case "Flag":
                view.Flag = (bool)value;
                break;

            case "Control":
                view.Control = (Ctl6)value;
                break;

            case "Urgent":
                view.Urgent = (bool)value;
                break;

            case "Last":
                view.Last = (bool)value;
                break;

            case "BigWord":
                view.BigWord = (ushort)value;
                break;

            default:
                throw new ArgumentException(field, nameof(field));
        }
    }

    private static object Get(WideLe.View view, string field) => field switch
    {
        "U3" => (object)view.U3,
        "U19" => (object)view.U19,
        "U13" => (object)view.U13,
        "U33" => (object)view.U33,
        "U4" => (object)view.U4,
        "S13" => (object)view.S13,
        "S33" => (object)view.S33,
        "S19" => (object)view.S19,
        "Kind" => (object)view.Kind,
        "Flag" => (object)view.Flag,
        "Version" => (object)view.Version,
        "Control" => (object)view.Control,
        "Urgent" => (object)view.Urgent,
        "Last" => (object)view.Last,
        "BigWord" => (object)view.BigWord,
        _ => throw new ArgumentException(field, nameof(field)),
    };

    private static object Get(WideLe.ReadOnlyView view, string field) => field switch
    {
        "U3" => (object)view.U3,
        "U19" => (object)view.U19,
        "U13" => (object)view.U13,
        "U33" => (object)view.U33,
        "U4" => (object)view.U4,
        "S13" => (object)view.S13,
        "S33" => (object)view.S33,
        "S19" => (object)view.S19,
        "Kind" => (object)view.Kind,
        "Flag" => (object)view.Flag,
        "Version" => (object)view.Version,
        "Control" => (object)view.Control,
        "Urgent" => (object)view.Urgent,
        "Last" => (object)view.Last,
        "BigWord" => (object)view.BigWord,
        _ => throw new ArgumentException(field, nameof(field)),
    };
}

internal sealed class MixedBeHarness : MessageHarness<MixedBe>
{
    public static readonly MixedBeHarness Instance = new();

    public override WireSpec Spec { get; } = new(
        "MixedBe",
        "MixedBe",
        ByteOrder.BigEndian,
        75,
        new("U3", WireKind.Unsigned, 3),
        new("U13", WireKind.Unsigned, 13),
        new("U19", WireKind.Unsigned, 19),
        new("S13", WireKind.Signed, 13),
        new("U33", WireKind.Unsigned, 33),
        new("Kind", WireKind.Enum, 3),
        new("Flag", WireKind.Bool, 1),
        new("Reserved", WireKind.Reserved, 3) { Reject = true },
        new("S19", WireKind.Signed, 19),
        new("Version", WireKind.Unsigned, 5) { Constant = 0x0B },
        new("S33", WireKind.Signed, 33),
        new("Control", WireKind.Flags, 6),
        new("Reserved1", WireKind.Reserved, 1) { Label = "Spare" },
        new("U24", WireKind.Unsigned, 24),
        new("Mac", WireKind.Mac, 48),
        new("Source", WireKind.IPv4, 32) { Label = "Source Address" },
        new("SourceLe", WireKind.IPv4, 32) { Label = "Source Le", Order = ByteOrder.LittleEndian },
        new("Destination", WireKind.IPv6, 128),
        new("Hardware", WireKind.Bytes, 128),
        new("LittleWord", WireKind.Unsigned, 16) { Label = "Little Word", Order = ByteOrder.LittleEndian },
        new("LittleLong", WireKind.Unsigned, 32) { Label = "Little Long", Order = ByteOrder.LittleEndian },
        new("Tail", WireKind.Unsigned, 8));

    protected override int SizeConstant => MixedBe.Size;

    protected override int MinimumSizeConstant => MixedBe.MinimumSize;

    protected override MixedBe Read(ReadOnlySpan<byte> source) => MixedBe.Read(source);

    protected override WriteResult Write(MixedBe value, IBufferWriter<byte> writer) => value.Write(writer);

    protected override bool TryRead(ReadOnlySpan<byte> source, out MixedBe value, out int bytesConsumed) => MixedBe.TryRead(source, out value, out bytesConsumed);

    protected override bool TryWrite(MixedBe value, Span<byte> destination, out int bytesWritten) => value.TryWrite(destination, out bytesWritten);

    protected override bool OperatorEquals(MixedBe left, MixedBe right) => left == right;

    protected override bool OperatorNotEquals(MixedBe left, MixedBe right) => left != right;

    protected override object ViewGet(Span<byte> buffer, string field) => Get(new MixedBe.View(buffer), field);

    protected override object ReadOnlyViewGet(ReadOnlySpan<byte> buffer, string field) => Get(new MixedBe.ReadOnlyView(buffer), field);

    protected override object DefaultViewGet(string field) => Get(default(MixedBe.View), field);

    protected override object DefaultReadOnlyViewGet(string field) => Get(default(MixedBe.ReadOnlyView), field);

    protected override bool ViewTryCreate(Span<byte> buffer) => MixedBe.View.TryCreate(buffer, out _);

    protected override bool ReadOnlyViewTryCreate(ReadOnlySpan<byte> buffer) => MixedBe.ReadOnlyView.TryCreate(buffer, out _);

    protected override void ViewConstruct(Span<byte> buffer) => _ = new MixedBe.View(buffer);

    protected override void ReadOnlyViewConstruct(ReadOnlySpan<byte> buffer) => _ = new MixedBe.ReadOnlyView(buffer);

    protected override int ViewBufferLength(Span<byte> buffer) => new MixedBe.View(buffer).Buffer.Length;

    protected override ReadResult ViewTryRead(Span<byte> buffer, out MixedBe value) => new MixedBe.View(buffer).TryRead(out value);

    protected override ReadResult ReadOnlyViewTryRead(ReadOnlySpan<byte> buffer, out MixedBe value) => new MixedBe.ReadOnlyView(buffer).TryRead(out value);

    protected override ReadResult DefaultViewTryRead(out MixedBe value) => default(MixedBe.View).TryRead(out value);

    protected override void ViewSet(Span<byte> buffer, string field, object value)
    {
        var view = new MixedBe.View(buffer);
        switch (field)
        {
            case "U3":
                view.U3 = (byte)value;
                break;

            case "U13":
                view.U13 = (ushort)value;
                break;

            case "U19":
                view.U19 = (uint)value;
                break;

            case "S13":
                view.S13 = (short)value;
                break;

            case "U33":
                view.U33 = (ulong)value;
                break;

            case "Kind":
                view.Kind = (Proto3)value;
                break;

            case "Flag":
                view.Flag = (bool)value;
                break;

            case "S19":
                view.S19 = (int)value;
                break;

            case "S33":
                view.S33 = (long)value;
                break;

            case "Control":
                view.Control = (Ctl6)value;
                break;

            case "U24":
                view.U24 = (uint)value;
                break;

            case "Mac":
                view.Mac = (MacAddress)value;
                break;

            case "Source":
                view.Source = (IPv4Address)value;
                break;

            case "SourceLe":
                view.SourceLe = (IPv4Address)value;
                break;

            case "Destination":
                view.Destination = (IPv6Address)value;
                break;

            case "Hardware":
            {
                var block = (FixedBytes16)value;
                ((ReadOnlySpan<byte>)block).CopyTo(view.Hardware);
                break;
            }

            case "LittleWord":
                view.LittleWord = (ushort)value;
                break;

            case "LittleLong":
                view.LittleLong = (uint)value;
                break;

            case "Tail":
                view.Tail = (byte)value;
                break;

            default:
                throw new ArgumentException(field, nameof(field));
        }
    }

    private static object Get(MixedBe.View view, string field) => field switch
    {
        "U3" => (object)view.U3,
        "U13" => (object)view.U13,
        "U19" => (object)view.U19,
        "S13" => (object)view.S13,
        "U33" => (object)view.U33,
        "Kind" => (object)view.Kind,
        "Flag" => (object)view.Flag,
        "S19" => (object)view.S19,
        "Version" => (object)view.Version,
        "S33" => (object)view.S33,
        "Control" => (object)view.Control,
        "U24" => (object)view.U24,
        "Mac" => (object)view.Mac,
        "Source" => (object)view.Source,
        "SourceLe" => (object)view.SourceLe,
        "Destination" => (object)view.Destination,
        "Hardware" => WireValues.Hex(view.Hardware),
        "LittleWord" => (object)view.LittleWord,
        "LittleLong" => (object)view.LittleLong,
        "Tail" => (object)view.Tail,
        _ => throw new ArgumentException(field, nameof(field)),
    };

    private static object Get(MixedBe.ReadOnlyView view, string field) => field switch
    {
        "U3" => (object)view.U3,
        "U13" => (object)view.U13,
        "U19" => (object)view.U19,
        "S13" => (object)view.S13,
        "U33" => (object)view.U33,
        "Kind" => (object)view.Kind,
        "Flag" => (object)view.Flag,
        "S19" => (object)view.S19,
        "Version" => (object)view.Version,
        "S33" => (object)view.S33,
        "Control" => (object)view.Control,
        "U24" => (object)view.U24,
        "Mac" => (object)view.Mac,
        "Source" => (object)view.Source,
        "SourceLe" => (object)view.SourceLe,
        "Destination" => (object)view.Destination,
        "Hardware" => WireValues.Hex(view.Hardware),
        "LittleWord" => (object)view.LittleWord,
        "LittleLong" => (object)view.LittleLong,
        "Tail" => (object)view.Tail,
        _ => throw new ArgumentException(field, nameof(field)),
    };
}

internal sealed class MixedLeHarness : MessageHarness<MixedLe>
{
    public static readonly MixedLeHarness Instance = new();

    public override WireSpec Spec { get; } = new(
        "MixedLe",
        "MixedLe",
        ByteOrder.LittleEndian,
        81,
        new("U3", WireKind.Unsigned, 3),
        new("U13", WireKind.Unsigned, 13),
        new("U19", WireKind.Unsigned, 19),
        new("S13", WireKind.Signed, 13),
        new("U33", WireKind.Unsigned, 33),
        new("Kind", WireKind.Enum, 3),
        new("Flag", WireKind.Bool, 1),
        new("Reserved", WireKind.Reserved, 3) { Reject = true },
        new("S19", WireKind.Signed, 19),
        new("Version", WireKind.Unsigned, 5) { Constant = 0x0B },
        new("S33", WireKind.Signed, 33),
        new("Control", WireKind.Flags, 6),
        new("Reserved1", WireKind.Reserved, 1) { Label = "Spare" },
        new("U24", WireKind.Unsigned, 24),
        new("Mac", WireKind.Mac, 48),
        new("Source", WireKind.IPv4, 32) { Label = "Source Address" },
        new("SourceLe", WireKind.IPv4, 32) { Label = "Source Le", Order = ByteOrder.LittleEndian },
        new("Destination", WireKind.IPv6, 128),
        new("Hardware", WireKind.Bytes, 128),
        new("BigWord", WireKind.Unsigned, 16) { Label = "Big Word", Order = ByteOrder.BigEndian },
        new("BigLong", WireKind.Unsigned, 32) { Label = "Big Long", Order = ByteOrder.BigEndian },
        new("Tail", WireKind.Unsigned, 8),
        new("MacLe", WireKind.Mac, 48) { Label = "Mac Le", Order = ByteOrder.LittleEndian });

    protected override int SizeConstant => MixedLe.Size;

    protected override int MinimumSizeConstant => MixedLe.MinimumSize;

    protected override MixedLe Read(ReadOnlySpan<byte> source) => MixedLe.Read(source);

    protected override WriteResult Write(MixedLe value, IBufferWriter<byte> writer) => value.Write(writer);

    protected override bool TryRead(ReadOnlySpan<byte> source, out MixedLe value, out int bytesConsumed) => MixedLe.TryRead(source, out value, out bytesConsumed);

    protected override bool TryWrite(MixedLe value, Span<byte> destination, out int bytesWritten) => value.TryWrite(destination, out bytesWritten);

    protected override bool OperatorEquals(MixedLe left, MixedLe right) => left == right;

    protected override bool OperatorNotEquals(MixedLe left, MixedLe right) => left != right;

    protected override object ViewGet(Span<byte> buffer, string field) => Get(new MixedLe.View(buffer), field);

    protected override object ReadOnlyViewGet(ReadOnlySpan<byte> buffer, string field) => Get(new MixedLe.ReadOnlyView(buffer), field);

    protected override object DefaultViewGet(string field) => Get(default(MixedLe.View), field);

    protected override object DefaultReadOnlyViewGet(string field) => Get(default(MixedLe.ReadOnlyView), field);

    protected override bool ViewTryCreate(Span<byte> buffer) => MixedLe.View.TryCreate(buffer, out _);

    protected override bool ReadOnlyViewTryCreate(ReadOnlySpan<byte> buffer) => MixedLe.ReadOnlyView.TryCreate(buffer, out _);

    protected override void ViewConstruct(Span<byte> buffer) => _ = new MixedLe.View(buffer);

    protected override void ReadOnlyViewConstruct(ReadOnlySpan<byte> buffer) => _ = new MixedLe.ReadOnlyView(buffer);

    protected override int ViewBufferLength(Span<byte> buffer) => new MixedLe.View(buffer).Buffer.Length;

    protected override ReadResult ViewTryRead(Span<byte> buffer, out MixedLe value) => new MixedLe.View(buffer).TryRead(out value);

    protected override ReadResult ReadOnlyViewTryRead(ReadOnlySpan<byte> buffer, out MixedLe value) => new MixedLe.ReadOnlyView(buffer).TryRead(out value);

    protected override ReadResult DefaultViewTryRead(out MixedLe value) => default(MixedLe.View).TryRead(out value);

    protected override void ViewSet(Span<byte> buffer, string field, object value)
    {
        var view = new MixedLe.View(buffer);
        switch (field)
        {
            case "U3":
                view.U3 = (byte)value;
                break;

            case "U13":
                view.U13 = (ushort)value;
                break;

            case "U19":
                view.U19 = (uint)value;
                break;

            case "S13":
                view.S13 = (short)value;
                break;

            case "U33":
                view.U33 = (ulong)value;
                break;

            case "Kind":
                view.Kind = (Proto3)value;
                break;

            case "Flag":
                view.Flag = (bool)value;
                break;

            case "S19":
                view.S19 = (int)value;
                break;

            case "S33":
                view.S33 = (long)value;
                break;

            case "Control":
                view.Control = (Ctl6)value;
                break;

            case "U24":
                view.U24 = (uint)value;
                break;

            case "Mac":
                view.Mac = (MacAddress)value;
                break;

            case "Source":
                view.Source = (IPv4Address)value;
                break;

            case "SourceLe":
                view.SourceLe = (IPv4Address)value;
                break;

            case "Destination":
                view.Destination = (IPv6Address)value;
                break;

            case "Hardware":
            {
                var block = (FixedBytes16)value;
                ((ReadOnlySpan<byte>)block).CopyTo(view.Hardware);
                break;
            }

            case "BigWord":
                view.BigWord = (ushort)value;
                break;

            case "BigLong":
                view.BigLong = (uint)value;
                break;

            case "Tail":
                view.Tail = (byte)value;
                break;

            case "MacLe":
                view.MacLe = (MacAddress)value;
                break;

            default:
                throw new ArgumentException(field, nameof(field));
        }
    }

    private static object Get(MixedLe.View view, string field) => field switch
    {
        "U3" => (object)view.U3,
        "U13" => (object)view.U13,
        "U19" => (object)view.U19,
        "S13" => (object)view.S13,
        "U33" => (object)view.U33,
        "Kind" => (object)view.Kind,
        "Flag" => (object)view.Flag,
        "S19" => (object)view.S19,
        "Version" => (object)view.Version,
        "S33" => (object)view.S33,
        "Control" => (object)view.Control,
        "U24" => (object)view.U24,
        "Mac" => (object)view.Mac,
        "Source" => (object)view.Source,
        "SourceLe" => (object)view.SourceLe,
        "Destination" => (object)view.Destination,
        "Hardware" => WireValues.Hex(view.Hardware),
        "BigWord" => (object)view.BigWord,
        "BigLong" => (object)view.BigLong,
        "Tail" => (object)view.Tail,
        "MacLe" => (object)view.MacLe,
        _ => throw new ArgumentException(field, nameof(field)),
    };

    private static object Get(MixedLe.ReadOnlyView view, string field) => field switch
    {
        "U3" => (object)view.U3,
        "U13" => (object)view.U13,
        "U19" => (object)view.U19,
        "S13" => (object)view.S13,
        "U33" => (object)view.U33,
        "Kind" => (object)view.Kind,
        "Flag" => (object)view.Flag,
        "S19" => (object)view.S19,
        "Version" => (object)view.Version,
        "S33" => (object)view.S33,
        "Control" => (object)view.Control,
        "U24" => (object)view.U24,
        "Mac" => (object)view.Mac,
        "Source" => (object)view.Source,
        "SourceLe" => (object)view.SourceLe,
        "Destination" => (object)view.Destination,
        "Hardware" => WireValues.Hex(view.Hardware),
        "BigWord" => (object)view.BigWord,
        "BigLong" => (object)view.BigLong,
        "Tail" => (object)view.Tail,
        "MacLe" => (object)view.MacLe,
        _ => throw new ArgumentException(field, nameof(field)),
    };
}

internal sealed class FullBeHarness : MessageHarness<FullBe>
{
    public static readonly FullBeHarness Instance = new();

    public override WireSpec Spec { get; } = new(
        "FullBe",
        "FullBe",
        ByteOrder.BigEndian,
        32,
        new("S8", WireKind.Signed, 8),
        new("U8", WireKind.Unsigned, 8),
        new("S16", WireKind.Signed, 16),
        new("U16", WireKind.Unsigned, 16) { Order = ByteOrder.LittleEndian },
        new("S32", WireKind.Signed, 32),
        new("U32", WireKind.Unsigned, 32),
        new("S64", WireKind.Signed, 64),
        new("U64", WireKind.Unsigned, 64) { Order = ByteOrder.LittleEndian },
        new("Proto", WireKind.Enum, 8),
        new("S7", WireKind.Signed, 7),
        new("Bit", WireKind.Bool, 1));

    protected override int SizeConstant => FullBe.Size;

    protected override int MinimumSizeConstant => FullBe.MinimumSize;

    protected override FullBe Read(ReadOnlySpan<byte> source) => FullBe.Read(source);

    protected override WriteResult Write(FullBe value, IBufferWriter<byte> writer) => value.Write(writer);

    protected override bool TryRead(ReadOnlySpan<byte> source, out FullBe value, out int bytesConsumed) => FullBe.TryRead(source, out value, out bytesConsumed);

    protected override bool TryWrite(FullBe value, Span<byte> destination, out int bytesWritten) => value.TryWrite(destination, out bytesWritten);

    protected override bool OperatorEquals(FullBe left, FullBe right) => left == right;

    protected override bool OperatorNotEquals(FullBe left, FullBe right) => left != right;

    protected override object ViewGet(Span<byte> buffer, string field) => Get(new FullBe.View(buffer), field);

    protected override object ReadOnlyViewGet(ReadOnlySpan<byte> buffer, string field) => Get(new FullBe.ReadOnlyView(buffer), field);

    protected override object DefaultViewGet(string field) => Get(default(FullBe.View), field);

    protected override object DefaultReadOnlyViewGet(string field) => Get(default(FullBe.ReadOnlyView), field);

    protected override bool ViewTryCreate(Span<byte> buffer) => FullBe.View.TryCreate(buffer, out _);

    protected override bool ReadOnlyViewTryCreate(ReadOnlySpan<byte> buffer) => FullBe.ReadOnlyView.TryCreate(buffer, out _);

    protected override void ViewConstruct(Span<byte> buffer) => _ = new FullBe.View(buffer);

    protected override void ReadOnlyViewConstruct(ReadOnlySpan<byte> buffer) => _ = new FullBe.ReadOnlyView(buffer);

    protected override int ViewBufferLength(Span<byte> buffer) => new FullBe.View(buffer).Buffer.Length;

    protected override ReadResult ViewTryRead(Span<byte> buffer, out FullBe value) => new FullBe.View(buffer).TryRead(out value);

    protected override ReadResult ReadOnlyViewTryRead(ReadOnlySpan<byte> buffer, out FullBe value) => new FullBe.ReadOnlyView(buffer).TryRead(out value);

    protected override ReadResult DefaultViewTryRead(out FullBe value) => default(FullBe.View).TryRead(out value);

    protected override void ViewSet(Span<byte> buffer, string field, object value)
    {
        var view = new FullBe.View(buffer);
        switch (field)
        {
            case "S8":
                view.S8 = (sbyte)value;
                break;

            case "U8":
                view.U8 = (byte)value;
                break;

            case "S16":
                view.S16 = (short)value;
                break;

            case "U16":
                view.U16 = (ushort)value;
                break;

            case "S32":
                view.S32 = (int)value;
                break;

            case "U32":
                view.U32 = (uint)value;
                break;

            case "S64":
                view.S64 = (long)value;
                break;

            case "U64":
                view.U64 = (ulong)value;
                break;

            case "Proto":
                view.Proto = (Proto3)value;
                break;

            case "S7":
                view.S7 = (sbyte)value;
                break;

            case "Bit":
                view.Bit = (bool)value;
                break;

            default:
                throw new ArgumentException(field, nameof(field));
        }
    }

    private static object Get(FullBe.View view, string field) => field switch
    {
        "S8" => (object)view.S8,
        "U8" => (object)view.U8,
        "S16" => (object)view.S16,
        "U16" => (object)view.U16,
        "S32" => (object)view.S32,
        "U32" => (object)view.U32,
        "S64" => (object)view.S64,
        "U64" => (object)view.U64,
        "Proto" => (object)view.Proto,
        "S7" => (object)view.S7,
        "Bit" => (object)view.Bit,
        _ => throw new ArgumentException(field, nameof(field)),
    };

    private static object Get(FullBe.ReadOnlyView view, string field) => field switch
    {
        "S8" => (object)view.S8,
        "U8" => (object)view.U8,
        "S16" => (object)view.S16,
        "U16" => (object)view.U16,
        "S32" => (object)view.S32,
        "U32" => (object)view.U32,
        "S64" => (object)view.S64,
        "U64" => (object)view.U64,
        "Proto" => (object)view.Proto,
        "S7" => (object)view.S7,
        "Bit" => (object)view.Bit,
        _ => throw new ArgumentException(field, nameof(field)),
    };
}

internal sealed class FullLeHarness : MessageHarness<FullLe>
{
    public static readonly FullLeHarness Instance = new();

    public override WireSpec Spec { get; } = new(
        "FullLe",
        "FullLe",
        ByteOrder.LittleEndian,
        32,
        new("S8", WireKind.Signed, 8),
        new("U8", WireKind.Unsigned, 8),
        new("S16", WireKind.Signed, 16),
        new("U16", WireKind.Unsigned, 16) { Order = ByteOrder.BigEndian },
        new("S32", WireKind.Signed, 32),
        new("U32", WireKind.Unsigned, 32),
        new("S64", WireKind.Signed, 64),
        new("U64", WireKind.Unsigned, 64) { Order = ByteOrder.BigEndian },
        new("Proto", WireKind.Enum, 8),
        new("S7", WireKind.Signed, 7),
        new("Bit", WireKind.Bool, 1));

    protected override int SizeConstant => FullLe.Size;

    protected override int MinimumSizeConstant => FullLe.MinimumSize;

    protected override FullLe Read(ReadOnlySpan<byte> source) => FullLe.Read(source);

    protected override WriteResult Write(FullLe value, IBufferWriter<byte> writer) => value.Write(writer);

    protected override bool TryRead(ReadOnlySpan<byte> source, out FullLe value, out int bytesConsumed) => FullLe.TryRead(source, out value, out bytesConsumed);

    protected override bool TryWrite(FullLe value, Span<byte> destination, out int bytesWritten) => value.TryWrite(destination, out bytesWritten);

    protected override bool OperatorEquals(FullLe left, FullLe right) => left == right;

    protected override bool OperatorNotEquals(FullLe left, FullLe right) => left != right;

    protected override object ViewGet(Span<byte> buffer, string field) => Get(new FullLe.View(buffer), field);

    protected override object ReadOnlyViewGet(ReadOnlySpan<byte> buffer, string field) => Get(new FullLe.ReadOnlyView(buffer), field);

    protected override object DefaultViewGet(string field) => Get(default(FullLe.View), field);

    protected override object DefaultReadOnlyViewGet(string field) => Get(default(FullLe.ReadOnlyView), field);

    protected override bool ViewTryCreate(Span<byte> buffer) => FullLe.View.TryCreate(buffer, out _);

    protected override bool ReadOnlyViewTryCreate(ReadOnlySpan<byte> buffer) => FullLe.ReadOnlyView.TryCreate(buffer, out _);

    protected override void ViewConstruct(Span<byte> buffer) => _ = new FullLe.View(buffer);

    protected override void ReadOnlyViewConstruct(ReadOnlySpan<byte> buffer) => _ = new FullLe.ReadOnlyView(buffer);

    protected override int ViewBufferLength(Span<byte> buffer) => new FullLe.View(buffer).Buffer.Length;

    protected override ReadResult ViewTryRead(Span<byte> buffer, out FullLe value) => new FullLe.View(buffer).TryRead(out value);

    protected override ReadResult ReadOnlyViewTryRead(ReadOnlySpan<byte> buffer, out FullLe value) => new FullLe.ReadOnlyView(buffer).TryRead(out value);

    protected override ReadResult DefaultViewTryRead(out FullLe value) => default(FullLe.View).TryRead(out value);

    protected override void ViewSet(Span<byte> buffer, string field, object value)
    {
        var view = new FullLe.View(buffer);
        switch (field)
        {
            case "S8":
                view.S8 = (sbyte)value;
                break;

            case "U8":
                view.U8 = (byte)value;
                break;

            case "S16":
                view.S16 = (short)value;
                break;

            case "U16":
                view.U16 = (ushort)value;
                break;

            case "S32":
                view.S32 = (int)value;
                break;

            case "U32":
                view.U32 = (uint)value;
                break;

            case "S64":
                view.S64 = (long)value;
                break;

            case "U64":
                view.U64 = (ulong)value;
                break;

            case "Proto":
                view.Proto = (Proto3)value;
                break;

            case "S7":
                view.S7 = (sbyte)value;
                break;

            case "Bit":
                view.Bit = (bool)value;
                break;

            default:
                throw new ArgumentException(field, nameof(field));
        }
    }

    private static object Get(FullLe.View view, string field) => field switch
    {
        "S8" => (object)view.S8,
        "U8" => (object)view.U8,
        "S16" => (object)view.S16,
        "U16" => (object)view.U16,
        "S32" => (object)view.S32,
        "U32" => (object)view.U32,
        "S64" => (object)view.S64,
        "U64" => (object)view.U64,
        "Proto" => (object)view.Proto,
        "S7" => (object)view.S7,
        "Bit" => (object)view.Bit,
        _ => throw new ArgumentException(field, nameof(field)),
    };

    private static object Get(FullLe.ReadOnlyView view, string field) => field switch
    {
        "S8" => (object)view.S8,
        "U8" => (object)view.U8,
        "S16" => (object)view.S16,
        "U16" => (object)view.U16,
        "S32" => (object)view.S32,
        "U32" => (object)view.U32,
        "S64" => (object)view.S64,
        "U64" => (object)view.U64,
        "Proto" => (object)view.Proto,
        "S7" => (object)view.S7,
        "Bit" => (object)view.Bit,
        _ => throw new ArgumentException(field, nameof(field)),
    };
}

internal sealed class EdgeBeHarness : MessageHarness<EdgeBe>
{
    public static readonly EdgeBeHarness Instance = new();

    public override WireSpec Spec { get; } = new(
        "EdgeBe",
        "EdgeBe",
        ByteOrder.BigEndian,
        35,
        new("B1", WireKind.Bool, 1),
        new("U63", WireKind.Unsigned, 63),
        new("N4", WireKind.Unsigned, 4),
        new("S64", WireKind.Signed, 64),
        new("M4", WireKind.Unsigned, 4),
        new("S57", WireKind.Signed, 57),
        new("U7", WireKind.Unsigned, 7),
        new("Reserved", WireKind.Reserved, 8) { Reject = true },
        new("Magic", WireKind.Unsigned, 64) { Constant = 0xDEADBEEFCAFEF00D },
        new("Reserved1", WireKind.Reserved, 2),
        new("U6", WireKind.Unsigned, 6));

    protected override int SizeConstant => EdgeBe.Size;

    protected override int MinimumSizeConstant => EdgeBe.MinimumSize;

    protected override EdgeBe Read(ReadOnlySpan<byte> source) => EdgeBe.Read(source);

    protected override WriteResult Write(EdgeBe value, IBufferWriter<byte> writer) => value.Write(writer);

    protected override bool TryRead(ReadOnlySpan<byte> source, out EdgeBe value, out int bytesConsumed) => EdgeBe.TryRead(source, out value, out bytesConsumed);

    protected override bool TryWrite(EdgeBe value, Span<byte> destination, out int bytesWritten) => value.TryWrite(destination, out bytesWritten);

    protected override bool OperatorEquals(EdgeBe left, EdgeBe right) => left == right;

    protected override bool OperatorNotEquals(EdgeBe left, EdgeBe right) => left != right;

    protected override object ViewGet(Span<byte> buffer, string field) => Get(new EdgeBe.View(buffer), field);

    protected override object ReadOnlyViewGet(ReadOnlySpan<byte> buffer, string field) => Get(new EdgeBe.ReadOnlyView(buffer), field);

    protected override object DefaultViewGet(string field) => Get(default(EdgeBe.View), field);

    protected override object DefaultReadOnlyViewGet(string field) => Get(default(EdgeBe.ReadOnlyView), field);

    protected override bool ViewTryCreate(Span<byte> buffer) => EdgeBe.View.TryCreate(buffer, out _);

    protected override bool ReadOnlyViewTryCreate(ReadOnlySpan<byte> buffer) => EdgeBe.ReadOnlyView.TryCreate(buffer, out _);

    protected override void ViewConstruct(Span<byte> buffer) => _ = new EdgeBe.View(buffer);

    protected override void ReadOnlyViewConstruct(ReadOnlySpan<byte> buffer) => _ = new EdgeBe.ReadOnlyView(buffer);

    protected override int ViewBufferLength(Span<byte> buffer) => new EdgeBe.View(buffer).Buffer.Length;

    protected override ReadResult ViewTryRead(Span<byte> buffer, out EdgeBe value) => new EdgeBe.View(buffer).TryRead(out value);

    protected override ReadResult ReadOnlyViewTryRead(ReadOnlySpan<byte> buffer, out EdgeBe value) => new EdgeBe.ReadOnlyView(buffer).TryRead(out value);

    protected override ReadResult DefaultViewTryRead(out EdgeBe value) => default(EdgeBe.View).TryRead(out value);

    protected override void ViewSet(Span<byte> buffer, string field, object value)
    {
        var view = new EdgeBe.View(buffer);
        switch (field)
        {
            case "B1":
                view.B1 = (bool)value;
                break;

            case "U63":
                view.U63 = (ulong)value;
                break;

            case "N4":
                view.N4 = (byte)value;
                break;

            case "S64":
                view.S64 = (long)value;
                break;

            case "M4":
                view.M4 = (byte)value;
                break;

            case "S57":
                view.S57 = (long)value;
                break;

            case "U7":
                view.U7 = (byte)value;
                break;

            case "U6":
                view.U6 = (byte)value;
                break;

            default:
                throw new ArgumentException(field, nameof(field));
        }
    }

    private static object Get(EdgeBe.View view, string field) => field switch
    {
        "B1" => (object)view.B1,
        "U63" => (object)view.U63,
        "N4" => (object)view.N4,
        "S64" => (object)view.S64,
        "M4" => (object)view.M4,
        "S57" => (object)view.S57,
        "U7" => (object)view.U7,
        "Magic" => (object)view.Magic,
        "U6" => (object)view.U6,
        _ => throw new ArgumentException(field, nameof(field)),
    };

    private static object Get(EdgeBe.ReadOnlyView view, string field) => field switch
    {
        "B1" => (object)view.B1,
        "U63" => (object)view.U63,
        "N4" => (object)view.N4,
        "S64" => (object)view.S64,
        "M4" => (object)view.M4,
        "S57" => (object)view.S57,
        "U7" => (object)view.U7,
        "Magic" => (object)view.Magic,
        "U6" => (object)view.U6,
        _ => throw new ArgumentException(field, nameof(field)),
    };
}

internal sealed class EdgeLeHarness : MessageHarness<EdgeLe>
{
    public static readonly EdgeLeHarness Instance = new();

    public override WireSpec Spec { get; } = new(
        "EdgeLe",
        "EdgeLe",
        ByteOrder.LittleEndian,
        35,
        new("B1", WireKind.Bool, 1),
        new("U63", WireKind.Unsigned, 63),
        new("N4", WireKind.Unsigned, 4),
        new("S64", WireKind.Signed, 64),
        new("M4", WireKind.Unsigned, 4),
        new("S57", WireKind.Signed, 57),
        new("U7", WireKind.Unsigned, 7),
        new("Reserved", WireKind.Reserved, 8) { Reject = true },
        new("Magic", WireKind.Unsigned, 64) { Constant = 0xDEADBEEFCAFEF00D },
        new("Reserved1", WireKind.Reserved, 2),
        new("U6", WireKind.Unsigned, 6));

    protected override int SizeConstant => EdgeLe.Size;

    protected override int MinimumSizeConstant => EdgeLe.MinimumSize;

    protected override EdgeLe Read(ReadOnlySpan<byte> source) => EdgeLe.Read(source);

    protected override WriteResult Write(EdgeLe value, IBufferWriter<byte> writer) => value.Write(writer);

    protected override bool TryRead(ReadOnlySpan<byte> source, out EdgeLe value, out int bytesConsumed) => EdgeLe.TryRead(source, out value, out bytesConsumed);

    protected override bool TryWrite(EdgeLe value, Span<byte> destination, out int bytesWritten) => value.TryWrite(destination, out bytesWritten);

    protected override bool OperatorEquals(EdgeLe left, EdgeLe right) => left == right;

    protected override bool OperatorNotEquals(EdgeLe left, EdgeLe right) => left != right;

    protected override object ViewGet(Span<byte> buffer, string field) => Get(new EdgeLe.View(buffer), field);

    protected override object ReadOnlyViewGet(ReadOnlySpan<byte> buffer, string field) => Get(new EdgeLe.ReadOnlyView(buffer), field);

    protected override object DefaultViewGet(string field) => Get(default(EdgeLe.View), field);

    protected override object DefaultReadOnlyViewGet(string field) => Get(default(EdgeLe.ReadOnlyView), field);

    protected override bool ViewTryCreate(Span<byte> buffer) => EdgeLe.View.TryCreate(buffer, out _);

    protected override bool ReadOnlyViewTryCreate(ReadOnlySpan<byte> buffer) => EdgeLe.ReadOnlyView.TryCreate(buffer, out _);

    protected override void ViewConstruct(Span<byte> buffer) => _ = new EdgeLe.View(buffer);

    protected override void ReadOnlyViewConstruct(ReadOnlySpan<byte> buffer) => _ = new EdgeLe.ReadOnlyView(buffer);

    protected override int ViewBufferLength(Span<byte> buffer) => new EdgeLe.View(buffer).Buffer.Length;

    protected override ReadResult ViewTryRead(Span<byte> buffer, out EdgeLe value) => new EdgeLe.View(buffer).TryRead(out value);

    protected override ReadResult ReadOnlyViewTryRead(ReadOnlySpan<byte> buffer, out EdgeLe value) => new EdgeLe.ReadOnlyView(buffer).TryRead(out value);

    protected override ReadResult DefaultViewTryRead(out EdgeLe value) => default(EdgeLe.View).TryRead(out value);

    protected override void ViewSet(Span<byte> buffer, string field, object value)
    {
        var view = new EdgeLe.View(buffer);
        switch (field)
        {
            case "B1":
                view.B1 = (bool)value;
                break;

            case "U63":
                view.U63 = (ulong)value;
                break;

            case "N4":
                view.N4 = (byte)value;
                break;

            case "S64":
                view.S64 = (long)value;
                break;

            case "M4":
                view.M4 = (byte)value;
                break;

            case "S57":
                view.S57 = (long)value;
                break;

            case "U7":
                view.U7 = (byte)value;
                break;

            case "U6":
                view.U6 = (byte)value;
                break;

            default:
                throw new ArgumentException(field, nameof(field));
        }
    }

    private static object Get(EdgeLe.View view, string field) => field switch
    {
        "B1" => (object)view.B1,
        "U63" => (object)view.U63,
        "N4" => (object)view.N4,
        "S64" => (object)view.S64,
        "M4" => (object)view.M4,
        "S57" => (object)view.S57,
        "U7" => (object)view.U7,
        "Magic" => (object)view.Magic,
        "U6" => (object)view.U6,
        _ => throw new ArgumentException(field, nameof(field)),
    };

    private static object Get(EdgeLe.ReadOnlyView view, string field) => field switch
    {
        "B1" => (object)view.B1,
        "U63" => (object)view.U63,
        "N4" => (object)view.N4,
        "S64" => (object)view.S64,
        "M4" => (object)view.M4,
        "S57" => (object)view.S57,
        "U7" => (object)view.U7,
        "Magic" => (object)view.Magic,
        "U6" => (object)view.U6,
        _ => throw new ArgumentException(field, nameof(field)),
    };
}
