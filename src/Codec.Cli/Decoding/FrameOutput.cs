using System.Globalization;
using System.Text;
using System.Text.Json;
using Codec.Protocols.Frames;

namespace Codec.Cli.Decoding;

/// <summary>Prints a dissected frame as a tshark-like tree or as one JSON line.</summary>
internal static class FrameOutput
{
    public static string Format(FrameDissection frame, int frameNumber, OutputFormat format) =>
        format == OutputFormat.Json ? Json(frame, frameNumber) : Text(frame, frameNumber);

    private static string Text(FrameDissection frame, int frameNumber)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Frame {frameNumber}: {frame.Length} bytes\n");
        foreach (var layer in frame.Layers)
        {
            DissectionText.Write(sb, layer);
        }

        sb.Append('\n');
        return sb.ToString();
    }

    private static string Json(FrameDissection frame, int frameNumber)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("frame", frameNumber);
            writer.WriteString("status", frame.IsValid ? "ok" : "invalid");
            if (frame.FirstError is { } failed)
            {
                DissectionJson.WriteError(writer, failed.Result.Error);
            }

            writer.WriteStartArray("layers");
            foreach (var layer in frame.Layers)
            {
                DissectionJson.Write(writer, layer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
