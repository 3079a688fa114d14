using System.Linq;
using Codec.Generator.Model;

namespace Codec.Generator.Emitting
{
    /// <summary>
    /// The write side of a union whose cases compress DNS names (<c>[Case(CompressNames = true)]</c>): the enclosing
    /// message's compressing writer hands it the discriminator and the shared compressor, and sets the union's length
    /// field from what was written. Unions without such cases are written as their octets by the message itself.
    /// </summary>
    internal static partial class UnionEmitter
    {
        private const string Compressor = "global::Codec.Dns.DnsNameCompressor";
        private const string AggressiveInlining = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";
        private const string NoInlining = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]";

        private static void EmitCompressedWrite(SourceWriter w, UnionModel model)
        {
            UnionCaseModel[] compressing = model.Cases.Where(c => c.CompressNames).ToArray();
            if (compressing.Length == 0)
            {
                return;
            }

            w.Line();
            w.Line("/// <summary>Whether the case <paramref name=\"discriminator\"/> chooses compresses the names inside it on write (RFC 1035 §4.1.4; RFC 3597 §4 forbids it for other types).</summary>");
            w.Line(AggressiveInlining);
            w.Open("public static bool CompressesNames(ulong discriminator) => discriminator switch");
            foreach (UnionCaseModel c in compressing)
            {
                w.Line(Number(c.Value) + " => true,");
            }

            w.Line("_ => false,");
            w.Close(";");

            EmitCompressedWrite(w, compressing, fast: false);
            EmitCompressedWrite(w, compressing, fast: true);
        }

        private static void EmitCompressedWrite(SourceWriter w, UnionCaseModel[] compressing, bool fast)
        {
            string result = fast ? "bool" : "global::Codec.WriteResult";
            string written = fast ? ", out int bytesWritten" : string.Empty;
            string pass = fast ? ", out bytesWritten" : string.Empty;
            w.Line();
            w.Line("/// <summary>");
            if (fast)
            {
                w.Line("/// Writes the union as <see cref=\"TryWrite(global::System.Span{byte}, ref int, " + Compressor + ", ulong)\"/> does,");
                w.Line("/// answering only whether it was written (<paramref name=\"bytesWritten\"/>: the octets written). Builds no result.");
            }
            else
            {
                w.Line("/// Writes the union at <paramref name=\"messagePosition\"/> in <paramref name=\"message\"/> (the whole DNS message being");
                w.Line("/// built, from its first octet) as the case <paramref name=\"discriminator\"/> chooses: when that case compresses names");
                w.Line("/// (<see cref=\"CompressesNames\"/>) and the octets read as it (names resolved against the message they were read from),");
                w.Line("/// by the case's compressing writer through <paramref name=\"compressor\"/>, which the whole message shares; otherwise");
                w.Line("/// the octets as they are. The length written may differ from <see cref=\"Length\"/>: the enclosing message sets its");
                w.Line("/// length field afterwards. Advances <paramref name=\"messagePosition\"/> on success only.");
            }

            w.Line("/// </summary>");
            w.Line(AggressiveInlining);
            w.Open("public " + result + " TryWrite(global::System.Span<byte> message, ref int messagePosition, " + Compressor + " compressor, ulong discriminator" + written + ")");
            w.Open("switch (discriminator)");
            foreach (UnionCaseModel c in compressing)
            {
                w.Line("case " + Number(c.Value) + ":");
                w.Indent();
                w.Line("return CodecWrite" + c.Member + "(message, ref messagePosition, compressor" + pass + ");");
                w.Outdent();
            }

            w.Line("default:");
            w.Indent();
            w.Line("return CodecWriteOctets(message, ref messagePosition" + pass + ");");
            w.Outdent();
            w.Close();
            w.Close();

            foreach (UnionCaseModel c in compressing)
            {
                // The case is read again (or rebuilt from what validating it found) so that its names resolve against
                // the message the octets came from; octets that are not the case are written as they are. Out of line:
                // the case value and the results are frame slots zeroed on every call, so only the case taken pays.
                string list = "global::Codec.MessageList<" + c.ValueType + ">";
                w.Line();
                w.Line(NoInlining);
                w.Open("private " + result + " CodecWrite" + c.Member + "(global::System.Span<byte> message, ref int messagePosition, " + Compressor + " compressor" + written + ")");
                w.Line(Span + " source = _codecMessage.Slice(0, _codecStart + Length);");
                w.Line(c.ValueType + " value;");
                w.Line("int consumed = Length;");
                w.Open("if (Discriminator == " + Number(c.Value) + " && _codecMemo != 0 ? !" + list + ".ReadElementMemoizedAt(source, _codecStart, _codecMemo, out value) : !" + list + ".TryReadElementAt(source, _codecStart, out value, out consumed) || consumed != Length)");
                w.Line("return CodecWriteOctets(message, ref messagePosition" + pass + ");");
                w.Close();
                w.Line();
                w.Line("return value.TryWrite(message, ref messagePosition, compressor" + pass + ");");
                w.Close();
            }

            w.Line();
            w.Open("private " + result + " CodecWriteOctets(global::System.Span<byte> message, ref int messagePosition" + written + ")");
            w.Line(Span + " bytes = Bytes;");
            w.Open("if ((uint)messagePosition > (uint)message.Length || message.Length - messagePosition < bytes.Length)");
            if (fast)
            {
                w.Line("bytesWritten = 0;");
                w.Line("return false;");
            }
            else
            {
                w.Line("return global::Codec.WriteResult.DestinationTooSmall((int)global::System.Math.Min((long)messagePosition + bytes.Length, int.MaxValue), message.Length);");
            }

            w.Close();
            w.Line();
            w.Line("global::System.Span<byte> destination = message.Slice(messagePosition);");
            w.Open("if (!global::System.Runtime.CompilerServices.Unsafe.AreSame(ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(bytes), ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(destination)))");
            w.Line("bytes.CopyTo(destination);");
            w.Close();
            w.Line();
            w.Line("messagePosition += bytes.Length;");
            if (fast)
            {
                w.Line("bytesWritten = bytes.Length;");
                w.Line("return true;");
            }
            else
            {
                w.Line("return global::Codec.WriteResult.Done(bytes.Length);");
            }

            w.Close();
        }
    }
}
