namespace Codec.Generator.Model
{
    /// <summary>Everything the emitter needs to write one [OptionList] type, as plain values.</summary>
    internal sealed record OptionListModel(
        string Namespace,
        string TypeName,
        string FullyQualifiedName,
        string HintName,
        EquatableArray<ContainingTypeModel> ContainingTypes,
        string DisplayName,
        int KindSize,
        int LengthSize,
        bool LengthIncludesHeader,
        EquatableArray<OptionCaseModel> Cases) : IGeneratedModel
    {
        /// <summary>The kind that ends the list, or -1.</summary>
        public int EndKind => System.Linq.Enumerable.FirstOrDefault(Cases, c => c.EndsList)?.Kind ?? -1;
    }

    /// <summary>One declared option kind: its accessors' name, display name, and value type (fully qualified) if any.</summary>
    internal sealed record OptionCaseModel(int Kind, string Member, string Label, string? ValueType, bool SingleByte, bool EndsList);

    /// <summary>The parse of one [OptionList] type: a model when it is valid, and the diagnostics found.</summary>
    internal sealed record OptionListParseResult(OptionListModel? Model, EquatableArray<DiagnosticInfo> Diagnostics) : IParseResult<OptionListModel>;
}
