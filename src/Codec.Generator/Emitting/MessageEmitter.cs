using System.Collections.Generic;
using System.Threading;
using Codec.Generator.Model;

namespace Codec.Generator.Emitting
{
    /// <summary>Writes the source for one message: the frame here, each concern in its own partial file.</summary>
    internal static partial class MessageEmitter
    {
        public static string Emit(MessageModel model, CancellationToken cancellationToken)
        {
            var w = new SourceWriter();
            List<Unit> units = Layout.Units(model);
            string self = model.FullyQualifiedName;

            FileScope.Open(w, "Message", model.TypeName, model.Namespace, model.ContainingTypes);

            string interfaces = "global::Codec.IWireMessage<" + self + ">" + (model.EmitEquality && !model.IsRefStruct ? ", global::System.IEquatable<" + self + ">" : string.Empty);
            w.Open((model.IsRefStruct ? "ref partial struct " : "partial " + model.TypeKeyword + " ") + Layout.Id(model.TypeName) + " : " + interfaces);
            if (model.IsVariable)
            {
                EmitVariable(w, model, cancellationToken);
            }
            else
            {
                EmitFixed(w, model, units, cancellationToken);
            }

            EmitEquality(w, model);
            EmitDisplayHelpers(w, model);

            w.Close();
            FileScope.Close(w, model.Namespace, model.ContainingTypes);

            return w.ToString();
        }

        private static void EmitFixed(SourceWriter w, MessageModel model, List<Unit> units, CancellationToken cancellationToken)
        {
            string self = model.FullyQualifiedName;

            w.Line("/// <summary>Bytes of the fixed layout.</summary>");
            w.Line("public const int Size = " + Layout.Int(model.Size) + ";");
            w.Line();
            w.Line("/// <summary>The fewest bytes a message occupies.</summary>");
            w.Line("public const int MinimumSize = " + Layout.Int(model.Size) + ";");
            w.Line();
            w.Line("static int global::Codec.IWireMessage<" + self + ">.MinimumWireSize => MinimumSize;");
            w.Line();
            w.Line("/// <summary>The exact number of bytes <see cref=\"TryWrite(global::System.Span{byte})\"/> writes.</summary>");
            w.Line("public int GetSerializedSize() => Size;");

            cancellationToken.ThrowIfCancellationRequested();
            EmitRead(w, model, units);
            cancellationToken.ThrowIfCancellationRequested();
            EmitWrite(w, model, units);
            cancellationToken.ThrowIfCancellationRequested();
            EmitDissect(w, model);
            cancellationToken.ThrowIfCancellationRequested();
            EmitView(w, model, units, writable: true);
            EmitView(w, model, units, writable: false);
        }
    }
}
