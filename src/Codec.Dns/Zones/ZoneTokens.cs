using System.Globalization;
using System.Text;
using Codec.Protocols.Dns;

namespace Codec.Dns.Zones;

/// <summary>Conversions of single zone file words: names, TTLs, numbers, classes, types, character-strings.</summary>
internal static class ZoneTokens
{
    /// <summary>A name relative to <paramref name="origin"/> (<c>@</c> is the origin itself), in uncompressed wire form.</summary>
    public static byte[] Name(ZoneToken token, byte[] origin, ZoneCursor at)
    {
        if (token.Text == "@")
        {
            return origin;
        }

        Span<byte> wire = stackalloc byte[DnsName.MaxWireLength];
        WriteResult result = DnsName.TryParse(token.Text, origin, wire);
        if (!result.IsDone)
        {
            throw at.Error($"bad domain name '{token.Text}': {result.Error.Kind}");
        }

        return wire[..result.BytesWritten].ToArray();
    }

    /// <summary>A TTL: seconds, or BIND's units (<c>1w2d3h4m5s</c>), at most 2^31 - 1 (RFC 2181 §8).</summary>
    public static bool TryTtl(string text, out uint seconds)
    {
        seconds = 0;
        if (text.Length == 0 || !char.IsAsciiDigit(text[0]))
        {
            return false;
        }

        ulong total = 0;
        ulong current = 0;
        bool unitSeen = false;
        bool digits = false;
        foreach (char c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                current = (current * 10) + (ulong)(c - '0');
                digits = true;
                if (current > int.MaxValue)
                {
                    return false;
                }

                continue;
            }

            ulong unit = char.ToLowerInvariant(c) switch
            {
                's' => 1,
                'm' => 60,
                'h' => 3600,
                'd' => 86400,
                'w' => 604800,
                _ => 0,
            };
            if (unit == 0 || !digits)
            {
                return false;
            }

            total += current * unit;
            current = 0;
            digits = false;
            unitSeen = true;
        }

        if (digits)
        {
            if (unitSeen)
            {
                return false;
            }

            total += current;
        }

        if (total > int.MaxValue)
        {
            return false;
        }

        seconds = (uint)total;
        return true;
    }

    public static uint Ttl(ZoneToken token, ZoneCursor at) =>
        TryTtl(token.Text, out uint ttl) ? ttl : throw at.Error($"bad TTL '{token.Text}'");

    public static ulong Number(ZoneToken token, ulong max, string what, ZoneCursor at)
    {
        if (!ulong.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value) || value > max)
        {
            throw at.Error($"bad {what} '{token.Text}' (a number from 0 to {max})");
        }

        return value;
    }

    public static bool TryClass(string text, out DnsClass dnsClass)
    {
        dnsClass = default;
        if (text.Equals("IN", StringComparison.OrdinalIgnoreCase))
        {
            dnsClass = DnsClass.IN;
            return true;
        }

        if (text.Equals("CH", StringComparison.OrdinalIgnoreCase))
        {
            dnsClass = DnsClass.CH;
            return true;
        }

        if (text.Equals("HS", StringComparison.OrdinalIgnoreCase))
        {
            dnsClass = DnsClass.HS;
            return true;
        }

        if (text.StartsWith("CLASS", StringComparison.OrdinalIgnoreCase)
            && ushort.TryParse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out ushort number))
        {
            dnsClass = (DnsClass)number;
            return true;
        }

        return false;
    }

    /// <summary>A type mnemonic (RFC 1035) or RFC 3597's TYPEnnn; false for words that are neither.</summary>
    public static bool TryType(string text, out DnsType type)
    {
        type = default;
        if (text.StartsWith("TYPE", StringComparison.OrdinalIgnoreCase) && text.Length > 4
            && ushort.TryParse(text.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out ushort number))
        {
            type = (DnsType)number;
            return true;
        }

        if (text.Length == 0 || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        return Enum.TryParse(text, ignoreCase: true, out type) && Enum.IsDefined(type) && !int.TryParse(text, out _);
    }

    /// <summary>A &lt;character-string&gt; (RFC 1035 §5.1) with its escapes resolved: at most 255 octets.</summary>
    public static byte[] CharacterString(ZoneToken token, ZoneCursor at, int max = 255)
    {
        var octets = new List<byte>(token.Text.Length);
        string text = token.Text;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\')
            {
                if (i + 1 >= text.Length)
                {
                    throw at.Error("a backslash at the end of a string");
                }

                char next = text[i + 1];
                if (char.IsAsciiDigit(next))
                {
                    if (i + 3 >= text.Length || !char.IsAsciiDigit(text[i + 2]) || !char.IsAsciiDigit(text[i + 3]))
                    {
                        throw at.Error($"bad escape in '{text}': \\DDD needs three digits");
                    }

                    int value = ((next - '0') * 100) + ((text[i + 2] - '0') * 10) + (text[i + 3] - '0');
                    if (value > 255)
                    {
                        throw at.Error($"bad escape in '{text}': \\{value} is over 255");
                    }

                    octets.Add((byte)value);
                    i += 3;
                }
                else
                {
                    AppendUtf8(octets, next);
                    i++;
                }
            }
            else
            {
                AppendUtf8(octets, c);
            }
        }

        if (octets.Count > max)
        {
            throw at.Error($"character-string of {octets.Count} octets (at most {max})");
        }

        return [.. octets];
    }

    private static void AppendUtf8(List<byte> octets, char c)
    {
        if (c < 0x80)
        {
            octets.Add((byte)c);
            return;
        }

        Span<byte> utf8 = stackalloc byte[4];
        int n = Encoding.UTF8.GetBytes([c], utf8);
        foreach (byte b in utf8[..n])
        {
            octets.Add(b);
        }
    }
}
