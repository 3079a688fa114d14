using System.Globalization;
using System.Text.Json.Nodes;

namespace Codec.Protocols.Frames;

/// <summary>
/// The state of one frame's walk: the frame, the layers found so far, and whether the capture cut the frame short
/// (then a length past the end is truncation by the capture, not a malformed packet). One partial file per layer family.
/// </summary>
internal ref partial struct FrameWalk
{
    private readonly ReadOnlySpan<byte> _frame;
    private readonly List<FrameLayer> _layers;
    private readonly FrameDissectorOptions _options;
    private readonly int _originalLength;

    public FrameWalk(ReadOnlySpan<byte> frame, int originalLength, FrameDissectorOptions options)
    {
        _frame = frame;
        _originalLength = originalLength;
        _options = options;
        _layers = [];
    }

    /// <summary>Whether the capture kept fewer bytes than the frame had.</summary>
    private readonly bool Snapped => _originalLength > _frame.Length;

    public readonly FrameDissection Complete() => new(_frame.Length, _layers, _originalLength);

    private readonly void Add(string name, MessageDissection dissection, int offset, CodecError? failure = null, JsonObject? values = null) =>
        _layers.Add(new FrameLayer(name, dissection.At(offset), failure, values));

    /// <summary>Bytes from <paramref name="offset"/> to <paramref name="end"/> as one "data" layer.</summary>
    public readonly void Data(int offset, int end, string? note = null)
    {
        if (end <= offset)
        {
            return;
        }

        var builder = new DissectionBuilder("Data", "Data", ByteOrder.BigEndian);
        ReadOnlySpan<byte> data = _frame[offset..end];
        builder.Add("Data", "Data", 0, data.Length * 8, null, DissectionText.Hex(data), FieldKind.Bytes);
        MessageDissection dissection = builder.Complete(ReadResult.Done(data.Length));
        if (note is not null)
        {
            dissection = dissection.Annotate("Note", note);
        }

        Add("data", dissection, offset);
    }

    /// <summary>The same dissection covering <paramref name="length"/> bytes: a fixed header's dissection stretched over the options that follow it.</summary>
    private static MessageDissection WithLength(MessageDissection dissection, int length) =>
        new(dissection.Protocol, dissection.TypeName, dissection.Fields, ReadResult.Done(length), dissection.ByteOrder, dissection.Offset, dissection.Annotations);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Hex16(ushort value) => "0x" + value.ToString("x4", CultureInfo.InvariantCulture);
}
