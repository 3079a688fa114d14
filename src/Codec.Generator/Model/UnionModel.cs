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
        bool EmptyIsDefault) : IGeneratedModel;

    /// <summary>
    /// One case: its discriminator value, accessors' name, display name, value type (fully qualified), whether that
    /// type is a ref struct (its values hold spans, which a frame that reads them must zero), whether the DNS names
    /// inside it are compressed on write (<c>[Case(CompressNames = true)]</c> on a type with name fields), and whether
    /// the type is one domain name and nothing else (NS, CNAME, PTR data: its read is the name's walk).
    /// </summary>
    internal sealed record UnionCaseModel(ulong Value, string Member, string Label, string ValueType, bool IsRefLike = false, bool CompressNames = false, bool IsOneName = false);

    /// <summary>The parse of one [Union] type: a model when it is valid, and the diagnostics found.</summary>
    internal sealed record UnionParseResult(UnionModel? Model, EquatableArray<DiagnosticInfo> Diagnostics) : IParseResult<UnionModel>;
}
