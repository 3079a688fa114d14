using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Codec.Generator.Diagnostics
{
    /// <summary>The generator's diagnostics. IDs are stable; each is documented in docs/diagnostics/CODEC0NN.md.</summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "Codec.Usage";
        private const string HelpBase = "https://github.com/codecs/codecs/blob/main/docs/diagnostics/";

        public static readonly DiagnosticDescriptor MessageNotPartial = Create(
            "CODEC001", "Message type must be partial",
            "Message type '{0}' must be declared partial so the generator can add its reader and writer");

        public static readonly DiagnosticDescriptor UnsupportedFieldType = Create(
            "CODEC002", "Unsupported field type",
            "Field '{0}' has type '{1}', which a message field cannot have; use an integer type, bool, an enum, IPv4Address, IPv6Address, MacAddress or an [InlineArray] struct of byte");

        public static readonly DiagnosticDescriptor WidthOutOfRange = Create(
            "CODEC003", "Field width out of range",
            "Field '{0}' is {1} bits wide, but its type '{2}' holds {3}; give Bits a value in that range or change the type");

        public static readonly DiagnosticDescriptor ConstantDoesNotFit = Create(
            "CODEC004", "Constant does not fit the field",
            "Constant {1} of field '{0}' does not fit in {2} bits");

        public static readonly DiagnosticDescriptor MessageNotByteAligned = Create(
            "CODEC005", "Message does not end on a byte boundary",
            "The fields of '{0}' add up to {1} bits, which is not a whole number of bytes; add a field or [Reserved] bits to end on a byte boundary");

        public static readonly DiagnosticDescriptor DuplicateOrder = Create(
            "CODEC006", "Duplicate field order",
            "Order {1} of '{0}' is already used by '{2}'; every field and [Reserved] needs its own order");

        public static readonly DiagnosticDescriptor MissingOrder = Create(
            "CODEC007", "Missing field order",
            "Message '{0}' has no field or [Reserved] with order {1}; orders must run 0, 1, 2, … without gaps");

        public static readonly DiagnosticDescriptor FieldNotByteAligned = Create(
            "CODEC008", "Field must be byte-aligned",
            "Field '{0}' of type '{1}' must start on a byte boundary but starts at bit {2}; move it or pad before it with [Reserved] bits");

        public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Create(
            "CODEC009", "Containing type must be partial",
            "Message '{0}' is nested in '{1}', which must be declared partial too");

        public static readonly DiagnosticDescriptor MessageHasNoFields = Create(
            "CODEC010", "Message has no fields",
            "Message '{0}' has no [Field] members; add at least one");

        public static readonly DiagnosticDescriptor FieldNotWritable = Create(
            "CODEC011", "Field is not writable",
            "Field '{0}' cannot be assigned by the generated reader (readonly field, property without a setter or init-only, or a member of a readonly struct); make it writable");

        public static readonly DiagnosticDescriptor ByteOrderOnSubByteField = Create(
            "CODEC012", "Byte order override on a field it cannot apply to",
            "Field '{0}' overrides the byte order, but byte order applies only to numbers and addresses that start on a byte boundary and fill whole bytes; remove ByteOrder from it");

        public static readonly DiagnosticDescriptor GenericMessage = Create(
            "CODEC013", "Generic message",
            "Message '{0}' is generic or nested in a generic type; messages cannot have type parameters");

        public static readonly DiagnosticDescriptor ConstantOnUnsupportedType = Create(
            "CODEC014", "Constant on a field type that cannot be constant",
            "Field '{0}' of type '{1}' cannot be [Constant]; constants apply to integers, bools, enums, IPv4Address and MacAddress");

        public static readonly DiagnosticDescriptor StaticField = Create(
            "CODEC015", "Static member marked as field",
            "Member '{0}' is static; [Field] goes on instance fields and properties");

        public static readonly DiagnosticDescriptor SpanFieldRequiresRefStruct = Create(
            "CODEC016", "Span field in a message that is not a ref struct",
            "Field '{0}' is a span into the input, so message '{1}' must be declared 'ref partial struct'");

        public static readonly DiagnosticDescriptor LengthSourceInvalid = Create(
            "CODEC017", "Length taken from a field that cannot give it",
            "The length of '{0}' comes from '{1}', which is not an unsigned integer field placed before it; name an earlier unsigned integer field");

        public static readonly DiagnosticDescriptor VariableLengthUnknown = Create(
            "CODEC018", "Variable-length field without a length",
            "Field '{0}' has no fixed size; give it [Length(nameof(SomeField))] or [Remaining]");

        public static readonly DiagnosticDescriptor RemainingNotLast = Create(
            "CODEC019", "[Remaining] field is not the last",
            "Field '{0}' takes the rest of the message with [Remaining], so it must be the last field; '{1}' follows it");

        public static readonly DiagnosticDescriptor MessageLengthInvalid = Create(
            "CODEC020", "Invalid [MessageLength]",
            "[MessageLength] on '{0}' needs an unsigned integer field, at most one per message, with Scale of at least 1");

        public static readonly DiagnosticDescriptor LengthAttributeMisplaced = Create(
            "CODEC021", "[Length] or [Remaining] on a fixed-size field, or a Scale below 1",
            "Field '{0}' cannot take [Length] or [Remaining] as written: they go on ReadOnlySpan<byte> fields, with Scale of at least 1");

        public static readonly DiagnosticDescriptor NameClash = Create(
            "CODEC022", "Name taken by a generated member",
            "'{0}' is a name the generator gives to a member of every message (Size, MinimumSize, View, ReadOnlyView, Buffer, TryRead, Read, TryWrite, Write, Dissect, GetSerializedSize); rename it, for example to '{0}Field'");

        public static readonly DiagnosticDescriptor FileLocalMessage = Create(
            "CODEC023", "File-local message",
            "Message '{0}' is declared 'file'; the generated half of a partial type lives in another file, so a message cannot be file-local");

        public static readonly DiagnosticDescriptor ChecksumInvalid = Create(
            "CODEC024", "Invalid [InternetChecksum]",
            "[InternetChecksum] on '{0}' needs a 16-bit unsigned field at an even byte offset among the fields before the first variable-length one, at most one per message, and Through must name a variable-length field or one of those fields");


        public static readonly DiagnosticDescriptor OptionListNotReadonlyRefStruct = Create(
            "CODEC025", "Option list must be a readonly ref partial struct",
            "Option list '{0}' must be declared 'readonly ref partial struct': it is a view over its input");

        public static readonly DiagnosticDescriptor OptionListLayoutInvalid = Create(
            "CODEC026", "Invalid option list layout",
            "Option list '{0}' {1}");

        public static readonly DiagnosticDescriptor DuplicateOptionKind = Create(
            "CODEC027", "Duplicate option kind or name",
            "Option '{0}' of '{1}' repeats the kind or the name of option '{2}'; each kind and each name is declared once");

        public static readonly DiagnosticDescriptor OptionValueTypeInvalid = Create(
            "CODEC028", "Invalid option value type",
            "Option '{0}' has value type '{1}', which is not a [Message] or [OptionList] type (or the option is SingleByte and has no value); name such a type or leave Type out");

        public static readonly DiagnosticDescriptor OptionKindOutOfRange = Create(
            "CODEC029", "Option kind out of range",
            "Kind {1} of option '{0}' does not fit in {2} octet(s) of kind; use a value from 0 to {3}");

        public static readonly DiagnosticDescriptor DiscriminatorInvalid = Create(
            "CODEC030", "Invalid discriminator",
            "Union member '{0}' needs [Discriminator] naming an integer or enum field placed before it, and only union members take [Discriminator]; '{1}' is not such a field");

        public static readonly DiagnosticDescriptor UnionWithoutDefault = Create(
            "CODEC031", "Union without a default case",
            "Union '{0}' has no [DefaultCase]; declare the case for discriminator values without a [Case] (their octets are kept raw)");

        public static readonly DiagnosticDescriptor UnionCaseTypeInvalid = Create(
            "CODEC032", "Union case type is not a message",
            "Case '{0}' of union '{1}' has type '{2}', which is not a [Message] or [OptionList] type");

        public static readonly DiagnosticDescriptor DuplicateUnionCase = Create(
            "CODEC033", "Duplicate union case",
            "Case '{0}' of union '{1}' repeats the value or the name of case '{2}'; each value and each name is declared once");

        public static readonly DiagnosticDescriptor UnionNotReadonlyRefStruct = Create(
            "CODEC034", "Union must be a readonly ref partial struct",
            "Union '{0}' must be declared 'readonly ref partial struct': it is a view over its input");

        public static readonly DiagnosticDescriptor CompressNamesWithoutNames = Create(
            "CODEC035", "CompressNames on a case without names",
            "Case '{0}' of union '{1}' sets CompressNames, but its type '{2}' has no DnsName field to compress, or a checksum or message length computed over its written octets; remove CompressNames");

        public static readonly DiagnosticDescriptor BitFieldsShapeInvalid = Create(
            "CODEC036", "Bit-fields must be a partial struct of partial properties",
            "'{0}' cannot be part of [BitFields] word '{1}': {2}");

        public static readonly DiagnosticDescriptor BitFieldsWidthInvalid = Create(
            "CODEC037", "Bit-fields do not fill one integer",
            "The bit-fields of '{0}' add up to {1} bits; a [BitFields] word is 8, 16, 32 or 64 bits, so add a field or [Reserved] bits or make one narrower");

        private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = new()
        {
            [BitFieldsShapeInvalid.Id] = BitFieldsShapeInvalid,
            [BitFieldsWidthInvalid.Id] = BitFieldsWidthInvalid,
            [DiscriminatorInvalid.Id] = DiscriminatorInvalid,
            [UnionWithoutDefault.Id] = UnionWithoutDefault,
            [UnionCaseTypeInvalid.Id] = UnionCaseTypeInvalid,
            [DuplicateUnionCase.Id] = DuplicateUnionCase,
            [UnionNotReadonlyRefStruct.Id] = UnionNotReadonlyRefStruct,
            [CompressNamesWithoutNames.Id] = CompressNamesWithoutNames,
            [OptionListNotReadonlyRefStruct.Id] = OptionListNotReadonlyRefStruct,
            [OptionListLayoutInvalid.Id] = OptionListLayoutInvalid,
            [DuplicateOptionKind.Id] = DuplicateOptionKind,
            [OptionValueTypeInvalid.Id] = OptionValueTypeInvalid,
            [OptionKindOutOfRange.Id] = OptionKindOutOfRange,
            [ChecksumInvalid.Id] = ChecksumInvalid,
            [NameClash.Id] = NameClash,
            [FileLocalMessage.Id] = FileLocalMessage,
            [SpanFieldRequiresRefStruct.Id] = SpanFieldRequiresRefStruct,
            [LengthSourceInvalid.Id] = LengthSourceInvalid,
            [VariableLengthUnknown.Id] = VariableLengthUnknown,
            [RemainingNotLast.Id] = RemainingNotLast,
            [MessageLengthInvalid.Id] = MessageLengthInvalid,
            [LengthAttributeMisplaced.Id] = LengthAttributeMisplaced,
            [MessageNotPartial.Id] = MessageNotPartial,
            [UnsupportedFieldType.Id] = UnsupportedFieldType,
            [WidthOutOfRange.Id] = WidthOutOfRange,
            [ConstantDoesNotFit.Id] = ConstantDoesNotFit,
            [MessageNotByteAligned.Id] = MessageNotByteAligned,
            [DuplicateOrder.Id] = DuplicateOrder,
            [MissingOrder.Id] = MissingOrder,
            [FieldNotByteAligned.Id] = FieldNotByteAligned,
            [ContainingTypeNotPartial.Id] = ContainingTypeNotPartial,
            [MessageHasNoFields.Id] = MessageHasNoFields,
            [FieldNotWritable.Id] = FieldNotWritable,
            [ByteOrderOnSubByteField.Id] = ByteOrderOnSubByteField,
            [GenericMessage.Id] = GenericMessage,
            [ConstantOnUnsupportedType.Id] = ConstantOnUnsupportedType,
            [StaticField.Id] = StaticField,
        };

        public static DiagnosticDescriptor ById(string id) => s_byId[id];

        private static DiagnosticDescriptor Create(string id, string title, string message) =>
            new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + id + ".md");
    }
}
