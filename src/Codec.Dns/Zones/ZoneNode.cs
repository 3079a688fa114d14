using Codec.Protocols.Dns;

namespace Codec.Dns.Zones;

/// <summary>The records of one type at one name (RFC 2181 §5).</summary>
internal sealed class RRSet(DnsType type, ZoneRecord[] records)
{
    public DnsType Type { get; } = type;

    public ZoneRecord[] Records { get; } = records;
}

/// <summary>A name of a zone: its record sets, none for an empty non-terminal (RFC 8020 §2).</summary>
internal sealed class ZoneNode(byte[] owner, RRSet[] sets, bool isApex)
{
    /// <summary>The owner name in wire form, with the zone file's case.</summary>
    public byte[] Owner { get; } = owner;

    public RRSet[] Sets { get; } = sets;

    public bool IsApex { get; } = isApex;

    /// <summary>A zone cut below the apex: NS records here make it a delegation (RFC 1034 §4.2.1).</summary>
    public bool IsDelegation => !IsApex && Find(DnsType.NS) is not null;

    public RRSet? Cname => Find(DnsType.CNAME);

    public RRSet? Find(DnsType type)
    {
        foreach (RRSet set in Sets)
        {
            if (set.Type == type)
            {
                return set;
            }
        }

        return null;
    }
}
