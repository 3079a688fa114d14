using System.Buffers;

namespace Codec.Runtime.Tests.Generated.Variable;

// The per-message part of the variable-length checks: the expected layout (written by hand from the definitions in
// VariableTestMessages.cs) and the members generic code cannot reach.

internal static class VarHarnesses
{
    public static IVarHarness Get(string name) => name switch
    {
        "VarTlv" => VarTlvHarness.Instance,
        "VarOptions" => VarOptionsHarness.Instance,
        "VarFramed" => VarFramedHarness.Instance,
        "VarRecordLe" => VarRecordLeHarness.Instance,
        "VarLateLength" => VarLateLengthHarness.Instance,
        "VarTwoSpans" => VarTwoSpansHarness.Instance,
        _ => throw new ArgumentException(name, nameof(name)),
    };

    /// <summary>The messages (a)–(d) of the brief, whose checks are expected to pass.</summary>
    public static TheoryData<string> All => new() { "VarTlv", "VarOptions", "VarFramed", "VarRecordLe" };

}

internal sealed class VarTlvHarness : VarHarness<VarTlv>
{
    public static readonly VarTlvHarness Instance = new();

    public override VarSpec Spec { get; } = new(
        "VarTlv",
        "TLV Test",
        ByteOrder.BigEndian,
        2,
        VarItem.Field("Kind", 8, 8),
        VarItem.Field("Length", 8, 8),
        VarItem.Span("Value", "Length"));

    protected override int MinimumSizeConstant => VarTlv.MinimumSize;

    protected override VarTlv Build(VarValue v) => new() { Kind = (byte)v["Kind"], Length = (byte)v["Length"], Value = v.Spans["Value"] };

    protected override VarValue Extract(VarTlv m) => new VarValue().With("Kind", m.Kind).With("Length", m.Length).WithSpan("Value", m.Value.ToArray());

    protected override ReadOnlySpan<byte> SpanOf(VarTlv m, string name) => name switch { "Value" => m.Value, _ => throw new ArgumentException(name, nameof(name)) };

    protected override VarTlv ReadOrThrow(ReadOnlySpan<byte> source) => VarTlv.Read(source);

    protected override bool TryReadOut(ReadOnlySpan<byte> source, out VarTlv value, out int bytesConsumed) => VarTlv.TryRead(source, out value, out bytesConsumed);

    protected override bool TryWriteOut(VarTlv value, Span<byte> destination, out int bytesWritten) => value.TryWrite(destination, out bytesWritten);

    protected override WriteResult WriteTo(VarTlv value, IBufferWriter<byte> writer) => value.Write(writer);

    protected override bool OperatorEquals(VarTlv left, VarTlv right) => left == right;

    protected override bool OperatorNotEquals(VarTlv left, VarTlv right) => left != right;

    protected override bool EqualsMethod(VarTlv left, VarTlv right) => left.Equals(right);

    protected override bool EqualsObject(VarTlv left, object? right) => left.Equals(right);

    protected override int HashOf(VarTlv value) => value.GetHashCode();

    protected override string StringOf(VarTlv value) => value.ToString();
}

internal sealed class VarOptionsHarness : VarHarness<VarOptions>
{
    public static readonly VarOptionsHarness Instance = new();

    public override VarSpec Spec { get; } = new(
        "VarOptions",
        "Options Test",
        ByteOrder.BigEndian,
        9,
        VarItem.Field("Words", 4, 8),
        VarItem.Field("Flags", 4, 8),
        VarItem.Field("Id", 16, 16),
        VarItem.Span("Options", "Words", scale: 4, offset: -4),
        VarItem.Field("Trailer", 32, 32),
        VarItem.Field("X", 3, 8),
        VarItem.Field("Y", 13, 16),
        VarItem.Rest("Rest"));

    protected override int MinimumSizeConstant => VarOptions.MinimumSize;

