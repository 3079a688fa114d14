using System.Collections.Generic;
using System.Globalization;
using Codec.Generator.Model;

namespace Codec.Generator.Emitting
{
    /// <summary>
    /// A run of fields that starts and ends on byte boundaries: the generated code loads it as one word, takes every
    /// field out of that word, and on write composes the word and stores it once.
    /// </summary>
    internal sealed class Unit
    {
        public Unit(int byteOffset, bool bigEndian)
        {
            ByteOffset = byteOffset;
            BigEndian = bigEndian;
        }

        public int ByteOffset { get; }

        public int ByteCount { get; set; }

        public bool BigEndian { get; }

        public List<FieldModel> Fields { get; } = new();

        /// <summary>More than 8 bytes of bit fields: read and written field by field through the general bit path.</summary>
        public bool IsWide => ByteCount > 8 && !IsBlock;

        /// <summary>A single IPv6 address or byte block, copied as bytes.</summary>
        public bool IsBlock => Fields.Count == 1 && Fields[0].IsBlock;

        public int BitOffset => ByteOffset * 8;

        /// <summary>How far right the unit's word is shifted to bring <paramref name="field"/> to bit 0.</summary>
        public int Shift(FieldModel field)
        {
            int relative = field.BitOffset - BitOffset;
            return BigEndian ? (ByteCount * 8) - relative - field.Bits : relative;
        }

        /// <summary>Whether <paramref name="field"/> fills the whole word.</summary>
        public bool IsWhole(FieldModel field) => Fields.Count == 1 && field.Bits == ByteCount * 8;
    }

    /// <summary>Splits a message into units and spells the expressions the emitters share.</summary>
    internal static class Layout
    {
        public static List<Unit> Units(MessageModel model) => Units(model.Fields);

        /// <summary>The units of fixed fields (variable-length members are skipped: each run is split on its own).</summary>
        public static List<Unit> Units(IEnumerable<FieldModel> fields)
        {
            var units = new List<Unit>();
            Unit? current = null;
            foreach (FieldModel field in fields)
            {
                if (field.IsVariable)
                {
                    continue;
                }

                current ??= new Unit(field.ByteOffset, field.BigEndian);
                current.Fields.Add(field);
                int end = field.BitOffset + field.Bits;
                if (end % 8 == 0)
                {
                    current.ByteCount = (end / 8) - current.ByteOffset;
                    units.Add(current);
                    current = null;
                }
            }

            return units;
        }

        /// <summary>The name as an identifier: keywords get an '@' (a field named <c>@event</c>).</summary>
        public static string Id(string name) =>
            Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;

        public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

        public static string Hex(ulong value) => "0x" + value.ToString("X", CultureInfo.InvariantCulture) + "UL";

