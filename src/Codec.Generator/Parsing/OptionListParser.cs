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
    /// Turns an [OptionList] type and its [Option] attributes into an <see cref="OptionListModel"/> of plain values, or
    /// into diagnostics. Runs inside the first transform; nothing from Roslyn's object model leaves it.
    /// </summary>
    internal static class OptionListParser
    {
        public const string OptionListAttributeName = "Codec.OptionListAttribute";
        private const string OptionAttributeName = "Codec.OptionAttribute";

        public static OptionListParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var diagnostics = new List<DiagnosticInfo>();
            if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not TypeDeclarationSyntax declaration)
            {
                return new OptionListParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
            }

            LocationInfo? typeLocation = LocationInfo.From(declaration.Identifier.GetLocation());
            bool ok = true;
            if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword) || !type.IsRefLikeType || !type.IsReadOnly || type.IsRecord)
            {
                diagnostics.Add(MessageParser.Diagnostic(DiagnosticDescriptors.OptionListNotReadonlyRefStruct, typeLocation, type.Name));
                ok = false;
            }

            ok &= TypeChecks.CheckPlacement(type, typeLocation, diagnostics);

            List<ContainingTypeModel> containing = TypeChecks.ContainingTypes(type, typeLocation, diagnostics, ref ok, cancellationToken);

            AttributeData listAttribute = context.Attributes[0];
            int kindSize = MessageParser.NamedInt(listAttribute, "KindSize", 1);
            int lengthSize = MessageParser.NamedInt(listAttribute, "LengthSize", 1);
            bool includesHeader = NamedBool(listAttribute, "LengthIncludesHeader");
            string displayName = MessageParser.NamedString(listAttribute, "Name") ?? type.Name;
            if (kindSize is < 1 or > 2 || lengthSize is < 1 or > 2)
            {
                diagnostics.Add(MessageParser.Diagnostic(DiagnosticDescriptors.OptionListLayoutInvalid, typeLocation, type.Name, "needs KindSize and LengthSize of 1 or 2 octets"));
                return Result(null, diagnostics);
            }

            int maxKind = kindSize == 1 ? 255 : 65535;
            var cases = new List<OptionCaseModel>();
            foreach (AttributeData option in type.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == OptionAttributeName))
            {
                cancellationToken.ThrowIfCancellationRequested();
                LocationInfo? location = LocationInfo.From(option.ApplicationSyntaxReference) ?? typeLocation;
                if (option.ConstructorArguments.Length != 2 || option.ConstructorArguments[0].Value is not int kind
                    || option.ConstructorArguments[1].Value is not string member)
                {
                    ok = false; // the compiler reports the malformed attribute itself
                    continue;
                }

                if (!SyntaxFacts.IsValidIdentifier(member))
                {
                    diagnostics.Add(MessageParser.Diagnostic(DiagnosticDescriptors.OptionListLayoutInvalid, location, type.Name, "names an option '" + member + "', which is not an identifier"));
                    ok = false;
                    continue;
                }

                if (kind < 0 || kind > maxKind)
                {
                    diagnostics.Add(MessageParser.Diagnostic(DiagnosticDescriptors.OptionKindOutOfRange, location, member, MessageParser.Text(kind), MessageParser.Text(kindSize), MessageParser.Text(maxKind)));
                    ok = false;
                    continue;
                }

                bool singleByte = NamedBool(option, "SingleByte");
                bool endsList = NamedBool(option, "EndsList");
                string? valueType = null;
                TypedConstant typeArgument = option.NamedArguments.FirstOrDefault(a => a.Key == "Type").Value;
                if (typeArgument.Value is INamedTypeSymbol valueSymbol)
                {
                    if (singleByte || !IsWireType(valueSymbol))
                    {
                        diagnostics.Add(MessageParser.Diagnostic(DiagnosticDescriptors.OptionValueTypeInvalid, location, member, valueSymbol.ToDisplayString()));
                        ok = false;
                        continue;
                    }

                    valueType = valueSymbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                }
                else if (typeArgument.Kind == TypedConstantKind.Type)
                {
                    diagnostics.Add(MessageParser.Diagnostic(DiagnosticDescriptors.OptionValueTypeInvalid, location, member, typeArgument.Value?.ToString() ?? "?"));
                    ok = false;
                    continue;
                }

                if (singleByte && kindSize != 1)
                {
                    diagnostics.Add(MessageParser.Diagnostic(DiagnosticDescriptors.OptionListLayoutInvalid, location, type.Name, "has a SingleByte option '" + member + "', which needs KindSize 1"));
                    ok = false;
                    continue;
                }

                OptionCaseModel? clash = cases.FirstOrDefault(c => c.Kind == kind || c.Member == member);
                if (clash is not null)
                {
                    diagnostics.Add(MessageParser.Diagnostic(DiagnosticDescriptors.DuplicateOptionKind, location, member, type.Name, clash.Member));
                    ok = false;
                    continue;
                }

                string label = MessageParser.NamedString(option, "Name") ?? MessageParser.Label(member);
                cases.Add(new OptionCaseModel(kind, member, label, valueType, singleByte, endsList));
            }

            if (cases.Count(c => c.EndsList) > 1)
            {
                diagnostics.Add(MessageParser.Diagnostic(DiagnosticDescriptors.OptionListLayoutInvalid, typeLocation, type.Name, "has more than one option with EndsList"));
                ok = false;
            }

            if (!ok)
            {
                return Result(null, diagnostics);
            }

            string ns = TypeChecks.Namespace(type);
            string hintName = TypeChecks.HintName(ns, containing, type.Name, ".OptionList.g.cs");
            var model = new OptionListModel(
                ns,
                type.Name,
                type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                hintName,
                new EquatableArray<ContainingTypeModel>(containing.ToArray()),
                displayName,
                kindSize,
                lengthSize,
                includesHeader,
                new EquatableArray<OptionCaseModel>(cases.OrderBy(c => c.Kind).ToArray()));
            return Result(model, diagnostics);
        }

        /// <summary>A [Message] or [OptionList] type, or anything that implements IWireMessage of itself.</summary>
        internal static bool IsWireType(INamedTypeSymbol type) =>
            type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() is "Codec.MessageAttribute" or OptionListAttributeName)
            || type.AllInterfaces.Any(i => i.ConstructedFrom.ToDisplayString() == "Codec.IWireMessage<TSelf>");

        private static bool NamedBool(AttributeData attribute, string name)
        {
            foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
            {
                if (argument.Key == name && argument.Value.Value is bool value)
                {
                    return value;
                }
            }

            return false;
        }

        private static OptionListParseResult Result(OptionListModel? model, List<DiagnosticInfo> diagnostics) =>
            new(model, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
    }
}
