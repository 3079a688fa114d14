using System.Text;

namespace Codec.Generator.Emitting
{
    /// <summary>The one indented writer all generated source goes through: four spaces, '\n' line ends.</summary>
    internal sealed class SourceWriter
    {
        private readonly StringBuilder _builder = new();
        private int _indent;

        public void Line(string text = "")
        {
            if (text.Length > 0)
            {
                _builder.Append(' ', _indent * 4);
                _builder.Append(text);
            }

            _builder.Append('\n');
        }

        public void Open(string header)
        {
            Line(header);
            Line("{");
            _indent++;
        }

        /// <summary>Opens a bare block, for scoping locals.</summary>
        public void OpenBlock()
        {
            Line("{");
            _indent++;
        }

        public void Close(string suffix = "")
        {
            _indent--;
            Line("}" + suffix);
        }

        public void Indent() => _indent++;

        public void Outdent() => _indent--;

        public override string ToString() => _builder.ToString();
    }
}
