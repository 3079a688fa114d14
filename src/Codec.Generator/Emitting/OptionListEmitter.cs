using System.Linq;
using System.Threading;
using Codec.Generator.Model;

namespace Codec.Generator.Emitting
{
    /// <summary>
    /// Writes the source for one [OptionList] type: a view over the list's octets with a validating reader, an
    /// enumerator, typed accessors, a writer and a dissection. The walks (validation, enumeration, writing) are emitted
    /// for the list's layout with its sizes and kinds as constants (OptionListEmitter.Walk.cs, OptionListEmitter.Writer.cs);
    /// the runtime's OptionListReader and OptionWriter, driven by the same layout as a value, compute the detailed error
    /// on the failure paths and take the list apart for dissection.
    /// </summary>
    internal static partial class OptionListEmitter
    {
        private const string Span = "global::System.ReadOnlySpan<byte>";
        private const string Result = "global::Codec.ReadResult";
        private const string Inline = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";
        private const string NoInline = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]";

        public static string Emit(OptionListModel model, CancellationToken cancellationToken)
        {
            var w = new SourceWriter();
            string self = model.FullyQualifiedName;
            FileScope.Open(w, "OptionList", model.TypeName, model.Namespace, model.ContainingTypes);

            w.Open("readonly ref partial struct " + Layout.Id(model.TypeName) + " : global::Codec.IWireMessage<" + self + ">");
            EmitState(w, model);
            cancellationToken.ThrowIfCancellationRequested();
            EmitRead(w, model);
            cancellationToken.ThrowIfCancellationRequested();
            EmitValidate(w, model);
            EmitValidateStep(w, model);
            cancellationToken.ThrowIfCancellationRequested();
            EmitAccessors(w, model);
            cancellationToken.ThrowIfCancellationRequested();
            EmitWrite(w, model);
            cancellationToken.ThrowIfCancellationRequested();
            EmitDissect(w, model);
            cancellationToken.ThrowIfCancellationRequested();
            EmitEnumerator(w, model);
            cancellationToken.ThrowIfCancellationRequested();
            EmitWriter(w, model);
            w.Close();
            FileScope.Close(w, model.Namespace, model.ContainingTypes);

            return w.ToString();
        }

        private static void EmitState(SourceWriter w, OptionListModel model)
        {
            ulong[] single = new ulong[4];
            foreach (OptionCaseModel c in model.Cases.Where(c => c.SingleByte))
            {
                single[c.Kind >> 6] |= 1UL << (c.Kind & 63);
            }

            w.Line("private static readonly global::Codec.OptionLayout CodecLayout = new(" + Layout.Int(model.KindSize) + ", " + Layout.Int(model.LengthSize) + ", "
                + (model.LengthIncludesHeader ? "true" : "false") + ", " + Layout.Int(model.EndKind) + ", "
                + string.Join(", ", single.Select(Layout.Hex)) + ");");
            w.Line();
            w.Line("private readonly " + Span + " _codecMessage;");
            w.Line("private readonly int _codecStart;");
            w.Line("private readonly int _codecLength;");
            w.Line("private readonly int _codecOptionsLength;");
            w.Line();
            w.Open("private " + Layout.Id(model.TypeName) + "(" + Span + " message, int start, int length, int optionsLength, int count)");
            w.Line("_codecMessage = message;");
            w.Line("_codecStart = start;");
            w.Line("_codecLength = length;");
            w.Line("_codecOptionsLength = optionsLength;");
            w.Line("Count = count;");
            w.Close();
            w.Line();
            w.Line("/// <summary>The list's layout: kind and length sizes, single-octet kinds, the end kind.</summary>");
            w.Line("public static global::Codec.OptionLayout OptionLayout => CodecLayout;");
            w.Line();
            w.Line("/// <summary>An option list may be empty.</summary>");
            w.Line("public const int MinimumSize = 0;");
            w.Line();
            w.Line("static int global::Codec.IWireMessage<" + model.FullyQualifiedName + ">.MinimumWireSize => MinimumSize;");
            w.Line();
            w.Line("/// <summary>The octets of the list as they lie in the input, padding included.</summary>");
            w.Line("public " + Span + " Bytes => _codecMessage.Slice(_codecStart, _codecLength);");
            w.Line();
            w.Line("/// <summary>The octets after the end option (padding), or empty.</summary>");
            w.Line("public " + Span + " Padding => _codecMessage.Slice(_codecStart + _codecOptionsLength, _codecLength - _codecOptionsLength);");
            w.Line();
            w.Line("/// <summary>The number of options, single-octet ones and the end option included.</summary>");
            w.Line("public int Count { get; }");
            w.Line();
            w.Line("/// <summary>Whether the list has no options.</summary>");
            w.Line("public bool IsEmpty => Count == 0;");
            w.Line();
            w.Line("/// <summary>Enumerates the options where they lie (no copy, no allocation), up to and including the end option.</summary>");
            w.Line("public Enumerator GetEnumerator() => new(_codecMessage.Slice(0, _codecStart + _codecOptionsLength), _codecStart);");
            w.Line();
            w.Line("/// <summary>The display name of a declared kind, or null for one the list does not declare.</summary>");
            w.Open("public static string? KindName(int kind) => kind switch");
            foreach (OptionCaseModel c in model.Cases)
            {
                w.Line(Layout.Int(c.Kind) + " => " + Layout.Literal(c.Label) + ",");
            }

            w.Line("_ => null,");
            w.Close(";");
            w.Line();
            w.Open("private static string? CodecMember(int kind) => kind switch");
            foreach (OptionCaseModel c in model.Cases)
            {
                w.Line(Layout.Int(c.Kind) + " => " + Layout.Literal(c.Member) + ",");
            }

            w.Line("_ => null,");
            w.Close(";");
        }

