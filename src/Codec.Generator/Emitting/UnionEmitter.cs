using System.Globalization;
using System.Linq;
using System.Threading;
using Codec.Generator.Model;

namespace Codec.Generator.Emitting
{
    /// <summary>
    /// Writes the source for one [Union] type: a view over the octets of one case, chosen by a discriminator the
    /// enclosing message reads, validated as that case's message when the value has one and kept raw otherwise.
    /// </summary>
    internal static partial class UnionEmitter
    {
        private const string Span = "global::System.ReadOnlySpan<byte>";
        private const string Result = "global::Codec.ReadResult";

        public static string Emit(UnionModel model, CancellationToken cancellationToken)
        {
            var w = new SourceWriter();
            string self = model.FullyQualifiedName;
            string id = Layout.Id(model.TypeName);
            FileScope.Open(w, "Union", model.TypeName, model.Namespace, model.ContainingTypes);

            w.Open("readonly ref partial struct " + id);
            w.Line("/// <summary>The discriminator of a union made from raw octets, whose case is not known.</summary>");
            w.Line("public const ulong UnknownDiscriminator = ulong.MaxValue;");
            w.Line();
            w.Line("private readonly " + Span + " _codecMessage;");
            w.Line("private readonly int _codecStart;");
            w.Line();
            w.Line("// What validating the case found (its message's memo, IWireMessage.TryReadAt): 0 when the value was not read as");
            w.Line("// its case here (default, raw octets, or a case that keeps none), and the typed accessors then validate again.");
            w.Line("private readonly int _codecMemo;");
            w.Line();
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            w.Open("private " + id + "(" + Span + " message, int start, int length, ulong discriminator, int memo = 0)");
            w.Line("_codecMessage = message;");
            w.Line("_codecMemo = memo;");
            w.Line("_codecStart = start;");
            w.Line("Length = length;");
            w.Line("Discriminator = discriminator;");
            w.Close();
            w.Line();
            w.Line("/// <summary>The discriminator value that chose the case (<see cref=\"UnknownDiscriminator\"/> for raw octets).</summary>");
            w.Line("public ulong Discriminator { get; }");
            w.Line();
            w.Line("/// <summary>Octets of the union.</summary>");
            w.Line("public int Length { get; }");
            w.Line();
            w.Line("/// <summary>The union's octets as they lie in the input (RFC 3597's form for any case).</summary>");
            w.Line("public " + Span + " Bytes => _codecMessage.Slice(_codecStart, Length);");
            w.Line();
            w.Line("/// <summary>The enclosing message the octets were read from (names inside them point into it).</summary>");
            w.Line("public " + Span + " Message => _codecMessage;");
            w.Line();
            w.Line("/// <summary>Where the octets start in <see cref=\"Message\"/>.</summary>");
            w.Line("public int Offset => _codecStart;");
            w.Line();
            w.Line("/// <summary>The octets.</summary>");
            w.Line("public static implicit operator " + Span + "(" + id + " value) => value.Bytes;");
            w.Line();
            w.Line("/// <summary>A union over raw octets whose case is not known: it writes them as they are.</summary>");
            w.Line("public static implicit operator " + id + "(" + Span + " bytes) => new(bytes, 0, bytes.Length, UnknownDiscriminator);");
            w.Line();
            w.Line("/// <summary>Whether the discriminator has a declared case.</summary>");
            w.Open("public static bool IsDeclared(ulong discriminator) => discriminator switch");
            foreach (UnionCaseModel c in model.Cases)
            {
                w.Line(Number(c.Value) + " => true,");
            }

            w.Line("_ => false,");
            w.Close(";");
            w.Line();
            w.Line("/// <summary>The name of the case of a discriminator value, or null for one without a case.</summary>");
            w.Open("public static string? CaseName(ulong discriminator) => discriminator switch");
            foreach (UnionCaseModel c in model.Cases)
            {
                w.Line(Number(c.Value) + " => " + Layout.Literal(c.Label) + ",");
            }

            w.Line("_ => null,");
            w.Close(";");
            cancellationToken.ThrowIfCancellationRequested();

            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Reads the union in <c>[offset, end)</c> of <paramref name=\"message\"/> as the case <paramref name=\"discriminator\"/>");
            w.Line("/// chooses: a declared case must read as its message filling the octets exactly (else InvalidData, offsets counted");
            w.Line("/// from the start of <paramref name=\"message\"/>); other values are kept raw. Never throws.");
            w.Line("/// </summary>");
            w.Open("public static " + Result + " TryReadAt(" + Span + " message, int offset, int end, ulong discriminator, out " + self + " value)");
            w.Open("if (TryReadAt(message, offset, end, discriminator, out value, out int bytesConsumed))");
            w.Line("return global::Codec.ReadResult.Done(bytesConsumed);");
            w.Close();
            w.Line();
            w.Line("return CodecReadDetailed(message, offset, end, discriminator);");
            w.Close();