    protected override VarOptions Build(VarValue v) => new() { Words = (byte)v["Words"], Flags = (byte)v["Flags"], Id = (ushort)v["Id"], Trailer = (uint)v["Trailer"], X = (byte)v["X"], Y = (ushort)v["Y"], Options = v.Spans["Options"], Rest = v.Spans["Rest"] };

    protected override VarValue Extract(VarOptions m) => new VarValue().With("Words", m.Words).With("Flags", m.Flags).With("Id", m.Id).With("Trailer", m.Trailer).With("X", m.X).With("Y", m.Y).WithSpan("Options", m.Options.ToArray()).WithSpan("Rest", m.Rest.ToArray());

    protected override ReadOnlySpan<byte> SpanOf(VarOptions m, string name) => name switch { "Options" => m.Options, "Rest" => m.Rest, _ => throw new ArgumentException(name, nameof(name)) };

    protected override VarOptions ReadOrThrow(ReadOnlySpan<byte> source) => VarOptions.Read(source);

    protected override bool TryReadOut(ReadOnlySpan<byte> source, out VarOptions value, out int bytesConsumed) => VarOptions.TryRead(source, out value, out bytesConsumed);

    protected override bool TryWriteOut(VarOptions value, Span<byte> destination, out int bytesWritten) => value.TryWrite(destination, out bytesWritten);

    protected override WriteResult WriteTo(VarOptions value, IBufferWriter<byte> writer) => value.Write(writer);

    protected override bool OperatorEquals(VarOptions left, VarOptions right) => left == right;

    protected override bool OperatorNotEquals(VarOptions left, VarOptions right) => left != right;

    protected override bool EqualsMethod(VarOptions left, VarOptions right) => left.Equals(right);

    protected override bool EqualsObject(VarOptions left, object? right) => left.Equals(right);

    protected override int HashOf(VarOptions value) => value.GetHashCode();

    protected override string StringOf(VarOptions value) => value.ToString();
}

internal sealed class VarFramedHarness : VarHarness<VarFramed>
{
    public static readonly VarFramedHarness Instance = new();

    public override VarSpec Spec { get; } = new(
        "VarFramed",
        "Framed Test",
        ByteOrder.BigEndian,
        6,
        VarItem.Field("Version", 4, 8),
        VarItem.MessageLengthField("Words", 12, 16, scale: 4),
        VarItem.Field("ExtLength", 8, 8, label: "Extension Length"),
        VarItem.Field("Tag", 8, 8),
        VarItem.Span("Ext", "ExtLength", scale: 2),
        VarItem.Field("Check", 16, 16),
        VarItem.Rest("Payload"));

    protected override int MinimumSizeConstant => VarFramed.MinimumSize;

    protected override VarFramed Build(VarValue v) => new() { Version = (byte)v["Version"], Words = (ushort)v["Words"], ExtLength = (byte)v["ExtLength"], Tag = (byte)v["Tag"], Check = (ushort)v["Check"], Ext = v.Spans["Ext"], Payload = v.Spans["Payload"] };

    protected override VarValue Extract(VarFramed m) => new VarValue().With("Version", m.Version).With("Words", m.Words).With("ExtLength", m.ExtLength).With("Tag", m.Tag).With("Check", m.Check).WithSpan("Ext", m.Ext.ToArray()).WithSpan("Payload", m.Payload.ToArray());

    protected override ReadOnlySpan<byte> SpanOf(VarFramed m, string name) => name switch { "Ext" => m.Ext, "Payload" => m.Payload, _ => throw new ArgumentException(name, nameof(name)) };

    protected override VarFramed ReadOrThrow(ReadOnlySpan<byte> source) => VarFramed.Read(source);

    protected override bool TryReadOut(ReadOnlySpan<byte> source, out VarFramed value, out int bytesConsumed) => VarFramed.TryRead(source, out value, out bytesConsumed);

    protected override bool TryWriteOut(VarFramed value, Span<byte> destination, out int bytesWritten) => value.TryWrite(destination, out bytesWritten);

    protected override WriteResult WriteTo(VarFramed value, IBufferWriter<byte> writer) => value.Write(writer);

