using System.Linq;
using Codec.Generator.Model;

namespace Codec.Generator.Emitting
{
    /// <summary>
    /// The option list's walks, emitted for its layout: the validation loop its reader runs once, and the enumerator
    /// that then trusts the validated octets. Kind and length sizes, the single-octet kinds and the end kind are
    /// constants, each step returns a bool or a number (no ReadResult), and nothing is parsed twice.
    /// </summary>
    internal static partial class OptionListEmitter
    {
        private static void EmitValidate(SourceWriter w, OptionListModel model)
        {
            int header = model.KindSize + model.LengthSize;
            int maxValue = (model.LengthSize == 1 ? 255 : 65535) - (model.LengthIncludesHeader ? header : 0);
            w.Line();
            w.Line("// The layout as constants: kind and length octets, and the longest value the length field can count.");
            w.Line("private const int CodecKindSize = " + Layout.Int(model.KindSize) + ";");
            w.Line("private const int CodecHeaderSize = " + Layout.Int(header) + ";");
            w.Line("private const int CodecMaxValueLength = " + Layout.Int(maxValue) + ";");
            w.Line();
            w.Line("/// <summary>Whether <paramref name=\"kind\"/> is a lone octet with no length or value.</summary>");
            w.Line(Inline);
            w.Line("private static bool CodecIsSingleOctet(int kind) => " + SingleTest(model, "kind") + ";");
            w.Line();
            w.Line("// The fast path of TryReadAt: the same checks as OptionListReader.Validate with the layout as constants; false");
            w.Line("// at the first malformed option, whose error the runtime's walk then recomputes. Reads only inside [offset, end).");
            w.Open("private static bool CodecValidate(" + Span + " message, int offset, int end, out int count, out int optionsEnd)");
            w.Line("count = 0;");
            w.Line("optionsEnd = end;");
            w.Open("if ((uint)offset > (uint)end || (uint)end > (uint)message.Length)");
            w.Line("return false;");
            w.Close();
            w.Line();
            w.Line(Span + " list = message.Slice(0, end);");
            w.Line("int position = offset;");
            w.Line("int options = 0;");
            w.Open("while (position < list.Length)");
            if (model.KindSize > 1)
            {
                w.Open("if (list.Length - position < CodecKindSize)");
                w.Line("return false;");
                w.Close();
                w.Line();
            }

            w.Line("int kind = " + Read("list", "position", model.KindSize) + ";");
            w.Line("options++;");
            bool endSingle = model.Cases.Any(c => c.EndsList && c.SingleByte);
            bool endLong = model.Cases.Any(c => c.EndsList && !c.SingleByte);
            if (model.Cases.Any(c => c.SingleByte))
            {
                w.Open("if (CodecIsSingleOctet(kind))");
                w.Line("position++;");
                if (endSingle)
                {
                    w.Open("if (kind == " + Layout.Int(model.EndKind) + ")");
                    w.Line("optionsEnd = position;");
                    w.Line("break;");
                    w.Close();
                    w.Line();
                }

                w.Line("continue;");
                w.Close();
                w.Line();
            }

            w.Open("if (list.Length - position < CodecHeaderSize)");
            w.Line("return false;");
            w.Close();
            w.Line();
            w.Line("int length = " + Read("list", "position + CodecKindSize", model.LengthSize) + ";");
            if (model.LengthIncludesHeader)
            {
                w.Open("if (length < CodecHeaderSize || length > list.Length - position)");
                w.Line("return false;");
                w.Close();
                w.Line();
                w.Line("position += length;");
            }
            else
            {
                w.Open("if (length > list.Length - position - CodecHeaderSize)");
                w.Line("return false;");
                w.Close();
                w.Line();
                w.Line("position += CodecHeaderSize + length;");
            }

            if (endLong)
            {
                w.Open("if (kind == " + Layout.Int(model.EndKind) + ")");
                w.Line("optionsEnd = position;");
                w.Line("break;");
                w.Close();
            }

            w.Close();
            w.Line();
            w.Line("count = options;");
            w.Line("return true;");
            w.Close();
        }

