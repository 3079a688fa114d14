using System.Text;
using Codec.Protocols.Frames;

namespace Codec.Protocols.Tests.Infrastructure;

/// <summary>A frame's layers as the text dissection shows them (for snapshots).</summary>
internal static class FrameText
{
    public static string Of(FrameDissection frame)
    {
        var text = new StringBuilder();
        text.Append("[Protocols: ").AppendJoin(':', frame.Layers.Select(l => l.Name)).Append("]\n");
        foreach (FrameLayer layer in frame.Layers)
        {
            DissectionText.Write(text, layer.Dissection);
            if (layer.Failure is { } failure)
            {
                text.Append("    [Error: ").Append(failure).Append("]\n");
            }
        }

        return text.ToString();
    }
}
