using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Codec.Generator.Model
{
    /// <summary>A source location reduced to values (a <see cref="Location"/> would pin a syntax tree in the model).</summary>
    internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
    {
        public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

        public static LocationInfo? From(Location? location)
        {
            if (location is null || location.SourceTree is null)
            {
                return null;
            }

            return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
        }

        public static LocationInfo? From(SyntaxReference? reference) => reference is null ? null : From(reference.GetSyntax().GetLocation());
    }
}
