using System.Collections.Generic;
using Codec.Generator.Model;

namespace Codec.Generator.Emitting
{
    internal static partial class MessageEmitter
    {
        private static void EmitWrite(SourceWriter w, MessageModel model, List<Unit> units)
        {
            EmitWrite(w, model, units, fast: false);
            EmitWrite(w, model, units, fast: true);
            EmitWriteWrappers(w, "Size");
        }

        /// <summary>
        /// TryWrite, twice: returning a WriteResult (the error built on failure), and the same checks and stores returning
        /// a bool (<paramref name="fast"/>), which builds no result at all: neither wraps the other.
        /// </summary>
        private static void EmitWrite(SourceWriter w, MessageModel model, List<Unit> units, bool fast)
        {
            w.Line();
            if (fast)
            {
                EmitFastWriteHeader(w);
            }
            else
            {
                w.Line("/// <summary>");
                w.Line("/// Writes the message to the start of <paramref name=\"destination\"/>. Constants are written as declared and");
                w.Line("/// reserved bits as zeros; a value too wide for its field is InvalidData (the destination's content is then unspecified).");
                w.Line("/// </summary>");
                w.Open("public global::Codec.WriteResult TryWrite(global::System.Span<byte> destination)");
            }

            w.Open("if (destination.Length < Size)");
            w.Line(Failure(fast, "CodecWriteTooSmall(Size, destination.Length)"));
            w.Close();
            w.Line();
            w.Line("ref byte start = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(destination);");
            List<string>? checksumTerms = model.Checksum is { } checksum && checksum.ChecksumThrough!.Length == 0 && SumsInRegisters(units) ? new List<string>() : null;
            int index = 0;
            foreach (Unit unit in units)
            {
                EmitWriteUnit(w, unit, index++, fast: fast, checksumTerms: checksumTerms);
            }

            if (checksumTerms is not null)
            {
                EmitFillChecksumFromWords(w, model, checksumTerms, null);
            }
            else
            {
                EmitFillChecksum(w, model, ChecksumEndOfFixed(model));
            }
            w.Line();
            EmitWriteDone(w, fast, "Size");
            w.Close();
        }

        private static void EmitFastWriteHeader(SourceWriter w)
        {
            w.Line("/// <summary>");
            w.Line("/// Writes the message as <see cref=\"TryWrite(global::System.Span{byte})\"/> does, with the same checks;");
            w.Line("/// <paramref name=\"bytesWritten\"/> is its length when it returns true. Builds no result: call the other");
            w.Line("/// overload to learn why a write failed.");
            w.Line("/// </summary>");
            w.Open("public bool TryWrite(global::System.Span<byte> destination, out int bytesWritten)");
            w.Line("bytesWritten = 0;");
        }

        /// <summary>The statement that fails a write: false, or the error <paramref name="detailed"/> builds.</summary>
        private static string Failure(bool fast, string detailed) => fast ? "return false;" : "return " + detailed + ";";

        private static void EmitWriteDone(SourceWriter w, bool fast, string length)
        {
            if (fast)
            {
                w.Line("bytesWritten = " + length + ";");
                w.Line("return true;");
            }
            else
            {
                w.Line("return global::Codec.WriteResult.Done(" + length + ");");
            }
        }

