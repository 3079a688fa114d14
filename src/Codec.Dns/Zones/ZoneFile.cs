using Codec.Protocols.Dns;

namespace Codec.Dns.Zones;

/// <summary>The outcome of loading a zone: the zone, or where and why the file was rejected.</summary>
/// <param name="Zone">The zone, when loaded.</param>
/// <param name="Error">The first problem, when not.</param>
public readonly record struct ZoneLoadResult(Zone? Zone, ZoneFileError? Error)
{
    /// <summary>Whether the zone loaded.</summary>
    public bool IsLoaded => Zone is not null;
}

/// <summary>Loads RFC 1035 master files into <see cref="Zone"/>s. Never throws on a bad file: the result says why.</summary>
public static class ZoneFile
{
    /// <summary>
    /// Loads the zone in <paramref name="path"/>. Its origin is <paramref name="origin"/> when given, else the first
    /// <c>$ORIGIN</c> of the file, else the file name without a <c>.zone</c>, <c>.db</c> or <c>.txt</c> extension.
    /// </summary>
    public static ZoneLoadResult Load(string path, string? origin = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new ZoneLoadResult(null, new ZoneFileError(path, 0, e.Message));
        }

        origin ??= FirstOrigin(text) ?? OriginFromFileName(path);
        return Parse(text, path, origin, File.ReadAllText);
    }

    /// <summary>Parses zone file text; <paramref name="file"/> names it in errors and anchors relative <c>$INCLUDE</c>s.</summary>
    /// <param name="text">The zone file's content.</param>
    /// <param name="file">Its name.</param>
    /// <param name="origin">The origin in presentation form (absolute; a missing final dot is added).</param>
    /// <param name="readFile">Reads an <c>$INCLUDE</c>d file; null refuses <c>$INCLUDE</c>.</param>
    public static ZoneLoadResult Parse(string text, string file, string origin, Func<string, string>? readFile = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(origin);
        var whole = new ZoneCursor(file, 1);
        Span<byte> wire = stackalloc byte[DnsName.MaxWireLength];
        string absolute = origin.EndsWith('.') ? origin : origin + ".";
        WriteResult parsed = DnsName.TryParse(absolute, wire);
        if (!parsed.IsDone)
        {
            return new ZoneLoadResult(null, new ZoneFileError(file, 0, $"bad origin '{origin}': {parsed.Error.Kind}"));
        }

        byte[] originWire = wire[..parsed.BytesWritten].ToArray();
        readFile ??= path => throw new IOException("$INCLUDE is not allowed here");
        try
        {
            List<(ZoneRecord, ZoneCursor)> records = ZoneFileParser.Parse(text, file, originWire, readFile);
            Zone? zone = Zone.Build(originWire, records, whole, out ZoneFileError? error);
            return new ZoneLoadResult(zone, error);
        }
        catch (ZoneSyntaxException e)
        {
            return new ZoneLoadResult(null, e.Error);
        }
    }

    /// <summary>The embedded sample zone, <c>example.test.</c>, served when no zone and no forwarder are configured.</summary>
    public static Zone Sample()
    {
        using Stream stream = typeof(ZoneFile).Assembly.GetManifestResourceStream("Codec.Dns.sample.zone")
            ?? throw new InvalidOperationException("The sample zone is not embedded.");
        using var reader = new StreamReader(stream);
        ZoneLoadResult result = Parse(reader.ReadToEnd(), "sample.zone", "example.test.");
        return result.Zone ?? throw new InvalidOperationException("The embedded sample zone does not load: " + result.Error);
    }

    private static string? FirstOrigin(string text)
    {
        foreach (string line in text.Split('\n'))
        {
            string trimmed = line.Trim();
            if (trimmed.StartsWith("$ORIGIN", StringComparison.OrdinalIgnoreCase))
            {
                string[] words = trimmed.Split([' ', '\t', ';'], StringSplitOptions.RemoveEmptyEntries);
                return words.Length >= 2 ? words[1] : null;
            }
        }

        return null;
    }

    private static string OriginFromFileName(string path)
    {
        string name = Path.GetFileName(path);
        foreach (string extension in (string[])[".zone", ".db", ".txt"])
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return name[..^extension.Length];
            }
        }

        return name;
    }
}
