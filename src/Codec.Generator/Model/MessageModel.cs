namespace Codec.Generator.Model
{
    /// <summary>Everything the emitter needs to write one message, as plain values.</summary>
    internal sealed record MessageModel(
        string Namespace,
        string TypeName,
        string FullyQualifiedName,
        string HintName,
        string TypeKeyword,
        EquatableArray<ContainingTypeModel> ContainingTypes,
        string DisplayName,
        bool BigEndian,
        bool EmitEquality,
        bool EmitToString,
        EquatableArray<FieldModel> Fields,
        int TotalBits)
    {
        public int Size => TotalBits / 8;
    }

    /// <summary>A type that encloses a nested message, re-declared as partial around it.</summary>
    internal sealed record ContainingTypeModel(string Keyword, string Name);

    /// <summary>A named value of an enum field's type.</summary>
    internal sealed record EnumMemberModel(string Name, ulong Value);

    /// <summary>The parse of one [Message] type: a model when it is valid, and the diagnostics found.</summary>
    internal sealed record ParseResult(MessageModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
}
