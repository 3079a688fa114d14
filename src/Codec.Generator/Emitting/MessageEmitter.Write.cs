using System.Collections.Generic;
using Codec.Generator.Model;

namespace Codec.Generator.Emitting
{
    internal static partial class MessageEmitter
    {
        private static void EmitWrite(SourceWriter w, MessageModel model, List<Unit> units)
        {
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Writes the message to the start of <paramref name=\"destination\"/>. Constants are written as declared and");
            w.Line("/// reserved bits as zeros; a value too wide for its field is InvalidData (the destination's content is then unspecified).");
            w.Line("/// </summary>");
            w.Open("public global::Codec.WriteResult TryWrite(global::System.Span<byte> destination)");
            w.Open("if (destination.Length < Size)");
            w.Line("return CodecWriteTooSmall(Size, destination.Length);");
            w.Close();
            w.Line();
            w.Line("ref byte start = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(destination);");
            int index = 0;
            foreach (Unit unit in units)
            {
                EmitWriteUnit(w, unit, index++);
            }

            EmitFillChecksum(w, model, ChecksumEndOfFixed(model));
            w.Line();
            w.Line("return global::Codec.WriteResult.Done(Size);");
            w.Close();
            EmitWriteWrappers(w, "Size");
        }

        /// <summary>The yes/no write and the buffer-writer write, both over TryWrite(Span).</summary>
        private static void EmitWriteWrappers(SourceWriter w, string size)
        {
            w.Line();
            w.Line("/// <summary>Writes the message; <paramref name=\"bytesWritten\"/> is its length when it returns true.</summary>");
            w.Open("public bool TryWrite(global::System.Span<byte> destination, out int bytesWritten)");
            w.Line("global::Codec.WriteResult result = TryWrite(destination);");
            w.Line("bytesWritten = result.BytesWritten;");
            w.Line("return result.IsDone;");
            w.Close();

            w.Line();
            w.Line("/// <summary>Writes the message into <paramref name=\"writer\"/>, advancing it only when the write succeeds.</summary>");
            w.Open("public global::Codec.WriteResult Write(global::System.Buffers.IBufferWriter<byte> writer)");
            w.Line("global::Codec.WriteResult result = TryWrite(writer.GetSpan(" + size + "));");
            w.Open("if (result.IsDone)");
            w.Line("writer.Advance(result.BytesWritten);");
            w.Close();
            w.Line();
            w.Line("return result;");
            w.Close();

            // The errors are built out of line: a WriteResult holds a CodecError with a string, so each one built in
            // TryWrite itself would be a stack slot cleared on every call, success included.
            w.Line();
            w.Line("/// <summary>The error of a value too wide for its field (built out of line, off the success path).</summary>");
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
            w.Line("private static global::Codec.WriteResult CodecWriteOutOfRange(string field, int bitOffset, ulong maximum, ulong value) =>");
            w.Line("    global::Codec.WriteResult.Invalid(new global::Codec.CodecError(global::Codec.CodecErrorKind.ValueOutOfRange, field, bitOffset, maximum, value));");
            w.Line();
            w.Line("/// <summary>The error of a destination too small (built out of line, off the success path).</summary>");
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
            w.Line("private static global::Codec.WriteResult CodecWriteTooSmall(int needed, int available) =>");
            w.Line("    global::Codec.WriteResult.DestinationTooSmall(needed, available);");
        }

        private static void EmitWriteUnit(SourceWriter w, Unit unit, int index, string destination = "destination", string bitBase = "", ICollection<string>? computed = null)
        {
            w.Line();
            FieldModel first = unit.Fields[0];
            if (unit.IsBlock)
            {
                w.Line("// " + first.Name + ": bytes " + Layout.Int(unit.ByteOffset) + "–" + Layout.Int(unit.ByteOffset + unit.ByteCount - 1));
                if (first.Kind == FieldModelKind.IPv6Address)
                {
                    w.Line("global::Codec.WireBits.StoreUInt64BigEndian(ref start, " + Layout.Int(unit.ByteOffset) + ", this." + first.Id + ".Upper);");
                    w.Line("global::Codec.WireBits.StoreUInt64BigEndian(ref start, " + Layout.Int(unit.ByteOffset + 8) + ", this." + first.Id + ".Lower);");
                }
                else
                {
                    w.OpenBlock();
                    w.Line(first.TypeName + " block = this." + first.Id + ";");
                    w.Line("((global::System.ReadOnlySpan<byte>)block).CopyTo(" + destination + ".Slice(" + Layout.Int(unit.ByteOffset) + ", " + Layout.Int(unit.ByteCount) + "));");
                    w.Close();
                }

                return;
            }

            string word = "unit" + Layout.Int(index);
            w.Line("// bytes " + Layout.Int(unit.ByteOffset) + "–" + Layout.Int(unit.ByteOffset + unit.ByteCount - 1) + ": " + string.Join(", ", unit.Fields.ConvertAll(f => f.Name + " (" + Layout.Int(f.Bits) + ")")));
            if (unit.IsWide)
            {
                w.Line(destination + ".Slice(" + Layout.Int(unit.ByteOffset) + ", " + Layout.Int(unit.ByteCount) + ").Clear();");
            }

            var parts = new List<string>();
            foreach (FieldModel field in unit.Fields)
            {
                string raw;
                if (field.IsReserved)
                {
                    continue; // zeros
                }

                if (field.HasConstant)
                {
                    raw = Layout.Hex(field.ConstantValue);
                }
                else if (computed is not null && computed.Contains(field.Name))
                {
                    raw = "raw" + field.Name; // computed and checked before the first byte is written
                }
                else
                {
                    raw = "raw" + field.Name;
                    string member = "this." + field.Id;
                    w.Line("ulong " + raw + " = " + Layout.ToRaw(field, member) + ";");
                    string? outOfRange = Layout.OutOfRange(field, raw, member);
                    if (outOfRange is not null)
                    {
                        w.Open("if (" + outOfRange + ")");
                        w.Line("return CodecWriteOutOfRange(" + Layout.Literal(field.Name) + ", " + bitBase + Layout.Int(field.BitOffset) + ", " + Layout.Hex(field.Mask) + ", " + raw + ");");
                        w.Close();
                        w.Line();
                    }

                    if (field.Kind == FieldModelKind.Signed && field.Bits < field.TypeBits)
                    {
                        raw = "(" + raw + " & " + Layout.Hex(field.Mask) + ")";
                    }
                }

                if (unit.IsWide)
                {
                    w.Line("global::Codec.WireBits.WriteBits(" + destination + ", " + Layout.Int(field.BitOffset) + ", " + Layout.Int(field.Bits) + ", " + raw + ", " + Layout.Order(unit.BigEndian) + ");");
                }
                else
                {
                    int shift = unit.Shift(field);
                    parts.Add(shift == 0 ? raw : "(" + raw + " << " + Layout.Int(shift) + ")");
                }
            }

            if (!unit.IsWide)
            {
                string composed = parts.Count == 0 ? "0UL" : string.Join(" | ", parts);
                w.Line(Layout.Store(unit, composed));
            }
        }
    }
}
