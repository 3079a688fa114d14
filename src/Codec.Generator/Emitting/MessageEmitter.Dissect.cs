using System.Linq;
using Codec.Generator.Model;

namespace Codec.Generator.Emitting
{
    internal static partial class MessageEmitter
    {
        private static void EmitDissect(SourceWriter w, MessageModel model)
        {
            w.Line();
            w.Line("/// <summary>Takes the message at the start of <paramref name=\"source\"/> apart field by field: every field that fits, then the read result. Never throws on input.</summary>");
            w.Open("public static global::Codec.MessageDissection Dissect(global::System.ReadOnlySpan<byte> source)");
            w.Line("var builder = new global::Codec.DissectionBuilder(" + Layout.Literal(model.DisplayName) + ", " + Layout.Literal(model.TypeName) + ", " + Layout.Order(model.BigEndian) + ");");
            w.Line("global::Codec.ReadResult result = TryRead(source, out _);");
            foreach (FieldModel field in model.Fields)
            {
                w.Line();
                w.Open("if (source.Length < " + Layout.Int(field.EndByte) + ")");
                w.Line("return builder.Complete(result);");
                w.Close();
                w.Line();
                if (EmitDissectFixedField(w, model, field, Layout.Int(field.BitOffset), Layout.Int(field.ByteOffset)))
                {
                    w.Close();
                }
            }

            w.Line();
            w.Line("return builder.Complete(result);");
            w.Close();
        }

        /// <summary>
        /// Adds a fixed-size field to the dissection, its first bit at <paramref name="at"/> and its first octet at
        /// <paramref name="byteAt"/> (expressions): an IPv6 address or a byte block in one line (false); anything else
        /// read into <c>raw</c> in a block left open, for the caller to use <c>raw</c> and close (true).
        /// </summary>
        private static bool EmitDissectFixedField(SourceWriter w, MessageModel model, FieldModel field, string at, string byteAt)
        {
            string head = "builder.Add(" + Layout.Literal(field.Name) + ", " + Layout.Literal(field.Label) + ", " + at + ", " + Layout.Int(field.Bits) + ", ";
            string kind = Layout.DissectionKind(field);
            string slice = "source.Slice(" + byteAt + ", " + Layout.Int(field.Bits / 8) + ")";
            if (field.Kind == FieldModelKind.IPv6Address)
            {
                w.Line(head + "null, global::Codec.IPv6Address.FromBytes(" + slice + ").ToString(), " + kind + ");");
                return false;
            }

            if (field.Kind == FieldModelKind.ByteBlock)
            {
                w.Line(head + "null, global::Codec.DissectionText.Hex(" + slice + "), " + kind + ");");
                return false;
            }

            w.OpenBlock();
            EmitDissectRaw(w, field, at, model.BigEndian);
            return true;
        }

        /// <summary>
        /// Reads a numeric field's bits, starting at bit <paramref name="at"/> (an expression), into <c>raw</c> and adds it
        /// to the dissection; a [BitFields] word is added as its bit-fields, each where it lies in the message's bit
        /// numbering (<see cref="SubFieldOffset"/>).
        /// </summary>
        private static void EmitDissectRaw(SourceWriter w, FieldModel field, string at, bool messageBigEndian)
        {
            w.Line("ulong raw = global::Codec.WireBits.ReadBits(source, " + at + ", " + Layout.Int(field.Bits) + ", " + Layout.Order(field.BigEndian) + ");");
            if (field.Kind != FieldModelKind.BitFields)
            {
                w.Line("builder.Add(" + Layout.Literal(field.Name) + ", " + Layout.Literal(field.Label) + ", " + at + ", " + Layout.Int(field.Bits) + ", raw, "
                    + Display(field, "raw", DisplayHelper(field, null)) + ", " + Layout.DissectionKind(field) + ");");
                return;
            }

            foreach (FieldModel sub in field.SubFields)
            {
                int shift = field.Bits - sub.BitOffset - sub.Bits;
                string subRaw = "((raw >> " + Layout.Int(shift) + ") & " + Layout.Hex(sub.Mask) + ")";
                int subOffset = SubFieldOffset(field, sub, messageBigEndian);
                string subAt = subOffset == 0 ? at : at + " + " + Layout.Int(subOffset);
                w.Line("builder.Add(" + Layout.Literal(sub.Name) + ", " + Layout.Literal(sub.Label) + ", " + subAt + ", " + Layout.Int(sub.Bits) + ", "
                    + subRaw + ", " + Display(sub, subRaw, DisplayHelper(field, sub)) + ", " + Layout.DissectionKind(sub) + ");");
            }
        }

