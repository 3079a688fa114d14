using System.Linq;
using Codec.Generator.Model;

namespace Codec.Generator.Emitting
{
    /// <summary>
    /// The option list's Writer, emitted for its layout: each add checks the space with constants, writes the value in
    /// place, then the kind and length octets, and returns; the runtime's OptionWriter.Check computes the error on the
    /// failure path only. The writer tracks count and end itself, so ToList needs no second walk.
    /// </summary>
    internal static partial class OptionListEmitter
    {
        private const string WriteResult = "global::Codec.WriteResult";

        private static void EmitWriter(SourceWriter w, OptionListModel model)
        {
            string self = model.FullyQualifiedName;
            w.Line();
            w.Line("/// <summary>Builds a list in a caller's buffer: lengths computed, single-octet kinds alone, end and padding by <see cref=\"TryEnd(int)\"/>.</summary>");
            w.Open("public ref struct Writer");
            w.Line("private readonly global::System.Span<byte> _buffer;");
            w.Line("private int _written;");
            w.Line("private int _count;");
            w.Line("private int _optionsEnd;");
            w.Line("private bool _ended;");
            w.Line();
            w.Line("/// <summary>Writes into <paramref name=\"buffer\"/>.</summary>");
            w.Open("public Writer(global::System.Span<byte> buffer)");
            w.Line("_buffer = buffer;");
            w.Line("_written = 0;");
            w.Line("_count = 0;");
            w.Line("_optionsEnd = 0;");
            w.Line("_ended = false;");
            w.Close();
            w.Line();
            w.Line("/// <summary>Octets written so far.</summary>");
            w.Line("public readonly int BytesWritten => _written;");
            w.Line();
            w.Line("/// <summary>Options written so far (the end option included).</summary>");
            w.Line("public readonly int Count => _count;");
            w.Line();
            w.Line("/// <summary>Whether the end option has been written: nothing more can be added.</summary>");
            w.Line("public readonly bool IsEnded => _ended;");
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Where the next option's value goes, after its kind and length octets (empty once the list is ended or full):");
            w.Line("/// build a value there in place (a list with its <c>MessageListWriter</c>) and the next typed add finds it there");
            w.Line("/// and does not copy it.");
            w.Line("/// </summary>");
            w.Line("public readonly global::System.Span<byte> NextValue => !_ended && _buffer.Length - _written > CodecHeaderSize ? _buffer.Slice(_written + CodecHeaderSize) : default;");
            w.Line();
            w.Line("/// <summary>Appends an option of <paramref name=\"kind\"/> with no value.</summary>");
            w.Line("public " + WriteResult + " TryAdd(int kind) => CodecAdd(kind, default);");
            w.Line();
            w.Line("/// <summary>Appends an option of <paramref name=\"kind\"/> with no value; false (nothing added) where <see cref=\"TryAdd(int)\"/> reports an error.</summary>");
            w.Line("public bool TryAdd(int kind, out int bytesWritten) => CodecTryAdd(kind, default, out bytesWritten);");
            w.Line();
            w.Line("/// <summary>Appends an option of <paramref name=\"kind\"/> with raw <paramref name=\"value\"/> octets.</summary>");
            w.Line("public " + WriteResult + " TryAdd(int kind, scoped " + Span + " value) => CodecAdd(kind, value);");
            w.Line();
            w.Line("/// <summary>Appends an option of <paramref name=\"kind\"/> with raw <paramref name=\"value\"/> octets; false (nothing added) on failure.</summary>");
            w.Line("public bool TryAdd(int kind, scoped " + Span + " value, out int bytesWritten) => CodecTryAdd(kind, value, out bytesWritten);");
            foreach (OptionCaseModel c in model.Cases)
            {
                string kind = Layout.Int(c.Kind);
                w.Line();
                w.Line("/// <summary>Appends " + Xml(c.Label) + ".</summary>");
                if (c.ValueType is not null)
                {
                    EmitTypedAdd(w, c);
                    continue;
                }

                w.Line("public " + WriteResult + " TryAdd" + c.Member + "() => CodecAdd(" + kind + ", default);");
                w.Line();
                w.Line("/// <summary>Appends " + Xml(c.Label) + "; false (nothing added) on failure.</summary>");
                w.Line("public bool TryAdd" + c.Member + "(out int bytesWritten) => CodecTryAdd(" + kind + ", default, out bytesWritten);");
                if (!c.SingleByte)
                {
                    w.Line();
                    w.Line("/// <summary>Appends " + Xml(c.Label) + " with raw <paramref name=\"value\"/> octets.</summary>");
                    w.Line("public " + WriteResult + " TryAdd" + c.Member + "(scoped " + Span + " value) => CodecAdd(" + kind + ", value);");
                    w.Line();
                    w.Line("/// <summary>Appends " + Xml(c.Label) + " with raw <paramref name=\"value\"/> octets; false (nothing added) on failure.</summary>");
                    w.Line("public bool TryAdd" + c.Member + "(scoped " + Span + " value, out int bytesWritten) => CodecTryAdd(" + kind + ", value, out bytesWritten);");
                }
            }

            EmitAddCore(w, model);
            EmitEnd(w, model);
            w.Line();
            w.Line("/// <summary>The list written so far, over the caller's buffer (the writer made it valid: it is not walked again).</summary>");
            w.Line("public readonly " + self + " ToList() => new " + self + "(_buffer.Slice(0, _written), 0, _written, _ended ? _optionsEnd : _written, _count);");
            w.Close();
        }