        private static void EmitRead(SourceWriter w, OptionListModel model)
        {
            string self = model.FullyQualifiedName;
            w.Line();
            w.Line("/// <summary>Reads and validates the options filling <paramref name=\"source\"/>. Never throws.</summary>");
            w.Line("public static " + Result + " TryRead(" + Span + " source, out " + self + " value) => TryReadAt(source, 0, source.Length, out value);");
            w.Line();
            w.Line("/// <summary>Reads the options from <paramref name=\"offset\"/> to the end of <paramref name=\"message\"/>.</summary>");
            w.Line("public static " + Result + " TryReadAt(" + Span + " message, int offset, out " + self + " value) => TryReadAt(message, offset, message.Length, out value);");
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Reads the options in <c>[offset, end)</c> of <paramref name=\"message\"/>, validating each option's kind and length");
            w.Line("/// (a length below its header or past <paramref name=\"end\"/> is InvalidData naming OptionLength at its offset,");
            w.Line("/// counted from the start of <paramref name=\"message\"/>). Octets after the end option are padding.");
            w.Line("/// </summary>");
            w.Line(Inline);
            w.Open("public static " + Result + " TryReadAt(" + Span + " message, int offset, int end, out " + self + " value)");
            w.Open("if (CodecValidate(message, offset, end, out int count, out int optionsEnd))");
            w.Line("value = new " + self + "(message.Slice(0, end), offset, end - offset, optionsEnd - offset, count);");
            w.Line("return " + Result + ".Done(end - offset);");
            w.Close();
            w.Line();
            w.Line("return CodecReadDetailed(message, offset, end, out value);");
            w.Close();
            w.Line();
            w.Line("// The failure path: the runtime's walk names the option at fault, its field, offset and reason.");
            w.Line(NoInline);
            w.Open("private static " + Result + " CodecReadDetailed(" + Span + " message, int offset, int end, out " + self + " value)");
            w.Line(Result + " result = global::Codec.OptionListReader.Validate(message, offset, end, CodecLayout, out int count, out int optionsEnd);");
            w.Line("value = result.IsDone ? new " + self + "(message.Slice(0, end), offset, end - offset, optionsEnd - offset, count) : default;");
            w.Line("return result;");
            w.Close();
            w.Line();
            w.Line("/// <summary>Reads the options in <c>[offset, end)</c>; <paramref name=\"bytesConsumed\"/> is <c>end - offset</c> when it returns true. Never throws.</summary>");
            w.Open("public static bool TryReadAt(" + Span + " message, int offset, int end, out " + self + " value, out int bytesConsumed)");
            w.Open("if (CodecValidate(message, offset, end, out int count, out int optionsEnd))");
            w.Line("value = new " + self + "(message.Slice(0, end), offset, end - offset, optionsEnd - offset, count);");
            w.Line("bytesConsumed = end - offset;");
            w.Line("return true;");
            w.Close();
            w.Line();
            w.Line("value = default;");
            w.Line("bytesConsumed = 0;");
            w.Line("return false;");
            w.Close();
            w.Line();
            w.Line("/// <summary>Reads the options filling <paramref name=\"source\"/>; <paramref name=\"bytesConsumed\"/> is its length when it returns true.</summary>");
            w.Line("public static bool TryRead(" + Span + " source, out " + self + " value, out int bytesConsumed) => TryReadAt(source, 0, source.Length, out value, out bytesConsumed);");
            MessageEmitter.EmitThrowingRead(w, self, "Reads the options, throwing <see cref=\"global::Codec.CodecException\"/> when they are malformed.");
        }

        private static void EmitAccessors(SourceWriter w, OptionListModel model)
        {
            w.Line();
            w.Line("/// <summary>Finds the first option of <paramref name=\"kind\"/>.</summary>");
            w.Open("public bool TryFind(int kind, out global::Codec.OptionEntry option)");
            w.Open("foreach (global::Codec.OptionEntry entry in this)");
            w.Open("if (entry.Kind == kind)");
            w.Line("option = entry;");
            w.Line("return true;");
            w.Close();
            w.Close();
            w.Line();
            w.Line("option = default;");
            w.Line("return false;");
            w.Close();

            foreach (OptionCaseModel c in model.Cases)
            {
                string member = c.Member;
                w.Line();
                w.Line("/// <summary>The kind of " + Xml(c.Label) + ".</summary>");
                w.Line("public const int " + member + "Kind = " + Layout.Int(c.Kind) + ";");
                w.Line();
                w.Line("/// <summary>Whether the list holds " + Xml(c.Label) + ".</summary>");
                w.Line("public bool Has" + member + " => TryFind(" + Layout.Int(c.Kind) + ", out _);");
                if (c.SingleByte)
                {
                    continue;
                }

                w.Line();
                if (c.ValueType is null)
                {
                    w.Line("/// <summary>The value octets of the first " + Xml(c.Label) + " option.</summary>");
                    w.Open("public bool TryGet" + member + "(out " + Span + " value)");
                    w.Open("if (TryFind(" + Layout.Int(c.Kind) + ", out global::Codec.OptionEntry option))");
                    w.Line("value = option.Value;");
                    w.Line("return true;");
                    w.Close();
                    w.Line();
                    w.Line("value = default;");
                    w.Line("return false;");
                    w.Close();
                    continue;
                }

                w.Line("/// <summary>");
                w.Line("/// The first " + Xml(c.Label) + " option, read as its type from its value octets (which it must fill exactly);");
                w.Line("/// false when the list has none or its value is malformed.");
                w.Line("/// </summary>");
                w.Open("public bool TryGet" + member + "(out " + c.ValueType + " value)");
                w.Open("if (TryFind(" + Layout.Int(c.Kind) + ", out global::Codec.OptionEntry option) && " + c.ValueType + ".TryRead(option.Value, out value, out int consumed) && consumed == option.Value.Length)");
                w.Line("return true;");
                w.Close();
                w.Line();
                w.Line("value = default;");
                w.Line("return false;");
                w.Close();
            }
        }

        private static void EmitWrite(SourceWriter w, OptionListModel model)
        {
            w.Line();
            w.Line("/// <summary>The octets <see cref=\"TryWrite(global::System.Span{byte})\"/> writes: the list as read or built.</summary>");
            w.Line("public int GetSerializedSize() => _codecLength;");
            w.Line();
            w.Line("/// <summary>Copies the list's octets (build a list with <see cref=\"Writer\"/>).</summary>");
            w.Open("public global::Codec.WriteResult TryWrite(global::System.Span<byte> destination)");
            w.Open("if (!Bytes.TryCopyTo(destination))");
            w.Line("return global::Codec.WriteResult.DestinationTooSmall(_codecLength, destination.Length);");
            w.Close();
            w.Line();
            w.Line("return global::Codec.WriteResult.Done(_codecLength);");
            w.Close();
            w.Line();
            w.Line("/// <summary>Copies the list's octets; <paramref name=\"bytesWritten\"/> is their length when it returns true.</summary>");
            w.Open("public bool TryWrite(global::System.Span<byte> destination, out int bytesWritten)");
            w.Open("if (Bytes.TryCopyTo(destination))");
            w.Line("bytesWritten = _codecLength;");
            w.Line("return true;");
            w.Close();
            w.Line();
            w.Line("bytesWritten = 0;");
            w.Line("return false;");
            w.Close();
        }

        private static void EmitDissect(SourceWriter w, OptionListModel model)
        {
            w.Line();
            w.Line("/// <summary>Takes the list apart option by option. Never throws on input.</summary>");
            w.Open("public static global::Codec.MessageDissection Dissect(" + Span + " source)");
            w.Line("var builder = new global::Codec.DissectionBuilder(" + Layout.Literal(model.DisplayName) + ", " + Layout.Literal(model.TypeName) + ", global::Codec.ByteOrder.BigEndian);");
            w.Line("DissectInto(builder, source, 0, source.Length, \"Option\");");
            w.Line("return builder.Complete(TryRead(source, out _));");
            w.Close();
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Adds one field per option in <c>[offset, end)</c> of <paramref name=\"message\"/>, named <paramref name=\"field\"/>.Member");
            w.Line("/// (or .Kind<i>n</i> for undeclared kinds), showing kind, length and the value (typed values field by field),");
            w.Line("/// then the padding. Stops at the first malformed option.");
            w.Line("/// </summary>");
            w.Open("public static void DissectInto(global::Codec.DissectionBuilder builder, " + Span + " message, int offset, int end, string field)");
            w.Line("int position = offset;");
            w.Open("while (position < end)");
            w.Open("if (!global::Codec.OptionListReader.TryReadOption(message, position, end, CodecLayout, out global::Codec.OptionEntry option).IsDone)");
            w.Line("return;");
            w.Close();
            w.Line();
            w.Line("string kind = option.Kind.ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
            w.Line("string name = field + \".\" + (CodecMember(option.Kind) ?? \"Kind\" + kind);");
            w.Line("string label = KindName(option.Kind) ?? \"Unknown option \" + kind;");
            w.Line("builder.Add(name, label, position * 8, option.Length * 8, (ulong)option.Kind, CodecDescribe(option), global::Codec.FieldKind.Bytes);");
            w.Line("position += option.Length;");
            w.Open("if (option.EndsList && position < end)");
            w.Line("builder.Add(field + \".Padding\", \"Padding\", position * 8, (end - position) * 8, null, global::Codec.DissectionText.Hex(message.Slice(position, end - position)), global::Codec.FieldKind.Bytes);");
            w.Line("return;");
            w.Close();
            w.Close();
            w.Close();
            w.Line();
            w.Line("/// <summary>The options, each as its name, kind, length and value, joined by <c>; </c>.</summary>");
            w.Open("public override string ToString()");
            w.Line("var text = new global::System.Text.StringBuilder();");
            w.Open("foreach (global::Codec.OptionEntry option in this)");
            w.Line("text.Append(text.Length == 0 ? string.Empty : \"; \").Append(KindName(option.Kind) ?? \"Unknown option\").Append(\": \").Append(CodecDescribe(option));");
            w.Close();
            w.Line();
            w.Line("return text.ToString();");
            w.Close();
            w.Line();
            w.Open("private static string CodecDescribe(global::Codec.OptionEntry option)");
            w.Line("string head = \"kind \" + option.Kind.ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
            w.Open("if (option.IsSingleByte)");
            w.Line("return head;");
            w.Close();
            w.Line();
            w.Line("head += \", length \" + option." + (model.LengthIncludesHeader ? "Length" : "Value.Length") + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
            var typed = model.Cases.Where(c => c.ValueType is not null).ToList();
            if (typed.Count > 0)
            {
                w.Line("global::Codec.MessageDissection? value = option.Kind switch");
                w.OpenBlock();
                foreach (OptionCaseModel c in typed)
                {
                    w.Line(Layout.Int(c.Kind) + " => " + c.ValueType + ".Dissect(option.Value),");
                }

                w.Line("_ => null,");
                w.Close(";");
                w.Open("if (value is not null)");
                w.Line("return value.Result.IsDone && value.Length == option.Value.Length");
                w.Line("    ? head + \": \" + global::Codec.DissectionText.Inline(value)");
                w.Line("    : head + \", malformed: \" + global::Codec.DissectionText.Hex(option.Value);");
                w.Close();
                w.Line();
            }

            w.Line("return option.Value.IsEmpty ? head : head + \": \" + global::Codec.DissectionText.Hex(option.Value);");
            w.Close();
        }

        private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
