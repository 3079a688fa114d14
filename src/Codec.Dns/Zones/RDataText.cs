using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;
using Codec.Protocols.Dns;

namespace Codec.Dns.Zones;

/// <summary>RDATA in presentation form as dig prints it, for the types zones hold; others as RFC 3597's <c>\# n hex</c>.</summary>
public static class RDataText
{
    /// <summary>A record as one zone file line: <c>owner TTL class type rdata</c>.</summary>
    public static string FormatRecord(ZoneRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return string.Create(CultureInfo.InvariantCulture, $"{Zone.Format(record.Owner)} {record.Ttl} {DnsText.Class(record.Class)} {DnsText.Type(record.Type)} {Format(record.Type, record.RData)}");
    }

    /// <summary>RDATA of <paramref name="type"/> (names uncompressed) in presentation form.</summary>
    public static string Format(DnsType type, ReadOnlySpan<byte> rdata)
    {
        try
        {
            string? text = type switch
            {
                DnsType.A when rdata.Length == 4 => new IPAddress(rdata).ToString(),
                DnsType.AAAA when rdata.Length == 16 => new IPAddress(rdata).ToString(),
                DnsType.NS or DnsType.CNAME or DnsType.PTR => Name(rdata, 0, out _),
                DnsType.MX when rdata.Length > 2 => Invariant(BinaryPrimitives.ReadUInt16BigEndian(rdata)) + " " + Name(rdata, 2, out _),
                DnsType.SOA => Soa(rdata),
                DnsType.TXT or DnsType.SPF => Strings(rdata),
                DnsType.SRV when rdata.Length > 6 => string.Join(' ', Invariant(BinaryPrimitives.ReadUInt16BigEndian(rdata)), Invariant(BinaryPrimitives.ReadUInt16BigEndian(rdata[2..])), Invariant(BinaryPrimitives.ReadUInt16BigEndian(rdata[4..])), Name(rdata, 6, out _)),
                DnsType.CAA when rdata.Length >= 2 && rdata.Length >= 2 + rdata[1] => Invariant(rdata[0]) + " " + Encoding.ASCII.GetString(rdata.Slice(2, rdata[1])) + " " + Quote(rdata[(2 + rdata[1])..]),
                _ => null,
            };
            if (text is not null)
            {
                return text;
            }
        }
        catch (FormatException)
        {
        }

        return rdata.IsEmpty ? "\\# 0" : $"\\# {rdata.Length.ToString(CultureInfo.InvariantCulture)} {Convert.ToHexString(rdata)}";
    }

    private static string Soa(ReadOnlySpan<byte> rdata)
    {
        string mname = Name(rdata, 0, out int at);
        string rname = Name(rdata, at, out at);
        if (rdata.Length - at != 20)
        {
            throw new FormatException();
        }

        var timers = new string[5];
        for (int i = 0; i < 5; i++)
        {
            timers[i] = Invariant(BinaryPrimitives.ReadUInt32BigEndian(rdata[(at + (4 * i))..]));
        }

        return mname + " " + rname + " " + string.Join(' ', timers);
    }

    private static string Strings(ReadOnlySpan<byte> rdata)
    {
        var parts = new List<string>();
        int at = 0;
        while (at < rdata.Length)
        {
            int length = rdata[at];
            if (at + 1 + length > rdata.Length)
            {
                throw new FormatException();
            }

            parts.Add(Quote(rdata.Slice(at + 1, length)));
            at += 1 + length;
        }

        return string.Join(' ', parts);
    }

    /// <summary>A character-string in quotes, with <c>"</c> and <c>\</c> escaped and non-printable octets as <c>\DDD</c>.</summary>
    public static string Quote(ReadOnlySpan<byte> text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (byte b in text)
        {
            if (b is (byte)'"' or (byte)'\\')
            {
                builder.Append('\\').Append((char)b);
            }
            else if (b is < 0x20 or >= 0x7F)
            {
                builder.Append('\\').Append(((int)b).ToString("D3", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append((char)b);
            }
        }

        return builder.Append('"').ToString();
    }

    private static string Name(ReadOnlySpan<byte> rdata, int offset, out int end)
    {
        if (!DnsName.TryRead(rdata, offset, out DnsName name, out int consumed))
        {
            throw new FormatException();
        }

        end = offset + consumed;
        return name.ToString();
    }

    private static string Invariant(uint value) => value.ToString(CultureInfo.InvariantCulture);
}
