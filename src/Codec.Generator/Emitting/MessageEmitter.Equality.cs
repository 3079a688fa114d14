using System.Linq;
using Codec.Generator.Model;

namespace Codec.Generator.Emitting
{
    internal static partial class MessageEmitter
    {
        /// <summary>Value equality and a readable ToString over the wire fields (records bring their own).</summary>
        private static void EmitEquality(SourceWriter w, MessageModel model)
        {
            string self = model.FullyQualifiedName;
            var fields = model.Fields.Where(f => !f.IsReserved).ToList();

            // Constants carry no information: a message built without setting them equals the same message read back.
            var compared = fields.Where(f => !f.HasConstant).ToList();
            if (model.EmitEquality)
            {
                w.Line();
                w.Line("/// <summary>Whether every wire field of <paramref name=\"other\"/> (constants and reserved bits aside) equals this one's.</summary>");
                w.Open("public bool Equals(" + self + " other)");
                foreach (FieldModel field in compared)
                {
                    if (field.Kind == FieldModelKind.DnsName)
                    {
                        w.Open("if (!this." + field.Id + ".Equals(other." + field.Id + "))");
                        w.Line("return false;");
                        w.Close();
                    }
                    else if (field.IsVariable)
                    {
                        string bytes = field.HasBytes ? ".Bytes" : string.Empty;
                        w.Open("if (!global::System.MemoryExtensions.SequenceEqual(this." + field.Id + bytes + ", other." + field.Id + bytes + "))");
                        w.Line("return false;");
                        w.Close();
                    }
                    else if (field.Kind == FieldModelKind.ByteBlock)
                    {
                        w.OpenBlock();
                        w.Line(field.TypeName + " left = this." + field.Id + ";");
                        w.Line(field.TypeName + " right = other." + field.Id + ";");
                        w.Open("if (!global::System.MemoryExtensions.SequenceEqual((global::System.ReadOnlySpan<byte>)left, (global::System.ReadOnlySpan<byte>)right))");
                        w.Line("return false;");
                        w.Close();
                        w.Close();
                    }
                    else
                    {
                        w.Open("if (this." + field.Id + " != other." + field.Id + ")");
                        w.Line("return false;");
                        w.Close();
                    }

                    w.Line();
                }

                w.Line("return true;");
                w.Close();
                w.Line();
                w.Line("/// <inheritdoc/>");
                w.Line(model.IsRefStruct
                    ? "public override bool Equals(object? obj) => false; // a ref struct is never boxed, so no object equals it"
                    : "public override bool Equals(object? obj) => obj is " + self + " other && Equals(other);");
                w.Line();
                w.Line("/// <inheritdoc/>");
                w.Open("public override int GetHashCode()");
                w.Line("var hash = new global::System.HashCode();");
                foreach (FieldModel field in compared)
                {
                    if (field.Kind == FieldModelKind.DnsName)
                    {
                        w.Line("hash.Add(this." + field.Id + ".GetHashCode());");
                    }
                    else if (field.IsVariable)
                    {
                        w.Line("hash.AddBytes(this." + field.Id + (field.HasBytes ? ".Bytes" : string.Empty) + ");");
                    }
                    else if (field.Kind == FieldModelKind.ByteBlock)
                    {
                        w.OpenBlock();
                        w.Line(field.TypeName + " block = this." + field.Id + ";");
                        w.Line("hash.AddBytes((global::System.ReadOnlySpan<byte>)block);");
                        w.Close();
                    }
                    else
                    {
                        w.Line("hash.Add(this." + field.Id + ");");
                    }
                }

                w.Line("return hash.ToHashCode();");
                w.Close();
                w.Line();
                w.Line("/// <summary>Whether the two messages have equal wire fields.</summary>");
                w.Line("public static bool operator ==(" + self + " left, " + self + " right) => left.Equals(right);");
                w.Line();
                w.Line("/// <summary>Whether the two messages differ in a wire field.</summary>");
                w.Line("public static bool operator !=(" + self + " left, " + self + " right) => !left.Equals(right);");
            }

            if (model.EmitToString)
            {
                w.Line();
                w.Line("/// <summary>The message's fields, e.g. <c>" + Xml(model.TypeName) + " { Field = 1, … }</c>.</summary>");
                w.Open("public override string ToString()");
                w.Line("var text = new global::System.Text.StringBuilder();");
                w.Line("text.Append(" + Layout.Literal(model.TypeName + " { ") + ");");
                bool firstField = true;
                foreach (FieldModel field in fields)
                {
                    w.Line("text.Append(" + Layout.Literal((firstField ? string.Empty : ", ") + field.Name + " = ") + ");");
                    firstField = false;
                    switch (field.Kind)
                    {
                        case FieldModelKind.Bytes:
                            w.Line("text.Append(global::Codec.DissectionText.Hex(this." + field.Id + "));");
                            break;
                        case FieldModelKind.DnsName:
                            w.Line("text.Append(this." + field.Id + ".ToString());");
                            break;
                        case FieldModelKind.List:
                        case FieldModelKind.Options:
                            w.Line("text.Append(this." + field.Id + ".Count.ToString(global::System.Globalization.CultureInfo.InvariantCulture)).Append(\" elements: \").Append(global::Codec.DissectionText.Hex(this." + field.Id + ".Bytes));");
                            break;
                        case FieldModelKind.ByteBlock:
                            w.OpenBlock();
                            w.Line(field.TypeName + " block = this." + field.Id + ";");
                            w.Line("text.Append(global::Codec.DissectionText.Hex((global::System.ReadOnlySpan<byte>)block));");
                            w.Close();
                            break;
                        case FieldModelKind.Enum:
                            w.Line("text.Append(CodecDisplay" + field.Name + "(" + Layout.ToRaw(field, "this." + field.Id) + "));");
                            break;
                        case FieldModelKind.Boolean:
                            w.Line("text.Append(this." + field.Id + " ? \"true\" : \"false\");");
                            break;
                        case FieldModelKind.Unsigned:
                        case FieldModelKind.Signed:
                            w.Line("text.Append(this." + field.Id + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture));");
                            break;
                        default:
                            w.Line("text.Append(this." + field.Id + ".ToString());");
                            break;
                    }
                }

                w.Line("return text.Append(\" }\").ToString();");
                w.Close();
            }
        }
    }
}
