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
    /// The checks and names every attributed type shares — [Message], [OptionList] and [Union] alike: where the type may
    /// stand (not generic, not file-local, inside partial types only) and the file its code goes to.
    /// </summary>
    internal static class TypeChecks
    {
        /// <summary>Reports a generic or file-local type; false when there was anything to report.</summary>
        public static bool CheckPlacement(INamedTypeSymbol type, LocationInfo? location, List<DiagnosticInfo> diagnostics)
        {
            bool ok = true;
            if (type.IsGenericType)
            {
                diagnostics.Add(MessageParser.Diagnostic(DiagnosticDescriptors.GenericMessage, location, type.Name));
                ok = false;
            }

            if (type.IsFileLocal)
            {
                diagnostics.Add(MessageParser.Diagnostic(DiagnosticDescriptors.FileLocalMessage, location, type.Name));
                ok = false;
            }

            return ok;
        }

        /// <summary>
        /// The types that contain <paramref name="type"/>, outermost first, reporting each that is not partial (the
        /// generated part must be declared inside them); <paramref name="ok"/> turns false when one is reported.
        /// </summary>
        public static List<ContainingTypeModel> ContainingTypes(INamedTypeSymbol type, LocationInfo? location, List<DiagnosticInfo> diagnostics, ref bool ok, CancellationToken cancellationToken)
        {
            var containing = new List<ContainingTypeModel>();
            for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                bool outerPartial = outer.DeclaringSyntaxReferences
                    .Select(r => r.GetSyntax(cancellationToken))
                    .OfType<TypeDeclarationSyntax>()
                    .Any(d => d.Modifiers.Any(SyntaxKind.PartialKeyword));
                if (!outerPartial)
                {
                    diagnostics.Add(MessageParser.Diagnostic(DiagnosticDescriptors.ContainingTypeNotPartial, location, type.Name, outer.Name));
                    ok = false;
                }

                containing.Insert(0, new ContainingTypeModel(MessageParser.Keyword(outer), outer.Name));
            }

            return containing;
        }

        /// <summary>The type's namespace, empty for the global one.</summary>
        public static string Namespace(INamedTypeSymbol type) =>
            type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : string.Empty;

        /// <summary>A unique file name for the type's generated code: namespace, containing types, name, then <paramref name="suffix"/>.</summary>
        public static string HintName(string ns, IEnumerable<ContainingTypeModel> containing, string typeName, string suffix) =>
            (ns.Length > 0 ? ns + "." : string.Empty) + string.Join(".", containing.Select(c => c.Name).Concat(new[] { typeName })) + suffix;
    }
}
