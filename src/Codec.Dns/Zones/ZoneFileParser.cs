using Codec.Protocols.Dns;

namespace Codec.Dns.Zones;

/// <summary>
/// Reads RFC 1035 §5 master files: <c>$ORIGIN</c>, <c>$TTL</c> (RFC 2308 §4), <c>$INCLUDE</c>, <c>@</c>, relative
/// names, omitted owner (the previous one), omitted TTL (<c>$TTL</c>, else the previous TTL) and class (the previous
/// one, else IN), TTL and class in either order, parentheses over several lines, comments and quoted strings.
/// </summary>
internal sealed class ZoneFileParser
{
    private const int MaxIncludeDepth = 8;

    private readonly Func<string, string> _readFile;
    private readonly List<(ZoneRecord Record, ZoneCursor At)> _records = [];
    private byte[]? _lastOwner;
    private uint? _lastTtl;
    private uint? _defaultTtl;
    private DnsClass _lastClass = DnsClass.IN;

    private ZoneFileParser(Func<string, string> readFile) => _readFile = readFile;

    /// <summary>Parses <paramref name="text"/> (the content of <paramref name="file"/>) with <paramref name="origin"/> as the first origin.</summary>
    /// <exception cref="ZoneSyntaxException">The file is wrong; the exception names the file and line.</exception>
    public static List<(ZoneRecord Record, ZoneCursor At)> Parse(string text, string file, byte[] origin, Func<string, string> readFile)
    {
        var parser = new ZoneFileParser(readFile);
        parser.ParseFile(text, file, origin, depth: 0);
        return parser._records;
    }

    private void ParseFile(string text, string file, byte[] origin, int depth)
    {
        foreach (ZoneEntry entry in ZoneFileTokenizer.Tokenize(text, file))
        {
            var at = new ZoneCursor(file, entry.Line);
            IReadOnlyList<ZoneToken> tokens = entry.Tokens;
            string first = tokens[0].Text;
            if (!entry.StartsWithBlank && !tokens[0].Quoted && first.StartsWith('$'))
            {
                origin = Directive(tokens, origin, at, depth);
                continue;
            }

            Record(entry, origin, at);
        }
    }

    private byte[] Directive(IReadOnlyList<ZoneToken> tokens, byte[] origin, ZoneCursor at, int depth)
    {
        string name = tokens[0].Text.ToUpperInvariant();
        switch (name)
        {
            case "$ORIGIN":
                if (tokens.Count != 2)
                {
                    throw at.Error("$ORIGIN needs one domain name");
                }

                return ZoneTokens.Name(tokens[1], origin, at);
            case "$TTL":
                if (tokens.Count != 2)
                {
                    throw at.Error("$TTL needs one TTL");
                }

                _defaultTtl = ZoneTokens.Ttl(tokens[1], at);
                return origin;
            case "$INCLUDE":
                {
                    if (tokens.Count is < 2 or > 3)
                    {
                        throw at.Error("$INCLUDE needs a file name and, optionally, an origin");
                    }

                    if (depth >= MaxIncludeDepth)
                    {
                        throw at.Error($"$INCLUDE nested more than {MaxIncludeDepth} deep (a loop?)");
                    }

                    string path = tokens[1].Text;
                    if (!Path.IsPathRooted(path))
                    {
                        path = Path.Combine(Path.GetDirectoryName(at.File) ?? string.Empty, path);
                    }

                    byte[] includedOrigin = tokens.Count == 3 ? ZoneTokens.Name(tokens[2], origin, at) : origin;
                    string text;
                    try
                    {
                        text = _readFile(path);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        throw at.Error($"$INCLUDE {tokens[1].Text}: {e.Message}");
                    }

                    ParseFile(text, path, includedOrigin, depth + 1);

                    // RFC 1035 §5.1: the origin of the including file is unchanged after the included one.
                    return origin;
                }

            default:
                throw at.Error($"unknown directive {tokens[0].Text}");
        }
    }

    private void Record(ZoneEntry entry, byte[] origin, ZoneCursor at)
    {
        IReadOnlyList<ZoneToken> tokens = entry.Tokens;
        int i = 0;
        byte[] owner;
        if (entry.StartsWithBlank)
        {
            owner = _lastOwner ?? throw at.Error("the first record has no owner name");
        }
        else
        {
            owner = ZoneTokens.Name(tokens[0], origin, at);
            i = 1;
        }

        uint? ttl = null;
        DnsClass? dnsClass = null;
        for (int field = 0; field < 2 && i < tokens.Count; field++)
        {
            string word = tokens[i].Text;
            if (ttl is null && ZoneTokens.TryTtl(word, out uint value))
            {
                ttl = value;
                i++;
            }
            else if (dnsClass is null && ZoneTokens.TryClass(word, out DnsClass parsed))
            {
                dnsClass = parsed;
                i++;
            }
        }

        if (i >= tokens.Count)
        {
            throw at.Error("a record without a type");
        }

        if (!ZoneTokens.TryType(tokens[i].Text, out DnsType type))
        {
            throw at.Error($"unknown type '{tokens[i].Text}'");
        }

        if (type is DnsType.OPT or DnsType.ANY or DnsType.AXFR or DnsType.IXFR or DnsType.MAILA or DnsType.MAILB or DnsType.TSIG or DnsType.TKEY)
        {
            throw at.Error($"{DnsText.Type(type)} is a meta-type, not data a zone may hold");
        }

        ZoneToken[] rest = tokens.Skip(i + 1).ToArray();
        byte[] rdata = RDataParser.Parse(type, rest, origin, at);
        if (rdata.Length > ushort.MaxValue)
        {
            throw at.Error($"RDATA of {rdata.Length} octets (at most 65535)");
        }

        if (ttl is null)
        {
            ttl = _defaultTtl ?? _lastTtl;
            if (ttl is null && type == DnsType.SOA)
            {
                // RFC 1035 zones without $TTL: the SOA minimum is the default TTL.
                ttl = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(rdata.AsSpan(rdata.Length - 4));
            }

            if (ttl is null)
            {
                throw at.Error("no TTL: give one, or a $TTL before this record");
            }
        }

        _lastOwner = owner;
        _lastTtl = ttl;
        _lastClass = dnsClass ?? _lastClass;
        _records.Add((new ZoneRecord(owner, type, _lastClass, ttl.Value, rdata), at));
    }
}