        private static void EmitTypedAdd(SourceWriter w, OptionCaseModel c)
        {
            string kind = Layout.Int(c.Kind);
            w.Line(Inline);
            w.Line("public " + WriteResult + " TryAdd" + c.Member + "(scoped in " + c.ValueType + " value) =>");
            w.Line("    TryAdd" + c.Member + "(in value, out int bytesWritten) ? " + WriteResult + ".Done(bytesWritten) : CodecRejected(" + kind + ", in value, value.GetSerializedSize(), _buffer, _written, _ended);");
            w.Line();
            w.Line("/// <summary>Appends " + Xml(c.Label) + "; false (nothing added) where the other overload reports an error.</summary>");
            w.Line(Inline);
            w.Open("public bool TryAdd" + c.Member + "(scoped in " + c.ValueType + " value, out int bytesWritten)");
            w.Line("int size = value.GetSerializedSize();");
            w.Line("int position = _written;");
            w.Line("global::System.Span<byte> buffer = _buffer;");
            w.Open("if (!_ended && (uint)size <= CodecMaxValueLength && size <= buffer.Length - position - CodecHeaderSize)");
            w.Line("global::System.Span<byte> option = buffer.Slice(position, CodecHeaderSize + size);");
            w.Open("if (value.TryWrite(option.Slice(CodecHeaderSize), out int written) && written == size)");
            w.Line("CodecHeader(option, " + kind + ", size);");
            w.Line("bytesWritten = CodecCommit(" + kind + ", position + CodecHeaderSize + size);");
            w.Line("return true;");
            w.Close();
            w.Close();
            w.Line();
            w.Line("bytesWritten = 0;");
            w.Line("return false;");
            w.Close();
        }

        private static void EmitAddCore(SourceWriter w, OptionListModel model)
        {
            int maxKind = model.KindSize == 1 ? 255 : 65535;
            w.Line();
            w.Line(Inline);
            w.Line("private " + WriteResult + " CodecAdd(int kind, scoped " + Span + " value) =>");
            w.Line("    CodecTryAdd(kind, value, out int bytesWritten) ? " + WriteResult + ".Done(bytesWritten) : CodecRejected(kind, value.Length, _buffer.Length, _written, _ended);");
            w.Line();
            w.Line(Inline);
            w.Open("private bool CodecTryAdd(int kind, scoped " + Span + " value, out int bytesWritten)");
            w.Line("int position = _written;");
            w.Line("global::System.Span<byte> buffer = _buffer;");
            w.Open("if (!_ended && (uint)kind <= " + Layout.Int(maxKind) + ")");
            if (model.Cases.Any(c => c.SingleByte))
            {
                w.Open("if (CodecIsSingleOctet(kind))");
                w.Open("if (value.IsEmpty && position < buffer.Length)");
                w.Line("buffer[position] = (byte)kind;");
                w.Line("bytesWritten = CodecCommit(kind, position + 1);");
                w.Line("return true;");
                w.Close();
                w.Close();
                w.Line("else if (value.Length <= CodecMaxValueLength && value.Length <= buffer.Length - position - CodecHeaderSize)");
            }
            else
            {
                w.Line("if (value.Length <= CodecMaxValueLength && value.Length <= buffer.Length - position - CodecHeaderSize)");
            }

            w.OpenBlock();
            w.Line("global::System.Span<byte> option = buffer.Slice(position, CodecHeaderSize + value.Length);");
            w.Line("value.CopyTo(option.Slice(CodecHeaderSize));");
            w.Line("CodecHeader(option, kind, value.Length);");
            w.Line("bytesWritten = CodecCommit(kind, position + CodecHeaderSize + value.Length);");
            w.Line("return true;");
            w.Close();
            w.Close();
            w.Line();
            w.Line("bytesWritten = 0;");
            w.Line("return false;");
            w.Close();
            w.Line();
            w.Line("// Kind and length octets of an option whose value is in place.");
            w.Line(Inline);
            w.Open("private static void CodecHeader(global::System.Span<byte> option, int kind, int valueLength)");
            EmitStore(w, "option", "0", "kind", model.KindSize);
            EmitStore(w, "option", "CodecKindSize", model.LengthIncludesHeader ? "(valueLength + CodecHeaderSize)" : "valueLength", model.LengthSize);
            w.Close();
            w.Line();
            w.Line(Inline);
            w.Open("private int CodecCommit(int kind, int next)");
            w.Line("int size = next - _written;");
            w.Line("_written = next;");
            w.Line("_count++;");
            if (model.EndKind >= 0)
            {
                w.Open("if (kind == " + Layout.Int(model.EndKind) + ")");
                w.Line("_ended = true;");
                w.Line("_optionsEnd = next;");
                w.Close();
                w.Line();
            }

            w.Line("return size;");
            w.Close();
            w.Line();
            w.Line("// The failure paths: the runtime's check names what is wrong, as the generic OptionWriter does. Static, so that");
            w.Line("// the writer itself is not address-exposed and its fields can stay in registers.");
            w.Line(NoInline);
            w.Line("private static " + WriteResult + " CodecRejected(int kind, int valueLength, int bufferLength, int written, bool ended) =>");
            w.Line("    global::Codec.OptionWriter.Check(CodecLayout, bufferLength, written, ended, kind, valueLength);");
            w.Line();
            w.Line(NoInline);
            w.Line("private static " + WriteResult + " CodecRejected<T>(int kind, scoped in T value, int size, global::System.Span<byte> buffer, int position, bool ended)");
            w.Line("    where T : global::Codec.IWireMessage<T>, allows ref struct");
            w.OpenBlock();
            w.Line(WriteResult + " check = global::Codec.OptionWriter.Check(CodecLayout, buffer.Length, position, ended, kind, size);");
            w.Open("if (!check.IsDone)");
            w.Line("return check;");
            w.Close();
            w.Line();
            w.Line(WriteResult + " written = value.TryWrite(buffer.Slice(position + CodecHeaderSize, size));");
            w.Line("return written.IsDone");
            w.Line("    ? " + WriteResult + ".Invalid(new global::Codec.CodecError(global::Codec.CodecErrorKind.ValueOutOfRange, global::Codec.OptionWriter.ValueField, (position + CodecHeaderSize) * 8, (ulong)size, (ulong)written.BytesWritten))");
            w.Line("    : written;");
            w.Close();
        }

