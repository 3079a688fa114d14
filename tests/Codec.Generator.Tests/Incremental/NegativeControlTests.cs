using System.Collections.Immutable;
using Codec.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit.Sdk;

namespace Codec.Generator.Tests.Incremental;

/// <summary>
/// Negative controls: the incremental assertions must fail on a generator that gets caching wrong. Without these, a
/// bug in <see cref="IncrementalAssert"/> (a step name that never matches, a reason check that accepts anything, a
/// walker that never looks inside) would let every incremental test pass.
/// </summary>
public sealed class NegativeControlTests
{
    private const string Source = """
        namespace Sample;

        public partial struct First { public byte A; }
        """;

    [Fact]
    public void Cached_check_fails_for_a_generator_whose_model_is_not_equatable()
    {
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(Source), GeneratorHarness.CreateDriver(new NonEquatableModelGenerator()));
        Assert.Single(first.GeneratedSources);

        GeneratorRun second = GeneratorHarness.Run(
            first.Input.AddSyntaxTrees(GeneratorHarness.ParseTree("class Unrelated { }", "/src/Unrelated.cs")), first.Driver);

        var failure = Assert.ThrowsAny<XunitException>(
            () => IncrementalAssert.AllCachedOrUnchanged(second.RunResult, [NonEquatableModelGenerator.StepName]));
        Assert.Contains("Modified", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Walker_finds_the_symbol_inside_the_non_equatable_model()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(Source), GeneratorHarness.CreateDriver(new NonEquatableModelGenerator()));

        object model = run.Result.TrackedSteps[NonEquatableModelGenerator.StepName].Single().Outputs.Single().Value;
        IReadOnlyList<string> found = IncrementalAssert.FindRoslynObjects(model);

        // Reached through the list held by Parts (via its backing field or the property, whichever comes first).
        Assert.Contains(found, path => path.Contains("Parts", StringComparison.Ordinal) && path.Contains("Symbol", StringComparison.Ordinal));
        var failure = Assert.ThrowsAny<XunitException>(
            () => IncrementalAssert.NoRoslynObjectsInOutputs(run.RunResult, [NonEquatableModelGenerator.StepName]));
        Assert.Contains("Symbol", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Walker_sees_every_kind_of_forbidden_object_through_fields_properties_and_collections()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Source);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        SyntaxNode node = tree.GetRoot().DescendantNodes().OfType<StructDeclarationSyntax>().Single();
        SemanticModel semanticModel = compilation.GetSemanticModel(tree);
        ISymbol symbol = semanticModel.GetDeclaredSymbol(node)!;

        Assert.NotEmpty(IncrementalAssert.FindRoslynObjects(symbol));
        Assert.NotEmpty(IncrementalAssert.FindRoslynObjects(node));
        Assert.NotEmpty(IncrementalAssert.FindRoslynObjects(node.GetLocation()));
        Assert.NotEmpty(IncrementalAssert.FindRoslynObjects(semanticModel));
        Assert.NotEmpty(IncrementalAssert.FindRoslynObjects(compilation));

        Assert.NotEmpty(IncrementalAssert.FindRoslynObjects(new Holder(node.GetLocation())));
        Assert.NotEmpty(IncrementalAssert.FindRoslynObjects(new Holder(null) { Property = semanticModel }));
        Assert.NotEmpty(IncrementalAssert.FindRoslynObjects(ImmutableArray.Create<object>("a", ImmutableArray.Create<object>(compilation))));
        Assert.NotEmpty(IncrementalAssert.FindRoslynObjects((1, new List<object> { new Dictionary<string, object> { ["k"] = symbol } })));
    }

    [Fact]
    public void Walker_accepts_plain_value_models()
    {
        var model = new PlainModel("Header", 20, ImmutableArray.Create(new PlainField("A", 4), new PlainField("B", 4)), default);

        Assert.Empty(IncrementalAssert.FindRoslynObjects(model));
        Assert.Empty(IncrementalAssert.FindRoslynObjects(null));
        Assert.Empty(IncrementalAssert.FindRoslynObjects(ImmutableArray<int>.Empty));
        Assert.Empty(IncrementalAssert.FindRoslynObjects(default(ImmutableArray<string>)));
    }

    private sealed record PlainField(string Name, int Bits);

    private sealed record PlainModel(string Name, int Size, ImmutableArray<PlainField> Fields, ImmutableArray<string> Notes);

    /// <summary>Holds a value only in a private field (and, separately, in a public property).</summary>
    private sealed class Holder(object? privateField)
    {
        private readonly object? _hidden = privateField;

        public object? Property { get; init; }

        public override string ToString() => _hidden?.GetType().Name ?? "null";
    }
}

/// <summary>
/// A deliberately wrong generator: its tracked step (named like the real parse step) carries a class without
/// <see cref="object.Equals(object)"/> that holds the <see cref="ISymbol"/> itself. Every compilation change re-runs
/// the transform and produces an unequal model, so its outputs are Modified, never Cached or Unchanged.
/// </summary>
internal sealed class NonEquatableModelGenerator : IIncrementalGenerator
{
    public const string StepName = "CodecMessageParse";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<SymbolHolder> models = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is StructDeclarationSyntax,
                static (ctx, ct) => new SymbolHolder(ctx.SemanticModel.GetDeclaredSymbol(ctx.Node, ct)!))
            .WithTrackingName(StepName);

        context.RegisterSourceOutput(models, static (spc, model) => spc.AddSource(model.Name + ".g.cs", "// " + model.Name));
    }

    /// <summary>Reference equality only; the symbol sits inside a list to make the walker look for it.</summary>
    internal sealed class SymbolHolder(ISymbol symbol)
    {
        public string Name { get; } = symbol.Name;

        public List<object> Parts { get; } = [symbol];
    }
}
