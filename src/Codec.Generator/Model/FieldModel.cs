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
    }

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
        public int ByteOffset => BitOffset / 8;

        public int EndByte => (BitOffset + Bits + 7) / 8;

        public bool IsReserved => Kind == FieldModelKind.Reserved;

        /// <summary>Blocks are copied as bytes, not read as numbers.</summary>
        public bool IsBlock => Kind is FieldModelKind.IPv6Address or FieldModelKind.ByteBlock;

        public ulong Mask => Bits >= 64 ? ulong.MaxValue : (1UL << Bits) - 1;
    }
}
