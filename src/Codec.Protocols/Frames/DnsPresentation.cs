using System.Globalization;
using System.Text;
using Codec.Protocols.Dns;

namespace Codec.Protocols.Frames;

/// <summary>
/// A record's RDATA in dig's presentation form (RFC 1035 §5.1 master-file syntax as BIND prints it), from the typed
/// RDATA union: names with their trailing dot, TXT and CAA values quoted with <c>\"</c>, <c>\\</c> and <c>\DDD</c>
/// escapes, and RFC 3597 §5's <c>\# length hex</c> for types without a case (or RDATA that does not read as its type).
/// </summary>
internal static class DnsPresentation
{
    /// <summary>The presentation form of <paramref name="record"/>'s RDATA.</summary>
    public static string Data(DnsResourceRecord record)
    {
        DnsRData data = record.RData;
        if (data.TryGetA(out DnsAData a))
        {
            return a.Address.ToString();
        }

        if (data.TryGetAaaa(out DnsAaaaData aaaa))
        {
            return aaaa.Address.ToString();
        }

        if (data.TryGetNs(out DnsNameData name) || data.TryGetCname(out name) || data.TryGetPtr(out name))
        {
            return name.Target.ToString();
        }

        if (data.TryGetMx(out DnsMxData mx))
        {
            return Invariant($"{mx.Preference} {mx.Exchange.ToString()}");
        }

        if (data.TryGetTxt(out DnsTxtData txt))
        {
            var text = new StringBuilder();
            foreach (DnsCharacterString s in txt.Strings)
            {
                Quoted(text.Append(text.Length == 0 ? string.Empty : " "), s.Text);
            }

            return text.ToString();
        }

        if (data.TryGetSoa(out DnsSoaData soa))
        {
            return Invariant($"{soa.MName.ToString()} {soa.RName.ToString()} {soa.Serial} {soa.Refresh} {soa.Retry} {soa.Expire} {soa.Minimum}");
        }

        if (data.TryGetSrv(out DnsSrvData srv))
        {
            return Invariant($"{srv.Priority} {srv.Weight} {srv.Port} {srv.Target.ToString()}");
        }

        if (data.TryGetCaa(out DnsCaaData caa))
        {
            var text = new StringBuilder(Invariant($"{caa.Flags} "));
            foreach (byte octet in caa.Tag)
            {
                text.Append((char)octet);
            }

            return Quoted(text.Append(' '), caa.Value).ToString();
        }

        if (data.TryGetOpt(out DnsOptData opt))
        {
            return Opt(record, opt);
        }

        ReadOnlySpan<byte> raw = data.Bytes;
        return raw.IsEmpty ? "\\# 0" : Invariant($"\\# {raw.Length} {DissectionText.Hex(raw)}");
    }

    /// <summary>
    /// OPT (RFC 6891 §6.1.3) as dig's OPT PSEUDOSECTION says it on one line: version, flags and UDP payload size from
    /// the record's TTL and CLASS, then each option as <c>NAME: hex</c> (dig's <c>OPT=code</c> for unknown codes).
    /// </summary>
    private static string Opt(DnsResourceRecord record, DnsOptData opt)
    {
        uint ttl = record.Ttl;
        var text = new StringBuilder(Invariant($"version: {(ttl >> 16) & 0xff}, flags:{((ttl & 0x8000) != 0 ? " do" : string.Empty)}; udp: {(ushort)record.Class}"));
        if (ttl >> 24 != 0)
        {
            text.Append(Invariant($"; extended rcode: {ttl >> 24}"));
        }

        foreach (OptionEntry option in opt.Options)
        {
            string name = option.Kind switch
            {
                3 => "NSID",
                8 => "CLIENT-SUBNET",
                10 => "COOKIE",
                11 => "TCP-KEEPALIVE",
                12 => "PADDING",
                15 => "EDE",
                _ => Invariant($"OPT={option.Kind}"),
            };
            text.Append("; ").Append(name).Append(": ").Append(DissectionText.Hex(option.Value));
        }

        return text.ToString();
    }

    /// <summary>A character-string in quotes as dig writes it: <c>"</c> and <c>\</c> escaped, other octets outside 0x20–0x7E as <c>\DDD</c>.</summary>
    private static StringBuilder Quoted(StringBuilder text, ReadOnlySpan<byte> octets)
    {
        text.Append('"');
        foreach (byte octet in octets)
        {
            if (octet is (byte)'"' or (byte)'\\')
            {
                text.Append('\\').Append((char)octet);
            }
            else if (octet is < 0x20 or > 0x7e)
            {
                text.Append('\\').Append(octet.ToString("D3", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append((char)octet);
            }
        }

        return text.Append('"');
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