        public static string Literal(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

        public static string Order(bool bigEndian) => bigEndian ? "global::Codec.ByteOrder.BigEndian" : "global::Codec.ByteOrder.LittleEndian";

        public static string Endian(bool bigEndian) => bigEndian ? "BigEndian" : "LittleEndian";

        /// <summary><c>(word &gt;&gt; shift) &amp; mask</c>, with the parts that do nothing left out.</summary>
        public static string Extract(string word, Unit unit, FieldModel field, bool narrow = false)
        {
            int shift = unit.Shift(field);
            string shifted = shift == 0 ? word : "(" + word + " >> " + Int(shift) + ")";
            string mask = narrow ? "0x" + field.Mask.ToString("X", CultureInfo.InvariantCulture) + "U" : Hex(field.Mask);
            return shift + field.Bits >= unit.ByteCount * 8 ? shifted : "(" + shifted + " & " + mask + ")";
        }

        /// <summary>Whether the unit is read into a 32-bit word (cheaper than widening to 64 bits).</summary>
        public static bool IsNarrow(Unit unit) => unit.ByteCount <= 4;

        /// <summary>A load of the unit's word at its natural width, from <c>ref start</c>.</summary>
        public static string Load(Unit unit)
        {
            string at = "(ref start, " + Int(unit.ByteOffset);
            string endian = Endian(unit.BigEndian);
            return unit.ByteCount switch
            {
                1 => "global::Codec.WireBits.LoadByte" + at + ")",
                2 => "global::Codec.WireBits.LoadUInt16" + endian + at + ")",
                4 => "global::Codec.WireBits.LoadUInt32" + endian + at + ")",
                8 => "global::Codec.WireBits.LoadUInt64" + endian + at + ")",
                _ => (IsNarrow(unit) ? "(uint)" : string.Empty) + "global::Codec.WireBits.Load" + endian + at + ", " + Int(unit.ByteCount) + ")",
            };
        }

        /// <summary>A store of <paramref name="word"/> (a ulong expression) at the unit's natural width, to <c>ref start</c>.</summary>
        public static string Store(Unit unit, string word)
        {
            string at = "(ref start, " + Int(unit.ByteOffset) + ", ";
            string endian = Endian(unit.BigEndian);
            return unit.ByteCount switch
            {
                1 => "global::Codec.WireBits.StoreByte" + at + "(byte)(" + word + "));",
                2 => "global::Codec.WireBits.StoreUInt16" + endian + at + "(ushort)(" + word + "));",
                4 => "global::Codec.WireBits.StoreUInt32" + endian + at + "(uint)(" + word + "));",
                8 => "global::Codec.WireBits.StoreUInt64" + endian + at + word + ");",
                _ => "global::Codec.WireBits.Store" + endian + at + Int(unit.ByteCount) + ", " + word + ");",
            };
        }

        /// <summary>The member value from its raw bits (an expression of type ulong).</summary>
        public static string FromRaw(FieldModel field, string raw) => field.Kind switch
        {
            FieldModelKind.Unsigned => "unchecked((" + field.UnderlyingType + ")" + raw + ")",
            FieldModelKind.Signed => "unchecked((" + field.UnderlyingType + ")global::Codec.WireBits.SignExtend(" + raw + ", " + Int(field.Bits) + "))",
            FieldModelKind.Boolean => "(" + raw + " != 0UL)",
            FieldModelKind.Enum => "unchecked((" + field.TypeName + ")(" + field.UnderlyingType + ")" + raw + ")",
            FieldModelKind.IPv4Address => "new global::Codec.IPv4Address(unchecked((uint)" + raw + "))",
            FieldModelKind.MacAddress => "new global::Codec.MacAddress(" + raw + ")",
            FieldModelKind.BitFields => "new " + field.TypeName + "(unchecked((" + field.UnderlyingType + ")" + raw + "))",
            _ => raw,
        };

        /// <summary>The raw bits (ulong) of a member value, before the range check.</summary>
        public static string ToRaw(FieldModel field, string value) => field.Kind switch
        {
            FieldModelKind.Unsigned => "(ulong)" + value,
            FieldModelKind.Signed => "unchecked((ulong)(" + Unsigned(field.UnderlyingType) + ")" + value + ")",
            FieldModelKind.Boolean => "(" + value + " ? 1UL : 0UL)",
            FieldModelKind.Enum => "unchecked((ulong)(" + Unsigned(field.UnderlyingType) + ")(" + field.UnderlyingType + ")" + value + ")",
            FieldModelKind.IPv4Address => "(ulong)" + value + ".Value",
            FieldModelKind.MacAddress => value + ".Value",
            FieldModelKind.BitFields => "(ulong)" + value + ".Value",
            _ => "0UL",
        };

        /// <summary>
        /// The condition under which raw bits <paramref name="raw"/> of <paramref name="value"/> do not fit the field, or
        /// null when every value of the member's type fits.
        /// </summary>
        public static string? OutOfRange(FieldModel field, string raw, string value)
        {
            if (field.Bits >= field.TypeBits || field.Kind is FieldModelKind.Boolean or FieldModelKind.IPv4Address or FieldModelKind.MacAddress or FieldModelKind.BitFields)
            {
                return null;
            }

            if (field.Kind == FieldModelKind.Signed)
            {
                long min = -(1L << (field.Bits - 1));
                long max = (1L << (field.Bits - 1)) - 1;
                return "(long)" + value + " < " + min.ToString(CultureInfo.InvariantCulture) + "L || (long)" + value + " > " + max.ToString(CultureInfo.InvariantCulture) + "L";
            }

            return raw + " > " + Hex(field.Mask);
        }

        /// <summary>The runtime's FieldKind for dissections.</summary>
        public static string DissectionKind(FieldModel field) => field.Kind switch
        {
            FieldModelKind.Unsigned => "global::Codec.FieldKind.Integer",
            FieldModelKind.Signed => "global::Codec.FieldKind.SignedInteger",
            FieldModelKind.Boolean => "global::Codec.FieldKind.Boolean",
            FieldModelKind.Enum => "global::Codec.FieldKind.Enum",
            FieldModelKind.ByteBlock => "global::Codec.FieldKind.Bytes",
            FieldModelKind.Reserved => "global::Codec.FieldKind.Reserved",
            _ => "global::Codec.FieldKind.Address",
        };

        public static string Unsigned(string keyword) => keyword switch
        {
            "sbyte" => "byte",
            "short" => "ushort",
            "int" => "uint",
            "long" => "ulong",
            _ => keyword,
        };
    }
}
