using System.Text;
using System.Text.Json;

namespace Codec;

/// <summary>Writes dissections as JSON with <see cref="Utf8JsonWriter"/> (no reflection): keys are snake_case member names.</summary>
public static class DissectionJson
{
    /// <summary>Writes <paramref name="dissection"/> as one JSON object (a "layer").</summary>
    public static void Write(Utf8JsonWriter writer, MessageDissection dissection)
    {
        writer.WriteStartObject();
        writer.WriteString("protocol", dissection.Protocol);
        writer.WriteString("type", dissection.TypeName);
        writer.WriteNumber("offset", dissection.Offset);
        writer.WriteNumber("length", dissection.Length);
        writer.WriteString("status", StatusName(dissection.Result.Status));
        if (!dissection.Result.IsDone)
        {
            WriteError(writer, dissection.Result.Error);
        }

        writer.WriteStartObject("fields");
        foreach (var field in dissection.Fields)
        {
            string key = SnakeCase(field.Name);
            switch (field.Kind)
            {
                case FieldKind.Boolean:
                    writer.WriteBoolean(key, field.Value is ulong bit && bit != 0);
                    break;
                case FieldKind.SignedInteger when field.Value is ulong raw:
                    writer.WriteNumber(key, WireBits.SignExtend(raw, field.BitLength));
                    break;
                case FieldKind.Integer or FieldKind.Enum or FieldKind.Reserved when field.Value is ulong v:
                    writer.WriteNumber(key, v);
                    break;
                default:
                    writer.WriteString(key, field.Display);
                    break;
            }
        }

        foreach (var annotation in dissection.Annotations)
        {
            writer.WriteString(annotation.Key.ToLowerInvariant().Replace(' ', '_'), annotation.Value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Writes the error object under the key "error".</summary>
    public static void WriteError(Utf8JsonWriter writer, CodecError error)
    {
        writer.WriteStartObject("error");
        writer.WriteString("kind", SnakeCase(error.Kind.ToString()));
        if (error.Field is not null)
        {
            writer.WriteString("field", SnakeCase(error.Field));
        }

        writer.WriteNumber("offset", error.ByteOffset);
        writer.WriteNumber("bit_offset", error.BitOffset);
        writer.WriteString("message", error.ToString());
        writer.WriteEndObject();
    }

    /// <summary>The dissection as a JSON string.</summary>
    public static string ToJson(MessageDissection dissection, bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            Write(writer, dissection);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>"ok", "truncated" or "invalid".</summary>
    public static string StatusName(CodecStatus status) => status switch
    {
        CodecStatus.Done => "ok",
        CodecStatus.NeedMoreData => "truncated",
        _ => "invalid",
    };

    /// <summary>TotalLength → total_length, IPv4Address → ipv4_address, HTTPServer → http_server, ID → id.</summary>
    public static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                bool previousLower = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));

                // The last capital of an acronym starts a new word when a lower-case word follows ("HTTPServer"), but
                // not when a single lower-case letter does, which belongs to the acronym ("IPv4", "IPv6").
                bool nextLower = i > 0 && char.IsUpper(name[i - 1])
                    && i + 2 < name.Length && char.IsLower(name[i + 1]) && char.IsLower(name[i + 2]);
                if (sb.Length > 0 && (previousLower || nextLower))
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