    protected override bool OperatorEquals(VarFramed left, VarFramed right) => left == right;

    protected override bool OperatorNotEquals(VarFramed left, VarFramed right) => left != right;

    protected override bool EqualsMethod(VarFramed left, VarFramed right) => left.Equals(right);

    protected override bool EqualsObject(VarFramed left, object? right) => left.Equals(right);

    protected override int HashOf(VarFramed value) => value.GetHashCode();

    protected override string StringOf(VarFramed value) => value.ToString();
}

internal sealed class VarRecordLeHarness : VarHarness<VarRecordLe>
{
    public static readonly VarRecordLeHarness Instance = new();

    public override VarSpec Spec { get; } = new(
        "VarRecordLe",
        "Little-Endian Record Test",
        ByteOrder.LittleEndian,
        10,
        VarItem.Field("Kind", 4, 8),
        VarItem.Field("Seq", 12, 16),
        VarItem.Field("Length", 16, 16),
        VarItem.Span("Data", "Length"),
        VarItem.Field("Low", 5, 8),
        VarItem.Field("High", 11, 16),
        VarItem.Field("Crc", 32, 32));

    protected override int MinimumSizeConstant => VarRecordLe.MinimumSize;

    protected override VarRecordLe Build(VarValue v) => new() { Kind = (byte)v["Kind"], Seq = (ushort)v["Seq"], Length = (ushort)v["Length"], Low = (byte)v["Low"], High = (ushort)v["High"], Crc = (uint)v["Crc"], Data = v.Spans["Data"] };

    protected override VarValue Extract(VarRecordLe m) => new VarValue().With("Kind", m.Kind).With("Seq", m.Seq).With("Length", m.Length).With("Low", m.Low).With("High", m.High).With("Crc", m.Crc).WithSpan("Data", m.Data.ToArray());

    protected override ReadOnlySpan<byte> SpanOf(VarRecordLe m, string name) => name switch { "Data" => m.Data, _ => throw new ArgumentException(name, nameof(name)) };

    protected override VarRecordLe ReadOrThrow(ReadOnlySpan<byte> source) => VarRecordLe.Read(source);

    protected override bool TryReadOut(ReadOnlySpan<byte> source, out VarRecordLe value, out int bytesConsumed) => VarRecordLe.TryRead(source, out value, out bytesConsumed);

    protected override bool TryWriteOut(VarRecordLe value, Span<byte> destination, out int bytesWritten) => value.TryWrite(destination, out bytesWritten);

    protected override WriteResult WriteTo(VarRecordLe value, IBufferWriter<byte> writer) => value.Write(writer);

    protected override bool OperatorEquals(VarRecordLe left, VarRecordLe right) => left == right;

    protected override bool OperatorNotEquals(VarRecordLe left, VarRecordLe right) => left != right;

    protected override bool EqualsMethod(VarRecordLe left, VarRecordLe right) => left.Equals(right);

    protected override bool EqualsObject(VarRecordLe left, object? right) => left.Equals(right);

    protected override int HashOf(VarRecordLe value) => value.GetHashCode();

    protected override string StringOf(VarRecordLe value) => value.ToString();
}

internal sealed class VarLateLengthHarness : VarHarness<VarLateLength>
{
    public static readonly VarLateLengthHarness Instance = new();

    public override VarSpec Spec { get; } = new(
        "VarLateLength",
        "Late Length Test",
        ByteOrder.BigEndian,
        3,
        VarItem.Field("HeadLength", 8, 8, label: "Head Length"),
        VarItem.Span("Head", "HeadLength"),
        VarItem.MessageLengthField("Total", 16, 16),
        VarItem.Rest("Body"));

    protected override int MinimumSizeConstant => VarLateLength.MinimumSize;

    protected override VarLateLength Build(VarValue v) => new() { HeadLength = (byte)v["HeadLength"], Total = (ushort)v["Total"], Head = v.Spans["Head"], Body = v.Spans["Body"] };

