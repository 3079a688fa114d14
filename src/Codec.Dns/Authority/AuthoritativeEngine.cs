using Codec.Dns.Wire;
using Codec.Dns.Zones;
using Codec.Protocols.Dns;

namespace Codec.Dns.Authority;

/// <summary>
/// Answers a question from zones (RFC 1034 §4.3.2, RFC 1034 §3.6.2, RFC 2308, RFC 4592, RFC 8020): finds the zone,
/// walks down from its apex looking for a zone cut (a referral with glue, not authoritative), then takes the exact
/// name (its records, a CNAME to follow inside the zone, or NODATA), or a wildcard at the closest encloser, or
/// NXDOMAIN. Negative answers carry the SOA in the authority section with the negative TTL. Writes straight into the
/// response and allocates nothing.
/// </summary>
internal static class AuthoritativeEngine
{
    /// <summary>CNAMEs followed in one answer at most; a longer chain (or a loop) is answered as far as it went.</summary>
    public const int MaxCnameHops = 12;

    private const int MaxLabels = 128;

    private enum Match
    {
        Exact,
        Wildcard,
        Delegation,
        NxDomain,
    }

    public static AuthoritativeOutcome Answer(ZoneSet zones, DnsName qname, DnsType qtype, ref ResponseWriter writer, out DnsResponseCode rcode, out bool authoritative)
    {
        rcode = DnsResponseCode.NoError;
        authoritative = false;
        Span<byte> name = stackalloc byte[DnsName.MaxWireLength];
        Span<char> key = stackalloc char[DnsName.MaxWireLength + 2];
        Span<int> starts = stackalloc int[MaxLabels + 1];
        int length = qname.CopyUncompressedTo(name);
        NameKey.Write(name[..length], key);
        int labels = NameKey.LabelStarts(name, starts);
        Zone? zone = zones.Find(key[..length], starts, labels, out int apexLabel);
        if (zone is null)
        {
            return AuthoritativeOutcome.NotOurs;
        }

        authoritative = true;
        RRSet? additionalFrom = null;
        for (int hop = 0; hop <= MaxCnameHops; hop++)
        {
            ReadOnlySpan<byte> current = name[..length];
            Match match = Lookup(zone, key[..length], starts, labels, apexLabel, out ZoneNode? node);
            switch (match)
            {
                case Match.Delegation:
                    if (hop > 0)
                    {
                        // A CNAME led below a zone cut: the chain so far is the answer.
                        return Done(ref writer, zone, additionalFrom);
                    }

                    // RFC 1034 §4.3.2 step 3b: a referral; the answer is not authoritative.
                    authoritative = false;
                    RRSet ns = node!.Find(DnsType.NS)!;
                    if (!AddSet(ref writer, DnsSection.Authority, node.Owner, ns))
                    {
                        return AuthoritativeOutcome.Truncated;
                    }

                    AddAddresses(ref writer, zone, ns);
                    return AuthoritativeOutcome.Answered;

                case Match.NxDomain:
                    rcode = DnsResponseCode.NXDomain;
                    return Negative(ref writer, zone);

                default:
                    ZoneNode data = node!;
                    RRSet? cname = data.Cname;
                    if (cname is not null && qtype != DnsType.CNAME)
                    {
                        ZoneRecord record = cname.Records[0];
                        if (!writer.TryAdd(DnsSection.Answer, current, record.Type, record.Class, record.Ttl, record.RData))
                        {
                            return AuthoritativeOutcome.Truncated;
                        }

                        // Follow the target while it is in this zone (RFC 1034 §4.3.2 step 3a).
                        byte[] target = record.RData;
                        target.CopyTo(name);
                        length = target.Length;
                        NameKey.Write(name[..length], key);
                        labels = NameKey.LabelStarts(name, starts);
                        apexLabel = labels - LabelCount(zone.Origin);
                        if (apexLabel < 0 || !key[starts[apexLabel]..length].SequenceEqual(zone.OriginKey))
                        {
                            return Done(ref writer, zone, additionalFrom);
                        }

                        continue;
                    }

                    if (qtype == DnsType.ANY)
                    {
                        if (data.Sets.Length == 0)
                        {
                            return Negative(ref writer, zone);
                        }

                        foreach (RRSet set in data.Sets)
                        {
                            if (!AddSet(ref writer, DnsSection.Answer, current, set))
                            {
                                return AuthoritativeOutcome.Truncated;
                            }
                        }

                        return Done(ref writer, zone, null);
                    }

                    RRSet? answer = data.Find(qtype);
                    if (answer is null)
                    {
                        // NODATA (RFC 2308 §2.2): the name exists, the type does not; empty non-terminals too.
                        return Negative(ref writer, zone);
                    }

                    if (!AddSet(ref writer, DnsSection.Answer, current, answer))
                    {
                        return AuthoritativeOutcome.Truncated;
                    }

                    additionalFrom = qtype is DnsType.NS or DnsType.MX or DnsType.SRV ? answer : null;
                    return Done(ref writer, zone, additionalFrom);
            }
        }

        return Done(ref writer, zone, null);
    }

