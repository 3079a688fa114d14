using System.Collections.Generic;
using System.Linq;
using Codec.Generator.Model;

namespace Codec.Generator.Emitting
{
    /// <summary>
    /// The fast read path of variable-length messages: the same checks as the detailed reader, in one pass that answers
    /// only yes or no, so that no error (a string, two numbers) travels through every layer of a nested read. The
    /// detailed reader runs only when this path says no, to say which field failed, where and why. Messages with
    /// <c>MessageList</c> or option list members also get a visitor that receives each element (each option) as it is
    /// validated, so that a caller can consume a message in the one pass that validates it.
    /// </summary>
    internal static partial class MessageEmitter
    {
        private const string FastFail = "goto CodecFail;";

        private static bool HasVisitor(MessageModel model) => model.Fields.Any(IsVisited);

        /// <summary>A member whose elements the visitor receives: a <c>MessageList</c> (its elements) or an option list (its options).</summary>
        private static bool IsVisited(FieldModel field) => field.Kind is FieldModelKind.List or FieldModelKind.Options;

        /// <summary>The type a visitor method receives for <paramref name="field"/>: the list's element, or the option.</summary>
        private static string VisitedType(FieldModel field) =>
            field.Kind == FieldModelKind.Options ? "global::Codec.OptionEntry" : ElementType(field);

        /// <summary>Whether fields precede the first list, so that the visitor is shown them (a header) before any element.</summary>
        private static bool HasHeader(MessageModel model) => model.Fields.Count > 0 && !IsVisited(model.Fields[0]);

        private static string VisitorConstraint => " where TVisitor : IElementVisitor, allows ref struct";

        /// <summary>
        /// Whether <c>VisitHeader</c> takes the message by reference (<c>in</c>): when fields precede the lists and the only
        /// lists are option lists. Such a message can hold large fixed blocks, and by value the DHCP read copied its
        /// 272-byte message for the visitor on every packet (a rep movsq in the JIT's code). A reference to the message
        /// being read may not reach a ref struct (CS8350), so the visitor of such a message is a plain struct (no
        /// <c>allows ref struct</c>).
        /// </summary>
        private static bool HeaderByReference(MessageModel model) => HasHeader(model) && !model.Fields.Any(f => f.Kind == FieldModelKind.List);

        private static string HeaderParameter(MessageModel model) =>
            (HeaderByReference(model) ? "in " : "scoped ") + model.FullyQualifiedName;

        private static string Constraint(MessageModel model) =>
            HeaderByReference(model) ? " where TVisitor : IElementVisitor" : VisitorConstraint;

        /// <summary>
        /// The message's lists in groups read by one loop: consecutive counted lists of the same element type with nothing
        /// between them (DNS's answer, authority and additional sections) share a loop method, so that the element read is
        /// inlined once and one call reads them all; every other list is a group of its own. A message with a checksum
        /// keeps one list per group (its checksum may end after any of them).
        /// </summary>
        private static List<List<FieldModel>> ListGroups(MessageModel model)
        {
            var groups = new List<List<FieldModel>>();
            FieldModel? previous = null;
            foreach (FieldModel field in model.Fields)
            {
                if (field.Kind == FieldModelKind.List)
                {
                    if (previous is { Kind: FieldModelKind.List, CountFrom: not null } && field.CountFrom is not null && model.Checksum is null && ElementType(previous) == ElementType(field))
                    {
                        groups[groups.Count - 1].Add(field);
                    }
                    else
                    {
                        groups.Add(new List<FieldModel> { field });
                    }
                }

                previous = field;
            }

            return groups;
        }

