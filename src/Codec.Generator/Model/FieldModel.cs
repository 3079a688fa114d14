namespace Codec.Generator.Model
{
    /// <summary>What sort of value a field holds, which decides how it is read, written and shown.</summary>
    internal enum FieldModelKind
    {
        Unsigned,
        Signed,
        Boolean,
        Enum,
        IPv4Address,
        IPv6Address,
        MacAddress,
        ByteBlock,
        Reserved,

        /// <summary>A variable-length run of bytes exposed as a span into the input (zero-copy).</summary>
        Bytes,

        /// <summary>A <c>MessageList&lt;T&gt;</c>: elements back to back, read in place.</summary>
        List,

        /// <summary>A DNS name (RFC 1035 §3.1), read with compression pointers into the enclosing message.</summary>
        DnsName,

        /// <summary>An [OptionList] type: type-length-value options, validated and read in place.</summary>
        Options,

        /// <summary>A [Union] type: octets whose case a discriminator field chooses.</summary>
        Union,

        /// <summary>A [BitFields] type: one integer whose bit-fields are views of it, read and written as that integer.</summary>
        BitFields,
    }

    /// <summary>A length taken from another field: bytes = field × Scale + Offset.</summary>
    internal sealed record LengthRule(string Field, long Scale, long Offset);

    /// <summary>One field (or run of reserved bits) of a message, placed: its bit offset is known.</summary>
    /// <param name="Name">Member name (for reserved bits, a generated name).</param>
    /// <param name="Label">Display name.</param>
    /// <param name="TypeName">Fully qualified member type; for reserved bits, "ulong".</param>
    /// <param name="UnderlyingType">Enums: the underlying keyword type (e.g. "byte"); integers: their keyword.</param>
    internal sealed record FieldModel(
        string Name,
        string Label,
        FieldModelKind Kind,
        string TypeName,
        string UnderlyingType,
        int TypeBits,
        int Bits,
        int BitOffset,
        bool BigEndian,
        bool HasConstant,
        ulong ConstantValue,
        bool RejectNonZero,
        bool IsFlags,
        EquatableArray<EnumMemberModel> EnumMembers)
    {
        /// <summary>Which fixed run the field belongs to: run k starts after the k-th variable-length member.</summary>
        public int Run { get; init; }

        /// <summary>For <see cref="FieldModelKind.Bytes"/>: where its length comes from (null with <see cref="IsRemaining"/>).</summary>
        public LengthRule? Length { get; init; }

        /// <summary>For <see cref="FieldModelKind.Bytes"/>: takes the rest of the message.</summary>
        public bool IsRemaining { get; init; }

        /// <summary>On an integer field: the whole message is value × Scale + Offset bytes (Field is this field).</summary>
        public LengthRule? MessageLength { get; init; }

        /// <summary>On an integer field that another member's length comes from: that member (or null).</summary>
        public string? LengthOf { get; init; }

        /// <summary>For an [InternetChecksum] field: the member the checksum covers through ("" for the fixed fields).</summary>
        public string? ChecksumThrough { get; init; }

        /// <summary>For <see cref="FieldModelKind.List"/>: where its element count comes from.</summary>
        public string? CountFrom { get; init; }

        /// <summary>For <see cref="FieldModelKind.List"/>: whether the element type has DNS name fields (written compressed).</summary>
        public bool ElementHasNames { get; init; }

        /// <summary>
        /// For <see cref="FieldModelKind.List"/>: whether the element type has a union some of whose cases are validated by
        /// a call, so that it has <c>TryReadInlineAt</c> (the read without those cases) for the list's loop.
        /// </summary>
        public bool ElementReadsInline { get; init; }

        /// <summary>For <see cref="FieldModelKind.Union"/>: whether some case compresses the DNS names inside it on write.</summary>
        public bool CompressesCases { get; init; }

        /// <summary>
        /// For <see cref="FieldModelKind.Union"/>: whether the union's read validates some case by a call (a case whose value
        /// holds spans, other than one domain name), so that it has <c>TryReadInlineAt</c> (the read without those cases).
        /// </summary>
        public bool HasCasesReadByCall { get; init; }

        /// <summary>For <see cref="FieldModelKind.Union"/>: the field whose value chooses the case.</summary>
        public string? DiscriminatorFrom { get; init; }

        /// <summary>On a field that chooses a union's case: that union member (or null).</summary>
        public string? DiscriminatorOf { get; init; }

        /// <summary>On an integer field that another member's element count comes from: that member (or null).</summary>
        public string? CountOf { get; init; }

        /// <summary>
        /// For <see cref="FieldModelKind.BitFields"/>: its bit-fields and reserved bits, each placed from the most
        /// significant bit of the word (dissections show them where they lie).
        /// </summary>
        public EquatableArray<FieldModel> SubFields { get; init; } = EquatableArray<FieldModel>.Empty;

        public bool IsVariable => Kind is FieldModelKind.Bytes or FieldModelKind.List or FieldModelKind.DnsName or FieldModelKind.Options or FieldModelKind.Union;

        /// <summary>Whether the member exposes its octets as <c>.Bytes</c> (lists and option lists).</summary>
        public bool HasBytes => Kind is FieldModelKind.List or FieldModelKind.Options or FieldModelKind.Union;

        /// <summary>An expression for the member's length in bytes, on <c>this</c>.</summary>
        public string ByteLength => "this." + Id + (Kind switch
        {
            FieldModelKind.List or FieldModelKind.Options or FieldModelKind.Union => ".Bytes.Length",
            FieldModelKind.DnsName => ".WireLength",
            _ => ".Length",
        });

        /// <summary>The member name as a C# identifier (keywords escaped).</summary>
        public string Id => Emitting.Layout.Id(Name);

        public int ByteOffset => BitOffset / 8;

        public int EndByte => (BitOffset + Bits + 7) / 8;

        public bool IsReserved => Kind == FieldModelKind.Reserved;

        /// <summary>Blocks are copied as bytes, not read as numbers.</summary>
        public bool IsBlock => Kind is FieldModelKind.IPv6Address or FieldModelKind.ByteBlock;

        public ulong Mask => Bits >= 64 ? ulong.MaxValue : (1UL << Bits) - 1;
    }
}