            // The fast path answers yes or no and builds no error; the detailed path below works out why on failure.
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Reads the union as the overload that returns a <see cref=\"global::Codec.ReadResult\"/> does, answering only whether");
            w.Line("/// it read (<paramref name=\"bytesConsumed\"/> is then <c>end - offset</c>). Never throws.");
            w.Line("/// </summary>");
            EmitFastRead(w, model, inlineOnly: false);
            if (model.Cases.Any(c => c.IsRefLike && !c.IsOneName))
            {
                w.Line();
                w.Line("/// <summary>");
                w.Line("/// Reads the union as the <c>TryReadAt</c> that answers a bool does when its case is");
                w.Line("/// one read without a call (or its octets are empty), and answers false for a case read by a call: for generated");
                w.Line("/// loops over records, which read every case only in a loop they hand over to, so that the loop that runs on the");
                w.Line("/// common path makes no call. Never throws.");
                w.Line("/// </summary>");
                w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
                EmitFastRead(w, model, inlineOnly: true);
            }

            // Empty octets read the same way wherever they lie (nothing before them is looked at: a compression pointer is
            // inside a name, which needs octets), so what a case out of line answers for them is worked out once: an
            // EDNS OPT record without options, the usual one, then reads without a call.
            foreach (UnionCaseModel c in model.Cases)
            {
                if (c.IsRefLike && !c.IsOneName)
                {
                    w.Line();
                    w.Line("private static readonly ulong CodecEmpty" + c.Member + " = CodecRead" + c.Member + "(default, 0);");
                }
            }

            // One method per case whose value holds spans: it stays out of the switch, since inlined, its value would be a
            // local of the switch's frame, and such locals are zeroed on every call, whichever case runs. Each answers its
            // memo and length in one value rather than through out parameters: a local whose address goes to a call that
            // is not inlined lives in memory, and the switch's locals are shared by every case. (The other cases are read
            // in the switch.)
            foreach (UnionCaseModel c in model.Cases.Where(c => c.IsRefLike && !c.IsOneName))
            {
                w.Line();
                w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
                w.Line("private static ulong CodecRead" + c.Member + "(" + Span + " message, int offset) =>");
                w.Line("    global::Codec.MessageList<" + c.ValueType + ">.TryReadElementAt(message, offset, out _, out int consumed, out int memo) ? ((ulong)(uint)memo << 32) | (uint)consumed : ulong.MaxValue;");
            }

            w.Line();
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
            w.Open("private static " + Result + " CodecReadDetailed(" + Span + " message, int offset, int end, ulong discriminator)");
            w.Open("if ((uint)offset > (uint)end || (uint)end > (uint)message.Length)");
            w.Line("return global::Codec.ReadResult.NeedMoreData(null, offset * 8, end, message.Length);");
            w.Close();
            w.Line();
            w.Line(Span + " bounded = message.Slice(0, end);");
            w.Line(Result + " result;");
            w.Line("string field;");
            w.Open("switch (discriminator)");
            foreach (UnionCaseModel c in model.Cases)
            {
                w.Line("case " + Number(c.Value) + ":");
                w.Indent();
                w.Line("result = " + c.ValueType + ".TryReadAt(bounded, offset, out _);");
                w.Line("field = " + Layout.Literal(c.Member) + ";");
                w.Line("break;");
                w.Outdent();
            }

