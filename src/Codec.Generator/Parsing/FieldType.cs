using System;
using System.Collections.Generic;
using System.Linq;
using Codec.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Codec.Generator.Parsing
{
    /// <summary>What the parser learned about a member's type: its kind, natural width and, for enums, its names.</summary>
    internal sealed class FieldType
    {
        private FieldType(FieldModelKind kind, string underlying, int typeBits, bool fixedWidth, bool isFlags = false, EquatableArray<EnumMemberModel> members = default, EquatableArray<FieldModel> subFields = default)
        {
            SubFields = subFields;
            Kind = kind;
            Underlying = underlying;
            TypeBits = typeBits;
            FixedWidth = fixedWidth;
            IsFlags = isFlags;
            Members = members;
        }

        public FieldModelKind Kind { get; }

        public string Underlying { get; }

        /// <summary>The widest the field can be (its natural width).</summary>
        public int TypeBits { get; }

        /// <summary>Whether the width must equal <see cref="TypeBits"/> (addresses, blocks).</summary>
        public bool FixedWidth { get; }

        public bool IsFlags { get; }

        public EquatableArray<EnumMemberModel> Members { get; }

        /// <summary>For a [BitFields] word: its bit-fields, placed from the most significant bit.</summary>
        public EquatableArray<FieldModel> SubFields { get; }

        /// <summary>
        /// Classifies <paramref name="type"/>, or returns null when no message field can have it (nor a bit-field a
        /// [BitFields] type, when <paramref name="wordsAllowed"/> is false).
        /// </summary>
        public static FieldType? Classify(ITypeSymbol type, System.Threading.CancellationToken cancellationToken, bool wordsAllowed = true)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_Byte: return Integer(false, "byte", 8);
                case SpecialType.System_SByte: return Integer(true, "sbyte", 8);
                case SpecialType.System_UInt16: return Integer(false, "ushort", 16);
                case SpecialType.System_Int16: return Integer(true, "short", 16);
                case SpecialType.System_UInt32: return Integer(false, "uint", 32);
                case SpecialType.System_Int32: return Integer(true, "int", 32);
                case SpecialType.System_UInt64: return Integer(false, "ulong", 64);
                case SpecialType.System_Int64: return Integer(true, "long", 64);
                case SpecialType.System_Boolean: return new FieldType(FieldModelKind.Boolean, "bool", 1, fixedWidth: true);
            }

            if (type is not INamedTypeSymbol named)
            {
                return null;
            }

            if (named.IsGenericType && named.ConstructedFrom.ToDisplayString() == "System.ReadOnlySpan<T>"
                && named.TypeArguments.Length == 1 && named.TypeArguments[0].SpecialType == SpecialType.System_Byte)
            {
                return new FieldType(FieldModelKind.Bytes, "", 0, fixedWidth: false);
            }

            if (named.IsGenericType && named.ConstructedFrom.ToDisplayString() == "Codec.MessageList<T>"
                && named.TypeArguments.Length == 1 && named.TypeArguments[0] is INamedTypeSymbol element
                && (element.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "Codec.MessageAttribute")
                    || element.AllInterfaces.Any(i => i.ConstructedFrom.ToDisplayString() == "Codec.IWireMessage<TSelf>")))
            {
                return new FieldType(FieldModelKind.List, "", 0, fixedWidth: false);
            }

            if (named.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == UnionParser.UnionAttributeName))
            {
                return new FieldType(FieldModelKind.Union, "", 0, fixedWidth: false);
            }

            if (named.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == OptionListParser.OptionListAttributeName))
            {
                return new FieldType(FieldModelKind.Options, "", 0, fixedWidth: false);
            }

            if (named.TypeKind == TypeKind.Enum && named.EnumUnderlyingType is { } underlying)
            {
                string keyword = Keyword(underlying.SpecialType);
                if (keyword.Length == 0)
                {
                    return null;
                }

                int bits = Bits(underlying.SpecialType);
                var members = new List<EnumMemberModel>();
                foreach (ISymbol member in named.GetMembers())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: { } constant } field)
                    {
                        members.Add(new EnumMemberModel(field.Name, ToUInt64(constant) & MaskOf(bits)));
                    }
                }

                bool isFlags = named.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.FlagsAttribute");
                return new FieldType(FieldModelKind.Enum, keyword, bits, fixedWidth: false, isFlags, new EquatableArray<EnumMemberModel>(members.ToArray()));
            }

            switch (named.ToDisplayString())
            {
                case "Codec.IPv4Address": return new FieldType(FieldModelKind.IPv4Address, "uint", 32, fixedWidth: true);
                case "Codec.IPv6Address": return new FieldType(FieldModelKind.IPv6Address, "", 128, fixedWidth: true);
                case "Codec.MacAddress": return new FieldType(FieldModelKind.MacAddress, "ulong", 48, fixedWidth: true);
                case "Codec.Dns.DnsName": return new FieldType(FieldModelKind.DnsName, "", 0, fixedWidth: false);
            }

            if (named.TypeKind == TypeKind.Struct && named.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == BitFieldsParser.BitFieldsAttributeName))
            {
                if (!wordsAllowed)
                {
                    return null;
                }

                BitFieldsModel? word = BitFieldsParser.Describe(named, cancellationToken);
                return word is null ? null : new FieldType(FieldModelKind.BitFields, word.Storage, word.Bits, fixedWidth: true, subFields: word.Fields);
            }

            if (named.TypeKind == TypeKind.Struct)
            {
                foreach (AttributeData attribute in named.GetAttributes())
                {
                    if (attribute.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.InlineArrayAttribute"
                        && attribute.ConstructorArguments.Length == 1
                        && attribute.ConstructorArguments[0].Value is int length
                        && length > 0 && length <= (int.MaxValue / 8)
                        && named.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic).ToList() is { Count: 1 } fields
                        && fields[0].Type.SpecialType == SpecialType.System_Byte)
                    {
                        return new FieldType(FieldModelKind.ByteBlock, "", length * 8, fixedWidth: true);
                    }
                }
            }

            return null;
        }

        private static FieldType Integer(bool signed, string keyword, int bits) =>
            new(signed ? FieldModelKind.Signed : FieldModelKind.Unsigned, keyword, bits, fixedWidth: false);

        private static string Keyword(SpecialType type) => type switch
        {
            SpecialType.System_Byte => "byte",
            SpecialType.System_SByte => "sbyte",
            SpecialType.System_UInt16 => "ushort",
            SpecialType.System_Int16 => "short",
            SpecialType.System_UInt32 => "uint",
            SpecialType.System_Int32 => "int",
            SpecialType.System_UInt64 => "ulong",
            SpecialType.System_Int64 => "long",
            _ => "",
        };

        private static int Bits(SpecialType type) => type switch
        {
            SpecialType.System_Byte or SpecialType.System_SByte => 8,
            SpecialType.System_UInt16 or SpecialType.System_Int16 => 16,
            SpecialType.System_UInt32 or SpecialType.System_Int32 => 32,
            _ => 64,
        };

        private static ulong MaskOf(int bits) => bits >= 64 ? ulong.MaxValue : (1UL << bits) - 1;

        private static ulong ToUInt64(object constant) => constant switch
        {
            byte v => v,
            sbyte v => unchecked((ulong)v),
            ushort v => v,
            short v => unchecked((ulong)v),
            uint v => v,
            int v => unchecked((ulong)v),
            ulong v => v,
            long v => unchecked((ulong)v),
            _ => 0,
        };
    }
}
