using Codec.Dns.Zones;

namespace Codec.Dns.Authority;

/// <summary>The zones a server is authoritative for, immutable: a reload builds a new set and swaps it in whole.</summary>
public sealed class ZoneSet
{
    private readonly Dictionary<string, Zone> _byOrigin;
    private readonly Dictionary<string, Zone>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Creates a set; a later zone with the same origin replaces an earlier one.</summary>
    public ZoneSet(IEnumerable<Zone> zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        _byOrigin = new Dictionary<string, Zone>(StringComparer.Ordinal);
        foreach (Zone zone in zones)
        {
            _byOrigin[zone.OriginKey] = zone;
        }

        _lookup = _byOrigin.GetAlternateLookup<ReadOnlySpan<char>>();
        Zones = [.. _byOrigin.Values];
    }

    /// <summary>No zones.</summary>
    public static ZoneSet Empty { get; } = new([]);

    /// <summary>The zones.</summary>
    public IReadOnlyList<Zone> Zones { get; }

    /// <summary>
    /// The zone closest to the name whose key is <paramref name="key"/> with labels at <paramref name="starts"/>: the
    /// deepest origin that is a suffix. <paramref name="apexLabel"/> is the index of the label the origin starts at.
    /// </summary>
    internal Zone? Find(ReadOnlySpan<char> key, ReadOnlySpan<int> starts, int labels, out int apexLabel)
    {
        for (int i = 0; i <= labels; i++)
        {
            if (_lookup.TryGetValue(key[starts[i]..], out Zone? zone))
            {
                apexLabel = i;
                return zone;
            }
        }

        apexLabel = -1;
        return null;
    }
}
