using Codec.Generator.Emitting;
using Codec.Generator.Model;
using Codec.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Codec.Generator
{
    /// <summary>
    /// Writes readers, writers, views and dissections for every <c>[Message] partial struct</c>.
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

            context.RegisterSourceOutput(diagnostics, static (spc, list) =>
            {
                foreach (DiagnosticInfo diagnostic in list)
                {
                    spc.ReportDiagnostic(diagnostic.ToDiagnostic());
                }
            });
        }
    }
}
