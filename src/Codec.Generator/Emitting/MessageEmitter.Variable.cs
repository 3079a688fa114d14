using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Codec.Generator.Model;

namespace Codec.Generator.Emitting
{
    /// <summary>
    /// Messages with variable-length members. Their fixed fields fall into runs separated by the variable members; each
    /// run is bounds-checked once where it starts (a position known only at run time) and then read like a fixed message.
    /// Variable members are spans into the input: nothing is copied.
    /// </summary>
    internal static partial class MessageEmitter
    {
        private const string Position = "position * 8 + ";

        private static void EmitVariable(SourceWriter w, MessageModel model, CancellationToken cancellationToken)
        {
            string self = model.FullyQualifiedName;
            List<List<FieldModel>> runs = Runs(model);
            List<FieldModel> variables = model.Fields.Where(f => f.IsVariable).ToList();

            w.Line("/// <summary>The fewest bytes a message occupies: its fixed fields, with every variable-length field empty.</summary>");
            w.Line("public const int MinimumSize = " + Layout.Int(model.Size) + ";");
            w.Line();
            w.Line("static int global::Codec.IWireMessage<" + self + ">.MinimumWireSize => MinimumSize;");
            w.Line();
            w.Line("/// <summary>The exact number of bytes <see cref=\"TryWrite(global::System.Span{byte})\"/> writes.</summary>");
            w.Line("public int GetSerializedSize() => MinimumSize" + string.Concat(variables.Select(v => " + " + v.ByteLength)) + ";");

            cancellationToken.ThrowIfCancellationRequested();
            EmitVariableRead(w, model, runs);
            cancellationToken.ThrowIfCancellationRequested();
            EmitVariableWrite(w, model, runs);
            cancellationToken.ThrowIfCancellationRequested();
            EmitVariableDissect(w, model, runs);

            // Views cover the first run: the fixed header that a rewrite in place (a NAT) touches.
            List<Unit> head = Layout.Units(runs[0]);
            string headSize = Layout.Int(RunBytes(runs[0]));
            EmitView(w, model, head, writable: true, size: headSize);
            EmitView(w, model, head, writable: false, size: headSize);
        }

        /// <summary>The fixed fields of each run; run k follows the k-th variable member.</summary>
        private static List<List<FieldModel>> Runs(MessageModel model)
        {
            var runs = new List<List<FieldModel>> { new() };
            foreach (FieldModel field in model.Fields)
            {
                if (field.IsVariable)
                {
                    runs.Add(new List<FieldModel>());
                }
                else
                {
                    runs[runs.Count - 1].Add(field);
                }
            }

            return runs;
        }

        private static int RunBytes(List<FieldModel> run) => run.Sum(f => f.Bits) / 8;

        private static void EmitVariableRead(SourceWriter w, MessageModel model, List<List<FieldModel>> runs)
        {
            string self = model.FullyQualifiedName;
            FieldModel? messageLength = model.Fields.FirstOrDefault(f => f.MessageLength is not null);
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Reads a message from the start of <paramref name=\"source\"/>. Variable-length fields are slices of it (no copy).");
            w.Line("/// Each run of fixed fields is bounds-checked once; lengths are checked against the end of the message. Never throws.");
            w.Line("/// </summary>");
            w.Line("public static global::Codec.ReadResult TryRead(global::System.ReadOnlySpan<byte> source, out " + self + " value" + OptionsParameter(model) + ") =>");
            w.Line("    TryReadAt(source, 0, out value" + (model.Checksum is null ? string.Empty : ", options") + ");");
            EmitReadWithoutOptions(w, model);
            if (model.Checksum is not null)
            {
                w.Line();
                w.Line("/// <summary>Reads a message that starts <paramref name=\"offset\"/> bytes into <paramref name=\"source\"/>, verifying its checksum.</summary>");
                w.Line("public static global::Codec.ReadResult TryReadAt(global::System.ReadOnlySpan<byte> source, int offset, out " + self + " value) =>");
                w.Line("    TryReadAt(source, offset, out value, global::Codec.ReadOptions.None);");
            }

            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Reads a message that starts <paramref name=\"offset\"/> bytes into <paramref name=\"source\"/> (an enclosing message,");
            w.Line("/// whose start compression pointers count from). BytesConsumed is this message's length; error offsets count from");
            w.Line("/// the start of <paramref name=\"source\"/>.");
            w.Line("/// </summary>");
            w.Open("public static global::Codec.ReadResult TryReadAt(global::System.ReadOnlySpan<byte> source, int offset, out " + self + " value" + OptionsParameter(model) + ")");
            if (HasVisitor(model))
            {
                w.Line("CodecNoVisitor none = default;");
            }

            w.Open("if (CodecTryReadAt(source, offset, " + (HasVisitor(model) ? "ref none, " : string.Empty) + "out value, out int bytesConsumed" + (model.Checksum is null ? string.Empty : ", (options & global::Codec.ReadOptions.SkipChecksums) == 0") + "))");
            w.Line("return global::Codec.ReadResult.Done(bytesConsumed);");
            w.Close();
            w.Line();
            w.Line("return CodecReadAtDetailed(source, offset, out value" + (model.Checksum is null ? string.Empty : ", options") + ");");
            w.Close();

