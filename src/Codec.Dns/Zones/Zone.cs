using System.Buffers.Binary;
using Codec.Protocols.Dns;

namespace Codec.Dns.Zones;

/// <summary>
/// An authoritative zone, immutable once built: its origin, its SOA, and every name of the zone (empty non-terminals
/// included) in a table looked up by span, so that answering allocates nothing.
/// </summary>
public sealed class Zone
{
    private readonly Dictionary<string, ZoneNode> _nodes;
    private readonly Dictionary<string, ZoneNode>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private Zone(byte[] origin, ZoneRecord soa, Dictionary<string, ZoneNode> nodes, IReadOnlyList<ZoneRecord> records)
    {
        Origin = origin;
        Soa = soa;
        _nodes = nodes;
        _lookup = nodes.GetAlternateLookup<ReadOnlySpan<char>>();
        Records = records;
        DnsName.TryRead(origin, 0, out DnsName name, out _);
        OriginText = name.ToString();
        OriginKey = NameKey.Of(origin);
        Apex = nodes[OriginKey];
        uint minimum = BinaryPrimitives.ReadUInt32BigEndian(soa.RData.AsSpan(soa.RData.Length - 4));
        NegativeTtl = Math.Min(soa.Ttl, minimum);
    }

    /// <summary>The origin (apex) in uncompressed wire form.</summary>
    public byte[] Origin { get; }

    /// <summary>The origin in presentation form, e.g. <c>example.com.</c>.</summary>
    public string OriginText { get; }

    /// <summary>The SOA record at the apex.</summary>
    public ZoneRecord Soa { get; }

    /// <summary>Every record, in zone file order.</summary>
    public IReadOnlyList<ZoneRecord> Records { get; }

    /// <summary>The TTL of negative answers: the smaller of the SOA's TTL and its MINIMUM field (RFC 2308 §5).</summary>
    public uint NegativeTtl { get; }

    /// <summary>The number of names, empty non-terminals included.</summary>
    public int NameCount => _nodes.Count;

    internal string OriginKey { get; }

    internal ZoneNode Apex { get; }

    internal ZoneNode? Find(ReadOnlySpan<char> key) => _lookup.TryGetValue(key, out ZoneNode? node) ? node : null;

    /// <summary>
    /// Builds a zone from records: exactly one SOA, at <paramref name="origin"/>; every owner at or below the origin;
    /// no CNAME beside other data (RFC 1034 §3.6.2). Returns the zone or, through <paramref name="error"/>, the first
    /// rule broken and the record's position.
    /// </summary>
    internal static Zone? Build(byte[] origin, List<(ZoneRecord Record, ZoneCursor At)> records, ZoneCursor whole, out ZoneFileError? error)
    {
        error = null;
        string originKey = NameKey.Of(origin);
        var byName = new Dictionary<string, List<ZoneRecord>>(StringComparer.Ordinal);
        var owners = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var firstSeen = new Dictionary<string, ZoneCursor>(StringComparer.Ordinal);
        ZoneRecord? soa = null;
        Span<int> starts = stackalloc int[128];
        foreach ((ZoneRecord record, ZoneCursor at) in records)
        {
            string key = NameKey.Of(record.Owner);
            if (!key.EndsWith(originKey, StringComparison.Ordinal) || !IsLabelBoundary(record.Owner, record.Owner.Length - origin.Length))
            {
                error = at.Error($"{Format(record.Owner)} is outside the zone {Format(origin)}").Error;
                return null;
            }

            if (record.Type == DnsType.SOA)
            {
                if (key != originKey)
                {
                    error = at.Error($"SOA at {Format(record.Owner)}, not at the origin {Format(origin)}").Error;
                    return null;
                }

                if (soa is not null)
                {
                    error = at.Error("a second SOA record").Error;
                    return null;
                }

                soa = record;
            }

            if (!byName.TryGetValue(key, out List<ZoneRecord>? list))
            {
                byName[key] = list = [];
                owners[key] = record.Owner;
                firstSeen[key] = at;
            }

            if (list.Any(r => r.Type == record.Type && r.RData.AsSpan().SequenceEqual(record.RData)))
            {
                continue; // RFC 2181 §5: an RRset has no duplicates.
            }

            bool cnameClash = record.Type == DnsType.CNAME ? list.Count > 0 : list.Any(r => r.Type == DnsType.CNAME);
            if (cnameClash)
            {
                error = at.Error($"{Format(record.Owner)} has a CNAME and other data (RFC 1034 §3.6.2)").Error;
                return null;
            }

            list.Add(record);
        }

        if (soa is null)
        {
            error = whole.Error($"no SOA record at the origin {Format(origin)}").Error;
            return null;
        }

        var nodes = new Dictionary<string, ZoneNode>(StringComparer.Ordinal);
        foreach ((string key, List<ZoneRecord> list) in byName)
        {
            RRSet[] sets = list.GroupBy(r => r.Type).Select(g => new RRSet(g.Key, [.. g])).ToArray();
            nodes[key] = new ZoneNode(owners[key], sets, key == originKey);
        }

        // Empty non-terminals: every name between an owner and the origin exists (RFC 8020).
        foreach ((string key, byte[] owner) in owners)
        {
            int labels = NameKey.LabelStarts(owner, starts);
            for (int i = 1; i < labels; i++)
            {
                string ancestor = key[starts[i]..];
                if (ancestor.Length < originKey.Length)
                {
                    break;
                }

                if (!nodes.ContainsKey(ancestor))
                {
                    nodes[ancestor] = new ZoneNode(owner[starts[i]..], [], ancestor == originKey);
                }
            }
        }

        return new Zone(origin, soa, nodes, records.Select(r => r.Record).ToArray());
    }

    private static bool IsLabelBoundary(byte[] owner, int position)
    {
        if (position == 0)
        {
            return true;
        }

        for (int at = 0; at < owner.Length && owner[at] != 0; at += 1 + owner[at])
        {
            if (at == position)
            {
                return true;
            }
        }

        return false;
    }

    internal static string Format(ReadOnlySpan<byte> wire) =>
        DnsName.TryRead(wire, 0, out DnsName name, out _) ? name.ToString() : "(bad name)";
}
