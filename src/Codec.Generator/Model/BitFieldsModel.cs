namespace Codec.Generator.Model
{
    /// <summary>
    /// Everything the emitter needs to write one [BitFields] word, as plain values: the integer it is stored in
    /// (<paramref name="Storage"/>: "byte", "ushort", "uint" or "ulong", <paramref name="Bits"/> wide) and its bit-fields,
    /// placed from the most significant bit (a field's <see cref="FieldModel.BitOffset"/> counts from there).
    /// </summary>
    internal sealed record BitFieldsModel(
        string Namespace,
        string TypeName,
        string FullyQualifiedName,
        string HintName,
        EquatableArray<ContainingTypeModel> ContainingTypes,
        string Storage,
        int Bits,
        EquatableArray<FieldModel> Fields) : IGeneratedModel
    {
        /// <summary>
        /// The bit-fields whose getter the user declared <c>readonly get</c>: the implementation must say so too (CS8663),
        /// and such a getter reads through <c>in</c> and readonly references without a defensive copy.
        /// </summary>
        public EquatableArray<string> ReadOnlyGetters { get; init; } = EquatableArray<string>.Empty;
    }

    /// <summary>The parse of one [BitFields] type: a model when it is valid, and the diagnostics found.</summary>
    internal sealed record BitFieldsParseResult(BitFieldsModel? Model, EquatableArray<DiagnosticInfo> Diagnostics) : IParseResult<BitFieldsModel>;
}