            w.Line("default:");
            w.Indent();
            w.Line("return global::Codec.ReadResult.Done(end - offset);");
            w.Outdent();
            w.Close();
            w.Line();
            w.Open("if (!result.IsDone)");
            if (model.EmptyIsDefault)
            {
                w.Open("if (end == offset)");
                w.Line("return global::Codec.ReadResult.Done(0);");
                w.Close();
                w.Line();
            }

            w.Line("return result.Status == global::Codec.CodecStatus.NeedMoreData");
            w.Line("    ? global::Codec.ReadResult.Invalid(new global::Codec.CodecError(global::Codec.CodecErrorKind.LengthOutOfRange, result.Error.Field ?? field, result.Error.BitOffset, (ulong)end, result.Error.Expected))");
            w.Line("    : result.WithField(field);");
            w.Close();
            w.Line();
            w.Open("if (result.BytesConsumed != end - offset)");
            w.Line("return global::Codec.ReadResult.Invalid(new global::Codec.CodecError(global::Codec.CodecErrorKind.LengthOutOfRange, field, (offset + result.BytesConsumed) * 8, (ulong)(end - offset), (ulong)result.BytesConsumed));");
            w.Close();
            w.Line();
            w.Line("return global::Codec.ReadResult.Done(end - offset); // the fast path disagreed: cannot happen");
            w.Close();
            w.Line();
            w.Line("/// <summary>Reads the union filling <paramref name=\"source\"/> as the case <paramref name=\"discriminator\"/> chooses.</summary>");
            w.Line("public static " + Result + " TryRead(" + Span + " source, ulong discriminator, out " + self + " value) => TryReadAt(source, 0, source.Length, discriminator, out value);");

            foreach (UnionCaseModel c in model.Cases)
            {
                w.Line();
                w.Line("/// <summary>Whether the case is " + Xml(c.Label) + ".</summary>");
                w.Line("public bool Is" + c.Member + " => Discriminator == " + Number(c.Value) + ";");
                w.Line();
                w.Line("/// <summary>The octets as " + Xml(c.Label) + " (names resolved against the enclosing message); false for another case.</summary>");
                w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
                w.Open("public bool TryGet" + c.Member + "(out " + c.ValueType + " value)");
                w.Open("if (Discriminator == " + Number(c.Value) + ")");
                w.Line(Span + " message = _codecMessage.Slice(0, _codecStart + Length);");
                if (c.IsOneName)
                {
                    // A case that is one name is only made by reading it (EmitOneNameCases), which keeps the name's memo,
                    // never 0; the one value of its discriminator without a memo is a default union whose case is declared
                    // at 0, with no octets, which are no name, and the memoized read says no to memo 0 as well. So there is
                    // nothing to validate again here, and no call: this accessor is inlined into record loops.
                    w.Open("if (global::Codec.MessageList<" + c.ValueType + ">.ReadElementMemoizedAt(message, _codecStart, _codecMemo, out value))");
                    w.Line("return true;");
                    w.Close();
                }
                else if (c.IsRefLike)
                {
                    // Validating again goes through a method of its own and a local of its own: a value whose address
                    // goes to a call that is not inlined lives in memory, and this one can then stay in registers.
                    w.Open("if (_codecMemo != 0)");
                    w.Open("if (global::Codec.MessageList<" + c.ValueType + ">.ReadElementMemoizedAt(message, _codecStart, _codecMemo, out value))");
                    w.Line("return true;");
                    w.Close();
                    w.Close();
                    w.Open("else if (CodecValidate" + c.Member + "(message, _codecStart, out " + c.ValueType + " validated))");
                    w.Line("value = validated;");
                    w.Line("return true;");
                    w.Close();
                }
                else
                {
                    w.Open("if (_codecMemo != 0 ? global::Codec.MessageList<" + c.ValueType + ">.ReadElementMemoizedAt(message, _codecStart, _codecMemo, out value) : global::Codec.MessageList<" + c.ValueType + ">.TryReadElementAt(message, _codecStart, out value, out _))");
                    w.Line("return true;");
                    w.Close();
                }

                w.Close();
                w.Line();
                w.Line("value = default;");
                w.Line("return false;");
                w.Close();
                if (c.IsRefLike && !c.IsOneName)
                {
                    w.Line();
                    w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
                    w.Line("private static bool CodecValidate" + c.Member + "(" + Span + " message, int offset, out " + c.ValueType + " value) =>");
                    w.Line("    global::Codec.MessageList<" + c.ValueType + ">.TryReadElementAt(message, offset, out value, out _);");
                }
            }