        /// <summary>
        /// The walk of the validation loop one option at a time, for generated message readers that hand each option to a
        /// visitor as they validate it (one walk where reading and then enumerating walked twice), and the list they then
        /// build from what they validated. Public because the message may be declared in another assembly; hidden.
        /// </summary>
        private static void EmitValidateStep(SourceWriter w, OptionListModel model)
        {
            string self = model.FullyQualifiedName;
            bool singles = model.Cases.Any(c => c.SingleByte);
            bool endSingle = model.Cases.Any(c => c.EndsList && c.SingleByte);
            bool endLong = model.Cases.Any(c => c.EndsList && !c.SingleByte);
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Validates the option at <paramref name=\"position\"/> of <paramref name=\"list\"/> (which ends where the list ends) with");
            w.Line("/// the checks <c>TryReadAt</c> makes: returns where the next option starts, or -1 when the option is malformed (or");
            w.Line("/// <paramref name=\"position\"/> is not inside <paramref name=\"list\"/>). For generated readers that hand each option");
            w.Line("/// to a visitor as they validate it; the list ends after an option whose <paramref name=\"endsList\"/> is true. Never");
            w.Line("/// throws; reads only inside <paramref name=\"list\"/>.");
            w.Line("/// </summary>");
            w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            w.Line(Inline);
            w.Open("public static int ReadOptionAt(" + Span + " list, int position, out int kind, out " + Span + " value, out bool endsList)");
            w.Line("value = default;");
            w.Line("endsList = false;");
            w.Open("if ((uint)position >= (uint)list.Length" + (model.KindSize > 1 ? " || list.Length - position < CodecKindSize" : string.Empty) + ")");
            w.Line("kind = 0;");
            w.Line("return -1;");
            w.Close();
            w.Line();
            w.Line("kind = " + Read("list", "position", model.KindSize) + ";");
            if (singles)
            {
                w.Open("if (CodecIsSingleOctet(kind))");
                if (endSingle)
                {
                    w.Line("endsList = kind == " + Layout.Int(model.EndKind) + ";");
                }

                w.Line("return position + 1;");
                w.Close();
                w.Line();
            }

            w.Open("if (list.Length - position < CodecHeaderSize)");
            w.Line("return -1;");
            w.Close();
            w.Line();
            w.Line("int length = " + Read("list", "position + CodecKindSize", model.LengthSize) + ";");
            if (model.LengthIncludesHeader)
            {
                w.Open("if (length < CodecHeaderSize || length > list.Length - position)");
                w.Line("return -1;");
                w.Close();
                w.Line();
                w.Line("value = list.Slice(position + CodecHeaderSize, length - CodecHeaderSize);");
                if (endLong)
                {
                    w.Line("endsList = kind == " + Layout.Int(model.EndKind) + ";");
                }

                w.Line("return position + length;");
            }
            else
            {
                w.Open("if (length > list.Length - position - CodecHeaderSize)");
                w.Line("return -1;");
                w.Close();
                w.Line();
                w.Line("value = list.Slice(position + CodecHeaderSize, length);");
                if (endLong)
                {
                    w.Line("endsList = kind == " + Layout.Int(model.EndKind) + ";");
                }

                w.Line("return position + CodecHeaderSize + length;");
            }

