using System.Linq;
using System.Threading;
using Codec.Generator.Model;

namespace Codec.Generator.Emitting
{
    /// <summary>
    /// Writes the source for one [BitFields] word: the integer its bits live in, a constructor from it, each partial
    /// property as a view of its bits (a setter checks that the value fits), equality over the integer and ToString.
    /// </summary>
    internal static class BitFieldsEmitter
    {
        private const string Inline = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

        public static string Emit(BitFieldsModel model, CancellationToken cancellationToken)
        {
            var w = new SourceWriter();
            string self = model.FullyQualifiedName;
            string id = Layout.Id(model.TypeName);
            string storage = model.Storage;
            FileScope.Open(w, "BitFields", model.TypeName, model.Namespace, model.ContainingTypes, membersDocumentedElsewhere: false);

            w.Open("partial struct " + id + " : global::System.IEquatable<" + self + ">");
            w.Line("private " + storage + " _codecValue;");
            w.Line();
            w.Line("/// <summary>The word from its " + Layout.Int(model.Bits) + " bits as one number (the first bit-field in the most significant bits); every bit is kept, reserved ones too.</summary>");
            w.Line(Inline);
            w.Line("public " + id + "(" + storage + " value) => _codecValue = value;");
            w.Line();
            w.Line("/// <summary>The " + Layout.Int(model.Bits) + " bits as one number, as a message carries them (the first bit-field in the most significant bits).</summary>");
            w.Open("public " + storage + " Value");
            w.Line(Inline);
            w.Line("readonly get => _codecValue;");
            w.Line(Inline);
            w.Line("set => _codecValue = value;");
            w.Close();
            foreach (FieldModel field in model.Fields.Where(f => !f.IsReserved))
            {
                cancellationToken.ThrowIfCancellationRequested();
                int shift = model.Bits - field.BitOffset - field.Bits;
                string mask = Layout.Hex(field.Mask);
                string raw = "(((ulong)_codecValue >> " + Layout.Int(shift) + ") & " + mask + ")";
                w.Line();
                w.Open("public partial " + field.TypeName + " " + field.Id);
                w.Line(Inline);
                w.Line((model.ReadOnlyGetters.Contains(field.Name) ? "readonly get => " : "get => ") + Layout.FromRaw(field, raw) + ";");
                w.Line(Inline);
                w.Open("set");
                w.Line("ulong raw = " + Layout.ToRaw(field, "value") + ";");
                string? outOfRange = Layout.OutOfRange(field, "raw", "value");
                if (outOfRange is not null)
                {
                    w.Open("if (" + outOfRange + ")");
                    w.Line("throw new global::System.ArgumentOutOfRangeException(nameof(value), value, " + Layout.Literal(field.Name + " is " + Layout.Int(field.Bits) + (field.Bits == 1 ? " bit" : " bits") + " wide") + ");");
                    w.Close();
                    w.Line();
                }

                ulong placedMask = field.Mask << shift;
                w.Line("_codecValue = unchecked((" + storage + ")(((ulong)_codecValue & " + Layout.Hex(~placedMask) + ") | ((raw & " + mask + ") << " + Layout.Int(shift) + ")));");
                w.Close();
                w.Close();
            }

            w.Line();
            w.Line("/// <summary>Whether the two words have the same bits (reserved ones included).</summary>");
            w.Line("public readonly bool Equals(" + self + " other) => _codecValue == other._codecValue;");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public override readonly bool Equals(object? obj) => obj is " + self + " other && Equals(other);");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public override readonly int GetHashCode() => _codecValue.GetHashCode();");
            w.Line();
            w.Line("/// <summary>Whether the two words have the same bits.</summary>");
            w.Line("public static bool operator ==(" + self + " left, " + self + " right) => left._codecValue == right._codecValue;");
            w.Line();
            w.Line("/// <summary>Whether the two words differ in a bit.</summary>");
            w.Line("public static bool operator !=(" + self + " left, " + self + " right) => left._codecValue != right._codecValue;");
            w.Line();
            w.Line("/// <summary>The bit-fields, e.g. <c>" + model.TypeName + " { Field = 1, … }</c>.</summary>");
            w.Open("public override string ToString()");
            w.Line("var text = new global::System.Text.StringBuilder();");
            w.Line("text.Append(" + Layout.Literal(model.TypeName + " { ") + ");");
            bool first = true;
            foreach (FieldModel field in model.Fields.Where(f => !f.IsReserved))
            {
                w.Line("text.Append(" + Layout.Literal((first ? string.Empty : ", ") + field.Name + " = ") + ");");
                first = false;
                w.Line(field.Kind switch
                {
                    FieldModelKind.Boolean => "text.Append(" + field.Id + " ? \"true\" : \"false\");",
                    FieldModelKind.Enum => "text.Append(" + field.Id + ".ToString());",
                    _ => "text.Append(" + field.Id + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture));",
                });
            }

            w.Line("return text.Append(\" }\").ToString();");
            w.Close();
            w.Close();
            FileScope.Close(w, model.Namespace, model.ContainingTypes);

            return w.ToString();
        }
    }
}
