using Codec.Generator.Emitting;
using Codec.Generator.Model;
using Codec.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Codec.Generator
{
    /// <summary>
    /// Writes readers, writers, views and dissections for every <c>[Message] partial struct</c> (and the option lists,
    /// unions and [BitFields] words they are made of).
    /// Parser → Model → Emitter: the parse step reduces each type to a value-equatable <see cref="MessageModel"/>, so an
    /// edit that leaves a message's layout unchanged leaves its output cached.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class MessageGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking name of the step that parses each [Message] type.</summary>
        public const string ParseStep = "CodecMessageParse";

        /// <summary>Tracking name of the step that selects the valid models.</summary>
        public const string ModelStep = "CodecMessageModels";

        /// <summary>Tracking name of the step that selects the diagnostics.</summary>
        public const string DiagnosticStep = "CodecMessageDiagnostics";

        /// <summary>Tracking name of the step that parses each [OptionList] type.</summary>
        public const string OptionListParseStep = "CodecOptionListParse";

        /// <summary>Tracking name of the step that selects the valid option list models.</summary>
        public const string OptionListModelStep = "CodecOptionListModels";

        /// <summary>Tracking name of the step that selects the option lists' diagnostics.</summary>
        public const string OptionListDiagnosticStep = "CodecOptionListDiagnostics";

        /// <summary>Tracking name of the step that parses each [Union] type.</summary>
        public const string UnionParseStep = "CodecUnionParse";

        /// <summary>Tracking name of the step that selects the valid union models.</summary>
        public const string UnionModelStep = "CodecUnionModels";

        /// <summary>Tracking name of the step that selects the unions' diagnostics.</summary>
        public const string UnionDiagnosticStep = "CodecUnionDiagnostics";

        /// <summary>Tracking name of the step that parses each [BitFields] type.</summary>
        public const string BitFieldsParseStep = "CodecBitFieldsParse";

        /// <summary>Tracking name of the step that selects the valid [BitFields] models.</summary>
        public const string BitFieldsModelStep = "CodecBitFieldsModels";

        /// <summary>Tracking name of the step that selects the [BitFields] types' diagnostics.</summary>
        public const string BitFieldsDiagnosticStep = "CodecBitFieldsDiagnostics";

        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            Register<ParseResult, MessageModel>(
                context, "Codec.MessageAttribute", static (node, _) => node is StructDeclarationSyntax or RecordDeclarationSyntax,
                MessageParser.Parse, MessageEmitter.Emit, ParseStep, ModelStep, DiagnosticStep);
            Register<OptionListParseResult, OptionListModel>(
                context, OptionListParser.OptionListAttributeName, static (node, _) => node is StructDeclarationSyntax,
                OptionListParser.Parse, OptionListEmitter.Emit, OptionListParseStep, OptionListModelStep, OptionListDiagnosticStep);
            Register<UnionParseResult, UnionModel>(
                context, UnionParser.UnionAttributeName, static (node, _) => node is StructDeclarationSyntax,
                UnionParser.Parse, UnionEmitter.Emit, UnionParseStep, UnionModelStep, UnionDiagnosticStep);
            Register<BitFieldsParseResult, BitFieldsModel>(
                context, BitFieldsParser.BitFieldsAttributeName, static (node, _) => node is StructDeclarationSyntax or RecordDeclarationSyntax,
                BitFieldsParser.Parse, BitFieldsEmitter.Emit, BitFieldsParseStep, BitFieldsModelStep, BitFieldsDiagnosticStep);
        }

        /// <summary>
        /// One attribute's pipeline: its types found by <c>ForAttributeWithMetadataName</c> and parsed into value-equatable
        /// results (<paramref name="parseStep"/>), the valid models written one file each (<paramref name="modelStep"/>), and
        /// the diagnostics reported (<paramref name="diagnosticStep"/>).
        /// </summary>
        private static void Register<TResult, TModel>(
            IncrementalGeneratorInitializationContext context,
            string attributeName,
            System.Func<SyntaxNode, System.Threading.CancellationToken, bool> predicate,
            System.Func<GeneratorAttributeSyntaxContext, System.Threading.CancellationToken, TResult> parse,
            System.Func<TModel, System.Threading.CancellationToken, string> emit,
            string parseStep,
            string modelStep,
            string diagnosticStep)
            where TResult : IParseResult<TModel>
            where TModel : class, IGeneratedModel
        {
            IncrementalValuesProvider<TResult> parsed = context.SyntaxProvider
                .ForAttributeWithMetadataName(attributeName, predicate, parse)
                .WithTrackingName(parseStep);

            IncrementalValuesProvider<TModel> models = parsed
                .Where(static r => r.Model is not null)
                .Select(static (r, _) => r.Model!)
                .WithTrackingName(modelStep);

            IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = parsed
                .Select(static (r, _) => r.Diagnostics)
                .WithTrackingName(diagnosticStep);

            context.RegisterSourceOutput(models, (spc, model) => spc.AddSource(model.HintName, emit(model, spc.CancellationToken)));
            context.RegisterSourceOutput(diagnostics, static (spc, list) => Report(spc, list));
        }

        private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> list)
        {
            foreach (DiagnosticInfo diagnostic in list)
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        }
    }
}