        /// <summary>The public members over the fast path, and the fast path itself.</summary>
        private static void EmitVariableFastRead(SourceWriter w, MessageModel model, List<List<FieldModel>> runs)
        {
            string self = model.FullyQualifiedName;
            bool visitor = HasVisitor(model);
            bool checksum = model.Checksum is not null;
            string verify = checksum ? ", verifyChecksum: true" : string.Empty;

            w.Line();
            w.Line("/// <summary>Reads a message; <paramref name=\"bytesConsumed\"/> is its length when it returns true. Never throws.</summary>");
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            w.Line("public static bool TryRead(global::System.ReadOnlySpan<byte> source, out " + self + " value, out int bytesConsumed) =>");
            w.Line("    TryReadAt(source, 0, out value, out bytesConsumed);");

            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Reads a message that starts <paramref name=\"offset\"/> bytes into <paramref name=\"source\"/>, answering only whether it");
            w.Line("/// read; <paramref name=\"bytesConsumed\"/> is its length when it returns true. The same checks as the overload that");
            w.Line("/// returns a <see cref=\"global::Codec.ReadResult\"/>, which says why when this one says no. Never throws.");
            w.Line("/// </summary>");
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            if (visitor)
            {
                w.Open("public static bool TryReadAt(global::System.ReadOnlySpan<byte> source, int offset, out " + self + " value, out int bytesConsumed)");
                w.Line("CodecNoVisitor none = default;");
                w.Line("return CodecTryReadAt(source, offset, ref none, out value, out bytesConsumed" + verify + ");");
                w.Close();
            }
            else
            {
                w.Line("public static bool TryReadAt(global::System.ReadOnlySpan<byte> source, int offset, out " + self + " value, out int bytesConsumed) =>");
                w.Line("    CodecTryReadAt(source, offset, out value, out bytesConsumed" + verify + ");");
            }

            if (visitor)
            {
                EmitVisitorApi(w, model);
            }

            EmitMemo(w, model);
            EmitFastCore(w, model, runs, visitor, inlineOnly: false);
            EmitReadInline(w, model, runs, visitor);

            EmitFastListMethods(w, model);
        }

        /// <summary>
        /// A message that is one domain name (NS, CNAME, PTR data) keeps what walking it found as its memo
        /// (<c>DnsName.Memo</c>), so that a union that validated it hands it over without walking the name again.
        /// </summary>
        private static void EmitMemo(SourceWriter w, MessageModel model)
        {
            if (model.Fields.Count != 1 || model.Fields[0].Kind != FieldModelKind.DnsName)
            {
                return;
            }

            string self = model.FullyQualifiedName;
            string name = "value." + model.Fields[0].Id;
            w.Line();
            w.Open("static bool global::Codec.IWireMessage<" + self + ">.TryReadAt(global::System.ReadOnlySpan<byte> message, int offset, out " + self + " value, out int bytesConsumed, out int memo)");
            w.Line("value = default;");
            w.Open("if ((uint)offset <= (uint)message.Length && global::Codec.Dns.DnsName.TryRead(message, offset, out " + name + ", out bytesConsumed))");
            w.Line("memo = " + name + ".Memo;");
            w.Line("return true;");
            w.Close();
            w.Line();
            w.Line("bytesConsumed = 0;");
            w.Line("memo = 0;");
            w.Line("return false;");
            w.Close();
            w.Line();
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            w.Open("static bool global::Codec.IWireMessage<" + self + ">.ReadMemoizedAt(global::System.ReadOnlySpan<byte> message, int offset, int memo, out " + self + " value)");
            w.Line("value = default;");
            w.Line("return global::Codec.Dns.DnsName.ReadMemoized(message, offset, memo, out " + name + ");");
            w.Close();
        }