            w.Line();
            w.Line("/// <summary>Whether the discriminator has no declared case (the octets are raw).</summary>");
            w.Line("public bool Is" + model.DefaultMember + " => !IsDeclared(Discriminator);");
            cancellationToken.ThrowIfCancellationRequested();

            w.Line();
            w.Line("/// <summary>The case's text: the case message's fields, or the octets in hex.</summary>");
            w.Line("public override string ToString() => CodecDescribe(_codecMessage.Slice(0, _codecStart + Length), _codecStart, Discriminator);");
            w.Line();
            w.Open("private static string CodecDescribe(" + Span + " message, int offset, ulong discriminator)");
            w.Open("switch (discriminator)");
            foreach (UnionCaseModel c in model.Cases)
            {
                w.Line("case " + Number(c.Value) + " when " + c.ValueType + ".TryReadAt(message, offset, out " + c.ValueType + " " + "case" + c.Member + ").IsDone:");
                w.Indent();
                w.Line("return case" + c.Member + ".ToString()!;");
                w.Outdent();
            }

            w.Line("default:");
            w.Indent();
            w.Line("return \"\\\\# \" + (message.Length - offset).ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" \" + global::Codec.DissectionText.Hex(message.Slice(offset));");
            w.Outdent();
            w.Close();
            w.Close();
            w.Line();
            w.Line("/// <summary>Adds the union's case as one field named <paramref name=\"field\"/>.Case, showing the case's fields. Never throws.</summary>");
            w.Open("public static void DissectInto(global::Codec.DissectionBuilder builder, " + Span + " message, int offset, int end, ulong discriminator, string field)");
            w.Open("if ((uint)offset > (uint)end || (uint)end > (uint)message.Length)");
            w.Line("return;");
            w.Close();
            w.Line();
            w.Line("string? name = CaseName(discriminator);");
            w.Line("builder.Add(field + \".\" + (name is null ? " + Layout.Literal(model.DefaultMember) + " : CodecMember(discriminator)), name ?? " + Layout.Literal(model.DefaultMember) + ", offset * 8, (end - offset) * 8, discriminator, CodecDescribe(message.Slice(0, end), offset, discriminator), global::Codec.FieldKind.Bytes);");
            w.Close();
            w.Line();
            w.Open("private static string CodecMember(ulong discriminator) => discriminator switch");
            foreach (UnionCaseModel c in model.Cases)
            {
                w.Line(Number(c.Value) + " => " + Layout.Literal(c.Member) + ",");
            }

            w.Line("_ => " + Layout.Literal(model.DefaultMember) + ",");
            w.Close(";");
            EmitCompressedWrite(w, model);
            w.Close();
            FileScope.Close(w, model.Namespace, model.ContainingTypes);

