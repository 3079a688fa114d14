using System.Buffers.Binary;
using System.Globalization;
using Codec.Dns.Zones;
using Codec.Protocols.Dns;

namespace Codec.Dns.Tests;

/// <summary>Builds queries and reads responses for the tests, independently of the code under test's writer.</summary>
internal static class DnsWireHelpers
{
    /// <summary>A query for <paramref name="name"/> (presentation form, case kept) with optional OPT.</summary>
    public static byte[] Query(string name, DnsType type, ushort id = 0x1234, bool rd = true, ushort? udpPayload = null, byte ednsVersion = 0, DnsOpcode opcode = DnsOpcode.Query, DnsClass dnsClass = DnsClass.IN)
    {
        Span<byte> wire = stackalloc byte[255];
        int nameLength = DnsName.TryParse(name, wire).BytesWritten;
        var message = new List<byte>();
        byte[] header = new byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(header, id);
        header[2] = (byte)(((int)opcode << 3) | (rd ? 1 : 0));
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), 1);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(10), (ushort)(udpPayload is null ? 0 : 1));
        message.AddRange(header);
        message.AddRange(wire[..nameLength].ToArray());
        message.Add((byte)((ushort)type >> 8));
        message.Add((byte)type);
        message.Add((byte)((ushort)dnsClass >> 8));
        message.Add((byte)dnsClass);
        if (udpPayload is { } size)
        {
            message.AddRange([0, 0, 41, (byte)(size >> 8), (byte)size, 0, ednsVersion, 0, 0, 0, 0]);
        }

        return [.. message];
    }

    public static DnsReply Read(ReadOnlySpan<byte> response)
    {
        ReadResult result = DnsMessage.TryRead(response, out DnsMessage message);
        Assert.True(result.IsDone, "response does not parse: " + result);
        var reply = new DnsReply
        {
            Id = message.Id,
            Qr = message.Flags.Qr,
            Aa = message.Flags.Aa,
            Tc = message.Flags.Tc,
            Rd = message.Flags.Rd,
            Ra = message.Flags.Ra,
            Rcode = (int)message.Flags.Rcode,
            Length = response.Length,
        };
        foreach (DnsQuestion question in message.Questions)
        {
            reply.Question = question.Name.ToString() + " " + DnsText.Type(question.Type);
        }

        foreach (DnsResourceRecord record in message.Answers)
        {
            reply.Answer.Add(Format(response, record));
        }

        foreach (DnsResourceRecord record in message.Authorities)
        {
            reply.Authority.Add(Format(response, record));
        }

        foreach (DnsResourceRecord record in message.Additionals)
        {
            if (record.Type == DnsType.OPT)
            {
                reply.HasOpt = true;
                reply.OptPayload = (ushort)record.Class;
                reply.Rcode |= (int)(record.Ttl >> 24) << 4;
                continue;
            }

            reply.Additional.Add(Format(response, record));
        }

        return reply;
    }

    private static string Format(ReadOnlySpan<byte> message, DnsResourceRecord record)
    {
        int rdataOffset = record.Name.Offset;
        while (true)
        {
            byte octet = message[rdataOffset];
            if (octet == 0)
            {
                rdataOffset++;
                break;
            }

            if (octet >= 0xC0)
            {
                rdataOffset += 2;
                break;
            }

            rdataOffset += 1 + octet;
        }

        rdataOffset += 10;
        string rdata = record.Type switch
        {
            DnsType.NS or DnsType.CNAME or DnsType.PTR => NameAt(message, rdataOffset),
            DnsType.MX => BinaryPrimitives.ReadUInt16BigEndian(message[rdataOffset..]).ToString(CultureInfo.InvariantCulture) + " " + NameAt(message, rdataOffset + 2),
            DnsType.SOA => SoaAt(message, rdataOffset),
            _ => RDataText.Format(record.Type, record.RData),
        };
        return $"{record.Name.ToString().ToLowerInvariant()} {record.Ttl.ToString(CultureInfo.InvariantCulture)} {DnsText.Type(record.Type)} {rdata}";
    }

    private static string NameAt(ReadOnlySpan<byte> message, int offset)
    {
        Assert.True(DnsName.TryRead(message, offset, out DnsName name, out _));
        return name.ToString().ToLowerInvariant();
    }

    private static string SoaAt(ReadOnlySpan<byte> message, int offset)
    {
        DnsName.TryRead(message, offset, out DnsName mname, out int first);
        DnsName.TryRead(message, offset + first, out DnsName rname, out int second);
        int timers = offset + first + second;
        var values = new string[5];
        for (int i = 0; i < 5; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt32BigEndian(message[(timers + (4 * i))..]).ToString(CultureInfo.InvariantCulture);
        }

        return mname.ToString().ToLowerInvariant() + " " + rname.ToString().ToLowerInvariant() + " " + string.Join(' ', values);
    }
}

/// <summary>A response as the tests look at it: header bits, RCODE (extended included) and each section as text lines.</summary>
internal sealed class DnsReply
{
    public ushort Id { get; init; }

    public bool Qr { get; init; }

    public bool Aa { get; init; }

    public bool Tc { get; init; }

    public bool Rd { get; init; }

    public bool Ra { get; init; }

    public int Rcode { get; set; }

    public int Length { get; init; }

    public string? Question { get; set; }

    public bool HasOpt { get; set; }

    public ushort OptPayload { get; set; }

    public List<string> Answer { get; } = [];

    public List<string> Authority { get; } = [];

    public List<string> Additional { get; } = [];

    public DnsResponseCode Code => (DnsResponseCode)(Rcode & 0xF);
}
