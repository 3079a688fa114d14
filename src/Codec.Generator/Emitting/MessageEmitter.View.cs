using System.Collections.Generic;
using Codec.Generator.Model;

namespace Codec.Generator.Emitting
{
    internal static partial class MessageEmitter
    {
        /// <summary>
        /// A ref struct over the buffer itself: getters read fields where they lie, setters (on the writable view) write
        /// them in place — what a NAT needs to rewrite an address without copying the packet.
        /// </summary>
        private static void EmitView(SourceWriter w, MessageModel model, List<Unit> units, bool writable, string size = "Size")
        {
            string self = model.FullyQualifiedName;
            string name = writable ? "View" : "ReadOnlyView";
            string span = writable ? "global::System.Span<byte>" : "global::System.ReadOnlySpan<byte>";
            w.Line();
            w.Line(writable
                ? "/// <summary>Fields read and written in place in a buffer that holds a message.</summary>"
                : "/// <summary>Fields read in place from a buffer that holds a message.</summary>");
            w.Open("public readonly ref struct " + name);
            w.Line("private readonly " + span + " _buffer;");
            w.Line();
            w.Line("/// <summary>A view over <paramref name=\"buffer\"/>, which must hold at least the fixed part of the message.</summary>");
            w.Open("public " + name + "(" + span + " buffer)");
            w.Open("if (buffer.Length < " + size + ")");
            w.Line("global::Codec.ThrowHelper.ThrowBufferTooSmall(" + size + ", buffer.Length);");
            w.Close();
            w.Line();
            w.Line("_buffer = buffer;");
            w.Close();
            w.Line();
            w.Line("/// <summary>A view over <paramref name=\"buffer\"/>, or false when it is shorter than the message.</summary>");
            w.Open("public static bool TryCreate(" + span + " buffer, out " + name + " view)");
            w.Open("if (buffer.Length < " + size + ")");
            w.Line("view = default;");
            w.Line("return false;");
            w.Close();
            w.Line();
            w.Line("view = new " + name + "(buffer);");
            w.Line("return true;");
            w.Close();
            w.Line();
            w.Line("/// <summary>The buffer the view reads" + (writable ? " and writes" : string.Empty) + ".</summary>");
            w.Line("public " + span + " Buffer => _buffer;");
            w.Line();
            w.Line("/// <summary>Reads the whole message from the buffer, validating constants and reserved bits.</summary>");
            w.Line("public global::Codec.ReadResult TryRead(out " + self + " value) => " + self + ".TryRead(_buffer, out value);");

            foreach (Unit unit in units)
            {
                foreach (FieldModel field in unit.Fields)
                {
                    if (!field.IsReserved)
                    {
                        EmitViewProperty(w, unit, field, writable);
                    }
                }
            }

            w.Close();
        }

        private static void EmitViewProperty(SourceWriter w, Unit unit, FieldModel field, bool writable)
        {
            w.Line();
            w.Line("/// <summary>" + Xml(field.Label) + ": bits " + Layout.Int(field.BitOffset) + "–" + Layout.Int(field.BitOffset + field.Bits - 1) + ".</summary>");
            string offset = Layout.Int(unit.ByteOffset);
            string count = Layout.Int(unit.ByteCount);
            if (field.Kind == FieldModelKind.ByteBlock)
            {
                string type = writable ? "global::System.Span<byte>" : "global::System.ReadOnlySpan<byte>";
                w.Line("public " + type + " " + field.Id + " => _buffer.Slice(" + offset + ", " + count + ");");
                return;
            }

            string slice16 = "_buffer.Slice(" + offset + ", 16)";
            string getter;
            string load = "global::Codec.WireBits.Load" + Layout.Endian(unit.BigEndian) + "(_buffer, " + offset + ", " + count + ")";
            if (field.Kind == FieldModelKind.IPv6Address)
            {
                getter = "global::Codec.IPv6Address.FromBytes(" + slice16 + ")";
            }
            else if (unit.IsWide)
            {
                getter = Layout.FromRaw(field, "global::Codec.WireBits.ReadBits(_buffer, " + Layout.Int(field.BitOffset) + ", " + Layout.Int(field.Bits) + ", " + Layout.Order(unit.BigEndian) + ")");
            }
            else
            {
                getter = Layout.FromRaw(field, Layout.Extract(load, unit, field));
            }

            if (!writable || field.HasConstant)
            {
                w.Line("public " + field.TypeName + " " + field.Id + " => " + getter + ";");
                return;
            }

            w.Open("public " + field.TypeName + " " + field.Id);
            w.Line("get => " + getter + ";");
            w.Open("set");
            if (field.Kind == FieldModelKind.IPv6Address)
            {
                w.Line("value.WriteBytes(" + slice16 + ");");
            }
            else
            {
                w.Line("ulong raw = " + Layout.ToRaw(field, "value") + ";");
                string? outOfRange = Layout.OutOfRange(field, "raw", "value");
                if (outOfRange is not null)
                {
                    w.Open("if (" + outOfRange + ")");
                    w.Line("global::Codec.ThrowHelper.ThrowValueOutOfRange(" + Layout.Literal(field.Name) + ", " + Layout.Int(field.BitOffset) + ", " + Layout.Int(field.Bits) + ", raw);");
                    w.Close();
                    w.Line();
                }

                if (field.Kind == FieldModelKind.Signed && field.Bits < field.TypeBits)
                {
                    w.Line("raw &= " + Layout.Hex(field.Mask) + ";");
                }

                if (unit.IsWide)
                {
                    w.Line("global::Codec.WireBits.WriteBits(_buffer, " + Layout.Int(field.BitOffset) + ", " + Layout.Int(field.Bits) + ", raw, " + Layout.Order(unit.BigEndian) + ");");
                }
                else if (unit.IsWhole(field))
                {
                    w.Line("global::Codec.WireBits.Store" + Layout.Endian(unit.BigEndian) + "(_buffer, " + offset + ", " + count + ", raw);");
                }
                else
                {
                    int shift = unit.Shift(field);
                    w.Line("ulong word = " + load + " & ~(" + Layout.Hex(field.Mask) + " << " + Layout.Int(shift) + ");");
                    w.Line("global::Codec.WireBits.Store" + Layout.Endian(unit.BigEndian) + "(_buffer, " + offset + ", " + count + ", word | (raw << " + Layout.Int(shift) + "));");
                }
            }

            w.Close();
            w.Close();
        }

        private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
