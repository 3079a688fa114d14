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
    /// <summary>Turns a [Union] type and its [Case]/[DefaultCase] attributes into a <see cref="UnionModel"/> or diagnostics.</summary>
    internal static class UnionParser
    {
        public const string UnionAttributeName = "Codec.UnionAttribute";
        private const string CaseAttributeName = "Codec.CaseAttribute";
        private const string DefaultCaseAttributeName = "Codec.DefaultCaseAttribute";

        public static UnionParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var diagnostics = new List<DiagnosticInfo>();
            if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not TypeDeclarationSyntax declaration)
            {
                return new UnionParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
            }

            LocationInfo? typeLocation = LocationInfo.From(declaration.Identifier.GetLocation());
            bool ok = true;
            if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword) || !type.IsRefLikeType || !type.IsReadOnly || type.IsRecord)
            {
                diagnostics.Add(MessageParser.Diagnostic(DiagnosticDescriptors.UnionNotReadonlyRefStruct, typeLocation, type.Name));
                ok = false;
            }

            ok &= TypeChecks.CheckPlacement(type, typeLocation, diagnostics);

            List<ContainingTypeModel> containing = TypeChecks.ContainingTypes(type, typeLocation, diagnostics, ref ok, cancellationToken);

            string displayName = MessageParser.NamedString(context.Attributes[0], "Name") ?? type.Name;
            AttributeData? defaultCase = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == DefaultCaseAttributeName);
            string? defaultMember = defaultCase?.ConstructorArguments.Length == 1 ? defaultCase.ConstructorArguments[0].Value as string : null;
            if (defaultMember is null || !SyntaxFacts.IsValidIdentifier(defaultMember))
            {
                diagnostics.Add(MessageParser.Diagnostic(DiagnosticDescriptors.UnionWithoutDefault, typeLocation, type.Name));
                ok = false;
            }

            var cases = new List<UnionCaseModel>();
            foreach (AttributeData attribute in type.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == CaseAttributeName))
            {
                cancellationToken.ThrowIfCancellationRequested();
                LocationInfo? location = LocationInfo.From(attribute.ApplicationSyntaxReference) ?? typeLocation;
                if (attribute.ConstructorArguments.Length != 3 || attribute.ConstructorArguments[0].Value is not ulong value
                    || attribute.ConstructorArguments[1].Value is not string member)
                {
                    ok = false; // the compiler reports the malformed attribute itself
                    continue;
                }

                if (attribute.ConstructorArguments[2].Value is not INamedTypeSymbol valueType || !OptionListParser.IsWireType(valueType) || !SyntaxFacts.IsValidIdentifier(member))
                {
                    string shown = attribute.ConstructorArguments[2].Value is ITypeSymbol t ? t.ToDisplayString() : "?";
                    diagnostics.Add(MessageParser.Diagnostic(DiagnosticDescriptors.UnionCaseTypeInvalid, location, member, type.Name, shown));
                    ok = false;
                    continue;
                }

                UnionCaseModel? clash = cases.FirstOrDefault(c => c.Value == value || c.Member == member);
                if (clash is not null || member == defaultMember)
                {
                    diagnostics.Add(MessageParser.Diagnostic(DiagnosticDescriptors.DuplicateUnionCase, location, member, type.Name, clash?.Member ?? defaultMember!));
                    ok = false;
                    continue;
                }

                string label = MessageParser.NamedString(attribute, "Name") ?? member;
                bool compressNames = attribute.NamedArguments.Any(a => a.Key == "CompressNames" && a.Value.Value is true);
                if (compressNames && !HasNameFields(valueType))
                {
                    diagnostics.Add(MessageParser.Diagnostic(DiagnosticDescriptors.CompressNamesWithoutNames, location, member, type.Name, valueType.ToDisplayString()));
                    ok = false;
                    continue;
                }

                cases.Add(new UnionCaseModel(value, member, label, valueType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), valueType.IsRefLikeType, compressNames, IsOneName(valueType)));
            }

            if (!ok)
            {
                return new UnionParseResult(null, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
            }

            string ns = TypeChecks.Namespace(type);
            string hintName = TypeChecks.HintName(ns, containing, type.Name, ".Union.g.cs");
            var model = new UnionModel(
                ns,
                type.Name,
                type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                hintName,
                new EquatableArray<ContainingTypeModel>(containing.ToArray()),
                displayName,
                defaultMember!,
                new EquatableArray<UnionCaseModel>(cases.OrderBy(c => c.Value).ToArray()),
                context.Attributes[0].NamedArguments.Any(a => a.Key == "EmptyIsDefault" && a.Value.Value is true));
            return new UnionParseResult(model, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
        }

        /// <summary>
        /// Whether a union type's read validates some case by a call: a case whose value holds spans, other than one DNS
        /// name (the union emitter's rule; such a union has <c>TryReadInlineAt</c>).
        /// </summary>
        internal static bool HasCasesReadByCall(ITypeSymbol union) =>
            union.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == CaseAttributeName && a.ConstructorArguments.Length == 3
                && a.ConstructorArguments[2].Value is ITypeSymbol caseType && caseType.IsRefLikeType && !IsOneName(caseType));

        /// <summary>
        /// Whether a case type is a [Message] whose only [Field] is a DNS name: its read is the name's walk, and its memo
        /// the name's (the message emitter gives such a type that memo).
        /// </summary>
        internal static bool IsOneName(ITypeSymbol type)
        {
            int fields = 0;
            bool name = false;
            foreach (ISymbol member in type.GetMembers())
            {
                if (member.IsStatic || !member.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "Codec.FieldAttribute"))
                {
                    continue;
                }

                fields++;
                ITypeSymbol? memberType = member is IFieldSymbol field ? field.Type : (member as IPropertySymbol)?.Type;
                name = memberType?.ToDisplayString() == "Codec.Dns.DnsName";
            }

            return fields == 1 && name && type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "Codec.MessageAttribute");
        }

        /// <summary>
        /// Whether a case type gets a compressing writer: a [Message] with a DNS name [Field] and nothing computed over
        /// its written length (a checksum or a whole-message length field).
        /// </summary>
        internal static bool HasNameFields(ITypeSymbol type)
        {
            bool names = false;
            foreach (ISymbol member in type.GetMembers())
            {
                if (!member.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "Codec.FieldAttribute"))
                {
                    continue;
                }

                if (member.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() is "Codec.InternetChecksumAttribute" or "Codec.MessageLengthAttribute"))
                {
                    return false;
                }

                ITypeSymbol? memberType = member is IFieldSymbol field ? field.Type : (member as IPropertySymbol)?.Type;
                names |= memberType?.ToDisplayString() == "Codec.Dns.DnsName";
            }

            return names;
        }
    }
}