            EmitVariableFastRead(w, model, runs);

            // The detailed path: the same checks, saying which field failed, where and why. Only reached when the fast
            // path said no (or to build the result of a dissection).
            w.Line();
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
            w.Open("private static global::Codec.ReadResult CodecReadAtDetailed(global::System.ReadOnlySpan<byte> source, int offset, out " + self + " value" + OptionsParameter(model) + ")");
            w.Line("value = default;");
            w.Open("if ((uint)offset > (uint)source.Length)");
            w.Line("return global::Codec.ReadResult.NeedMoreData(null, 0, MinimumSize, 0).At(offset);");
            w.Close();
            w.Line();
            if (model.Checksum is not null)
            {
                w.Line("int checksumEnd = offset;");
            }

            w.Line("int end = source.Length;");
            w.Line("bool bounded = false;");
            w.Line("int position = offset;");
            w.Line("ref byte start = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(source), position);");

            int unitIndex = 0;
            int variableIndex = 0;
            List<FieldModel> variables = model.Fields.Where(f => f.IsVariable).ToList();
            for (int r = 0; r < runs.Count; r++)
            {
                List<FieldModel> run = runs[r];
                if (run.Count > 0)
                {
                    int bytes = RunBytes(run);
                    string bitBase = Position;
                    w.Line();
                    w.Open("if (end - position < " + Layout.Int(bytes) + ")");
                    w.Line("value = default;");
                    w.Line("return CodecTruncatedRun" + Layout.Int(r) + "(end - position, position, bounded);");
                    w.Close();

                    if (r > 0)
                    {
                        w.Line();
                        w.Line("start = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(source), position);");
                    }

                    string runSource = "source.Slice(position)";
                    foreach (Unit unit in Layout.Units(run))
                    {
                        EmitReadUnit(w, unit, unitIndex++, runSource, bitBase);
                    }

                    if (messageLength is not null && run.Contains(messageLength))
                    {
                        LengthRule rule = messageLength.MessageLength!;
                        string bit = bitBase + Layout.Int(messageLength.BitOffset);
                        w.Line();
                        w.Line("// The message ends where " + messageLength.Name + " says: bytes after it are not the message's.");
                        w.Line("long messageLength = ((long)value." + messageLength.Id + " * " + rule.Scale.ToString(System.Globalization.CultureInfo.InvariantCulture) + "L) + " + Long(rule.Offset) + ";");
                        w.Line("// At least the fixed part, and at least what has been read up to the end of this run.");
                        w.Line("long leastLength = global::System.Math.Max(MinimumSize, position - offset + " + Layout.Int(bytes) + ");");
                        w.Open("if (messageLength < leastLength)");
                        w.Line("value = default;");
                        w.Line("return global::Codec.ReadResult.Invalid(new global::Codec.CodecError(global::Codec.CodecErrorKind.LengthOutOfRange, " + Layout.Literal(messageLength.Name) + ", " + bit + ", (ulong)leastLength, unchecked((ulong)messageLength)));");
                        w.Close();
                        w.Line();
                        w.Open("if (messageLength > source.Length - offset)");
                        w.Line("value = default;");
                        w.Line("return global::Codec.ReadResult.NeedMoreData(" + Layout.Literal(messageLength.Name) + ", " + bit + ", offset + (int)messageLength, source.Length);");
                        w.Close();
                        w.Line();
                        w.Line("end = offset + (int)messageLength;");
                        w.Line("bounded = true;");
                    }

                    w.Line("position += " + Layout.Int(bytes) + ";");
                }

                if (r == 0)
                {
                    EmitChecksumEnd(w, model, run, null);
                }

                if (variableIndex < variables.Count && r == variableIndex)
                {
                    EmitReadVariable(w, model, variables[variableIndex]);
                    EmitChecksumEnd(w, model, run, variables[variableIndex]);
                    variableIndex++;
                }
            }

            EmitVerifyChecksum(w, model, "checksumEnd", "offset");
            w.Line();
            w.Line("return global::Codec.ReadResult.Done((bounded ? end : position) - offset);");
            w.Close();


            EmitThrowingRead(w, self);

            for (int r = 0; r < runs.Count; r++)
            {
                if (runs[r].Count == 0)
                {
                    continue;
                }

                int bytes = RunBytes(runs[r]);
                w.Line();
                w.Line("// Which field of run " + Layout.Int(r) + " the input ends in: only computed on the failure path. Inside a message whose");
                w.Line("// length field says it ends here, too few bytes are invalid; at the end of the input, more may come.");
                w.Open("private static global::Codec.ReadResult CodecTruncatedRun" + Layout.Int(r) + "(int available, int position, bool bounded)");
                int covered = 0;
                foreach (FieldModel field in runs[r])
                {
                    if (field.EndByte <= covered)
                    {
                        continue;
                    }

                    covered = field.EndByte;
                    w.Open("if (available < " + Layout.Int(field.EndByte) + ")");
                    w.Line("return CodecShort(" + Layout.Literal(field.Name) + ", " + Position + Layout.Int(field.BitOffset) + ", position + " + Layout.Int(bytes) + ", position + available, bounded);");
                    w.Close();
                    w.Line();
                }

                w.Line("return CodecShort(null, position * 8, position + " + Layout.Int(bytes) + ", position + available, bounded);");
                w.Close();
            }