            w.Close();
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// The list over <c>[offset, list.Length)</c> of <paramref name=\"list\"/> whose options a generated reader has just");
            w.Line("/// validated with <see cref=\"ReadOptionAt\"/>: <paramref name=\"count\"/> options, the last ending at");
            w.Line("/// <paramref name=\"optionsEnd\"/> (padding after it). Enumeration keeps its checks, so a wrong call gives a short list,");
            w.Line("/// never an out-of-bounds read.");
            w.Line("/// </summary>");
            w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">The positions lie outside <paramref name=\"list\"/>, or the count is negative.</exception>");
            w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            w.Line(Inline);
            w.Open("public static " + self + " FromValidatedOptions(" + Span + " list, int offset, int optionsEnd, int count)");
            w.Open("if ((uint)offset > (uint)optionsEnd || (uint)optionsEnd > (uint)list.Length || count < 0)");
            w.Line("global::Codec.ThrowHelper.ThrowArgumentOutOfRange(nameof(offset));");
            w.Close();
            w.Line();
            w.Line("return new " + self + "(list, offset, list.Length - offset, optionsEnd - offset, count);");
            w.Close();
        }

        private static void EmitEnumerator(SourceWriter w, OptionListModel model)
        {
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Enumerates a list that was validated when it was read or written: each <see cref=\"MoveNext\"/> steps over one");
            w.Line("/// option with the layout as constants (no copy, no allocation). Should the octets change after validation, it");
            w.Line("/// stops rather than reading outside them. The end option is yielded last; padding after it is not.");
            w.Line("/// </summary>");
            w.Open("public ref struct Enumerator");
            w.Line("private readonly " + Span + " _message;");
            w.Line("private " + Span + " _value;");
            w.Line("private int _next;");
            w.Line("private int _kind;");
            w.Line("private int _offset;");
            w.Line("private int _length;");
            w.Line();
            w.Open("internal Enumerator(" + Span + " message, int start)");
            w.Line("_message = message;");
            w.Line("_value = default;");
            w.Line("_next = start;");
            w.Line("_kind = 0;");
            w.Line("_offset = 0;");
            w.Line("_length = 0;");
            w.Close();
            w.Line();
            string ends = model.EndKind >= 0 ? "_kind == " + Layout.Int(model.EndKind) : "false";
            w.Line("/// <summary>The option the last <see cref=\"MoveNext\"/> stepped over.</summary>");
            w.Line("public readonly global::Codec.OptionEntry Current => new(_kind, _offset, _length, _value, " + ends + ");");
            w.Line();
            w.Line("/// <summary>Steps over the next option; false after the last one.</summary>");
            w.Line(Inline);
            w.Open("public bool MoveNext()");
            w.Line(Span + " message = _message;");
            w.Line("int position = _next;");
            w.Open("if (message.Length - position < CodecKindSize)");
            w.Line("_next = message.Length;");
            w.Line("return false;");
            w.Close();
            w.Line();
            w.Line("int kind = " + Read("message", "position", model.KindSize) + ";");
            w.Line("_kind = kind;");
            w.Line("_offset = position;");
            if (model.Cases.Any(c => c.SingleByte))
            {
                w.Open("if (CodecIsSingleOctet(kind))");
                w.Line("_value = default;");
                w.Line("_length = 1;");
                w.Line("_next = position + 1;");
                w.Line("return true;");
                w.Close();
                w.Line();
            }

            w.Open("if (message.Length - position >= CodecHeaderSize)");
            string length = Read("message", "position + CodecKindSize", model.LengthSize);
            w.Line("int total = " + (model.LengthIncludesHeader ? length : "CodecHeaderSize + " + length) + ";");
            w.Open("if (" + (model.LengthIncludesHeader ? "total >= CodecHeaderSize && " : string.Empty) + "total <= message.Length - position)");
            w.Line("_value = message.Slice(position + CodecHeaderSize, total - CodecHeaderSize);");
            w.Line("_length = total;");
            w.Line("_next = position + total;");
            w.Line("return true;");
            w.Close();
            w.Close();
            w.Line();
            w.Line("// Only octets changed since validation get here.");
            w.Line("_next = message.Length;");
            w.Line("return false;");
            w.Close();
            w.Line();
            w.Line("/// <summary>This enumerator, so that it can be used in <c>foreach</c> directly.</summary>");
            w.Line("public readonly Enumerator GetEnumerator() => this;");
            w.Close();
        }

        /// <summary>A big-endian number of <paramref name="size"/> (1 or 2) octets at <paramref name="at"/> of <paramref name="span"/>.</summary>
        private static string Read(string span, string at, int size) =>
            size == 1 ? span + "[" + at + "]" : "((" + span + "[" + at + "] << 8) | " + span + "[" + at + " + 1])";

        /// <summary>The test that <paramref name="kind"/> is one of the single-octet kinds, or <c>false</c> when there are none.</summary>
        private static string SingleTest(OptionListModel model, string kind)
        {
            var kinds = model.Cases.Where(c => c.SingleByte).Select(c => c.Kind).OrderBy(k => k).ToList();
            return kinds.Count == 0 ? "false" : kind + " is " + string.Join(" or ", kinds.Select(Layout.Int));
        }
    }
}
