using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Codec.Protocols.Frames;

namespace Codec.Cli.Decoding;

/// <summary>Prints a dissected frame as a tshark-like tree or as one JSON line.</summary>
internal static class FrameOutput
{
    public static string Format(FrameDissection frame, long frameNumber, OutputFormat format) =>
        format == OutputFormat.Json ? Json(frame, frameNumber) : Text(frame, frameNumber);

    /// <summary>tshark -V's shape: a frame line, then each layer's fields, its checksum status and any error.</summary>
    public static string Text(FrameDissection frame, long frameNumber)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Frame {frameNumber}: {frame.OriginalLength} bytes on wire ({frame.OriginalLength * 8} bits), {frame.Length} bytes captured ({frame.Length * 8} bits)\n");
        sb.Append("    [Protocols in frame: ").AppendJoin(':', frame.Layers.Select(l => l.Name)).Append("]\n");
        foreach (FrameLayer layer in frame.Layers)
        {
            DissectionText.Write(sb, layer.Dissection);
            if (layer.Failure is { } failure)
            {
                sb.Append("    [Error: ").Append(layer.Status).Append(", ").Append(failure).Append("]\n");
            }
        }

        if (frame.FirstError is { } failed)
        {
            sb.Append(CultureInfo.InvariantCulture, $"[Malformed frame: {failed.Name} at frame byte {failed.Offset + failed.Error!.Value.ByteOffset}: {failed.Error}]\n");
        }

        sb.Append('\n');
        return sb.ToString();
    }

    /// <summary>One JSON object: frame, status, error (when invalid) and the layers with their snake_case fields.</summary>
    public static string Json(FrameDissection frame, long frameNumber)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("frame", frameNumber);
            writer.WriteString("status", frame.IsValid ? "ok" : "invalid");
            if (frame.FirstError is { Error: { } error } failed)
            {
                writer.WriteStartObject("error");
                writer.WriteString("layer", failed.Name);
                writer.WriteString("kind", DissectionJson.SnakeCase(error.Kind.ToString()));
                if (error.Field is not null)
                {
                    writer.WriteString("field", DissectionJson.SnakeCase(error.Field));
                }

                writer.WriteNumber("offset", failed.Offset + error.ByteOffset);
                writer.WriteString("reason", error.ToString());
                writer.WriteEndObject();
            }

            writer.WriteStartArray("layers");
            foreach (FrameLayer layer in frame.Layers)
            {
                writer.WriteStartObject();
                writer.WriteString("protocol", layer.Name);
                writer.WriteNumber("offset", layer.Offset);
                writer.WriteNumber("length", layer.Length);
                writer.WritePropertyName("fields");
                Fields(layer).WriteTo(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The generated fields by snake_case member name (not their dotted parts), then the annotations, then the layer's structured values (which win).</summary>
    private static JsonObject Fields(FrameLayer layer)
    {
        var fields = new JsonObject();
        foreach (FieldDissection field in layer.Dissection.Fields)
        {
            if (field.Name.Contains('.', StringComparison.Ordinal))
            {
                continue; // a part of a field (an option, a union's case): the layer's structured values show it
            }

            fields[DissectionJson.SnakeCase(field.Name)] = field.Kind switch
            {
                FieldKind.Boolean => JsonValue.Create(field.Value is ulong bit && bit != 0),
                FieldKind.SignedInteger when field.Value is ulong raw => JsonValue.Create(WireBits.SignExtend(raw, field.BitLength)),
                FieldKind.Integer or FieldKind.Enum or FieldKind.Reserved when field.Value is ulong value => JsonValue.Create(value),
                _ => JsonValue.Create(field.Display),
            };
        }

        foreach (var annotation in layer.Annotations)
        {
            fields[annotation.Key.ToLowerInvariant().Replace(' ', '_').Replace('-', '_')] = annotation.Value;
        }

        if (layer.Values is { } values)
        {
            foreach (var (key, value) in values)
            {
                fields[key] = value?.DeepClone();
            }
        }

        return fields;
    }
}