    private static AuthoritativeOutcome Done(ref ResponseWriter writer, Zone zone, RRSet? additionalFrom)
    {
        if (additionalFrom is not null)
        {
            AddAddresses(ref writer, zone, additionalFrom);
        }

        return AuthoritativeOutcome.Answered;
    }

    private static AuthoritativeOutcome Negative(ref ResponseWriter writer, Zone zone)
    {
        ZoneRecord soa = zone.Soa;
        return writer.TryAdd(DnsSection.Authority, soa.Owner, soa.Type, soa.Class, zone.NegativeTtl, soa.RData)
            ? AuthoritativeOutcome.Answered
            : AuthoritativeOutcome.Truncated;
    }

    private static Match Lookup(Zone zone, ReadOnlySpan<char> key, ReadOnlySpan<int> starts, int labels, int apexLabel, out ZoneNode? node)
    {
        node = zone.Apex;
        int closest = apexLabel;
        for (int j = apexLabel - 1; j >= 0; j--)
        {
            ZoneNode? next = zone.Find(key[starts[j]..]);
            if (next is null)
            {
                break;
            }

            node = next;
            closest = j;
            if (next.IsDelegation)
            {
                return Match.Delegation;
            }
        }

        if (closest == 0)
        {
            return Match.Exact;
        }

        // RFC 4592 §3.3.1: the source of synthesis is the wildcard child of the closest encloser.
        ReadOnlySpan<char> encloser = key[starts[closest]..];
        Span<char> wildcard = stackalloc char[encloser.Length + 2];
        wildcard[0] = (char)1;
        wildcard[1] = '*';
        encloser.CopyTo(wildcard[2..]);
        ZoneNode? source = zone.Find(wildcard);
        if (source is not null && !source.IsDelegation)
        {
            node = source;
            return Match.Wildcard;
        }

        node = null;
        return Match.NxDomain;
    }

    private static bool AddSet(ref ResponseWriter writer, DnsSection section, scoped ReadOnlySpan<byte> owner, RRSet set)
    {
        foreach (ZoneRecord record in set.Records)
        {
            if (!writer.TryAdd(section, owner, record.Type, record.Class, record.Ttl, record.RData))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Additional section processing (RFC 1034 §4.3.2 step 6, RFC 9471 for glue): A and AAAA of the names an NS, MX or
    /// SRV set points to, when they are in this zone. What does not fit is left out.
    /// </summary>
    private static void AddAddresses(ref ResponseWriter writer, Zone zone, RRSet from)
    {
        Span<char> key = stackalloc char[DnsName.MaxWireLength];
        foreach (ZoneRecord record in from.Records)
        {
            int offset = record.Type switch
            {
                DnsType.MX => 2,
                DnsType.SRV => 6,
                _ => 0,
            };
            if (record.RData.Length <= offset)
            {
                continue;
            }

            ReadOnlySpan<byte> target = record.RData.AsSpan(offset);
            NameKey.Write(target, key);
            ZoneNode? node = zone.Find(key[..target.Length]);
            if (node is null)
            {
                continue;
            }

            RRSet? v4 = node.Find(DnsType.A);
            RRSet? v6 = node.Find(DnsType.AAAA);
            if ((v4 is not null && !AddSet(ref writer, DnsSection.Additional, node.Owner, v4))
                || (v6 is not null && !AddSet(ref writer, DnsSection.Additional, node.Owner, v6)))
            {
                return;
            }
        }
    }

    private static int LabelCount(ReadOnlySpan<byte> wire)
    {
        int count = 0;
        for (int at = 0; wire[at] != 0; at += 1 + wire[at])
        {
            count++;
        }

        return count;
    }
}