        /// <summary>The visitor interface, a visitor that does nothing, and the reads that take a visitor.</summary>
        private static void EmitVisitorApi(SourceWriter w, MessageModel model)
        {
            string self = model.FullyQualifiedName;
            bool checksum = model.Checksum is not null;
            List<FieldModel> lists = model.Fields.Where(IsVisited).ToList();

            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Receives the elements of the message's lists (the options of its option lists) as they are read and validated, in wire order (one method per");
            w.Line("/// list). Implement it on a struct and pass it by reference to the reads that take a visitor: the compiler then");
            w.Line("/// specializes the read for it, and the message is consumed in the pass that validates it.");
            w.Line("/// </summary>");
            w.Open("public interface IElementVisitor");
            bool first = true;
            if (HasHeader(model))
            {
                w.Line("/// <summary>");
                w.Line("/// Called once, before the first element: the fields that precede the first list are read (the lists of");
                w.Line("/// <paramref name=\"message\"/> are still empty, and checks on later fields have not run yet).");
                if (HeaderByReference(model))
                {
                    w.Line("/// The message is passed by reference (it may hold large fixed blocks), so visitors are structs, not ref structs.");
                }

                w.Line("/// </summary>");
                w.Line("void VisitHeader(" + HeaderParameter(model) + " message);");
                first = false;
            }

            foreach (FieldModel list in lists)
            {
                if (!first)
                {
                    w.Line();
                }

                first = false;
                w.Line(list.Kind == FieldModelKind.Options
                    ? "/// <summary>An option of " + list.Name + " (the end option included), validated; its value points into the input.</summary>"
                    : "/// <summary>An element of " + list.Name + ", validated; it points into the input.</summary>");
                w.Line("void Visit" + list.Name + "(" + VisitedType(list) + " element);");
            }

            w.Close();

            w.Line();
            w.Open("private struct CodecNoVisitor : IElementVisitor");
            first = true;
            if (HasHeader(model))
            {
                w.Open("public void VisitHeader(" + HeaderParameter(model) + " message)");
                w.Close();
                first = false;
            }

            foreach (FieldModel list in lists)
            {
                if (!first)
                {
                    w.Line();
                }

                first = false;
                w.Open("public void Visit" + list.Name + "(" + VisitedType(list) + " element)");
                w.Close();
            }

            w.Close();

            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Reads a message from the start of <paramref name=\"source\"/> as <c>TryRead(source, out value)</c> does, handing each");
            w.Line("/// list element to <paramref name=\"visitor\"/> as soon as it is validated: one pass over the input. On failure the");
            w.Line("/// visitor has seen the elements before the one that failed, and the result says which field failed, where and why.");
            w.Line("/// Never throws (unless the visitor does).");
            w.Line("/// </summary>");
            w.Open("public static global::Codec.ReadResult TryRead<TVisitor>(global::System.ReadOnlySpan<byte> source, scoped ref TVisitor visitor, out " + self + " value" + OptionsParameter(model) + ")" + Constraint(model));
            w.Open("if (CodecTryReadAt(source, 0, ref visitor, out value, out int bytesConsumed" + (checksum ? ", (options & global::Codec.ReadOptions.SkipChecksums) == 0" : string.Empty) + "))");
            w.Line("return global::Codec.ReadResult.Done(bytesConsumed);");
            w.Close();
            w.Line();
            w.Line("return CodecReadAtDetailed(source, 0, out value" + (checksum ? ", options" : string.Empty) + ");");
            w.Close();

            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Reads a message as the visiting overload that returns a <see cref=\"global::Codec.ReadResult\"/> does, answering only");
            w.Line("/// whether it read; <paramref name=\"bytesConsumed\"/> is its length when it returns true.");
            w.Line("/// </summary>");
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            w.Line("public static bool TryRead<TVisitor>(global::System.ReadOnlySpan<byte> source, scoped ref TVisitor visitor, out " + self + " value, out int bytesConsumed)" + Constraint(model) + " =>");
            w.Line("    CodecTryReadAt(source, 0, ref visitor, out value, out bytesConsumed" + (checksum ? ", verifyChecksum: true" : string.Empty) + ");");
        }

        /// <summary>
        /// <c>TryReadInlineAt</c>, for a message with a union some of whose cases are validated by a call (values with spans,
        /// other than one domain name): the fast read of the message with only the union's cases read without a call, which
        /// answers false for the others. A group's loop over such messages (DNS records) reads with it and hands over to a
        /// loop of its own that reads every case at the first it does not read, so the loop that runs on the common path
        /// makes no call, and nothing it decoded (the owner name, TYPE, CLASS, TTL, its own state) must live across one in
        /// a callee-saved register or on the stack. A message with lists, a checksum or a length field forwards to
        /// <c>TryReadAt</c>.
        /// </summary>
        private static void EmitReadInline(SourceWriter w, MessageModel model, List<List<FieldModel>> runs, bool visitor)
        {
            if (!model.Fields.Any(f => f.Kind == FieldModelKind.Union && f.HasCasesReadByCall))
            {
                return;
            }

            if (!visitor && model.Checksum is null && !model.Fields.Any(f => f.MessageLength is not null))
            {
                EmitFastCore(w, model, runs, visitor, inlineOnly: true);
                return;
            }

            w.Line();
            w.Line("/// <summary>For generated readers: reads as <c>TryReadAt</c> does (every case of its unions).</summary>");
            w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            w.Line("public static bool TryReadInlineAt(global::System.ReadOnlySpan<byte> source, int offset, out " + model.FullyQualifiedName + " value, out int bytesConsumed) =>");
            w.Line("    TryReadAt(source, offset, out value, out bytesConsumed);");
        }

        private static void EmitFastCore(SourceWriter w, MessageModel model, List<List<FieldModel>> runs, bool visitor, bool inlineOnly)
        {
            string self = model.FullyQualifiedName;
            FieldModel? messageLength = model.Fields.FirstOrDefault(f => f.MessageLength is not null);
            List<FieldModel> variables = model.Fields.Where(f => f.IsVariable).ToList();
            string generic = visitor ? "<TVisitor>" : string.Empty;
            string visitorParameter = visitor ? "scoped ref TVisitor visitor, " : string.Empty;

            w.Line();
            // A message without element lists or unions (a TCP segment, a DHCP message: fixed runs, spans, option lists)
            // has a small core: inlined into its public readers, so callers fold it (TCP SYN read 1.75x -> 1.30x the
            // hand-written reader). Cores with lists or unions stay with the JIT's choice: inlining them spilled registers
            // around the list loops (DNS read got slower).
            // A visitor only for option lists keeps the inlining: the options are walked in this frame either way.
            bool elementLists = model.Fields.Any(f => f.Kind is FieldModelKind.List or FieldModelKind.Union);
            if (inlineOnly)
            {
                w.Line("/// <summary>");
                w.Line("/// For generated readers: reads as <c>TryReadAt</c> does when each union's case is one read without a call, and");
                w.Line("/// answers false for the others (the reader then reads them with <c>TryReadAt</c>). Never throws.");
                w.Line("/// </summary>");
                w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            }
            else if (!elementLists)
            {
                w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            }

            w.Open((inlineOnly ? "public static bool TryReadInlineAt" : "private static bool CodecTryReadAt") + generic + "(global::System.ReadOnlySpan<byte> source, int offset, " + visitorParameter + "out " + self + " value, out int bytesConsumed" + (model.Checksum is not null ? ", bool verifyChecksum" : string.Empty) + ")" + (visitor ? Constraint(model) : string.Empty));
            if (visitor && HasHeader(model) && model.Fields.Any(f => f.Kind == FieldModelKind.List))
            {
                w.Line("value = default; // the visitor sees the header with every later member empty");
            }
            else
            {
                EmitValueInit(w, model);
            }

            w.Open("if ((uint)offset > (uint)source.Length)");
            w.Line(FastFail);
            w.Close();
            w.Line();
            if (model.Checksum is not null)
            {
                w.Line("int checksumEnd = offset;");
            }

            w.Line("int end = source.Length;");
            if (messageLength is not null)
            {
                w.Line("bool bounded = false;");
            }

            w.Line("int position = offset;");
            w.Line("ref byte start = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(source), position);");

            int unitIndex = 0;
            int variableIndex = 0;
            bool headerShown = !visitor || !HasHeader(model);
            for (int r = 0; r < runs.Count; r++)
            {
                List<FieldModel> run = runs[r];
                if (run.Count > 0)
                {
                    int bytes = RunBytes(run);
                    w.Line();
                    w.Open("if (end - position < " + Layout.Int(bytes) + ")");
                    w.Line(FastFail);
                    w.Close();

                    if (r > 0)
                    {
                        w.Line();
                        w.Line("start = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(source), position);");
                    }

                    foreach (Unit unit in Layout.Units(run))
                    {
                        EmitReadUnit(w, unit, unitIndex++, "source.Slice(position)", Position, fast: true);
                    }

                    if (messageLength is not null && run.Contains(messageLength))
                    {
                        LengthRule rule = messageLength.MessageLength!;
                        w.Line();
                        w.Line("// The message ends where " + messageLength.Name + " says: at least its fixed part and this run, at most the input.");
                        w.Line("long messageLength = ((long)value." + messageLength.Id + " * " + rule.Scale.ToString(System.Globalization.CultureInfo.InvariantCulture) + "L) + " + Long(rule.Offset) + ";");
                        w.Open("if (messageLength < global::System.Math.Max(MinimumSize, position - offset + " + Layout.Int(bytes) + ") || messageLength > source.Length - offset)");
                        w.Line(FastFail);
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
                    if (!headerShown && IsVisited(variables[variableIndex]))
                    {
                        w.Line();
                        if (!model.Fields.Any(f => f.Kind == FieldModelKind.List))
                        {
                            // Not zeroed at the start (a plain read assigns every member): the members not read yet are
                            // emptied here, so that the visitor sees them empty.
                            FieldModel visited = variables[variableIndex];
                            foreach (FieldModel later in model.Fields.SkipWhile(f => f != visited).Where(f => !f.IsReserved))
                            {
                                w.Line("value." + later.Id + " = default;");
                            }
                        }

                        w.Line("visitor.VisitHeader(" + (HeaderByReference(model) ? "in " : string.Empty) + "value);");
                        headerShown = true;
                    }

                    EmitFastVariable(w, model, variables[variableIndex], visitor, inlineOnly);
                    EmitChecksumEnd(w, model, run, variables[variableIndex]);
                    variableIndex++;
                }
            }

            if (model.Checksum is not null)
            {
                w.Line();
                w.Open("if (verifyChecksum && !global::Codec.InternetChecksum.IsValid(source.Slice(offset, checksumEnd - offset)))");
                w.Line(FastFail);
                w.Close();
            }

            w.Line();
            w.Line("bytesConsumed = (" + (messageLength is not null ? "bounded ? end : " : string.Empty) + "position) - offset;");
            w.Line("return true;");
            w.Line();
            w.Line("CodecFail:");
            w.Line("value = default;");
            w.Line("bytesConsumed = 0;");
            w.Line("return false;");
            w.Close();
        }

        private static void EmitFastVariable(SourceWriter w, MessageModel model, FieldModel field, bool visitor, bool inlineOnly)
        {
            if (field.Kind == FieldModelKind.List && ListGroups(model).FirstOrDefault(g => g.Contains(field)) is { Count: > 1 } group)
            {
                if (group[0] == field)
                {
                    EmitFastListGroup(w, group);
                }

                return;
            }

            w.Line();
            if (field.Kind == FieldModelKind.DnsName)
            {
                w.Line("// " + field.Name + ": a domain name; its compression pointers count from the start of source");
                w.OpenBlock();
                w.Open("if (!global::Codec.Dns.DnsName.TryRead(source.Slice(0, end), position, out value." + field.Id + ", out int consumed))");
                w.Line(FastFail);
                w.Close();
                w.Line();
                w.Line("position += consumed;");
                w.Close();
                return;
            }

            if (field.Kind == FieldModelKind.List && field.CountFrom is not null)
            {
                w.Line("// " + field.Name + ": " + field.CountFrom + " elements, each read, validated and visited in place");
                w.OpenBlock();
                w.Line("int count = (int)global::System.Math.Min((ulong)value." + Layout.Id(field.CountFrom) + ", int.MaxValue);");
                EmitFastList(w, field, "end", counted: true);
                w.Close();
                return;
            }

            if (field.IsRemaining)
            {
                w.Line("// " + field.Name + ": the rest of the message");
                EmitFastBounded(w, model, field, "end", inlineOnly);
                w.Line("position = end;");
                return;
            }

            LengthRule rule = field.Length!;
            w.Line("// " + field.Name + ": " + rule.Field + " × " + rule.Scale.ToString(System.Globalization.CultureInfo.InvariantCulture) + (rule.Offset == 0 ? string.Empty : " + (" + rule.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")") + " bytes");
            w.OpenBlock();
            if (IsPlainLength(model, rule))
            {
                // The field is the length itself and no wider than 31 bits: one compare in int (never negative, and
                // position never passes end), where the general form below is 64-bit arithmetic and two compares.
                w.Line("int length = value." + rule.Field + ";");
                w.Open("if (length > end - position)");
            }
            else
            {
                w.Line("long length = ((long)value." + rule.Field + " * " + rule.Scale.ToString(System.Globalization.CultureInfo.InvariantCulture) + "L) + " + Long(rule.Offset) + ";");
                w.Open("if (length < 0 || length > end - position)");
            }

            w.Line(FastFail);
            w.Close();
            w.Line();
            w.Line("int fieldEnd = position + (int)length;");
            EmitFastBounded(w, model, field, "fieldEnd", inlineOnly);
            w.Line("position = fieldEnd;");
            w.Close();
        }

        /// <summary>Whether a length is its field's value as it is (scale 1, no offset), an unsigned integer of at most 31 bits.</summary>
        private static bool IsPlainLength(MessageModel model, LengthRule rule) =>
            rule.Scale == 1 && rule.Offset == 0 && model.Fields.FirstOrDefault(f => f.Name == rule.Field) is { Kind: FieldModelKind.Unsigned, Bits: <= 31, TypeBits: <= 31 };

        /// <summary>A member that fills <c>[position, fieldEnd)</c> exactly.</summary>
        private static void EmitFastBounded(SourceWriter w, MessageModel model, FieldModel field, string fieldEnd, bool inlineOnly)
        {
            switch (field.Kind)
            {
                case FieldModelKind.List:
                    w.OpenBlock();
                    EmitFastList(w, field, fieldEnd, counted: false);
                    w.Close();
                    break;
                case FieldModelKind.Union:
                    string read = inlineOnly && field.HasCasesReadByCall ? ".TryReadInlineAt(" : ".TryReadAt(";
                    w.Open("if (!" + field.TypeName + read + "source, position, " + fieldEnd + ", " + Discriminator(model, field, "value.") + ", out value." + field.Id + ", out _))");
                    w.Line(FastFail);
                    w.Close();
                    w.Line();
                    break;
                case FieldModelKind.Options:
                    EmitFastOptions(w, field, fieldEnd);
                    break;
                default:
                    w.Line("value." + field.Id + " = source.Slice(position, " + fieldEnd + " - position);");
                    break;
            }
        }

        /// <summary>
        /// An option list filling <c>[position, fieldEnd)</c>, validated one option at a time with the list's generated
        /// step (the checks of its <c>TryReadAt</c>) and each option handed to the visitor as soon as it is validated (a
        /// no-op one for the plain reads): one walk, where reading the list and then enumerating it walked it twice.
        /// </summary>
        private static void EmitFastOptions(SourceWriter w, FieldModel field, string fieldEnd)
        {
            w.OpenBlock();
            w.Line("global::System.ReadOnlySpan<byte> options = source.Slice(0, " + fieldEnd + ");");
            w.Line("int listStart = position;");
            w.Line("int optionsEnd = options.Length;");
            w.Line("int count = 0;");
            w.Open("while (position < options.Length)");
            w.Line("int next = " + field.TypeName + ".ReadOptionAt(options, position, out int kind, out global::System.ReadOnlySpan<byte> optionValue, out bool endsList);");
            w.Open("if (next < 0)");
            w.Line(FastFail);
            w.Close();
            w.Line();
            w.Line("count++;");
            w.Line("visitor.Visit" + field.Name + "(new global::Codec.OptionEntry(kind, position, next - position, optionValue, endsList));");
            w.Line("position = next;");
            w.Open("if (endsList)");
            w.Line("optionsEnd = next;");
            w.Line("break;");
            w.Close();
            w.Close();
            w.Line();
            w.Line("value." + field.Id + " = " + field.TypeName + ".FromValidatedOptions(options, listStart, optionsEnd, count);");
            w.Close();
            w.Line();
        }

        /// <summary>
        /// The elements of a list read one by one and handed to the visitor (a no-op one for the plain reads): a counted
        /// list reads <c>count</c> elements ending by <paramref name="listEnd"/>, any other fills it exactly.
        /// </summary>
        private static void EmitFastList(SourceWriter w, FieldModel field, string listEnd, bool counted)
        {
            w.Line("global::System.ReadOnlySpan<byte> elements = source.Slice(0, " + listEnd + ");");
            w.Line("int listStart = position;");
            if (counted)
            {
                w.Line("position = CodecVisit" + field.Name + "(elements, position, count, ref visitor);");
            }
            else
            {
                w.Line("position = CodecVisit" + field.Name + "(elements, position, ref visitor, out int count);");
            }

            w.Open("if (position < 0)");
            w.Line(FastFail);
            w.Close();
            w.Line();
            w.Line("value." + field.Id + " = " + field.TypeName + ".FromValidatedElements(elements, listStart, position - listStart, count);");
        }

        /// <summary>
        /// Consecutive counted lists of one element type (<see cref="ListGroups"/>), read by one loop method that answers
        /// where each but the last ends.
        /// </summary>
        private static void EmitFastListGroup(SourceWriter w, List<FieldModel> group)
        {
            w.Line();
            w.Line("// " + string.Join(", ", group.Select(f => f.Name)) + ": " + string.Join(", ", group.Select(f => f.CountFrom)) + " elements of one type, read in one loop, each validated and visited in place");
            w.OpenBlock();
            for (int i = 0; i < group.Count; i++)
            {
                w.Line("int count" + i + " = (int)global::System.Math.Min((ulong)value." + Layout.Id(group[i].CountFrom!) + ", int.MaxValue);");
            }

            w.Line("global::System.ReadOnlySpan<byte> elements = source.Slice(0, end);");
            w.Line("int listStart = position;");
            w.Line("CodecGroup" + group[0].Name + " group;");
            for (int i = 1; i < group.Count; i++)
            {
                w.Line("group.Next" + (i - 1) + " = count" + i + ";");
            }

            w.Line("position = CodecVisit" + group[0].Name + "(elements, position, count0, ref group, ref visitor);");
            w.Open("if (position < 0)");
            w.Line(FastFail);
            w.Close();
            w.Line();
            for (int i = 0; i < group.Count - 1; i++)
            {
                w.Line("int end" + i + " = group.Next" + i + ";");
            }

            for (int i = 0; i < group.Count; i++)
            {
                string from = i == 0 ? "listStart" : "end" + (i - 1);
                string to = i == group.Count - 1 ? "position" : "end" + i;
                w.Line("value." + group[i].Id + " = " + group[i].TypeName + ".FromValidatedElements(elements, " + from + ", " + to + " - " + from + ", count" + i + ");");
            }

            w.Close();
        }

        /// <summary>
        /// For each group of lists (<see cref="ListGroups"/>), the loop that reads its elements and hands each to the
        /// visitor. The first loop is inlined into the message's read; every later one is a method of its own: inlined,
        /// every loop (and the element reads inlined into it) would share one frame and its registers, and the JIT stops
        /// inlining element reads after the first list (DNS read: 1.67× → 1.52× the hand-written reader; the first loop
        /// inlined, one call fewer: about 2% faster). Returns where the lists end, or -1 when an element does not read.
        /// </summary>
        private static void EmitFastListMethods(SourceWriter w, MessageModel model)
        {
            List<List<FieldModel>> groups = ListGroups(model);
            foreach (List<FieldModel> group in groups)
            {
                FieldModel field = group[0];
                string element = ElementType(field);
                bool counted = field.CountFrom is not null;
                w.Line();
                w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions." + (group == groups[0] ? "AggressiveInlining" : "NoInlining") + ")]");
                if (group.Count > 1)
                {
                    EmitFastGroupLoop(w, group, element);
                    continue;
                }

                w.Open("private static int CodecVisit" + field.Name + "<TVisitor>(global::System.ReadOnlySpan<byte> elements, int position, " + (counted ? "int count, scoped ref TVisitor visitor" : "scoped ref TVisitor visitor, out int count") + ")" + VisitorConstraint);
                if (counted)
                {
                    w.Open("for (int i = 0; i < count; i++)");
                }
                else
                {
                    w.Line("count = 0;");
                    w.Open("while (position < elements.Length)");
                }

                w.Open("if (!global::Codec.MessageList<" + element + ">.TryReadElementAt(elements, position, out " + element + " element, out int consumed))");
                w.Line("return -1;");
                w.Close();
                w.Line();
                w.Line("visitor.Visit" + field.Name + "(element);");
                w.Line("position += consumed;");
                if (!counted)
                {
                    w.Line("count++;");
                }

                w.Close();
                w.Line();
                w.Line("return position;");
                w.Close();
            }
        }

        /// <summary>
        /// The loop of a group of lists: one element read, the visitor's method chosen by the list the element is in;
        /// when a list is done, where it ends is kept and the next one starts. The later lists' counts come in, and their
        /// ends go out, through one struct of the caller's (<c>CodecGroup{List}</c>), touched only when a list ends: as
        /// parameters (two counts, two <c>out</c> ends) they were four more values live through the loop, whose element
        /// read makes calls (a union's cases), so with the loop's own state they took the callee-saved registers and the
        /// JIT moved them between registers and the stack on every iteration (DNS read, paired: 1.39–1.43× → 1.33–1.36×
        /// the hand-written reader).
        /// </summary>
        private static void EmitFastGroupLoop(SourceWriter w, List<FieldModel> group, string element)
        {
            string visit = "CodecVisit" + group[0].Name;
            string parameters = "global::System.ReadOnlySpan<byte> elements, int position, ";
            string rest = "ref CodecGroup" + group[0].Name + " group, scoped ref TVisitor visitor)" + VisitorConstraint;
            bool inline = group[0].ElementReadsInline;
            w.Open("private static int " + visit + "<TVisitor>(" + parameters + "int count0, " + rest);
            w.Line("int list = 0; // the list being read");
            w.Line("int left = count0; // its elements still to read");
            EmitFastGroupLoopBody(w, group, element, inline ? "return " + visit + "Calling(elements, position, list, left, ref group, ref visitor);" : null);
            w.Close();
            if (inline)
            {
                // The loop above reads the elements without calls (TryReadInlineAt) and hands over to this one, which reads
                // every case, at the first element it does not read (a case read by a call, or an element that fails):
                // a call in tail position, across which nothing of the loop above is live.
                w.Line();
                w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
                w.Open("private static int " + visit + "Calling<TVisitor>(" + parameters + "int list, int left, " + rest);
                EmitFastGroupLoopBody(w, group, element, null);
                w.Close();
            }

            w.Line();
            w.Line("/// <summary>The counts of the group's later lists on entry to its loop, where each list but the last ends on return.</summary>");
            w.Open("private struct CodecGroup" + group[0].Name);
            for (int i = 0; i < group.Count - 1; i++)
            {
                w.Line("public int Next" + i + ";");
            }

            w.Close();
        }

        /// <summary>The group loop's <c>while</c>: reads with <c>TryReadInlineAt</c> and runs <paramref name="handOver"/> when it says no, if given.</summary>
        private static void EmitFastGroupLoopBody(SourceWriter w, List<FieldModel> group, string element, string? handOver)
        {
            w.Open("while (true)");
            w.Open("while (left <= 0)");
            for (int i = 0; i < group.Count - 1; i++)
            {
                w.Open((i == 0 ? "if" : "else if") + " (list == " + i + ")");
                w.Line("left = group.Next" + i + ";");
                w.Line("group.Next" + i + " = position;");
                w.Close();
            }

            w.Open("else");
            w.Line("return position;");
            w.Close();
            w.Line();
            w.Line("list++;");
            w.Close();
            w.Line();
            if (handOver is null)
            {
                w.Open("if (!global::Codec.MessageList<" + element + ">.TryReadElementAt(elements, position, out " + element + " element, out int consumed))");
                w.Line("return -1;");
            }
            else
            {
                w.Open("if (!" + element + ".TryReadInlineAt(elements, position, out " + element + " element, out int consumed))");
                w.Line(handOver);
            }

            w.Close();
            w.Line();
            for (int i = 0; i < group.Count; i++)
            {
                if (i < group.Count - 1)
                {
                    w.Open((i == 0 ? "if" : "else if") + " (list == " + i + ")");
                }
                else
                {
                    w.Open("else");
                }

                w.Line("visitor.Visit" + group[i].Name + "(element);");
                w.Close();
            }

            w.Line();
            w.Line("position += consumed;");
            w.Line("left--;");
            w.Close();
        }
    }
}