        private static void EmitEnd(SourceWriter w, OptionListModel model)
        {
            bool hasEnd = model.EndKind >= 0;
            w.Line();
            w.Line("/// <summary>Writes the end option (if the list has one) and zero padding to a multiple of <paramref name=\"alignment\"/>.</summary>");
            w.Line(Inline);
            w.Line("public " + WriteResult + " TryEnd(int alignment = 1) =>");
            w.Line("    TryEnd(alignment, out int length) ? " + WriteResult + ".Done(length) : CodecEndRejected(_buffer.Length, _written, _ended, alignment);");
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Writes the end option and padding as <see cref=\"TryEnd(int)\"/> does; <paramref name=\"length\"/> is then the list's");
            w.Line("/// length, padding included. False (nothing added) where that overload reports an error or throws.");
            w.Line("/// </summary>");
            w.Line(Inline);
            w.Open("public bool TryEnd(int alignment, out int length)");
            w.Line("int position = _written;");
            w.Line("global::System.Span<byte> buffer = _buffer;");
            w.Open("if (!_ended && alignment >= 1)");
            w.Line("int total = position" + (hasEnd ? " + CodecKindSize" : string.Empty) + ";");
            w.Line("int padded = alignment == 1 ? total : (int)global::System.Math.Min(((long)total + alignment - 1) / alignment * alignment, int.MaxValue);");
            w.Open("if (padded <= buffer.Length" + (hasEnd ? string.Empty : " && padded == total") + ")");
            if (hasEnd)
            {
                EmitStore(w, "buffer", "position", Layout.Int(model.EndKind), model.KindSize);
                w.Line("_count++;");
            }

            w.Open("if (padded != total)");
            w.Line("buffer.Slice(total, padded - total).Clear();");
            w.Close();
            w.Line();
            w.Line("_written = padded;");
            w.Line("_optionsEnd = total;");
            w.Line("_ended = true;");
            w.Line("length = padded;");
            w.Line("return true;");
            w.Close();
            w.Close();
            w.Line();
            w.Line("length = 0;");
            w.Line("return false;");
            w.Close();
            w.Line();
            w.Line(NoInline);
            w.Line("private static " + WriteResult + " CodecEndRejected(int bufferLength, int written, bool ended, int alignment) =>");
            w.Line("    global::Codec.OptionWriter.CheckEnd(CodecLayout, bufferLength, written, ended, alignment);");
        }

        /// <summary>Stores <paramref name="value"/> big-endian in <paramref name="size"/> (1 or 2) octets at <paramref name="at"/>.</summary>
        private static void EmitStore(SourceWriter w, string span, string at, string value, int size)
        {
            if (size == 1)
            {
                w.Line(span + "[" + at + "] = (byte)" + value + ";");
                return;
            }

            w.Line(span + "[" + at + "] = (byte)(" + value + " >> 8);");
            w.Line(span + "[" + at + " + 1] = (byte)" + value + ";");
        }
    }
}