        /// <summary>
        /// Where a word's bit-field lies, counted from the word's first bit in the message's numbering: a big-endian
        /// message numbers from the most significant bit of byte 0 and gives a field's first (most significant) bit, a
        /// little-endian one numbers from the least significant bit and gives its least significant bit. A word in the
        /// message's own byte order is contiguous in that numbering; one whose field overrides the byte order (always
        /// whole bytes) lies byte-swapped, and a bit-field across its bytes is then split: the offset is that of the bit
        /// named above.
        /// </summary>
        internal static int SubFieldOffset(FieldModel word, FieldModel sub, bool messageBigEndian)
        {
            int bytes = word.Bits / 8;
            int low = word.Bits - sub.BitOffset - sub.Bits;                  // the bit-field's lowest bit in the value
            int bit = messageBigEndian ? low + sub.Bits - 1 : low;            // the value bit the offset names
            int octet = word.BigEndian ? bytes - 1 - (bit / 8) : bit / 8;     // which of the word's octets holds it
            return (8 * octet) + (messageBigEndian ? 7 - (bit % 8) : bit % 8);
        }

        /// <summary>The name of the helper that shows an enum field's (or a word's enum bit-field's) raw value.</summary>
        private static string DisplayHelper(FieldModel field, FieldModel? sub) => "CodecDisplay" + field.Name + (sub is null ? string.Empty : "_" + sub.Name);

        /// <summary>The enum fields of a message, and the enum bit-fields of its words, with the names of their display helpers.</summary>
        private static System.Collections.Generic.IEnumerable<(string Helper, FieldModel Field)> EnumDisplays(MessageModel model) =>
            model.Fields.Where(f => f.Kind == FieldModelKind.Enum).Select(f => (DisplayHelper(f, null), f))
                .Concat(model.Fields.Where(f => f.Kind == FieldModelKind.BitFields)
                    .SelectMany(f => f.SubFields.Where(s => s.Kind == FieldModelKind.Enum).Select(s => (DisplayHelper(f, s), s))));

        /// <summary>How a field's raw value reads to a person.</summary>
        private static string Display(FieldModel field, string raw, string helper) => field.Kind switch
        {
            FieldModelKind.Signed => "global::Codec.WireBits.SignExtend(" + raw + ", " + Layout.Int(field.Bits) + ").ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
            FieldModelKind.Boolean => "(" + raw + " != 0UL ? \"Set\" : \"Not set\")",
            FieldModelKind.Enum => helper + "(" + raw + ")",
            FieldModelKind.IPv4Address => "new global::Codec.IPv4Address(unchecked((uint)" + raw + ")).ToString()",
            FieldModelKind.MacAddress => "new global::Codec.MacAddress(" + raw + ").ToString()",
            FieldModelKind.Reserved => "\"0x\" + " + raw + ".ToString(\"X\", global::System.Globalization.CultureInfo.InvariantCulture)",
            _ => raw + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
        };

        /// <summary>For each enum field, a switch from raw value to names, written at compile time (no reflection).</summary>
        private static void EmitDisplayHelpers(SourceWriter w, MessageModel model)
        {
            foreach ((string helper, FieldModel field) in EnumDisplays(model))
            {
                w.Line();
                w.Open("private static string " + helper + "(ulong raw)");
                var seen = new System.Collections.Generic.HashSet<ulong>();
                var members = field.EnumMembers.Where(m => seen.Add(m.Value)).ToList();
                if (!field.IsFlags)
                {
                    w.Open("return raw switch");
                    foreach (EnumMemberModel member in members)
                    {
                        w.Line(Layout.Hex(member.Value) + " => " + Layout.Literal(member.Name + " (" + member.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")") + ",");
                    }

                    w.Line("_ => raw.ToString(global::System.Globalization.CultureInfo.InvariantCulture),");
                    w.Close(";");
                }
                else
                {
                    EnumMemberModel? zero = members.FirstOrDefault(m => m.Value == 0);
                    w.Open("if (raw == 0UL)");
                    w.Line("return " + Layout.Literal(zero is null ? "0" : zero.Name + " (0x0)") + ";");
                    w.Close();
                    w.Line();
                    w.Line("var names = new global::System.Text.StringBuilder();");
                    w.Line("ulong rest = raw;");
                    foreach (EnumMemberModel member in members.Where(m => m.Value != 0))
                    {
                        w.Open("if ((raw & " + Layout.Hex(member.Value) + ") == " + Layout.Hex(member.Value) + ")");
                        w.Line("names.Append(names.Length == 0 ? \"\" : \"|\").Append(" + Layout.Literal(member.Name) + ");");
                        w.Line("rest &= ~" + Layout.Hex(member.Value) + ";");
                        w.Close();
                        w.Line();
                    }

                    w.Open("if (rest != 0UL)");
                    w.Line("names.Append(names.Length == 0 ? \"\" : \"|\").Append(\"0x\").Append(rest.ToString(\"X\", global::System.Globalization.CultureInfo.InvariantCulture));");
                    w.Close();
                    w.Line();
                    w.Line("return names.Append(\" (0x\").Append(raw.ToString(\"X\", global::System.Globalization.CultureInfo.InvariantCulture)).Append(')').ToString();");
                }

                w.Close();
            }
        }
    }
}
