using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Codec.Protocols.IPv4;
using Codec.Protocols.Tcp;

namespace Codec.Protocols.Frames;

/// <summary>
/// TCP options (RFC 9293 §3.1, RFC 7323, RFC 2018, RFC 7413) and IPv4 options (RFC 791 §3.1) from their generated
/// option lists: a JSON list of <c>{kind, name, value}</c>, and text fields shown as tshark -V shows them.
/// </summary>
internal ref partial struct FrameWalk
{
    /// <summary>
    /// The options between the fixed header and Data Offset × 4 of <paramref name="segment"/>, as JSON entries and as
    /// fields appended to <paramref name="tcp"/>; the first malformed option is returned as an error (offset from the
    /// segment's start) and ends the list.
    /// </summary>
    private static CodecError? TcpOptionList(ReadOnlySpan<byte> segment, int headerLength, ref MessageDissection tcp, out JsonArray list)
    {
        list = [];
        if (headerLength <= TcpHeader.Size)
        {
            return null;
        }

        var builder = new DissectionBuilder(tcp.Protocol, tcp.TypeName, ByteOrder.BigEndian);
        var summary = new StringBuilder(Invariant($"({headerLength - TcpHeader.Size} bytes)"));
        CodecError? error = null;
        int position = TcpHeader.Size;
        while (position < headerLength)
        {
            ReadResult read = OptionListReader.TryReadOption(segment, position, headerLength, TcpOptions.OptionLayout, out OptionEntry option);
            if (!read.IsDone)
            {
                error = read.Error;
                break;
            }

            var (name, display, value, malformed) = TcpOption(option);
            list.Add((JsonNode)new JsonObject { ["kind"] = option.Kind, ["name"] = name, ["value"] = value });
            builder.Add("Options." + (name == "unknown" ? Invariant($"Kind{option.Kind}") : name), "TCP Option", position * 8, option.Length * 8, (ulong)option.Kind, display, FieldKind.Bytes);
            summary.Append(", ").Append(display.Split(':')[0]);
            if (malformed is { } expected)
            {
                error = new CodecError(CodecErrorKind.ConstantMismatch, "Options." + name, (position + 1) * 8, (ulong)expected, (ulong)option.Length); // its Length octet
                break;
            }

            position += option.Length;
            if (option.EndsList && position < headerLength)
            {
                builder.Add("Options.Padding", "Padding", position * 8, (headerLength - position) * 8, null, DissectionText.Hex(segment[position..headerLength]), FieldKind.Bytes);
                break;
            }
        }

        var fields = new List<FieldDissection>(tcp.Fields) { new("Options", "Options", TcpHeader.Size * 8, (headerLength - TcpHeader.Size) * 8, null, summary.ToString(), FieldKind.Bytes) };
        fields.AddRange(builder.Complete(ReadResult.Done(0)).Fields);
        tcp = new MessageDissection(tcp.Protocol, tcp.TypeName, fields, tcp.Result, tcp.ByteOrder, tcp.Offset, tcp.Annotations);
        if (error is { } failed)
        {
            tcp = tcp.Annotate("Options status", "bad: " + failed);
        }

        return error;
    }

    /// <summary>One option: its JSON name and value, tshark's text, and the length it should have had when it is malformed.</summary>
    private static (string Name, string Display, JsonNode? Value, int? Malformed) TcpOption(OptionEntry option)
    {
        ReadOnlySpan<byte> value = option.Value;
        switch (option.Kind)
        {
            case TcpOptions.EndOfOptionListKind:
                return ("eol", "End of Option List (EOL)", null, null);
            case TcpOptions.NoOperationKind:
                return ("nop", "No-Operation (NOP)", null, null);
            case TcpOptions.MaximumSegmentSizeKind:
                return TcpMaximumSegmentSize.TryRead(value, out TcpMaximumSegmentSize mss).IsDone && value.Length == 2
                    ? ("mss", Invariant($"Maximum segment size: {mss.Value} bytes"), mss.Value, null)
                    : ("mss", "Maximum segment size: malformed " + DissectionText.Hex(value), DissectionText.Hex(value), 4);
            case TcpOptions.WindowScaleKind:
                return TcpWindowScale.TryRead(value, out TcpWindowScale scale).IsDone && value.Length == 1
                    ? ("window_scale", Invariant($"Window scale: {scale.ShiftCount} (multiply by {(scale.ShiftCount < 31 ? 1L << scale.ShiftCount : 0)})"), scale.ShiftCount, null)
                    : ("window_scale", "Window scale: malformed " + DissectionText.Hex(value), DissectionText.Hex(value), 3);
            case TcpOptions.SackPermittedKind:
                return value.IsEmpty
                    ? ("sack_permitted", "SACK permitted", null, null)
                    : ("sack_permitted", "SACK permitted: malformed " + DissectionText.Hex(value), DissectionText.Hex(value), 2);
            case TcpOptions.SackKind when value.Length % 8 == 0 && TcpSack.TryRead(value, out TcpSack sack).IsDone:
                var blocks = new JsonArray();
                var text = new StringBuilder("SACK");
                foreach (TcpSackBlock block in sack.Blocks)
                {
                    blocks.Add((JsonNode)new JsonObject { ["left_edge"] = block.LeftEdge, ["right_edge"] = block.RightEdge });
                    text.Append(Invariant($" {block.LeftEdge}-{block.RightEdge}"));
                }

                return ("sack", text.ToString(), blocks, null);
            case TcpOptions.SackKind:
                return ("sack", "SACK: malformed " + DissectionText.Hex(value), DissectionText.Hex(value), 2 + (value.Length / 8 * 8));
            case TcpOptions.TimestampsKind:
                return TcpTimestamps.TryRead(value, out TcpTimestamps timestamps).IsDone && value.Length == 8
                    ? ("timestamps", Invariant($"Timestamps: TSval {timestamps.Value}, TSecr {timestamps.EchoReply}"), new JsonObject { ["tsval"] = timestamps.Value, ["tsecr"] = timestamps.EchoReply }, null)
                    : ("timestamps", "Timestamps: malformed " + DissectionText.Hex(value), DissectionText.Hex(value), 10);
            case TcpOptions.FastOpenCookieKind:
                return ("tfo", value.IsEmpty ? "TCP Fast Open Cookie Request" : "TCP Fast Open Cookie: " + DissectionText.Hex(value), DissectionText.Hex(value), null);
            default:
                return ("unknown", Invariant($"Unknown (0x{option.Kind:x2}) ({option.Length} bytes): {DissectionText.Hex(value)}"), DissectionText.Hex(value), null);
        }
    }

    /// <summary>
    /// IPv4 options after the fixed header: JSON <c>{kind, name, value}</c> (value as hex) and the generated option
    /// list's fields (typed values) appended to <paramref name="ip"/>; a malformed list is returned as an error.
    /// </summary>
    private static CodecError? Ipv4OptionList(ReadOnlySpan<byte> packet, int headerLength, ref MessageDissection ip, out JsonArray list)
    {
        list = [];
        if (headerLength <= Ipv4Header.Size)
        {
            return null;
        }

        ReadResult read = Ipv4Options.TryReadAt(packet, Ipv4Header.Size, headerLength, out Ipv4Options options);
        var builder = new DissectionBuilder(ip.Protocol, ip.TypeName, ByteOrder.BigEndian);
        Ipv4Options.DissectInto(builder, packet, Ipv4Header.Size, headerLength, "Options");
        var fields = new List<FieldDissection>(ip.Fields) { new("Options", "Options", Ipv4Header.Size * 8, (headerLength - Ipv4Header.Size) * 8, null, Invariant($"({headerLength - Ipv4Header.Size} bytes)"), FieldKind.Bytes) };
        fields.AddRange(builder.Complete(ReadResult.Done(0)).Fields);
        ip = new MessageDissection(ip.Protocol, ip.TypeName, fields, ip.Result, ip.ByteOrder, ip.Offset, ip.Annotations);
        if (!read.IsDone)
        {
            ip = ip.Annotate("Options status", "bad: " + read.Error);
            return read.Error;
        }

        foreach (OptionEntry option in options)
        {
            string? name = Ipv4Options.KindName(option.Kind);
            list.Add((JsonNode)new JsonObject
            {
                ["kind"] = option.Kind,
                ["name"] = name is null ? "unknown" : name.ToLowerInvariant().Replace(' ', '_'),
                ["value"] = option.IsSingleByte ? null : DissectionText.Hex(option.Value),
            });
        }

        return null;
    }
}
