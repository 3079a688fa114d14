using System.Globalization;
using System.Text;

namespace Codec;

/// <summary>Renders dissections as an indented text tree in the manner of <c>tshark -V</c>.</summary>
public static class DissectionText
{
    /// <summary>Appends <paramref name="dissection"/> to <paramref name="output"/>, indented by <paramref name="indent"/> levels.</summary>
    public static void Write(StringBuilder output, MessageDissection dissection, int indent = 0)
    {
        string pad = new(' ', indent * 4);
        string fieldPad = new(' ', (indent + 1) * 4);
        output.Append(pad).Append(dissection.Protocol);
        if (dissection.Result.IsDone)
        {
            output.Append(CultureInfo.InvariantCulture, $", {dissection.Length} bytes");
        }

        output.Append('\n');
        foreach (var field in dissection.Fields)
        {
            output.Append(fieldPad);
            string? pattern = dissection.ByteOrder != ByteOrder.LittleEndian ? BitPattern(field) : null;
            if (pattern is not null)
            {
                output.Append(pattern).Append(" = ");
            }

            output.Append(field.Label).Append(": ").Append(field.Display).Append('\n');
        }

        foreach (var annotation in dissection.Annotations)
        {
            output.Append(fieldPad).Append('[').Append(annotation.Key).Append(": ").Append(annotation.Value).Append("]\n");
        }

        if (!dissection.Result.IsDone)
        {
            output.Append(fieldPad).Append("[Error: ").Append(dissection.Result.Status).Append(", ").Append(dissection.Result.Error).Append("]\n");
        }
    }

    /// <summary>The dissection as a string.</summary>
    public static string ToText(MessageDissection dissection)
    {
        var sb = new StringBuilder();
        Write(sb, dissection);
        return sb.ToString();
    }

    /// <summary>Lower-case hex of <paramref name="bytes"/>, as tshark prints byte strings.</summary>
    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>
    /// A dissection on one line, for a value nested in a field (an option's typed value): a lone field's display, or
    /// <c>Label: display</c> pairs joined by <c>, </c>.
    /// </summary>
    public static string Inline(MessageDissection dissection)
    {
        if (dissection.Fields.Count == 1)
        {
            return dissection.Fields[0].Display;
        }

        var text = new StringBuilder();
        foreach (FieldDissection field in dissection.Fields)
        {
            if (field.Kind == FieldKind.Reserved)
            {
                continue;
            }

            text.Append(text.Length == 0 ? string.Empty : ", ").Append(field.Label).Append(": ").Append(field.Display);
        }

        return text.ToString();
    }

    /// <summary>
    /// For a field that does not fill whole bytes, tshark's picture of which bits it takes, e.g. <c>.... 0101</c>;
    /// <c>null</c> for whole-byte fields and for wide ones.
    /// </summary>
    public static string? BitPattern(FieldDissection field)
    {
        if (field.Value is not ulong value || ((field.BitOffset & 7) == 0 && (field.BitLength & 7) == 0))
        {
            return null;
        }

        int firstByte = field.BitOffset >> 3;
        int lastByte = (field.BitOffset + field.BitLength - 1) >> 3;
        if (lastByte - firstByte >= 4)
        {
            return null;
        }

        var sb = new StringBuilder();
        int start = field.BitOffset;
        int end = field.BitOffset + field.BitLength;
        for (int bit = firstByte * 8; bit < (lastByte + 1) * 8; bit++)
        {
            if (bit > firstByte * 8 && (bit & 3) == 0)
            {
                sb.Append(' ');
            }

            sb.Append(bit < start || bit >= end ? '.' : ((value >> (end - 1 - bit)) & 1) != 0 ? '1' : '0');
        }

        return sb.ToString();
    }
}
