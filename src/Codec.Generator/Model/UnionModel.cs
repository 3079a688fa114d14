namespace Codec.Generator.Model
{
    /// <summary>Everything the emitter needs to write one [Union] type, as plain values.</summary>
    internal sealed record UnionModel(
        string Namespace,
        string TypeName,
        string FullyQualifiedName,
        string HintName,
        EquatableArray<ContainingTypeModel> ContainingTypes,
        string DisplayName,
        string DefaultMember,
        EquatableArray<UnionCaseModel> Cases,
        bool EmptyIsDefault);

    /// <summary>
    /// One case: its discriminator value, accessors' name, display name, value type (fully qualified), and whether that
    /// type is a ref struct (its values hold spans, which a frame that reads them must zero).
    /// </summary>
    internal sealed record UnionCaseModel(ulong Value, string Member, string Label, string ValueType, bool IsRefLike = false);

    /// <summary>The parse of one [Union] type: a model when it is valid, and the diagnostics found.</summary>
    internal sealed record UnionParseResult(UnionModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
}