            return w.ToString();
        }

        /// <summary>
        /// The fast read: every case (<c>TryReadAt</c>), or (<paramref name="inlineOnly"/>, <c>TryReadInlineAt</c>) only the
        /// cases read without a call, a case read by a call answering false unless its octets are empty.
        /// </summary>
        private static void EmitFastRead(SourceWriter w, UnionModel model, bool inlineOnly)
        {
            string self = model.FullyQualifiedName;
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            w.Open("public static bool " + (inlineOnly ? "TryReadInlineAt" : "TryReadAt") + "(" + Span + " message, int offset, int end, ulong discriminator, out " + self + " value, out int bytesConsumed)");
            w.Open("if ((uint)offset > (uint)end || (uint)end > (uint)message.Length)");
            w.Line("value = default;");
            w.Line("bytesConsumed = 0;");
            w.Line("return false;");
            w.Close();
            w.Line();
            w.Line(Span + " bounded = message.Slice(0, end);");
            w.Line("ulong outcome; // the case's memo and length (CodecRead*), or ulong.MaxValue when it does not read");
            w.Open("switch (discriminator)");
            bool namesRead = false;
            foreach (UnionCaseModel c in model.Cases)
            {
                if (c.IsOneName)
                {
                    if (!namesRead)
                    {
                        EmitOneNameCases(w, model);
                        namesRead = true;
                    }

                    continue;
                }

                w.Line("case " + Number(c.Value) + ":");
                w.Indent();
                if (c.IsRefLike)
                {
                    w.Line("outcome = offset == end ? CodecEmpty" + c.Member + " : " + (inlineOnly ? "ulong.MaxValue" : "CodecRead" + c.Member + "(bounded, offset)") + ";");
                }
                else
                {
                    // A case without spans is read here, inlined, and its answer tested where it is made: packed into
                    // the outcome and tested after the switch, as the calls' answers are, the JIT kept the read's bool
                    // and length in registers and tested them again (a dozen instructions per A record where two do).
                    EmitCaseReadInSwitch(
                        w,
                        "global::Codec.MessageList<" + c.ValueType + ">.TryReadElementAt(bounded, offset, out _, out int consumed" + c.Member + ", out int memo" + c.Member + ") && consumed" + c.Member + " == end - offset",
                        "new " + self + "(bounded, offset, end - offset, " + Number(c.Value) + ", memo" + c.Member + ")");
                }

                w.Line("break;");
                w.Outdent();
            }

            w.Line("default:");
            w.Indent();
            w.Line("value = new " + self + "(bounded, offset, end - offset, discriminator);");
            w.Line("bytesConsumed = end - offset;");
            w.Line("return true;");
            w.Outdent();
            w.Close();
            w.Line();
            w.Line("// A case that does not read has length 0xFFFFFFFF, which no end - offset is.");
            w.Open("if ((uint)outcome == (uint)(end - offset))");
            w.Line("value = new " + self + "(bounded, offset, end - offset, discriminator, (int)(outcome >> 32));");
            w.Line("bytesConsumed = end - offset;");
            w.Line("return true;");
            w.Close();
            w.Line();
            if (model.EmptyIsDefault)
            {
                w.Open("if (end == offset)");
                w.Line("value = new " + self + "(bounded, offset, 0, UnknownDiscriminator);");
                w.Line("bytesConsumed = 0;");
                w.Line("return true;");
                w.Close();
                w.Line();
            }

            w.Line("value = default;");
            w.Line("bytesConsumed = 0;");
            w.Line("return false;");
            w.Close();

        }

        /// <summary>
        /// The cases that are one domain name (NS, CNAME, PTR data), in one section of the switch: the name's walk is
        /// inlined there (<c>DnsName.TryWalk</c>, what the case's read does) and its answer tested where it is made, so that
        /// the read of such a case makes no call. A call in the record loop that reads the union makes every value live
        /// across it (the owner name's length, TYPE, CLASS, TTL, the loop's state) take a callee-saved register or the
        /// stack. Their memo is the name's, as the case message's own read answers it. Empty octets are no name.
        /// </summary>
        private static void EmitOneNameCases(SourceWriter w, UnionModel model)
        {
            foreach (UnionCaseModel c in model.Cases.Where(c => c.IsOneName))
            {
                w.Line("case " + Number(c.Value) + ":");
            }

            w.Indent();
            EmitCaseReadInSwitch(
                w,
                "global::Codec.Dns.DnsName.TryWalk(bounded, offset, out int nameConsumed, out int nameMemo) && nameConsumed == end - offset",
                "new " + model.FullyQualifiedName + "(bounded, offset, end - offset, discriminator, nameMemo)");
            w.Line("break;");
            w.Outdent();
        }

        /// <summary>
        /// A case read in the union's switch, its answer tested where it is made: the union built and returned when
        /// <paramref name="condition"/> holds, otherwise the outcome of a case that does not read.
        /// </summary>
        private static void EmitCaseReadInSwitch(SourceWriter w, string condition, string union)
        {
            w.Open("if (" + condition + ")");
            w.Line("value = " + union + ";");
            w.Line("bytesConsumed = end - offset;");
            w.Line("return true;");
            w.Close();
            w.Line();
            w.Line("outcome = ulong.MaxValue;");
        }

        private static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture) + "UL";

        private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
