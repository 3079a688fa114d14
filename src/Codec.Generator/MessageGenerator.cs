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
            IncrementalValuesProvider<ParseResult> parsed = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    "Codec.MessageAttribute",
                    static (node, _) => node is StructDeclarationSyntax or RecordDeclarationSyntax,
                    static (ctx, ct) => MessageParser.Parse(ctx, ct))
                .WithTrackingName(ParseStep);

            IncrementalValuesProvider<MessageModel> models = parsed
                .Where(static r => r.Model is not null)
                .Select(static (r, _) => r.Model!)
                .WithTrackingName(ModelStep);

            IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = parsed
                .Select(static (r, _) => r.Diagnostics)
                .WithTrackingName(DiagnosticStep);

            context.RegisterSourceOutput(models, static (spc, model) =>
                spc.AddSource(model.HintName, MessageEmitter.Emit(model, spc.CancellationToken)));

            context.RegisterSourceOutput(diagnostics, static (spc, list) => Report(spc, list));

            IncrementalValuesProvider<OptionListParseResult> optionLists = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    OptionListParser.OptionListAttributeName,
                    static (node, _) => node is StructDeclarationSyntax,
                    static (ctx, ct) => OptionListParser.Parse(ctx, ct))
                .WithTrackingName(OptionListParseStep);

            IncrementalValuesProvider<OptionListModel> optionListModels = optionLists
                .Where(static r => r.Model is not null)
                .Select(static (r, _) => r.Model!)
                .WithTrackingName(OptionListModelStep);

            IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> optionListDiagnostics = optionLists
                .Select(static (r, _) => r.Diagnostics)
                .WithTrackingName(OptionListDiagnosticStep);

            context.RegisterSourceOutput(optionListModels, static (spc, model) =>
                spc.AddSource(model.HintName, OptionListEmitter.Emit(model, spc.CancellationToken)));

            context.RegisterSourceOutput(optionListDiagnostics, static (spc, list) => Report(spc, list));

            IncrementalValuesProvider<UnionParseResult> unions = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    UnionParser.UnionAttributeName,
                    static (node, _) => node is StructDeclarationSyntax,
                    static (ctx, ct) => UnionParser.Parse(ctx, ct))
                .WithTrackingName(UnionParseStep);

            IncrementalValuesProvider<UnionModel> unionModels = unions
                .Where(static r => r.Model is not null)
                .Select(static (r, _) => r.Model!)
                .WithTrackingName(UnionModelStep);

            IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> unionDiagnostics = unions
                .Select(static (r, _) => r.Diagnostics)
                .WithTrackingName(UnionDiagnosticStep);

            context.RegisterSourceOutput(unionModels, static (spc, model) =>
                spc.AddSource(model.HintName, UnionEmitter.Emit(model, spc.CancellationToken)));

            context.RegisterSourceOutput(unionDiagnostics, static (spc, list) => Report(spc, list));

            IncrementalValuesProvider<BitFieldsParseResult> words = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    BitFieldsParser.BitFieldsAttributeName,
                    static (node, _) => node is StructDeclarationSyntax or RecordDeclarationSyntax,
                    static (ctx, ct) => BitFieldsParser.Parse(ctx, ct))
                .WithTrackingName(BitFieldsParseStep);

            IncrementalValuesProvider<BitFieldsModel> wordModels = words
                .Where(static r => r.Model is not null)
                .Select(static (r, _) => r.Model!)
                .WithTrackingName(BitFieldsModelStep);

            IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> wordDiagnostics = words
                .Select(static (r, _) => r.Diagnostics)
                .WithTrackingName(BitFieldsDiagnosticStep);

            context.RegisterSourceOutput(wordModels, static (spc, model) =>
                spc.AddSource(model.HintName, BitFieldsEmitter.Emit(model, spc.CancellationToken)));

            context.RegisterSourceOutput(wordDiagnostics, static (spc, list) => Report(spc, list));
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
