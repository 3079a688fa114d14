using System.Text.Json.Nodes;

namespace Codec.Protocols.Frames;

/// <summary>
/// One layer of a dissected frame: the generated dissection of its header, placed at its offset in the frame, under a
/// short protocol name (<c>ethernet</c>, <c>vlan</c>, <c>ipv4</c>, <c>tcp</c>, …), with what the frame walk found
/// beyond the fields (a length that contradicts the frame, a structured value for JSON).
/// </summary>
public sealed class FrameLayer
{
    /// <summary>Creates a layer.</summary>
    public FrameLayer(string name, MessageDissection dissection, CodecError? failure = null, JsonObject? values = null)
    {
        Name = name;
        Dissection = dissection;
        Failure = failure;
        Values = values;
    }

    /// <summary>The short protocol name JSON shows (<c>ipv4</c>, <c>udp</c>, …).</summary>
    public string Name { get; }

    /// <summary>The fields as the generated code read them.</summary>
    public MessageDissection Dissection { get; }

    /// <summary>
    /// What makes the layer malformed although its fixed fields read well (an IHL below 5, a total length past the
    /// frame), offsets counted from the layer's start; <c>null</c> when only <see cref="Dissection"/> decides.
    /// </summary>
    public CodecError? Failure { get; }

    /// <summary>Structured values that JSON adds to (or puts in place of) the fields: TCP flags, DNS records, checksum status.</summary>
    public JsonObject? Values { get; }

    /// <summary>The protocol's display name.</summary>
    public string Protocol => Dissection.Protocol;

    /// <summary>Byte offset of the layer in the frame.</summary>
    public int Offset => Dissection.Offset;

    /// <summary>Bytes the layer's header (or message) occupies; 0 when it could not be read.</summary>
    public int Length => Dissection.Length;

    /// <summary>Facts beyond the fields (checksum status, …) as text shows them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Annotations => Dissection.Annotations;

    /// <summary>Whether the layer was read without error.</summary>
    public bool IsValid => Failure is null && Dissection.Result.IsDone;

    /// <summary>The error (offsets from the start of the layer), when not <see cref="IsValid"/>.</summary>
    public CodecError? Error => Failure ?? (Dissection.Result.IsDone ? null : Dissection.Result.Error);

    /// <summary>NeedMoreData, InvalidData, or Done.</summary>
    public CodecStatus Status => Failure is { Kind: CodecErrorKind.Truncated } ? CodecStatus.NeedMoreData : Failure is not null ? CodecStatus.InvalidData : Dissection.Result.Status;

    /// <summary>The annotation named <paramref name="key"/>, or <c>null</c>.</summary>
    public string? Annotation(string key)
    {
        foreach (var annotation in Annotations)
        {
            if (annotation.Key == key)
            {
                return annotation.Value;
            }
        }

        return null;
    }
}
