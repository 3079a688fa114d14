using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Codec.Generator.Diagnostics;
using Codec.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Codec.Generator.Parsing
{
    /// <summary>
    /// Turns a [Message] type into a <see cref="MessageModel"/> of plain values, or into diagnostics. Runs inside the
    /// first transform; nothing from Roslyn's object model leaves it.
    /// </summary>
    internal static class MessageParser
    {
        private const string FieldAttributeName = "Codec.FieldAttribute";
        private const string ConstantAttributeName = "Codec.ConstantAttribute";
        private const string ReservedAttributeName = "Codec.ReservedAttribute";
        private const string LengthAttributeName = "Codec.LengthAttribute";
        private const string RemainingAttributeName = "Codec.RemainingAttribute";
        private const string MessageLengthAttributeName = "Codec.MessageLengthAttribute";
        private const string CountAttributeName = "Codec.CountAttribute";
        private const string ChecksumAttributeName = "Codec.InternetChecksumAttribute";
        private const string DiscriminatorAttributeName = "Codec.DiscriminatorAttribute";

        /// <summary>Names the generated code gives members of the message (or of its views).</summary>
        private static readonly HashSet<string> s_generatedMembers = new()
        {
            "Size", "MinimumSize", "MinimumWireSize", "View", "ReadOnlyView", "Buffer", "TryRead", "TryReadAt", "Read", "TryWrite",
            "Write", "Dissect", "GetSerializedSize", "Equals", "GetHashCode", "ToString", "IElementVisitor",
        };

        // ByteOrder values of Codec.ByteOrder.
        private const int ByteOrderDefault = 0;
        private const int ByteOrderBig = 1;
        private const int ByteOrderLittle = 2;

        public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var diagnostics = new List<DiagnosticInfo>();
            if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not TypeDeclarationSyntax declaration)
            {
                return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
            }

            LocationInfo? typeLocation = LocationInfo.From(declaration.Identifier.GetLocation());
            bool ok = true;

            if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.MessageNotPartial, typeLocation, type.Name));
                ok = false;
            }

            ok &= TypeChecks.CheckPlacement(type, typeLocation, diagnostics);

            if (type.Name is "View" or "ReadOnlyView" or "IElementVisitor")
            {
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.NameClash, typeLocation, type.Name));
                ok = false;
            }

            // [Message] on two partial declarations is already an error (CS0579); generate from the first one only,
            // so that the hint name stays unique and the other messages of the compilation still get their code.
            SyntaxReference? firstApplication = type.GetAttributes()
                .Where(a => a.AttributeClass?.ToDisplayString() == "Codec.MessageAttribute" && a.ApplicationSyntaxReference is not null)
                .Select(a => a.ApplicationSyntaxReference!)
                .OrderBy(r => r.SyntaxTree.FilePath, System.StringComparer.Ordinal)
                .ThenBy(r => r.Span.Start)
                .FirstOrDefault();
            if (firstApplication is not null && (firstApplication.SyntaxTree != declaration.SyntaxTree || !declaration.Span.Contains(firstApplication.Span)))
            {
                return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
            }

            List<ContainingTypeModel> containing = TypeChecks.ContainingTypes(type, typeLocation, diagnostics, ref ok, cancellationToken);

            AttributeData messageAttribute = context.Attributes[0];
            int messageOrder = NamedInt(messageAttribute, "ByteOrder", ByteOrderDefault);
            bool bigEndian = messageOrder != ByteOrderLittle;
            string displayName = NamedString(messageAttribute, "Name") ?? type.Name;

            List<FieldModel>? placed = PlaceFields(type, bigEndian, inWord: false, typeLocation, diagnostics, ref ok, cancellationToken, out List<Entry> ordered, out int bitOffset, out int totalBits);
            if (placed is null)
            {
                return Result(null, diagnostics);
            }

            if (bitOffset % 8 != 0)
            {
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.MessageNotByteAligned, typeLocation, type.Name, Text(totalBits)));
                ok = false;
            }

            if (placed.Count(f => f.MessageLength is not null) > 1)
            {
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.MessageLengthInvalid, typeLocation, placed.Last(f => f.MessageLength is not null).Name));
                ok = false;
            }

            bool isVariable = placed.Any(f => f.IsVariable);
            List<FieldModel> checksums = placed.Where(f => f.ChecksumThrough is not null).ToList();
            foreach (FieldModel checksum in checksums)
            {
                FieldModel? through = checksum.ChecksumThrough!.Length == 0 ? null : placed.FirstOrDefault(f => f.Name == checksum.ChecksumThrough);
                bool throughOk = checksum.ChecksumThrough!.Length == 0 ? !isVariable : through is not null && (through.IsVariable || through.Run == 0);
                if (checksums.Count > 1 || checksum.Run != 0 || checksum.BitOffset % 16 != 0 || !throughOk)
                {
                    diagnostics.Add(Diagnostic(DiagnosticDescriptors.ChecksumInvalid, ordered.First(e => e.MemberName == checksum.Name).Location, checksum.Name));
                    ok = false;
                }
            }

            if (!ok)
            {
                return Result(null, diagnostics);
            }

            string ns = TypeChecks.Namespace(type);
            string fullyQualified = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            string hintName = TypeChecks.HintName(ns, containing, type.Name, ".g.cs");

            bool hasUserEquals = type.GetMembers("Equals").OfType<IMethodSymbol>()
                .Any(m => m.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(m.Parameters[0].Type, type) && !m.IsImplicitlyDeclared);
            bool hasUserToString = type.GetMembers("ToString").OfType<IMethodSymbol>().Any(m => m.Parameters.Length == 0 && !m.IsImplicitlyDeclared);

            var model = new MessageModel(
                ns,
                type.Name,
                fullyQualified,
                hintName,
                type.IsRecord ? "record struct" : type.IsRefLikeType ? "ref struct" : "struct",
                new EquatableArray<ContainingTypeModel>(containing.ToArray()),
                displayName,
                bigEndian,
                EmitEquality: !type.IsRecord && !hasUserEquals,
                EmitToString: !type.IsRecord && !hasUserToString,
                new EquatableArray<FieldModel>(placed.ToArray()),
                totalBits)
            {
                IsVariable = isVariable,
                IsRefStruct = type.IsRefLikeType,
                AllStorageIsWire = AllStorageIsWire(type),
            };
            return Result(model, diagnostics);
        }

        /// <summary>
        /// The [Field] members and [Reserved] bits of <paramref name="type"/>, checked and placed one after another in
        /// order (each starts where the one before it ended): null when members or orders were reported, else the placed
        /// fields, with <paramref name="ok"/> turned false if placing them reported something. Messages and [BitFields]
        /// words share it, so their fields follow one set of rules and diagnostics; in a word (<paramref name="inWord"/>)
        /// a member cannot be a word itself, which also keeps a word that names its own type from being described forever.
        /// </summary>
        internal static List<FieldModel>? PlaceFields(INamedTypeSymbol type, bool bigEndian, bool inWord, LocationInfo? typeLocation, List<DiagnosticInfo> diagnostics, ref bool ok, CancellationToken cancellationToken, out List<Entry> ordered, out int bitOffset, out int totalBits)
        {
            ordered = new List<Entry>();
            bitOffset = 0;
            totalBits = 0;
            var entries = new List<Entry>();
            var failedOrders = new HashSet<int>();
            var names = new HashSet<string>();
            foreach (ISymbol member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is not (IFieldSymbol or IPropertySymbol) || member.IsImplicitlyDeclared)
                {
                    continue;
                }

                AttributeData? field = member.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == FieldAttributeName);
                if (field is null)
                {
                    continue;
                }

                if (!names.Add(member.Name))
                {
                    ok = false; // two members of one name: the compiler reports it (CS0102)
                    continue;
                }

                if (!inWord && s_generatedMembers.Contains(member.Name))
                {
                    diagnostics.Add(Diagnostic(DiagnosticDescriptors.NameClash, LocationInfo.From(member.Locations.FirstOrDefault()), member.Name));
                    ok = false;
                    continue;
                }

                Entry? entry = member is IPropertySymbol { IsIndexer: true }
                    ? Unsupported(member, diagnostics)
                    : ParseMember(type, member, field, bigEndian, inWord, diagnostics, cancellationToken);
                if (entry is null)
                {
                    ok = false;
                    if (field.ConstructorArguments.Length == 1 && field.ConstructorArguments[0].Value is int failedOrder)
                    {
                        failedOrders.Add(failedOrder); // reported already: its order is not missing
                    }
                }
                else
                {
                    entries.Add(entry);
                }
            }

            if (entries.Count == 0 && ok)
            {
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.MessageHasNoFields, typeLocation, type.Name));
                return null;
            }

            int reservedIndex = 0;
            foreach (AttributeData reserved in type.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == ReservedAttributeName))
            {
                LocationInfo? location = LocationInfo.From(reserved.ApplicationSyntaxReference) ?? typeLocation;
                if (reserved.ConstructorArguments.Length != 2
                    || reserved.ConstructorArguments[0].Value is not int order
                    || reserved.ConstructorArguments[1].Value is not int bits)
                {
                    ok = false; // The compiler reports the malformed attribute itself.
                    continue;
                }

                string name = NamedString(reserved, "Name") ?? "Reserved";
                string memberName = reservedIndex == 0 ? "Reserved" : "Reserved" + reservedIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
                reservedIndex++;
                if (bits < 1 || bits > 64)
                {
                    diagnostics.Add(Diagnostic(DiagnosticDescriptors.WidthOutOfRange, location, name, Text(bits), "reserved bits", "1 to 64 bits"));
                    ok = false;
                    continue;
                }

                bool reject = NamedInt(reserved, "Policy", 0) == 1;
                entries.Add(new Entry(order, memberName, location, new FieldModel(
                    memberName, name, FieldModelKind.Reserved, "ulong", "ulong", 64, bits, 0, bigEndian,
                    HasConstant: false, ConstantValue: 0, RejectNonZero: reject, IsFlags: false, EnumMembers: EquatableArray<EnumMemberModel>.Empty),
                    ExplicitByteOrder: false));
            }

            // Orders: unique, and 0..n-1 without gaps.
            var byOrder = new Dictionary<int, Entry>();
            foreach (Entry entry in entries)
            {
                if (byOrder.TryGetValue(entry.Order, out Entry? first))
                {
                    diagnostics.Add(Diagnostic(DiagnosticDescriptors.DuplicateOrder, entry.Location, entry.MemberName, Text(entry.Order), first.MemberName));
                    ok = false;
                }
                else
                {
                    byOrder[entry.Order] = entry;
                }
            }

            for (int order = 0; order < byOrder.Count + failedOrders.Count; order++)
            {
                if (!byOrder.ContainsKey(order) && !failedOrders.Contains(order))
                {
                    diagnostics.Add(Diagnostic(DiagnosticDescriptors.MissingOrder, typeLocation, type.Name, Text(order)));
                    ok = false;
                    break;
                }
            }

            if (!ok)
            {
                return null;
            }

            // Place the fields: each starts where the one before it ended. A variable-length member ends a run of fixed
            // fields; the fields after it form the next run, whose offsets count from where the member ends.
            var placed = new List<FieldModel>();
            int run = 0;
            ordered = byOrder.OrderBy(p => p.Key).Select(p => p.Value).ToList();
            foreach (Entry entry in ordered)
            {
                if (entry.Field.IsVariable)
                {
                    if (bitOffset % 8 != 0)
                    {
                        diagnostics.Add(Diagnostic(DiagnosticDescriptors.FieldNotByteAligned, entry.Location, entry.MemberName, entry.TypeDisplay, Text(bitOffset)));
                        ok = false;
                    }

                    if (entry.Field.IsRemaining && entry != ordered[ordered.Count - 1])
                    {
                        diagnostics.Add(Diagnostic(DiagnosticDescriptors.RemainingNotLast, entry.Location, entry.MemberName, ordered[ordered.IndexOf(entry) + 1].MemberName));
                        ok = false;
                    }

                    string? sourceName = entry.Field.Length?.Field ?? entry.Field.CountFrom;
                    if (sourceName is not null)
                    {
                        FieldModel? source = placed.FirstOrDefault(f => f.Name == sourceName);
                        if (source is null || source.Kind != FieldModelKind.Unsigned || source.LengthOf is not null || source.CountOf is not null || source.MessageLength is not null)
                        {
                            diagnostics.Add(Diagnostic(DiagnosticDescriptors.LengthSourceInvalid, entry.Location, entry.MemberName, sourceName));
                            ok = false;
                        }
                        else
                        {
                            placed[placed.IndexOf(source)] = entry.Field.CountFrom is null
                                ? source with { LengthOf = entry.MemberName }
                                : source with { CountOf = entry.MemberName };
                        }
                    }

                    if (entry.Field.DiscriminatorFrom is { } discriminatorName)
                    {
                        FieldModel? source = placed.FirstOrDefault(f => f.Name == discriminatorName);
                        if (source is null || source.Kind is not (FieldModelKind.Unsigned or FieldModelKind.Signed or FieldModelKind.Enum))
                        {
                            diagnostics.Add(Diagnostic(DiagnosticDescriptors.DiscriminatorInvalid, entry.Location, entry.MemberName, discriminatorName));
                            ok = false;
                        }
                        else
                        {
                            placed[placed.IndexOf(source)] = source with { DiscriminatorOf = entry.MemberName };
                        }
                    }

                    placed.Add(entry.Field with { BitOffset = bitOffset, Run = run });
                    run++;
                    bitOffset = 0;
                    continue;
                }

                FieldModel field = entry.Field with { BitOffset = bitOffset, Run = run };
                bool aligned = bitOffset % 8 == 0;
                bool needsAlignment = field.Kind is FieldModelKind.IPv4Address or FieldModelKind.IPv6Address or FieldModelKind.MacAddress or FieldModelKind.ByteBlock;
                if (needsAlignment && !aligned)
                {
                    diagnostics.Add(Diagnostic(DiagnosticDescriptors.FieldNotByteAligned, entry.Location, entry.MemberName, entry.TypeDisplay, Text(bitOffset)));
                    ok = false;
                }
                else if (entry.ExplicitByteOrder && (!aligned || field.Bits % 8 != 0 || field.IsBlock))
                {
                    diagnostics.Add(Diagnostic(DiagnosticDescriptors.ByteOrderOnSubByteField, entry.Location, entry.MemberName));
                    ok = false;
                }

                placed.Add(field);
                bitOffset += field.Bits;
                totalBits += field.Bits;
            }

            return placed;
        }

        private static Entry? ParseMember(INamedTypeSymbol type, ISymbol member, AttributeData field, bool messageBigEndian, bool inWord, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            LocationInfo? location = LocationInfo.From(member.Locations.FirstOrDefault());
            ITypeSymbol memberType = member is IFieldSymbol f ? f.Type : ((IPropertySymbol)member).Type;
            string typeDisplay = memberType.ToDisplayString();

            if (member.IsStatic)
            {
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.StaticField, location, member.Name));
                return null;
            }

            // A word's own shape checks (CODEC036) refuse a readonly word and a bit-field the word cannot set; reported
            // once there, not again here.
            bool writable = member switch
            {
                IFieldSymbol fs => !fs.IsReadOnly && !fs.IsConst,
                IPropertySymbol ps => ps.SetMethod is { IsInitOnly: false } && !ps.SetMethod.IsReadOnly,
                _ => false,
            };
            if (!inWord && (!writable || type.IsReadOnly))
            {
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.FieldNotWritable, location, member.Name));
                return null;
            }

            if (field.ConstructorArguments.Length != 1 || field.ConstructorArguments[0].Value is not int order)
            {
                return null; // The compiler reports the malformed attribute itself.
            }

            FieldType? fieldType = FieldType.Classify(memberType, cancellationToken, wordsAllowed: !inWord);
            if (fieldType is null)
            {
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.UnsupportedFieldType, location, member.Name, typeDisplay));
                return null;
            }

            AttributeData? discriminator = Find(member, DiscriminatorAttributeName);
            string? discriminatorFrom = discriminator?.ConstructorArguments.Length == 1 ? discriminator.ConstructorArguments[0].Value as string : null;
            if ((discriminator is not null) != (fieldType.Kind == FieldModelKind.Union) || (discriminator is not null && discriminatorFrom is null))
            {
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.DiscriminatorInvalid, location, member.Name, discriminatorFrom ?? "(none)"));
                return null;
            }

            AttributeData? lengthAttribute = Find(member, LengthAttributeName);
            AttributeData? countAttribute = Find(member, CountAttributeName);
            bool remaining = Find(member, RemainingAttributeName) is not null;
            if (fieldType.Kind == FieldModelKind.DnsName)
            {
                // Self-delimiting: its labels end with the root or a pointer.
                if (lengthAttribute is not null || countAttribute is not null || remaining)
                {
                    diagnostics.Add(Diagnostic(DiagnosticDescriptors.LengthAttributeMisplaced, location, member.Name));
                    return null;
                }

                if (!type.IsRefLikeType)
                {
                    diagnostics.Add(Diagnostic(DiagnosticDescriptors.SpanFieldRequiresRefStruct, location, member.Name, type.Name));
                    return null;
                }

                var name = new FieldModel(
                    member.Name, NamedString(field, "Name") ?? Label(member.Name), FieldModelKind.DnsName, memberType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                    string.Empty, 0, 0, 0, true, HasConstant: false, ConstantValue: 0, RejectNonZero: false, IsFlags: false, EnumMembers: EquatableArray<EnumMemberModel>.Empty);
                return new Entry(order, member.Name, location, name, ExplicitByteOrder: false) { TypeDisplay = typeDisplay };
            }

            if (fieldType.Kind is FieldModelKind.Bytes or FieldModelKind.List or FieldModelKind.Options or FieldModelKind.Union)
            {
                Entry? variable = ParseVariable(type, member, order, field, fieldType.Kind, memberType, lengthAttribute, countAttribute, remaining, location, diagnostics);
                return variable is null || discriminatorFrom is null ? variable : variable with { Field = variable.Field with { DiscriminatorFrom = discriminatorFrom } };
            }

            if (lengthAttribute is not null || countAttribute is not null || remaining)
            {
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.LengthAttributeMisplaced, location, member.Name));
                return null;
            }

            int bits = NamedInt(field, "Bits", 0);
            if (bits == 0)
            {
                bits = fieldType.TypeBits;
            }

            bool widthOk = fieldType.FixedWidth ? bits == fieldType.TypeBits : bits >= 1 && bits <= fieldType.TypeBits;
            if (!widthOk)
            {
                string range = fieldType.FixedWidth ? Bits(fieldType.TypeBits) : fieldType.TypeBits == 1 ? "1 bit" : "1 to " + Text(fieldType.TypeBits) + " bits";
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.WidthOutOfRange, location, member.Name, Text(bits), typeDisplay, range));
                return null;
            }

            int order2 = NamedInt(field, "ByteOrder", ByteOrderDefault);
            bool explicitOrder = order2 != ByteOrderDefault;
            bool isAddress = fieldType.Kind is FieldModelKind.IPv4Address or FieldModelKind.IPv6Address or FieldModelKind.MacAddress;

            // Addresses are in network order unless the field says otherwise; other fields follow the message.
            bool bigEndian = explicitOrder ? order2 == ByteOrderBig : isAddress || messageBigEndian;

            bool hasConstant = false;
            ulong constant = 0;
            AttributeData? constantAttribute = member.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == ConstantAttributeName);
            if (constantAttribute is not null)
            {
                if (constantAttribute.ConstructorArguments.Length != 1 || constantAttribute.ConstructorArguments[0].Value is not ulong value)
                {
                    return null;
                }

                if (fieldType.Kind is FieldModelKind.IPv6Address or FieldModelKind.ByteBlock or FieldModelKind.BitFields)
                {
                    diagnostics.Add(Diagnostic(DiagnosticDescriptors.ConstantOnUnsupportedType, location, member.Name, typeDisplay));
                    return null;
                }

                ulong mask = bits >= 64 ? ulong.MaxValue : (1UL << bits) - 1;
                if ((value & ~mask) != 0)
                {
                    diagnostics.Add(Diagnostic(DiagnosticDescriptors.ConstantDoesNotFit, location, member.Name, value.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(bits)));
                    return null;
                }

                hasConstant = true;
                constant = value;
            }

            LengthRule? messageLength = null;
            if (Find(member, MessageLengthAttributeName) is { } messageLengthAttribute)
            {
                int scale = NamedInt(messageLengthAttribute, "Scale", 1);
                if (fieldType.Kind != FieldModelKind.Unsigned || scale < 1)
                {
                    diagnostics.Add(Diagnostic(DiagnosticDescriptors.MessageLengthInvalid, location, member.Name));
                    return null;
                }

                messageLength = new LengthRule(member.Name, scale, NamedInt(messageLengthAttribute, "Offset", 0));
            }

            string? checksumThrough = null;
            if (Find(member, ChecksumAttributeName) is { } checksumAttribute)
            {
                if (fieldType.Kind != FieldModelKind.Unsigned || bits != 16)
                {
                    diagnostics.Add(Diagnostic(DiagnosticDescriptors.ChecksumInvalid, location, member.Name));
                    return null;
                }

                checksumThrough = NamedString(checksumAttribute, "Through") ?? string.Empty;
            }

            string label = NamedString(field, "Name") ?? Label(member.Name);
            var model = new FieldModel(
                member.Name,
                label,
                fieldType.Kind,
                memberType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                fieldType.Underlying,
                fieldType.TypeBits,
                bits,
                BitOffset: 0,
                bigEndian,
                hasConstant,
                constant,
                RejectNonZero: false,
                fieldType.IsFlags,
                fieldType.Members)
            {
                MessageLength = messageLength,
                ChecksumThrough = checksumThrough,
                SubFields = fieldType.SubFields,
            };
            return new Entry(order, member.Name, location, model, explicitOrder) { TypeDisplay = typeDisplay };
        }

        /// <summary>A ReadOnlySpan&lt;byte&gt; member: its length comes from a field or it takes the rest.</summary>
        private static Entry? ParseVariable(INamedTypeSymbol type, ISymbol member, int order, AttributeData field, FieldModelKind kind, ITypeSymbol memberType, AttributeData? lengthAttribute, AttributeData? countAttribute, bool remaining, LocationInfo? location, List<DiagnosticInfo> diagnostics)
        {
            string? countFrom = null;
            if (countAttribute is not null)
            {
                if (kind != FieldModelKind.List || lengthAttribute is not null || remaining
                    || countAttribute.ConstructorArguments.Length != 1 || countAttribute.ConstructorArguments[0].Value is not string countSource)
                {
                    diagnostics.Add(Diagnostic(DiagnosticDescriptors.LengthAttributeMisplaced, location, member.Name));
                    return null;
                }

                countFrom = countSource;
            }

            if (!type.IsRefLikeType)
            {
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.SpanFieldRequiresRefStruct, location, member.Name, type.Name));
                return null;
            }

            LengthRule? length = null;
            if (lengthAttribute is not null)
            {
                int scale = NamedInt(lengthAttribute, "Scale", 1);
                if (remaining || scale < 1 || lengthAttribute.ConstructorArguments.Length != 1 || lengthAttribute.ConstructorArguments[0].Value is not string source)
                {
                    diagnostics.Add(Diagnostic(DiagnosticDescriptors.LengthAttributeMisplaced, location, member.Name));
                    return null;
                }

                length = new LengthRule(source, scale, NamedInt(lengthAttribute, "Offset", 0));
            }
            else if (!remaining && countFrom is null)
            {
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.VariableLengthUnknown, location, member.Name));
                return null;
            }

            string label = NamedString(field, "Name") ?? Label(member.Name);
            var model = new FieldModel(
                member.Name, label, kind, memberType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), string.Empty, 0, 0, 0, true,
                HasConstant: false, ConstantValue: 0, RejectNonZero: false, IsFlags: false, EnumMembers: EquatableArray<EnumMemberModel>.Empty)
            {
                Length = length,
                IsRemaining = remaining,
                CountFrom = countFrom,
                ElementHasNames = kind == FieldModelKind.List && memberType is INamedTypeSymbol { TypeArguments.Length: 1 } list
                    && list.TypeArguments[0].GetMembers().Any(m => Find(m, FieldAttributeName) is not null
                        && (m is IFieldSymbol { Type: var t } ? t : ((m as IPropertySymbol)?.Type))?.ToDisplayString() == "Codec.Dns.DnsName"),
                CompressesCases = kind == FieldModelKind.Union && memberType.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "Codec.CaseAttribute"
                    && a.NamedArguments.Any(n => n.Key == "CompressNames" && n.Value.Value is true)
                    && a.ConstructorArguments.Length == 3 && a.ConstructorArguments[2].Value is ITypeSymbol caseType && UnionParser.HasNameFields(caseType)),
                ElementReadsInline = kind == FieldModelKind.List && memberType is INamedTypeSymbol { TypeArguments.Length: 1 } elementList
                    && elementList.TypeArguments[0].GetMembers().Any(m => Find(m, FieldAttributeName) is not null
                        && (m is IFieldSymbol { Type: var u } ? u : ((m as IPropertySymbol)?.Type)) is ITypeSymbol union
                        && union.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == UnionParser.UnionAttributeName)
                        && UnionParser.HasCasesReadByCall(union)),
                HasCasesReadByCall = kind == FieldModelKind.Union && UnionParser.HasCasesReadByCall(memberType),
            };
            return new Entry(order, member.Name, location, model, ExplicitByteOrder: false) { TypeDisplay = memberType.ToDisplayString() };
        }

        /// <summary>Whether each instance field (auto-property backing fields included) belongs to a [Field] member.</summary>
        private static bool AllStorageIsWire(INamedTypeSymbol type)
        {
            foreach (IFieldSymbol field in type.GetMembers().OfType<IFieldSymbol>())
            {
                if (field.IsStatic || field.IsConst)
                {
                    continue;
                }

                ISymbol owner = field.AssociatedSymbol ?? field;
                if (Find(owner, FieldAttributeName) is null)
                {
                    return false;
                }
            }

            return true;
        }

        private static Entry? Unsupported(ISymbol member, List<DiagnosticInfo> diagnostics)
        {
            ITypeSymbol type = member is IFieldSymbol f ? f.Type : ((IPropertySymbol)member).Type;
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.UnsupportedFieldType, LocationInfo.From(member.Locations.FirstOrDefault()), member.Name, type.ToDisplayString()));
            return null;
        }

        private static AttributeData? Find(ISymbol member, string attributeName) =>
            member.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == attributeName);

        /// <summary>"TotalLength" → "Total Length"; "IPv4Source" stays readable as "IPv4 Source".</summary>
        internal static string Label(string name)
        {
            var sb = new StringBuilder(name.Length + 4);
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (i > 0 && char.IsUpper(c) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                {
                    sb.Append(' ');
                }

                sb.Append(c);
            }

            return sb.ToString();
        }

        internal static string Keyword(INamedTypeSymbol type) => type switch
        {
            { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
            { IsRecord: true } => "record",
            { TypeKind: TypeKind.Struct } => "struct",
            { TypeKind: TypeKind.Interface } => "interface",
            _ => "class",
        };

        internal static int NamedInt(AttributeData attribute, string name, int fallback)
        {
            foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
            {
                if (argument.Key == name && argument.Value.Value is int value)
                {
                    return value;
                }
            }

            return fallback;
        }

        internal static string? NamedString(AttributeData attribute, string name)
        {
            foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
            {
                if (argument.Key == name && argument.Value.Value is string value)
                {
                    return value;
                }
            }

            return null;
        }

        private static string Bits(int value) => value == 1 ? "1 bit" : Text(value) + " bits";

        internal static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        internal static DiagnosticInfo Diagnostic(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
            new(descriptor.Id, location, new EquatableArray<string>(arguments));

        private static ParseResult Result(MessageModel? model, List<DiagnosticInfo> diagnostics) =>
            new(model, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));

        internal sealed record Entry(int Order, string MemberName, LocationInfo? Location, FieldModel Field, bool ExplicitByteOrder)
        {
            public string TypeDisplay { get; init; } = "ulong";
        }
    }
}
