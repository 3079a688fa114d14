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
