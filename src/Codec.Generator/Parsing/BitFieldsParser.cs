using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Codec.Generator.Diagnostics;
using Codec.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Codec.Generator.Parsing
{
    /// <summary>
    /// Turns a [BitFields] type into a <see cref="BitFieldsModel"/> or diagnostics. Its [Field] and [Reserved] members are
    /// placed by the message parser's own rules (orders, widths, enums), from the most significant bit; what a word adds
    /// is checked here: partial properties only, no storage of the user's, and widths that fill one integer.
    /// </summary>
    internal static class BitFieldsParser
    {
        public const string BitFieldsAttributeName = "Codec.BitFieldsAttribute";

        public static BitFieldsParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not TypeDeclarationSyntax declaration)
            {
                return new BitFieldsParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
            }

            var diagnostics = new List<DiagnosticInfo>();
            LocationInfo? typeLocation = LocationInfo.From(declaration.Identifier.GetLocation());
            bool ok = CheckType(type, typeLocation, diagnostics, cancellationToken, out List<ContainingTypeModel> containing);
            BitFieldsModel? layout = Analyze(type, typeLocation, diagnostics, ok, cancellationToken);
            if (layout is null)
            {
                return new BitFieldsParseResult(null, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
            }

            string ns = TypeChecks.Namespace(type);
            BitFieldsModel model = layout with
            {
                Namespace = ns,
                HintName = TypeChecks.HintName(ns, containing, type.Name, ".BitFields.g.cs"),
                ContainingTypes = new EquatableArray<ContainingTypeModel>(containing.ToArray()),
            };
            return new BitFieldsParseResult(model, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
        }

        /// <summary>
        /// The word of a [BitFields] type as a message field sees it (its integer and bit-fields), or null when the type
        /// is not a valid word; the [BitFields] step reports why.
        /// </summary>
        public static BitFieldsModel? Describe(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            // The same checks as Parse: a word that gets no code (not partial, nested in a type that is not, ...) has no
            // constructor or Value for a message's reader and writer to call.
            var diagnostics = new List<DiagnosticInfo>();
            bool ok = CheckType(type, null, diagnostics, cancellationToken, out _);
            return Analyze(type, null, diagnostics, ok, cancellationToken);
        }

        /// <summary>The checks of the type itself: a plain partial struct, declared where the generator can add to it.</summary>
        private static bool CheckType(INamedTypeSymbol type, LocationInfo? typeLocation, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken, out List<ContainingTypeModel> containing)
        {
            bool ok = true;
            bool partial = type.DeclaringSyntaxReferences.All(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax d && d.Modifiers.Any(SyntaxKind.PartialKeyword));
            if (!partial || type.IsRefLikeType || type.IsReadOnly || type.IsRecord)
            {
                diagnostics.Add(MessageParser.Diagnostic(DiagnosticDescriptors.BitFieldsShapeInvalid, typeLocation, type.Name, type.Name,
                    "declare it 'partial struct' (not readonly, ref or record): the generator adds the integer the bit-fields live in"));
                ok = false;
            }

            ok &= TypeChecks.CheckPlacement(type, typeLocation, diagnostics);
            containing = TypeChecks.ContainingTypes(type, typeLocation, diagnostics, ref ok, cancellationToken);
            return ok;
        }

        /// <summary>
        /// Whether the user declared a member the generated code also declares: <c>Value</c>, or <c>ToString()</c>,
        /// <c>GetHashCode()</c>, <c>Equals(object)</c>, <c>Equals(T)</c>, <c>==</c> or <c>!=</c>.
        /// </summary>
        private static bool ClashesWithGenerated(INamedTypeSymbol type, ISymbol member)
        {
            if (member.IsImplicitlyDeclared)
            {
                return false;
            }

            if (member.Name == "Value")
            {
                return true;
            }

            return member is IMethodSymbol method && method.Name switch
            {
                "ToString" or "GetHashCode" => method.Parameters.Length == 0,
                "Equals" => method.Parameters.Length == 1 && !method.IsStatic,
                "op_Equality" or "op_Inequality" => method.Parameters.Length == 2 && method.Parameters.All(p => SymbolEqualityComparer.Default.Equals(p.Type, type)),
                _ => false,
            };
        }

        private static BitFieldsModel? Analyze(INamedTypeSymbol type, LocationInfo? typeLocation, List<DiagnosticInfo> diagnostics, bool ok, CancellationToken cancellationToken)
        {
            foreach (ISymbol member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                LocationInfo? location = LocationInfo.From(member.Locations.FirstOrDefault()) ?? typeLocation;
                bool isField = member.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "Codec.FieldAttribute");
                if (member is IFieldSymbol { IsStatic: false, IsConst: false, IsImplicitlyDeclared: false } own && own.AssociatedSymbol is null)
                {
                    diagnostics.Add(MessageParser.Diagnostic(DiagnosticDescriptors.BitFieldsShapeInvalid, location, member.Name, type.Name,
                        "a word keeps its bits in one integer, so it declares no fields of its own; make it a partial property"));
                    ok = false;
                }
                else if (isField && (member is not IPropertySymbol { IsPartialDefinition: true, PartialImplementationPart: null, GetMethod: not null, SetMethod: { IsInitOnly: false } setter }
                    || (setter.IsReadOnly && !type.IsReadOnly)))
                {
                    diagnostics.Add(MessageParser.Diagnostic(DiagnosticDescriptors.BitFieldsShapeInvalid, location, member.Name, type.Name,
                        "declare each bit-field as 'public partial T Name { get; set; }' without a body; the generator writes it over the word"));
                    ok = false;
                }
                else if (ClashesWithGenerated(type, member))
                {
                    diagnostics.Add(MessageParser.Diagnostic(DiagnosticDescriptors.BitFieldsShapeInvalid, location, member.Name, type.Name,
                        "the generator writes the word's Value, Equals, GetHashCode, ToString, == and != itself; rename or remove it"));
                    ok = false;
                }
                else if (isField && member.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() is "Codec.ConstantAttribute" or "Codec.LengthAttribute" or "Codec.RemainingAttribute" or "Codec.CountAttribute" or "Codec.MessageLengthAttribute" or "Codec.InternetChecksumAttribute" or "Codec.DiscriminatorAttribute"))
                {
                    diagnostics.Add(MessageParser.Diagnostic(DiagnosticDescriptors.BitFieldsShapeInvalid, location, member.Name, type.Name,
                        "a bit-field is a plain value of the word; [Constant], lengths, counts, checksums and discriminators belong to message fields"));
                    ok = false;
                }
            }

            foreach (AttributeData reserved in type.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == "Codec.ReservedAttribute"))
            {
                if (MessageParser.NamedInt(reserved, "Policy", 0) != 0)
                {
                    diagnostics.Add(MessageParser.Diagnostic(DiagnosticDescriptors.BitFieldsShapeInvalid, LocationInfo.From(reserved.ApplicationSyntaxReference) ?? typeLocation,
                        MessageParser.NamedString(reserved, "Name") ?? "Reserved", type.Name, "a word keeps its reserved bits as they come; remove Policy"));
                    ok = false;
                }
            }

            List<FieldModel>? placed = MessageParser.PlaceFields(type, bigEndian: true, inWord: true, typeLocation, diagnostics, ref ok, cancellationToken, out List<MessageParser.Entry> ordered, out _, out int totalBits);
            if (placed is null)
            {
                return null;
            }

            foreach (MessageParser.Entry entry in ordered)
            {
                if (entry.Field.Kind is not (FieldModelKind.Unsigned or FieldModelKind.Signed or FieldModelKind.Boolean or FieldModelKind.Enum or FieldModelKind.Reserved) || entry.ExplicitByteOrder)
                {
                    diagnostics.Add(MessageParser.Diagnostic(DiagnosticDescriptors.BitFieldsShapeInvalid, entry.Location, entry.MemberName, type.Name,
                        entry.ExplicitByteOrder ? "a bit-field has no byte order of its own; the message field of the word's type has it"
                            : "a bit-field is a bool, an integer or an enum, not '" + entry.TypeDisplay + "'"));
                    ok = false;
                }
            }

            string storage = totalBits switch { 8 => "byte", 16 => "ushort", 32 => "uint", 64 => "ulong", _ => string.Empty };
            if (ok && storage.Length == 0)
            {
                diagnostics.Add(MessageParser.Diagnostic(DiagnosticDescriptors.BitFieldsWidthInvalid, typeLocation, type.Name, MessageParser.Text(totalBits)));
                ok = false;
            }

            if (!ok)
            {
                return null;
            }

            return new BitFieldsModel(
                string.Empty,
                type.Name,
                type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                string.Empty,
                EquatableArray<ContainingTypeModel>.Empty,
                storage,
                totalBits,
                new EquatableArray<FieldModel>(placed.ToArray()))
            {
                ReadOnlyGetters = new EquatableArray<string>(type.GetMembers().OfType<IPropertySymbol>()
                    .Where(p => p.IsPartialDefinition && p.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is PropertyDeclarationSyntax d
                        && d.AccessorList is { } accessors && accessors.Accessors.Any(a => a.IsKind(SyntaxKind.GetAccessorDeclaration) && a.Modifiers.Any(SyntaxKind.ReadOnlyKeyword))))
                    .Select(p => p.Name).OrderBy(n => n, System.StringComparer.Ordinal).ToArray()),
            };
        }
    }
}