    protected override VarValue Extract(VarLateLength m) => new VarValue().With("HeadLength", m.HeadLength).With("Total", m.Total).WithSpan("Head", m.Head.ToArray()).WithSpan("Body", m.Body.ToArray());

    protected override ReadOnlySpan<byte> SpanOf(VarLateLength m, string name) => name switch { "Head" => m.Head, "Body" => m.Body, _ => throw new ArgumentException(name, nameof(name)) };

    protected override VarLateLength ReadOrThrow(ReadOnlySpan<byte> source) => VarLateLength.Read(source);

    protected override bool TryReadOut(ReadOnlySpan<byte> source, out VarLateLength value, out int bytesConsumed) => VarLateLength.TryRead(source, out value, out bytesConsumed);

    protected override bool TryWriteOut(VarLateLength value, Span<byte> destination, out int bytesWritten) => value.TryWrite(destination, out bytesWritten);

    protected override WriteResult WriteTo(VarLateLength value, IBufferWriter<byte> writer) => value.Write(writer);

    protected override bool OperatorEquals(VarLateLength left, VarLateLength right) => left == right;

    protected override bool OperatorNotEquals(VarLateLength left, VarLateLength right) => left != right;

    protected override bool EqualsMethod(VarLateLength left, VarLateLength right) => left.Equals(right);

    protected override bool EqualsObject(VarLateLength left, object? right) => left.Equals(right);

    protected override int HashOf(VarLateLength value) => value.GetHashCode();

    protected override string StringOf(VarLateLength value) => value.ToString();
}

internal sealed class VarTwoSpansHarness : VarHarness<VarTwoSpans>
{
    public static readonly VarTwoSpansHarness Instance = new();

    public override VarSpec Spec { get; } = new(
        "VarTwoSpans",
        "Two Spans Test",
        ByteOrder.BigEndian,
        2,
        VarItem.Field("FirstLength", 8, 8, label: "First Length"),
        VarItem.Span("First", "FirstLength"),
        VarItem.Field("SecondLength", 8, 8, label: "Second Length"),
        VarItem.Span("Second", "SecondLength"));

    protected override int MinimumSizeConstant => VarTwoSpans.MinimumSize;

    protected override VarTwoSpans Build(VarValue v) => new() { FirstLength = (byte)v["FirstLength"], First = v.Spans["First"], SecondLength = (byte)v["SecondLength"], Second = v.Spans["Second"] };

    protected override VarValue Extract(VarTwoSpans m) => new VarValue().With("FirstLength", m.FirstLength).With("SecondLength", m.SecondLength).WithSpan("First", m.First.ToArray()).WithSpan("Second", m.Second.ToArray());

    protected override ReadOnlySpan<byte> SpanOf(VarTwoSpans m, string name) => name switch { "First" => m.First, "Second" => m.Second, _ => throw new ArgumentException(name, nameof(name)) };

    protected override VarTwoSpans ReadOrThrow(ReadOnlySpan<byte> source) => VarTwoSpans.Read(source);

    protected override bool TryReadOut(ReadOnlySpan<byte> source, out VarTwoSpans value, out int bytesConsumed) => VarTwoSpans.TryRead(source, out value, out bytesConsumed);

    protected override bool TryWriteOut(VarTwoSpans value, Span<byte> destination, out int bytesWritten) => value.TryWrite(destination, out bytesWritten);

    protected override WriteResult WriteTo(VarTwoSpans value, IBufferWriter<byte> writer) => value.Write(writer);

    protected override bool OperatorEquals(VarTwoSpans left, VarTwoSpans right) => left == right;

    protected override bool OperatorNotEquals(VarTwoSpans left, VarTwoSpans right) => left != right;

    protected override bool EqualsMethod(VarTwoSpans left, VarTwoSpans right) => left.Equals(right);

    protected override bool EqualsObject(VarTwoSpans left, object? right) => left.Equals(right);

    protected override int HashOf(VarTwoSpans value) => value.GetHashCode();

    protected override string StringOf(VarTwoSpans value) => value.ToString();
}
