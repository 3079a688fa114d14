namespace Codec.Dns.Zones;

/// <summary>Why a zone file was rejected: the file and line where the problem lies, and the reason.</summary>
/// <param name="File">The file (the including file's path for an <c>$INCLUDE</c>d one is not repeated).</param>
/// <param name="Line">The 1-based line where the offending entry starts; 0 when the file could not be read at all.</param>
/// <param name="Reason">What is wrong, in words.</param>
public readonly record struct ZoneFileError(string File, int Line, string Reason)
{
    /// <summary><c>file:line: reason</c>, as compilers print it.</summary>
    public override string ToString() => $"{File}:{Line}: {Reason}";
}

/// <summary>Thrown inside the parser only, and turned into a <see cref="ZoneFileError"/> before the caller sees it.</summary>
internal sealed class ZoneSyntaxException(string file, int line, string reason) : Exception(reason)
{
    public ZoneFileError Error { get; } = new(file, line, reason);
}