        /// <summary>The buffer-writer write over TryWrite(Span), and the out-of-line error builders.</summary>
        private static void EmitWriteWrappers(SourceWriter w, string size)
        {
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

        /// <summary>
        /// Whether the words of these units can be added up for an Internet checksum as they are stored, in registers, instead
        /// of being read back from the destination (a read straight after narrower stores of the same octets stalls on
        /// store-to-load forwarding): every unit is a big-endian integer unit of at most 4 octets (no bit-by-bit wide unit,
        /// byte block or little-endian word).
        /// </summary>
        private static bool SumsInRegisters(IEnumerable<Unit> units)
        {
            foreach (Unit unit in units)
            {
                if (unit.IsWide || unit.IsBlock || !unit.BigEndian || unit.ByteCount > 4)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Whether a message with variable members sums its checksum in registers: the checksum runs through the first
        /// variable member (IPv4 through its options, ICMP through its data), which directly follows the first run of fixed
        /// fields, whose units all qualify and whose length is even (so the member's octets start on a word).
        /// </summary>
        private static bool ChecksumSummedInRegisters(MessageModel model, List<List<FieldModel>> runs, List<FieldModel> variables) =>
            model.Checksum is { } checksum && variables.Count > 0 && variables[0].Name == checksum.ChecksumThrough
            && variables[0].Kind != FieldModelKind.DnsName && runs.Count > 0 && runs[0].Count > 0 && RunBytes(runs[0]) % 2 == 0
            && SumsInRegisters(Layout.Units(runs[0]));

        /// <summary>
        /// Stores the [InternetChecksum] field, when it is 0, from the words the fixed units stored (<paramref name="terms"/>,
        /// partial sums in the sense of <c>InternetChecksum.Add</c>) plus, for a message whose checksum runs through its
        /// first variable member, the octets of that member as they lie in the destination (from <paramref name="variableStart"/>,
        /// an even offset, to checksumEnd). The field itself was stored as 0, so its term adds nothing.
        /// </summary>
        private static void EmitFillChecksumFromWords(SourceWriter w, MessageModel model, List<string> terms, string? variableStart)
        {
            FieldModel checksum = model.Checksum!;
            string sum = terms.Count == 0 ? "0UL" : string.Join(" + ", terms);
            if (variableStart is not null)
            {
                sum += " + (checksumEnd == " + variableStart + " ? 0UL : global::Codec.InternetChecksum.Add(0UL, destination.Slice(" + variableStart + ", checksumEnd - " + variableStart + ")))";
            }

            w.Line();
            w.Open("if (this." + checksum.Id + " == 0)");
            w.Line("// The words as stored, added in registers: reading the octets just stored back would stall.");
            w.Line("global::Codec.WireBits.StoreUInt16BigEndian(ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(destination), " + Layout.Int(checksum.ByteOffset) + ", global::Codec.InternetChecksum.Fold(" + sum + "));");
            w.Close();
        }

        private static void EmitWriteUnit(SourceWriter w, Unit unit, int index, string destination = "destination", string bitBase = "", ICollection<string>? computed = null, bool fast = false, List<string>? checksumTerms = null)
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
                    // Straight from the field into place: no local copy of the inline array.
                    w.Line("((global::System.ReadOnlySpan<byte>)this." + first.Id + ").CopyTo(" + destination + ".Slice(" + Layout.Int(unit.ByteOffset) + ", " + Layout.Int(unit.ByteCount) + "));");
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
                        w.Line(Failure(fast, "CodecWriteOutOfRange(" + Layout.Literal(field.Name) + ", " + bitBase + Layout.Int(field.BitOffset) + ", " + Layout.Hex(field.Mask) + ", " + raw + ")"));
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
                if (checksumTerms is not null)
                {
                    // The unit's big-endian value is congruent (mod 0xFFFF) to the sum of its 16-bit words when it ends
                    // on a word boundary; otherwise its last octet is the high half of a word, hence the shift by 8.
                    // Truncated to the unit's width, as the store truncates it.
                    string stored = "checksumWord" + Layout.Int(index);
                    string width = unit.ByteCount switch { 1 => "(ulong)(byte)(", 2 => "(ulong)(ushort)(", 4 => "(ulong)(uint)(", _ => "0xFFFFFFUL & (" };
                    w.Line("ulong " + stored + " = " + width + composed + ");");
                    w.Line(Layout.Store(unit, stored));
                    checksumTerms.Add((unit.ByteOffset + unit.ByteCount) % 2 == 0 ? stored : "(" + stored + " << 8)");
                }
                else
                {
                    w.Line(Layout.Store(unit, composed));
                }
            }
        }
    }
}
