using System.Collections.Generic;
using Codec.Generator.Model;

namespace Codec.Generator.Emitting
{
    internal static partial class MessageEmitter
    {
        private static void EmitRead(SourceWriter w, MessageModel model, List<Unit> units)
        {
            string self = model.FullyQualifiedName;
            w.Line();
            w.Line("/// <summary>Reads a message from the start of <paramref name=\"source\"/>. Checks the length once, never reads past it, never throws.</summary>");
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            w.Open("public static global::Codec.ReadResult TryRead(global::System.ReadOnlySpan<byte> source, out " + self + " value" + OptionsParameter(model) + ")");
            w.Open("if (source.Length < Size)");
            w.Line("value = default;");
            w.Line("return CodecTruncated(source.Length);");
            w.Close();
            w.Line();
            if (model.AllStorageIsWire)
            {
                w.Line("// Every field of the struct is assigned below, so it is not zeroed first.");
                w.Line("global::System.Runtime.CompilerServices.Unsafe.SkipInit(out value);");
            }
            else
            {
                w.Line("value = default;");
            }

            w.Line("ref byte start = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(source);");
            int index = 0;
            foreach (Unit unit in units)
            {
                EmitReadUnit(w, unit, index++);
            }

            EmitVerifyChecksum(w, model, "Size");
            w.Line();
            w.Line("return global::Codec.ReadResult.Done(Size);");
            w.Close();
            EmitReadWithoutOptions(w, model);

            w.Line();
            w.Line("/// <summary>Reads a message; <paramref name=\"bytesConsumed\"/> is its length when it returns true.</summary>");
            w.Open("public static bool TryRead(global::System.ReadOnlySpan<byte> source, out " + self + " value, out int bytesConsumed)");
            w.Line("global::Codec.ReadResult result = TryRead(source, out value);");
            w.Line("bytesConsumed = result.BytesConsumed;");
            w.Line("return result.IsDone;");
            w.Close();

            EmitFixedTryReadAt(w, model);

            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Reads a message from a possibly multi-segment sequence (a pipe's buffer). Consumed and examined are positions a");
            w.Line("/// <see cref=\"global::System.IO.Pipelines.PipeReader\"/> loop passes to AdvanceTo as they are.");
            w.Line("/// </summary>");
            w.Line("public static global::Codec.ReadResult TryRead(in global::System.Buffers.ReadOnlySequence<byte> source, out " + self + " value, out global::System.SequencePosition consumed, out global::System.SequencePosition examined) =>");
            w.Line("    global::Codec.SequenceReading.TryRead<" + self + ">(source, out value, out consumed, out examined);");

            w.Line();
            w.Line("/// <summary>Reads a message, throwing <see cref=\"global::Codec.CodecException\"/> when the input is not one.</summary>");
            w.Open("public static " + self + " Read(global::System.ReadOnlySpan<byte> source)");
            w.Line("global::Codec.ReadResult result = TryRead(source, out " + self + " value);");
            w.Open("if (!result.IsDone)");
            w.Line("global::Codec.ThrowHelper.ThrowReadFailed(result);");
            w.Close();
            w.Line();
            w.Line("return value;");
            w.Close();

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
            w.Line("global::Codec.WireBits.StoreBigEndian(destination, " + Layout.Int(checksum.ByteOffset) + ", 2, global::Codec.ChecksumField.Expected(destination.Slice(0, " + end + "), " + Layout.Int(checksum.ByteOffset) + "));");
            w.Close();
        }

        private static void EmitReadUnit(SourceWriter w, Unit unit, int index, string source = "source", string bitBase = "")
        {
            w.Line();
            FieldModel first = unit.Fields[0];
            if (unit.IsBlock)
            {
                w.Line("// " + first.Name + ": bytes " + Layout.Int(unit.ByteOffset) + "–" + Layout.Int(unit.ByteOffset + unit.ByteCount - 1));
                if (first.Kind == FieldModelKind.IPv6Address)
                {
                    w.Line("value." + first.Id + " = new global::Codec.IPv6Address(global::Codec.WireBits.LoadBigEndian(ref start, " + Layout.Int(unit.ByteOffset) + ", 8), global::Codec.WireBits.LoadBigEndian(ref start, " + Layout.Int(unit.ByteOffset + 8) + ", 8));");
                }
                else
                {
                    w.OpenBlock();
                    w.Line(first.TypeName + " block = default;");
                    w.Line(source + ".Slice(" + Layout.Int(unit.ByteOffset) + ", " + Layout.Int(unit.ByteCount) + ").CopyTo(block);");
                    w.Line("value." + first.Id + " = block;");
                    w.Close();
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
                w.Line("ulong " + word + " = global::Codec.WireBits.Load" + Layout.Endian(unit.BigEndian) + "(ref start, " + Layout.Int(unit.ByteOffset) + ", " + Layout.Int(unit.ByteCount) + ");");
            }

            foreach (FieldModel field in unit.Fields)
            {
                string raw = unit.IsWide
                    ? "global::Codec.WireBits.ReadBits(" + source + ", " + Layout.Int(field.BitOffset) + ", " + Layout.Int(field.Bits) + ", " + Layout.Order(unit.BigEndian) + ")"
                    : Layout.Extract(word, unit, field);
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
                if (field.HasConstant)
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
    }
}
