namespace Codec.Protocols.Frames;

/// <summary>A frame taken apart layer by layer: each layer's dissection, placed at its offset in the frame.</summary>
public sealed class FrameDissection
{
    /// <summary>Creates a frame dissection.</summary>
    public FrameDissection(int length, IReadOnlyList<MessageDissection> layers)
    {
        Length = length;
        Layers = layers;
    }

    /// <summary>Bytes in the frame.</summary>
    public int Length { get; }

    /// <summary>The layers read, outermost first.</summary>
    public IReadOnlyList<MessageDissection> Layers { get; }

    /// <summary>Whether every layer was read.</summary>
    public bool IsValid => Layers.All(l => l.Result.IsDone);

    /// <summary>The first error, if any layer failed.</summary>
    public MessageDissection? FirstError => Layers.FirstOrDefault(l => !l.Result.IsDone);
}
