namespace Codec.Dns.Zones;

/// <summary>Where the parser is (file and line), to build errors that name it.</summary>
internal readonly record struct ZoneCursor(string File, int Line)
{
    public ZoneSyntaxException Error(string reason) => new(File, Line, reason);
}
