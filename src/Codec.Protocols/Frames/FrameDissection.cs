namespace Codec.Protocols.Frames;

/// <summary>A frame taken apart layer by layer: each layer's dissection, placed at its offset in the frame.</summary>
public sealed class FrameDissection
{
    /// <summary>Creates a frame dissection.</summary>
    public FrameDissection(int length, IReadOnlyList<FrameLayer> layers, int originalLength = -1)
    {
        Length = length;
        Layers = layers;
        OriginalLength = originalLength < 0 ? length : originalLength;
    }

    /// <summary>Bytes in the frame as captured.</summary>
    public int Length { get; }

    /// <summary>Bytes the frame had on the wire (more than <see cref="Length"/> when the capture cut it short).</summary>
    public int OriginalLength { get; }

    /// <summary>The layers read, outermost first.</summary>
    public IReadOnlyList<FrameLayer> Layers { get; }

    /// <summary>Whether every layer was read.</summary>
    public bool IsValid => Layers.All(l => l.IsValid);

    /// <summary>The first layer that failed, if any.</summary>
    public FrameLayer? FirstError => Layers.FirstOrDefault(l => !l.IsValid);

    /// <summary>The first layer named <paramref name="name"/> (<c>ipv4</c>, <c>tcp</c>, …), or <c>null</c>.</summary>
    public FrameLayer? this[string name] => Layers.FirstOrDefault(l => l.Name == name);
}
