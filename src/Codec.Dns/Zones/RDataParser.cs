using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Codec.Protocols.Dns;

namespace Codec.Dns.Zones;

/// <summary>
/// Converts the RDATA words of a zone file entry to wire form: A (RFC 1035 §3.4.1), AAAA (RFC 3596), NS, CNAME, PTR,
/// MX, SOA, TXT (RFC 1035 §3.3), SRV (RFC 2782), CAA (RFC 8659 §4.1), and any type in RFC 3597's <c>\# length hex</c>.
/// Names are completed with the origin and stay uncompressed.
/// </summary>
internal static class RDataParser
{
    public static byte[] Parse(DnsType type, ReadOnlySpan<ZoneToken> words, byte[] origin, ZoneCursor at)
    {
        if (words.Length > 0 && words[0].Text == "\\#" && !words[0].Quoted)
        {
            return Generic(words[1..], at);
        }

        switch (type)
        {
            case DnsType.A:
                Expect(words, 1, "A", at);
                return Address(words[0], AddressFamily.InterNetwork, at);
            case DnsType.AAAA:
                Expect(words, 1, "AAAA", at);
                return Address(words[0], AddressFamily.InterNetworkV6, at);
            case DnsType.NS or DnsType.CNAME or DnsType.PTR:
                Expect(words, 1, type.ToString(), at);
                return ZoneTokens.Name(words[0], origin, at);
            case DnsType.MX:
                {
                    Expect(words, 2, "MX (preference, exchange)", at);
                    ushort preference = (ushort)ZoneTokens.Number(words[0], ushort.MaxValue, "MX preference", at);
                    byte[] exchange = ZoneTokens.Name(words[1], origin, at);
                    return [.. U16(preference), .. exchange];
                }

            case DnsType.SOA:
                {
                    Expect(words, 7, "SOA (mname, rname, serial, refresh, retry, expire, minimum)", at);
                    byte[] mname = ZoneTokens.Name(words[0], origin, at);
                    byte[] rname = ZoneTokens.Name(words[1], origin, at);
                    uint serial = (uint)ZoneTokens.Number(words[2], uint.MaxValue, "SOA serial", at);
                    var timers = new List<byte>(20);
                    timers.AddRange(U32(serial));
                    for (int i = 3; i < 7; i++)
                    {
                        timers.AddRange(U32(ZoneTokens.Ttl(words[i], at)));
                    }

                    return [.. mname, .. rname, .. timers];
                }

            case DnsType.TXT or DnsType.SPF:
                {
                    if (words.Length == 0)
                    {
                        throw at.Error("TXT needs at least one character-string");
                    }

                    var data = new List<byte>();
                    foreach (ZoneToken word in words)
                    {
                        byte[] text = ZoneTokens.CharacterString(word, at);
                        data.Add((byte)text.Length);
                        data.AddRange(text);
                    }

                    return [.. data];
                }

            case DnsType.SRV:
                {
                    Expect(words, 4, "SRV (priority, weight, port, target)", at);
                    ushort priority = (ushort)ZoneTokens.Number(words[0], ushort.MaxValue, "SRV priority", at);
                    ushort weight = (ushort)ZoneTokens.Number(words[1], ushort.MaxValue, "SRV weight", at);
                    ushort port = (ushort)ZoneTokens.Number(words[2], ushort.MaxValue, "SRV port", at);
                    byte[] target = ZoneTokens.Name(words[3], origin, at);
                    return [.. U16(priority), .. U16(weight), .. U16(port), .. target];
                }

            case DnsType.CAA:
                {
                    Expect(words, 3, "CAA (flags, tag, value)", at);
                    byte flags = (byte)ZoneTokens.Number(words[0], byte.MaxValue, "CAA flags", at);
                    string tag = words[1].Text;
                    if (tag.Length is 0 or > 15 || !tag.All(char.IsAsciiLetterOrDigit))
                    {
                        throw at.Error($"bad CAA tag '{tag}' (1 to 15 letters and digits)");
                    }

                    byte[] value = ZoneTokens.CharacterString(words[2], at, max: ushort.MaxValue);
                    return [flags, (byte)tag.Length, .. System.Text.Encoding.ASCII.GetBytes(tag), .. value];
                }

            default:
                throw at.Error($"type {DnsText.Type(type)} is not supported in presentation form; write its RDATA as \\# length hex (RFC 3597)");
        }
    }

    private static byte[] Generic(ReadOnlySpan<ZoneToken> words, ZoneCursor at)
    {
        if (words.Length == 0)
        {
            throw at.Error("\\# needs the RDATA length");
        }

        int length = (int)ZoneTokens.Number(words[0], ushort.MaxValue, "RDATA length", at);
        string hex = string.Concat(words[1..].ToArray().Select(w => w.Text));
        byte[] data;
        try
        {
            data = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw at.Error($"bad hex in \\# RDATA '{hex}'");
        }

        if (data.Length != length)
        {
            throw at.Error($"\\# RDATA says {length} octets but has {data.Length}");
        }

        return data;
    }

    private static byte[] Address(ZoneToken word, AddressFamily family, ZoneCursor at)
    {
        string text = word.Text;
        bool ok = IPAddress.TryParse(text, out IPAddress? address) && address.AddressFamily == family;
        if (ok && family == AddressFamily.InterNetwork)
        {
            // IPAddress accepts "1" or "1.2"; a zone file wants four decimal parts.
            ok = text.Split('.').Length == 4 && text.All(c => char.IsAsciiDigit(c) || c == '.');
        }

        if (!ok || (family == AddressFamily.InterNetworkV6 && text.Contains('%', StringComparison.Ordinal)))
        {
            throw at.Error($"bad {(family == AddressFamily.InterNetwork ? "IPv4" : "IPv6")} address '{text}'");
        }

        return address!.GetAddressBytes();
    }

    private static void Expect(ReadOnlySpan<ZoneToken> words, int count, string what, ZoneCursor at)
    {
        if (words.Length != count)
        {
            throw at.Error($"{what} needs {count} field{(count == 1 ? string.Empty : "s")}, found {words.Length}");
        }
    }

    private static byte[] U16(ushort value)
    {
        byte[] bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] U32(uint value)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
