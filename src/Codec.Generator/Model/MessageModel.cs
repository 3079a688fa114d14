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
        int TotalBits) : IGeneratedModel
    {
        /// <summary>Bytes of all fixed fields: the whole size of a fixed message, the minimum of a variable one.</summary>
        public int Size => TotalBits / 8;

        /// <summary>Whether a member's length is only known at run time (the message is then a ref struct).</summary>
        public bool IsVariable { get; init; }

        /// <summary>
        /// Whether every instance field of the type is a wire field, so a successful read assigns all of its storage and
        /// need not zero the value first.
        /// </summary>
        public bool AllStorageIsWire { get; init; }

        /// <summary>The [InternetChecksum] field, if any.</summary>
        public FieldModel? Checksum => System.Linq.Enumerable.FirstOrDefault(Fields, f => f.ChecksumThrough is not null);

        /// <summary>Whether the message is a ref struct.</summary>
        public bool IsRefStruct { get; init; }
    }

    /// <summary>A type that encloses a nested message, re-declared as partial around it.</summary>
    internal sealed record ContainingTypeModel(string Keyword, string Name);

    /// <summary>A named value of an enum field's type.</summary>
    internal sealed record EnumMemberModel(string Name, ulong Value);

    /// <summary>The parse of one [Message] type: a model when it is valid, and the diagnostics found.</summary>
    internal sealed record ParseResult(MessageModel? Model, EquatableArray<DiagnosticInfo> Diagnostics) : IParseResult<MessageModel>;
}
