using Codec.Protocols.Dns;

namespace Codec.Dns.Zones;

/// <summary>
/// One resource record of a zone (RFC 1035 §3.2.1): the owner and every name inside <see cref="RData"/> in
/// uncompressed wire form, with the case the zone file gave them.
/// </summary>
/// <param name="Owner">The owner name, uncompressed wire form.</param>
/// <param name="Type">TYPE.</param>
/// <param name="Class">CLASS.</param>
/// <param name="Ttl">TTL in seconds.</param>
/// <param name="RData">RDATA in wire form, names uncompressed.</param>
public sealed record ZoneRecord(byte[] Owner, DnsType Type, DnsClass Class, uint Ttl, byte[] RData)
{
    /// <summary>The record in presentation form (owner, TTL, class, type, RDATA), for logs and tests.</summary>
    public override string ToString() => RDataText.FormatRecord(this);
}