            w.Line();
            w.Line("private static global::Codec.ReadResult CodecShort(string? field, int bitOffset, int needed, int available, bool bounded) =>");
            w.Indent();
            w.Line("bounded");
            w.Line("    ? global::Codec.ReadResult.Invalid(new global::Codec.CodecError(global::Codec.CodecErrorKind.LengthOutOfRange, field, bitOffset, (ulong)available, (ulong)needed))");
            w.Line("    : global::Codec.ReadResult.NeedMoreData(field, bitOffset, needed, available);");
            w.Outdent();
        }

        /// <summary>Where the checksum's coverage ends, once the member it runs through has been passed.</summary>
        private static void EmitChecksumEnd(SourceWriter w, MessageModel model, List<FieldModel> run, FieldModel? variable)
        {
            if (model.Checksum is not { } checksum)
            {
                return;
            }

            if (variable is not null && variable.Name == checksum.ChecksumThrough)
            {
                w.Line("checksumEnd = position;");
            }
            else if (variable is null && run.FirstOrDefault(f => f.Name == checksum.ChecksumThrough) is { } through)
            {
                w.Line("checksumEnd = offset + " + Layout.Int(through.EndByte) + ";");
            }
        }

        private static void EmitReadVariable(SourceWriter w, MessageModel model, FieldModel field)
        {
            w.Line();
            if (field.Kind == FieldModelKind.DnsName)
            {
                w.Line("// " + field.Name + ": a domain name; its compression pointers count from the start of source");
                w.OpenBlock();
                w.Line("global::Codec.ReadResult name = global::Codec.Dns.DnsName.TryRead(source.Slice(0, end), position, out value." + field.Id + ");");
                w.Open("if (!name.IsDone)");
                w.Line("value = default;");
                w.Line("return (bounded && name.Status == global::Codec.CodecStatus.NeedMoreData");
                w.Line("    ? global::Codec.ReadResult.Invalid(new global::Codec.CodecError(global::Codec.CodecErrorKind.LengthOutOfRange, null, name.Error.BitOffset, (ulong)end, name.Error.Expected))");
                w.Line("    : name).WithField(" + Layout.Literal(field.Name) + ");");
                w.Close();
                w.Line();
                w.Line("position += name.BytesConsumed;");
                w.Close();
                return;
            }

            if (field.Kind == FieldModelKind.List && field.CountFrom is not null)
            {
                w.Line("// " + field.Name + ": " + field.CountFrom + " elements, each read and validated in place");
                w.OpenBlock();
                w.Line("global::Codec.ReadResult list = " + field.TypeName + ".TryReadAt(source, position, end, (int)global::System.Math.Min((ulong)value." + Layout.Id(field.CountFrom) + ", int.MaxValue), out value." + field.Id + ");");
                EmitListFailure(w);
                w.Line("position += list.BytesConsumed;");
                w.Close();
                return;
            }

            // A union, options or elements filling the rest of the message: one read to its end.
            (string? comment, string? read) = !field.IsRemaining ? (null, null) : field.Kind switch
            {
                FieldModelKind.Union => ("the rest of the message, as the case " + field.DiscriminatorFrom + " chooses", "TryReadAt(source, position, end, " + Discriminator(model, field, "value.") + ", "),
                FieldModelKind.Options => ("options to the end of the message, each validated in place", "TryReadAt(source, position, end, "),
                FieldModelKind.List => ("elements to the end of the message", "TryReadAllAt(source, position, end, "),
                _ => (null, null),
            };
            if (read is not null)
            {
                w.Line("// " + field.Name + ": " + comment);
                w.OpenBlock();
                w.Line("global::Codec.ReadResult list = " + field.TypeName + "." + read + "out value." + field.Id + ");");
                EmitListFailure(w);
                w.Line("position = end;");
                w.Close();
                return;
            }

            if (field.IsRemaining)
            {
                w.Line("// " + field.Name + ": the rest of the message");
                w.Line("value." + field.Id + " = source.Slice(position, end - position);");
                w.Line("position = end;");
                return;
            }

            LengthRule rule = field.Length!;
            w.Line("// " + field.Name + ": " + rule.Field + " × " + rule.Scale.ToString(System.Globalization.CultureInfo.InvariantCulture) + (rule.Offset == 0 ? string.Empty : " + (" + rule.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")") + " bytes");
            w.OpenBlock();
            w.Line("long length = ((long)value." + rule.Field + " * " + rule.Scale.ToString(System.Globalization.CultureInfo.InvariantCulture) + "L) + " + Long(rule.Offset) + ";");
            w.Open("if (length < 0)");
            w.Line("value = default;");
            w.Line("return global::Codec.ReadResult.Invalid(new global::Codec.CodecError(global::Codec.CodecErrorKind.LengthOutOfRange, " + Layout.Literal(field.Name) + ", position * 8, (ulong)(end - position), unchecked((ulong)length)));");
            w.Close();
            w.Line();
            w.Open("if (length > end - position)");
            w.Line("value = default;");
            w.Line("return CodecShort(" + Layout.Literal(field.Name) + ", position * 8, position + (int)global::System.Math.Min(length, int.MaxValue - position), end, bounded);");
            w.Close();
            w.Line();
            if (field.Kind == FieldModelKind.List)
            {
                w.Line("global::Codec.ReadResult list = " + field.TypeName + ".TryReadAllAt(source, position, position + (int)length, out value." + field.Id + ");");
                EmitListFailure(w);
            }
            else if (field.Kind == FieldModelKind.Union)
            {
                w.Line("global::Codec.ReadResult list = " + field.TypeName + ".TryReadAt(source, position, position + (int)length, " + Discriminator(model, field, "value.") + ", out value." + field.Id + ");");
                EmitListFailure(w);
            }
            else if (field.Kind == FieldModelKind.Options)
            {
                w.Line("global::Codec.ReadResult list = " + field.TypeName + ".TryReadAt(source, position, position + (int)length, out value." + field.Id + ");");
                EmitListFailure(w);
            }
            else
            {
                w.Line("value." + field.Id + " = source.Slice(position, (int)length);");
            }

            w.Line("position += (int)length;");
            w.Close();
        }

        /// <summary>An element that fails fails the message, with its offset counted from the message's start.</summary>
        private static void EmitListFailure(SourceWriter w)
        {
            w.Open("if (!list.IsDone)");
            w.Line("value = default;");
            w.Line("return bounded && list.Status == global::Codec.CodecStatus.NeedMoreData");
            w.Line("    ? global::Codec.ReadResult.Invalid(new global::Codec.CodecError(global::Codec.CodecErrorKind.LengthOutOfRange, list.Error.Field, list.Error.BitOffset, (ulong)end, list.Error.Expected))");
            w.Line("    : list;");
            w.Close();
            w.Line();
        }

        /// <summary>
        /// Whether the message gets a writer that compresses its DNS names (RFC 1035 §4.1.4) into a whole message being
        /// built: it has name fields or counted/remaining lists of elements with names, and no checksum or message length
        /// (which would have to be computed over the compressed size).
        /// </summary>
        private static bool CanCompress(MessageModel model) =>
            model.Checksum is null && !model.Fields.Any(f => f.MessageLength is not null)
            && model.Fields.Any(f => f.Kind == FieldModelKind.DnsName || CompressesList(f) || CompressedLength(model, f) is not null);

        private static bool CompressesList(FieldModel field) =>
            field.Kind == FieldModelKind.List && field.ElementHasNames && field.LengthOf is null && field.Length is null;

        /// <summary>
        /// For a union member whose cases compress names (DNS RDATA): its length field, when the compressing writer can
        /// set it after the union is written (whole octets, length = value); otherwise null and the union is written as
        /// its octets.
        /// </summary>
        private static FieldModel? CompressedLength(MessageModel model, FieldModel field)
        {
            if (field.Kind != FieldModelKind.Union || !field.CompressesCases || field.Length is not { Scale: 1, Offset: 0 } rule)
            {
                return null;
            }

            FieldModel? length = model.Fields.FirstOrDefault(f => f.Name == rule.Field && f.LengthOf == field.Name);
            return length is { Kind: FieldModelKind.Unsigned } && length.BitOffset % 8 == 0 && length.Bits % 8 == 0 && length.Bits <= 64 ? length : null;
        }

        private static void EmitVariableWrite(SourceWriter w, MessageModel model, List<List<FieldModel>> runs)
        {
            EmitVariableWrite(w, model, runs, compressed: false, fast: false);
            EmitVariableWrite(w, model, runs, compressed: false, fast: true);
            if (CanCompress(model))
            {
                EmitVariableWrite(w, model, runs, compressed: true, fast: false);
                EmitVariableWrite(w, model, runs, compressed: true, fast: true);
            }

            EmitWriteWrappers(w, "GetSerializedSize()");
        }

        private static void EmitVariableWrite(SourceWriter w, MessageModel model, List<List<FieldModel>> runs, bool compressed, bool fast)
        {
            w.Line();
            if (compressed)
            {
                EmitCompressedWriteHeader(w, fast);
            }
            else if (fast)
            {
                // The same checks and stores as the WriteResult overload, returning a bool: no result is built.
                EmitFastWriteHeader(w);
                w.Line("int size = GetSerializedSize();");
                w.Open("if (destination.Length < size)");
                w.Line("return false;");
                w.Close();
            }
            else
            {
                w.Line("/// <summary>");
                w.Line("/// Writes the message to the start of <paramref name=\"destination\"/>. Length fields left at 0 are computed from");
                w.Line("/// the content; set ones are written as they are. A value too wide for its field is InvalidData.");
                w.Line("/// </summary>");
                w.Open("public global::Codec.WriteResult TryWrite(global::System.Span<byte> destination)");
                w.Line("int size = GetSerializedSize();");
                w.Open("if (destination.Length < size)");
                w.Line("return CodecWriteTooSmall(size, destination.Length);");
                w.Close();
            }

            // Length fields first: every check happens before the first byte is written.
            var computed = new List<string>();
            foreach (FieldModel field in model.Fields)
            {
                LengthRule? rule = null;
                string content;
                if (field.LengthOf is not null)
                {
                    FieldModel target = model.Fields.First(f => f.Name == field.LengthOf);
                    rule = target.Length!;
                    content = target.ByteLength;
                }
                else if (field.CountOf is not null)
                {
                    rule = new LengthRule(field.Name, 1, 0);
                    content = "this." + Layout.Id(field.CountOf) + ".Count";
                }
                else if (field.MessageLength is not null)
                {
                    rule = field.MessageLength;
                    content = "size";
                }
                else
                {
                    continue;
                }

                computed.Add(field.Name);
                string raw = "raw" + field.Name;
                w.Line();
                w.Line("ulong " + raw + " = (ulong)this." + field.Id + ";");
                w.Open("if (" + raw + " == 0UL)");
                // Unsigned: a content shorter than the offset wraps to a huge value, which the width check rejects.
                string scale = rule.Scale.ToString(System.Globalization.CultureInfo.InvariantCulture) + "UL";
                w.Line("ulong units = unchecked((ulong)((long)" + content + " - " + Long(rule.Offset) + "));");
                string check = rule.Scale == 1 ? "units > " + Layout.Hex(field.Mask) : "units % " + scale + " != 0 || units / " + scale + " > " + Layout.Hex(field.Mask);
                w.Open("if (" + check + ")");
                w.Line(Failure(fast, "CodecWriteOutOfRange(" + Layout.Literal(field.Name) + ", " + AbsoluteBit(model, field) + ", " + Layout.Hex(field.Mask) + ", units)"));
                w.Close();
                w.Line();
                w.Line(raw + " = " + (rule.Scale == 1 ? "units" : "units / " + scale) + ";");
                w.Close();

                string? outOfRange = Layout.OutOfRange(field, raw, "this." + field.Id);
                if (outOfRange is not null)
                {
                    w.Open("else if (" + outOfRange + ")");
                    w.Line(Failure(fast, "CodecWriteOutOfRange(" + Layout.Literal(field.Name) + ", " + AbsoluteBit(model, field) + ", " + Layout.Hex(field.Mask) + ", " + raw + ")"));
                    w.Close();
                }
            }

            w.Line();
            w.Line("int position = 0;");
            if (model.Checksum is not null)
            {
                w.Line("int checksumEnd = 0;");
            }

            w.Line("ref byte start = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(destination);");
            int unitIndex = 0;
            List<FieldModel> variables = model.Fields.Where(f => f.IsVariable).ToList();
            List<string>? checksumTerms = ChecksumSummedInRegisters(model, runs, variables) ? new List<string>() : null;
            for (int r = 0; r < runs.Count; r++)
            {
                List<FieldModel> run = runs[r];
                if (run.Count > 0)
                {
                    string bitBase = r == 0 ? string.Empty : Position;
                    if (r > 0)
                    {
                        w.Line();
                        w.Line("start = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(destination), position);");
                    }

                    foreach (Unit unit in Layout.Units(run))
                    {
                        EmitWriteUnit(w, unit, unitIndex++, r == 0 ? "destination" : "destination.Slice(position)", bitBase, computed, fast, r == 0 ? checksumTerms : null);
                    }

                    // A length field set again once the union it measures is written with its names compressed.
                    foreach (FieldModel length in compressed ? run.Where(f => variables.Any(v => CompressedLength(model, v) == f)) : Enumerable.Empty<FieldModel>())
                    {
                        w.Line("int lengthAt" + length.Name + " = position + " + Layout.Int(length.ByteOffset) + ";");
                    }

                    w.Line("position += " + Layout.Int(RunBytes(run)) + ";");
                }

                if (r == 0)
                {
                    EmitChecksumEnd(w, model, run, null);
                }

                if (r < variables.Count)
                {
                    FieldModel variable = variables[r];
                    w.Line();
                    w.Line("// " + variable.Name);
                    if (variable.Kind == FieldModelKind.DnsName && compressed)
                    {
                        w.OpenBlock();
                        w.Line("int at = offset + position;");
                        if (fast)
                        {
                            w.Open("if (!compressor.TryWrite(this." + variable.Id + ", message, ref at, out _))");
                            w.Line("return false;");
                            w.Close();
                        }
                        else
                        {
                            w.Line("global::Codec.WriteResult name = compressor.TryWrite(this." + variable.Id + ", message, ref at);");
                            w.Open("if (!name.IsDone)");
                            w.Line("return name;");
                            w.Close();
                        }
                        w.Line();
                        w.Line("position = at - offset;");
                        w.Close();
                    }
                    else if (variable.Kind == FieldModelKind.DnsName)
                    {
                        w.Line("position += this." + variable.Id + ".CopyUncompressedTo(destination.Slice(position));");
                    }
                    else if (compressed && CompressesList(variable))
                    {
                        w.Open("foreach (" + ElementType(variable) + " element in this." + variable.Id + ")");
                        w.Line("int at = offset + position;");
                        if (fast)
                        {
                            w.Open("if (!element.TryWrite(message, ref at, compressor, out _))");
                            w.Line("return false;");
                            w.Close();
                        }
                        else
                        {
                            w.Line("global::Codec.WriteResult element" + variable.Name + " = element.TryWrite(message, ref at, compressor);");
                            w.Open("if (!element" + variable.Name + ".IsDone)");
                            w.Line("return element" + variable.Name + ";");
                            w.Close();
                        }
                        w.Line();
                        w.Line("position = at - offset;");
                        w.Close();
                    }
                    else if (compressed && CompressedLength(model, variable) is FieldModel length)
                    {
                        EmitCompressedUnion(w, model, variable, length, fast);
                    }
                    else
                    {
                        string bytes = "this." + variable.Id + (variable.HasBytes ? ".Bytes" : string.Empty);
                        EmitWriteContent(w, bytes, variable.Name);
                    }

                    EmitChecksumEnd(w, model, run, variable);
                }
            }

            if (checksumTerms is not null)
            {
                EmitFillChecksumFromWords(w, model, checksumTerms, Layout.Int(RunBytes(runs[0])));
            }
            else
            {
                EmitFillChecksum(w, model, "checksumEnd");
            }

            w.Line();
            if (compressed)
            {
                w.Line("messagePosition = offset + position;");
                EmitWriteDone(w, fast, "position");
            }
            else
            {
                EmitWriteDone(w, fast, "position");
            }

            w.Close();
        }

        /// <summary>
        /// A union whose case compresses names (DNS RDATA of NS, CNAME, PTR, MX, SOA), when its length field is left at 0
        /// or says the union's own length (as in a record read from a message): the union writes itself through the
        /// compressor, and the length field is set from what it wrote. Any other length set by the caller, or a case that
        /// does not compress (RFC 3597 §4), keeps the octets as they are.
        /// </summary>
        private static void EmitCompressedUnion(SourceWriter w, MessageModel model, FieldModel union, FieldModel length, bool fast)
        {
            string discriminator = Discriminator(model, union, "this.");
            string raw = Layout.ToRaw(length, "this." + length.Id);
            w.Open("if ((" + raw + " == 0UL || " + raw + " == (ulong)this." + union.Id + ".Length) && " + union.TypeName + ".CompressesNames(" + discriminator + "))");
            w.Line("int at = offset + position;");
            if (fast)
            {
                w.Open("if (!this." + union.Id + ".TryWrite(message, ref at, compressor, " + discriminator + ", out _))");
                w.Line("return false;");
                w.Close();
            }
            else
            {
                w.Line("global::Codec.WriteResult content" + union.Name + " = this." + union.Id + ".TryWrite(message, ref at, compressor, " + discriminator + ");");
                w.Open("if (!content" + union.Name + ".IsDone)");
                w.Line("return content" + union.Name + ";");
                w.Close();
            }

            w.Line();
            w.Line("int written" + union.Name + " = at - offset - position;");
            w.Open("if ((ulong)written" + union.Name + " > " + Layout.Hex(length.Mask) + ")");
            w.Line(Failure(fast, "CodecWriteOutOfRange(" + Layout.Literal(length.Name) + ", " + AbsoluteBit(model, length) + ", " + Layout.Hex(length.Mask) + ", (ulong)written" + union.Name + ")"));
            w.Close();
            w.Line();
            string store = length.Bits switch
            {
                8 => "StoreByte(ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(destination), lengthAt" + length.Name + ", (byte)written" + union.Name + ");",
                16 => "StoreUInt16" + Layout.Endian(length.BigEndian) + "(ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(destination), lengthAt" + length.Name + ", (ushort)written" + union.Name + ");",
                32 => "StoreUInt32" + Layout.Endian(length.BigEndian) + "(ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(destination), lengthAt" + length.Name + ", (uint)written" + union.Name + ");",
                _ => "Store" + Layout.Endian(length.BigEndian) + "(ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(destination), lengthAt" + length.Name + ", " + Layout.Int(length.Bits / 8) + ", (ulong)written" + union.Name + ");",
            };
            w.Line("global::Codec.WireBits." + store);
            w.Line("position = at - offset;");
            w.Close();
            w.Open("else");
            EmitWriteContent(w, "this." + union.Id + ".Bytes", union.Name);
            w.Close();
        }

        /// <summary>The compressing writer's signature and its room check (bool form: no result built).</summary>
        private static void EmitCompressedWriteHeader(SourceWriter w, bool fast)
        {
            w.Line("/// <summary>");
            if (fast)
            {
                w.Line("/// Writes the message as <see cref=\"TryWrite(global::System.Span{byte}, ref int, global::Codec.Dns.DnsNameCompressor)\"/> does,");
                w.Line("/// with the same checks; <paramref name=\"bytesWritten\"/> is the octets written when it returns true. Builds no");
                w.Line("/// result: call the other overload to learn why a write failed.");
                w.Line("/// </summary>");
                w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
                w.Open("public bool TryWrite(global::System.Span<byte> message, ref int messagePosition, global::Codec.Dns.DnsNameCompressor compressor, out int bytesWritten)");
                w.Line("bytesWritten = 0;");
            }
            else
            {
                w.Line("/// Writes the message at <paramref name=\"messagePosition\"/> in <paramref name=\"message\"/> (the whole DNS message being built,");
                w.Line("/// from its first octet), its names and those of its list elements compressed through <paramref name=\"compressor\"/>,");
                w.Line("/// which the whole message shares. Needs room for the uncompressed size; advances <paramref name=\"messagePosition\"/> on success only.");
                w.Line("/// </summary>");
                w.Open("public global::Codec.WriteResult TryWrite(global::System.Span<byte> message, ref int messagePosition, global::Codec.Dns.DnsNameCompressor compressor)");
            }

            w.Line("int size = GetSerializedSize();");
            w.Open("if ((uint)messagePosition > (uint)message.Length || message.Length - messagePosition < size)");
            w.Line(Failure(fast, "CodecWriteTooSmall((int)global::System.Math.Min((long)messagePosition + size, int.MaxValue), message.Length)"));
            w.Close();
            w.Line();
            w.Line("int offset = messagePosition;");
            w.Line("global::System.Span<byte> destination = message.Slice(offset);");
        }

        /// <summary>
        /// Copies a member's octets into place, unless they already lie exactly there: a payload, list or option list
        /// built in the destination after the fixed part (the way a caller builds it in place) is not moved onto itself.
        /// Octets that lie elsewhere, overlapping or not, are copied (<c>Span.CopyTo</c> handles overlap).
        /// </summary>
        private static void EmitWriteContent(SourceWriter w, string bytes, string name)
        {
            string local = "content" + name;
            w.Line("global::System.ReadOnlySpan<byte> " + local + " = " + bytes + ";");
            w.Open("if (" + local + ".Length != 0 && !global::System.Runtime.CompilerServices.Unsafe.AreSame(ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(" + local + "), ref global::System.Runtime.CompilerServices.Unsafe.Add(ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(destination), position)))");
            w.Line(local + ".CopyTo(destination.Slice(position));");
            w.Close();
            w.Line();
            w.Line("position += " + local + ".Length;");
        }

        private static void EmitVariableDissect(SourceWriter w, MessageModel model, List<List<FieldModel>> runs)
        {
            w.Line();
            w.Line("/// <summary>Takes the message at the start of <paramref name=\"source\"/> apart field by field: every field that fits, then the read result. Never throws on input.</summary>");
            w.Open("public static global::Codec.MessageDissection Dissect(global::System.ReadOnlySpan<byte> source)");
            w.Line("var builder = new global::Codec.DissectionBuilder(" + Layout.Literal(model.DisplayName) + ", " + Layout.Literal(model.TypeName) + ", " + Layout.Order(model.BigEndian) + ");");
            w.Line("// The detailed reader, not the fast one: a dissection is the slow path, and its verdict then checks the fast reader's.");
            w.Line("global::Codec.ReadResult result = CodecReadAtDetailed(source, 0, out _" + (model.Checksum is null ? string.Empty : ", global::Codec.ReadOptions.None") + ");");
            w.Line("int end = source.Length;");
            w.Line("int position = 0;");
            foreach (FieldModel field in model.Fields.Where(f => f.LengthOf is not null || f.CountOf is not null))
            {
                w.Line("ulong length" + field.Name + " = 0;");
            }

            foreach (FieldModel field in model.Fields.Where(f => f.DiscriminatorOf is not null))
            {
                w.Line("ulong discriminator" + field.Name + " = 0;");
            }

            List<FieldModel> variables = model.Fields.Where(f => f.IsVariable).ToList();
            for (int r = 0; r < runs.Count; r++)
            {
                foreach (FieldModel field in runs[r])
                {
                    w.Line();
                    w.Open("if (end - position < " + Layout.Int(field.EndByte) + ")");
                    w.Line("return builder.Complete(result);");
                    w.Close();
                    w.Line();
                    if (!EmitDissectFixedField(w, model, field, "position * 8 + " + Layout.Int(field.BitOffset), "position + " + Layout.Int(field.ByteOffset)))
                    {
                        continue;
                    }

                    if (field.LengthOf is not null || field.CountOf is not null)
                    {
                        w.Line("length" + field.Name + " = raw;");
                    }

                    if (field.DiscriminatorOf is not null)
                    {
                        w.Line("discriminator" + field.Name + " = raw;");
                    }

                    if (field.MessageLength is { } rule)
                    {
                        w.Line("long messageLength = ((long)raw * " + rule.Scale.ToString(System.Globalization.CultureInfo.InvariantCulture) + "L) + " + Long(rule.Offset) + ";");
                        w.Open("if (messageLength >= 0 && messageLength < end)");
                        w.Line("end = (int)messageLength;");
                        w.Close();
                    }

                    w.Close();
                }

                w.Line("position += " + Layout.Int(RunBytes(runs[r])) + ";");
                if (r < variables.Count)
                {
                    FieldModel variable = variables[r];
                    if (variable.Kind == FieldModelKind.DnsName)
                    {
                        w.Line();
                        w.OpenBlock();
                        w.Open("if (!global::Codec.Dns.DnsName.TryRead(source.Slice(0, end), position, out global::Codec.Dns.DnsName name, out int nameLength))");
                        w.Line("return builder.Complete(result);");
                        w.Close();
                        w.Line();
                        w.Line("builder.Add(" + Layout.Literal(variable.Name) + ", " + Layout.Literal(variable.Label) + ", position * 8, nameLength * 8, null, name.ToString(), global::Codec.FieldKind.DomainName);");
                        w.Line("position += nameLength;");
                        w.Close();
                        continue;
                    }

                    if (variable.CountFrom is not null)
                    {
                        w.Line();
                        w.OpenBlock();
                        w.Open("if (!" + variable.TypeName + ".TryReadAt(source, position, end, (int)global::System.Math.Min(length" + variable.CountFrom + ", int.MaxValue), out " + variable.TypeName + " list).IsDone)");
                        w.Line("return builder.Complete(result);");
                        w.Close();
                        w.Line();
                        w.Line("builder.Add(" + Layout.Literal(variable.Name) + ", " + Layout.Literal(variable.Label) + ", position * 8, list.Bytes.Length * 8, (ulong)list.Count, list.Count.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" elements: \" + global::Codec.DissectionText.Hex(list.Bytes), global::Codec.FieldKind.Bytes);");
                        w.Line("position += list.Bytes.Length;");
                        w.Close();
                        continue;
                    }

                    string length = variable.IsRemaining
                        ? "end - position"
                        : "((long)length" + variable.Length!.Field + " * " + variable.Length.Scale.ToString(System.Globalization.CultureInfo.InvariantCulture) + "L) + " + Long(variable.Length.Offset);
                    w.Line();
                    w.OpenBlock();
                    w.Line("long length = " + length + ";");
                    w.Open("if (length < 0 || length > end - position)");
                    w.Line("return builder.Complete(result);");
                    w.Close();
                    w.Line();
                    w.Line("builder.Add(" + Layout.Literal(variable.Name) + ", " + Layout.Literal(variable.Label) + ", position * 8, (int)length * 8, null, global::Codec.DissectionText.Hex(source.Slice(position, (int)length)), global::Codec.FieldKind.Bytes);");
                    if (variable.Kind == FieldModelKind.Union)
                    {
                        w.Line(variable.TypeName + ".DissectInto(builder, source, position, position + (int)length, discriminator" + variable.DiscriminatorFrom + ", " + Layout.Literal(variable.Name) + ");");
                    }

                    if (variable.Kind == FieldModelKind.Options)
                    {
                        w.Line(variable.TypeName + ".DissectInto(builder, source, position, position + (int)length, " + Layout.Literal(variable.Name) + ");");
                    }

                    w.Line("position += (int)length;");
                    w.Close();
                }
            }

            w.Line();
            w.Line("return builder.Complete(result);");
            w.Close();
        }

        /// <summary>
        /// Where a field lies in the message being written, before anything is written: the fixed runs before its own plus
        /// the lengths of the variable members between them.
        /// </summary>
        private static string AbsoluteBit(MessageModel model, FieldModel field)
        {
            if (field.Run == 0)
            {
                return Layout.Int(field.BitOffset);
            }

            List<List<FieldModel>> runs = Runs(model);
            List<FieldModel> variables = model.Fields.Where(f => f.IsVariable).ToList();
            int fixedBytes = runs.Take(field.Run).Sum(RunBytes);
            string lengths = string.Join(" + ", variables.Take(field.Run).Select(v => v.ByteLength));
            return "((" + Layout.Int(fixedBytes) + " + " + lengths + ") * 8) + " + Layout.Int(field.BitOffset);
        }

        /// <summary>The discriminator of a union member as a ulong: the raw bits of the field that chooses its case.</summary>
        private static string Discriminator(MessageModel model, FieldModel union, string prefix)
        {
            FieldModel source = model.Fields.First(f => f.Name == union.DiscriminatorFrom);
            return "unchecked((ulong)" + Layout.ToRaw(source, prefix + source.Id) + ")";
        }

        /// <summary>The element type of a MessageList member: "global::Codec.MessageList&lt;T&gt;" gives T.</summary>
        private static string ElementType(FieldModel list)
        {
            int open = list.TypeName.IndexOf('<');
            return list.TypeName.Substring(open + 1, list.TypeName.Length - open - 2);
        }

        private static string Long(long value) => "(" + value.ToString(System.Globalization.CultureInfo.InvariantCulture) + "L)";
    }
}
