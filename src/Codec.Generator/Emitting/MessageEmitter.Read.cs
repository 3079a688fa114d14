using System.Collections.Generic;
using Codec.Generator.Model;

namespace Codec.Generator.Emitting
{
    internal static partial class MessageEmitter
    {
        private static void EmitRead(SourceWriter w, MessageModel model, List<Unit> units)
        {
            string self = model.FullyQualifiedName;
            bool checksum = model.Checksum is not null;

            // The fast path answers only yes or no, so nothing that holds an error (a string, two numbers) lives in the
            // caller's frame; when it says no, a separate, never-inlined path works out which field failed and why. That
            // path fills a value of its own: were it handed the caller's, the caller's value would have its address
            // taken and could no longer live in registers.
            w.Line();
            w.Line("/// <summary>Reads a message; <paramref name=\"bytesConsumed\"/> is its length when it returns true. Checks the length once, never reads past it, never throws.</summary>");
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            w.Line("public static bool TryRead(global::System.ReadOnlySpan<byte> source, out " + self + " value, out int bytesConsumed) =>");
            w.Line("    CodecTryRead(source, out value, out bytesConsumed" + (checksum ? ", verifyChecksum: true" : string.Empty) + ");");

            w.Line();
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            w.Open("private static bool CodecTryRead(global::System.ReadOnlySpan<byte> source, out " + self + " value, out int bytesConsumed" + (checksum ? ", bool verifyChecksum" : string.Empty) + ")");
            w.Open("if (source.Length < Size)");
            w.Line("value = default;");
            w.Line("bytesConsumed = 0;");
            w.Line("return false;");
            w.Close();
            w.Line();
            EmitValueInit(w, model);
            w.Line("ref byte start = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(source);");
            int index = 0;
            foreach (Unit unit in units)
            {
                EmitReadUnit(w, unit, index++, fast: true);
            }

            if (checksum)
            {
                w.Line();
                w.Open("if (verifyChecksum && !global::Codec.InternetChecksum.IsValid(source.Slice(0, " + ChecksumEndOfFixed(model) + ")))");
                w.Line("value = default;");
                w.Line("bytesConsumed = 0;");
                w.Line("return false;");
                w.Close();
            }

            w.Line();
            w.Line("bytesConsumed = Size;");
            w.Line("return true;");
            w.Close();

            w.Line();
            w.Line("/// <summary>Reads a message from the start of <paramref name=\"source\"/>; on failure the result says which field, where and why. Never throws.</summary>");
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            w.Open("public static global::Codec.ReadResult TryRead(global::System.ReadOnlySpan<byte> source, out " + self + " value" + OptionsParameter(model) + ")");
            w.Open("if (CodecTryRead(source, out value, out int bytesConsumed" + (checksum ? ", (options & global::Codec.ReadOptions.SkipChecksums) == 0" : string.Empty) + "))");
            w.Line("return global::Codec.ReadResult.Done(bytesConsumed);");
            w.Close();
            w.Line();
            w.Line("return CodecReadDetailed(source" + (checksum ? ", options" : string.Empty) + ");");
            w.Close();
            EmitReadWithoutOptions(w, model);

            w.Line();
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
            w.Open("private static global::Codec.ReadResult CodecReadDetailed(global::System.ReadOnlySpan<byte> source" + OptionsParameter(model) + ")");
            w.Open("if (source.Length < Size)");
            w.Line("return CodecTruncated(source.Length);");
            w.Close();
            w.Line();
            w.Line(self + " value = default;");
            w.Line("ref byte start = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(source);");
            index = 0;
            foreach (Unit unit in units)
            {
                EmitReadUnit(w, unit, index++);
            }

            EmitVerifyChecksum(w, model, ChecksumEndOfFixed(model));
            w.Line();
            w.Line("return global::Codec.ReadResult.Done(Size);");
            w.Close();

            EmitFixedTryReadAt(w, model);

            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Reads a message from a possibly multi-segment sequence (a pipe's buffer). Consumed and examined are positions a");
            w.Line("/// <see cref=\"global::System.IO.Pipelines.PipeReader\"/> loop passes to AdvanceTo as they are.");
            w.Line("/// </summary>");
            w.Line("public static global::Codec.ReadResult TryRead(in global::System.Buffers.ReadOnlySequence<byte> source, out " + self + " value, out global::System.SequencePosition consumed, out global::System.SequencePosition examined) =>");
            w.Line("    global::Codec.SequenceReading.TryRead<" + self + ">(source, out value, out consumed, out examined);");

            EmitThrowingRead(w, self);

            // Which field the input ends in: only computed on the failure path.
            w.Line();
            w.Open("private static global::Codec.ReadResult CodecTruncated(int available)");
            int covered = 0;
            foreach (FieldModel field in model.Fields)
            {
                if (field.EndByte <= covered)
                {
                    continue; // an earlier field ends in the same byte and is named first
                }

                covered = field.EndByte;
                w.Open("if (available < " + Layout.Int(field.EndByte) + ")");
                w.Line("return global::Codec.ReadResult.NeedMoreData(" + Layout.Literal(field.Name) + ", " + Layout.Int(field.BitOffset) + ", Size, available);");
                w.Close();
                w.Line();
            }

            w.Line("return global::Codec.ReadResult.NeedMoreData(null, 0, Size, available);");
            w.Close();
        }

        /// <summary>A fixed message inside an enclosing one: read from the slice, errors placed in the enclosing message.</summary>
        private static void EmitFixedTryReadAt(SourceWriter w, MessageModel model)
        {
            w.Line();
            w.Line("/// <summary>Reads a message that starts <paramref name=\"offset\"/> bytes into <paramref name=\"message\"/>; error offsets count from the start of <paramref name=\"message\"/>.</summary>");
            w.Open("public static global::Codec.ReadResult TryReadAt(global::System.ReadOnlySpan<byte> message, int offset, out " + model.FullyQualifiedName + " value)");
            w.Open("if ((uint)offset > (uint)message.Length)");
            w.Line("value = default;");
            w.Line("return global::Codec.ReadResult.NeedMoreData(null, 0, Size, 0).At(offset);");
            w.Close();
            w.Line();
            w.Line("return TryRead(message.Slice(offset), out value).At(offset);");
            w.Close();

            w.Line();
            w.Line("/// <summary>Reads a message that starts <paramref name=\"offset\"/> bytes into <paramref name=\"message\"/>, answering only whether it read; never throws.</summary>");
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            w.Open("public static bool TryReadAt(global::System.ReadOnlySpan<byte> message, int offset, out " + model.FullyQualifiedName + " value, out int bytesConsumed)");
            w.Open("if ((uint)offset > (uint)message.Length)");
            w.Line("value = default;");
            w.Line("bytesConsumed = 0;");
            w.Line("return false;");
            w.Close();
            w.Line();
            w.Line("return CodecTryRead(message.Slice(offset), out value, out bytesConsumed" + (model.Checksum is not null ? ", verifyChecksum: true" : string.Empty) + ");");
            w.Close();
        }

        private static void EmitValueInit(SourceWriter w, MessageModel model)
        {
            if (model.AllStorageIsWire)
            {
                w.Line("// Every field of the struct is assigned below, so it is not zeroed first.");
                w.Line("global::System.Runtime.CompilerServices.Unsafe.SkipInit(out value);");
            }
            else
            {
                w.Line("value = default;");
            }
        }

        /// <summary>In a fixed message, the checksum covers through its Through field, or the whole message.</summary>
        private static string ChecksumEndOfFixed(MessageModel model)
        {
            FieldModel? checksum = model.Checksum;
            if (checksum is null || checksum.ChecksumThrough!.Length == 0)
            {
                return "Size";
            }

            foreach (FieldModel field in model.Fields)
            {
                if (field.Name == checksum.ChecksumThrough)
                {
                    return Layout.Int(field.EndByte);
                }
            }

            return "Size";
        }

        private static string OptionsParameter(MessageModel model) =>
            model.Checksum is null ? string.Empty : ", global::Codec.ReadOptions options";

        /// <summary>For messages with a checksum, the two-argument TryRead verifies it.</summary>
        private static void EmitReadWithoutOptions(SourceWriter w, MessageModel model)
        {
            if (model.Checksum is null)
            {
                return;
            }

            w.Line();
            w.Line("/// <summary>Reads a message, verifying its checksum.</summary>");
            w.Line("public static global::Codec.ReadResult TryRead(global::System.ReadOnlySpan<byte> source, out " + model.FullyQualifiedName + " value) =>");
            w.Line("    TryRead(source, out value, global::Codec.ReadOptions.None);");
        }

        /// <summary>RFC 1071 verification over the covered bytes (both +0 and −0 accepted), unless the caller skips it.</summary>
        private static void EmitVerifyChecksum(SourceWriter w, MessageModel model, string end, string start = "0")
        {
            if (model.Checksum is not { } checksum)
            {
                return;
            }

            string covered = start == "0" ? "source.Slice(0, " + end + ")" : "source.Slice(" + start + ", " + end + " - " + start + ")";
            string at = start == "0" ? string.Empty : start + " + ";
            string bitAt = start == "0" ? string.Empty : start + " * 8 + ";
            w.Line();
            w.Open("if ((options & global::Codec.ReadOptions.SkipChecksums) == 0 && !global::Codec.InternetChecksum.IsValid(" + covered + "))");
            w.Line("value = default;");
            w.Line("return global::Codec.ReadResult.Invalid(new global::Codec.CodecError(global::Codec.CodecErrorKind.ChecksumMismatch, " + Layout.Literal(checksum.Name) + ", " + bitAt + Layout.Int(checksum.BitOffset) + ", global::Codec.ChecksumField.Expected(" + covered + ", " + Layout.Int(checksum.ByteOffset) + "), global::Codec.WireBits.LoadBigEndian(source, " + at + Layout.Int(checksum.ByteOffset) + ", 2)));");
            w.Close();
        }

        /// <summary>A checksum left at 0 is computed once every covered byte is written.</summary>
        private static void EmitFillChecksum(SourceWriter w, MessageModel model, string end)
        {
            if (model.Checksum is not { } checksum)
            {
                return;
            }

            w.Line();
            w.Open("if (this." + checksum.Id + " == 0)");
            // The field was just written as 0, so the checksum of the covered octets as they lie is the one to store.
            w.Line("global::Codec.WireBits.StoreUInt16BigEndian(ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(destination), " + Layout.Int(checksum.ByteOffset) + ", global::Codec.InternetChecksum.Compute(destination.Slice(0, " + end + ")));");
            w.Close();
        }

        private static void EmitReadUnit(SourceWriter w, Unit unit, int index, string source = "source", string bitBase = "", bool fast = false)
        {
            w.Line();
            FieldModel first = unit.Fields[0];
            if (unit.IsBlock)
            {
                w.Line("// " + first.Name + ": bytes " + Layout.Int(unit.ByteOffset) + "–" + Layout.Int(unit.ByteOffset + unit.ByteCount - 1));
                if (first.Kind == FieldModelKind.IPv6Address)
                {
                    w.Line("value." + first.Id + " = new global::Codec.IPv6Address(global::Codec.WireBits.LoadUInt64BigEndian(ref start, " + Layout.Int(unit.ByteOffset) + "), global::Codec.WireBits.LoadUInt64BigEndian(ref start, " + Layout.Int(unit.ByteOffset + 8) + "));");
                }
                else
                {
                    // An [InlineArray(N)] of bytes is exactly N octets, inside the run the caller has bounds-checked: one
                    // unaligned load into the field (a local zeroed, filled and copied over cost three passes over the
                    // 208 octets of DHCP's chaddr, sname and file).
                    w.Line("value." + first.Id + " = global::System.Runtime.CompilerServices.Unsafe.ReadUnaligned<" + first.TypeName + ">(ref global::System.Runtime.CompilerServices.Unsafe.Add(ref start, " + Layout.Int(unit.ByteOffset) + "));");
                }

                return;
            }

            string word = "unit" + Layout.Int(index);
            if (unit.IsWide)
            {
                w.Line("// bytes " + Layout.Int(unit.ByteOffset) + "–" + Layout.Int(unit.ByteOffset + unit.ByteCount - 1) + ": wider than a word, read field by field");
            }
            else
            {
                w.Line("// bytes " + Layout.Int(unit.ByteOffset) + "–" + Layout.Int(unit.ByteOffset + unit.ByteCount - 1) + ": " + string.Join(", ", unit.Fields.ConvertAll(f => f.Name + " (" + Layout.Int(f.Bits) + ")")));
                w.Line((Layout.IsNarrow(unit) ? "uint " : "ulong ") + word + " = " + Layout.Load(unit) + ";");
            }

            foreach (FieldModel field in unit.Fields)
            {
                string raw = unit.IsWide
                    ? "global::Codec.WireBits.ReadBits(" + source + ", " + Layout.Int(field.BitOffset) + ", " + Layout.Int(field.Bits) + ", " + Layout.Order(unit.BigEndian) + ")"
                    : Layout.Extract(word, unit, field, Layout.IsNarrow(unit));
                bool check = field.HasConstant || (field.IsReserved && field.RejectNonZero);
                if (field.IsReserved && !check)
                {
                    continue;
                }

                if (!check)
                {
                    w.Line("value." + field.Id + " = " + Layout.FromRaw(field, raw) + ";");
                    continue;
                }

                string local = "raw" + field.Name;
                w.Line("ulong " + local + " = " + raw + ";");
                if (fast)
                {
                    w.Open("if (" + local + " != " + (field.HasConstant ? Layout.Hex(field.ConstantValue) : "0UL") + ")");
                    w.Line("value = default;");
                    w.Line("bytesConsumed = 0;");
                    w.Line("return false;");
                    w.Close();
                    if (field.HasConstant)
                    {
                        w.Line();
                        w.Line("value." + field.Id + " = " + Layout.FromRaw(field, local) + ";");
                    }
                }
                else if (field.HasConstant)
                {
                    w.Open("if (" + local + " != " + Layout.Hex(field.ConstantValue) + ")");
                    w.Line("value = default;");
                    w.Line("return global::Codec.ReadResult.Invalid(new global::Codec.CodecError(global::Codec.CodecErrorKind.ConstantMismatch, " + Layout.Literal(field.Name) + ", " + bitBase + Layout.Int(field.BitOffset) + ", " + Layout.Hex(field.ConstantValue) + ", " + local + "));");
                    w.Close();
                    w.Line();
                    w.Line("value." + field.Id + " = " + Layout.FromRaw(field, local) + ";");
                }
                else
                {
                    w.Open("if (" + local + " != 0UL)");
                    w.Line("value = default;");
                    w.Line("return global::Codec.ReadResult.Invalid(new global::Codec.CodecError(global::Codec.CodecErrorKind.ReservedNotZero, " + Layout.Literal(field.Name) + ", " + bitBase + Layout.Int(field.BitOffset) + ", 0UL, " + local + "));");
                    w.Close();
                }
            }
        }

        /// <summary>
        /// Emits <c>Read(source)</c> of <paramref name="self"/> (a message or an option list): its <c>TryRead</c>, throwing a
        /// <c>CodecException</c> when that fails; <paramref name="summary"/> is its doc comment's text.
        /// </summary>
        internal static void EmitThrowingRead(SourceWriter w, string self, string summary = "Reads a message, throwing <see cref=\"global::Codec.CodecException\"/> when the input is not one.")
        {
            w.Line();
            w.Line("/// <summary>" + summary + "</summary>");
            w.Open("public static " + self + " Read(global::System.ReadOnlySpan<byte> source)");
            w.Line("global::Codec.ReadResult result = TryRead(source, out " + self + " value);");
            w.Open("if (!result.IsDone)");
            w.Line("global::Codec.ThrowHelper.ThrowReadFailed(result);");
            w.Close();
            w.Line();
            w.Line("return value;");
            w.Close();
        }
    }
}
