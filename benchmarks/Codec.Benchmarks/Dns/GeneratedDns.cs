using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Codec.Dns;
using Codec.Protocols.Dns;

namespace Codec.Benchmarks;

/// <summary>
/// Our side of the DNS scenario: the generated <see cref="DnsMessage"/> reader (header, sections as
/// <see cref="MessageList{T}"/>, names as <see cref="DnsName"/> views) and, because RDATA is raw bytes today, the A
/// address read from RDATA and the CNAME target read with <see cref="DnsName.TryRead(ReadOnlySpan{byte}, int, out DnsName, out int)"/>
/// against the whole message. When typed RDATA lands, <see cref="FoldRecords"/> is the one method to switch.
/// </summary>
internal static class GeneratedDns
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryRead(ReadOnlySpan<byte> message, ref ulong acc)
    {
        if (!DnsMessage.TryRead(message, out DnsMessage dns, out _))
        {
            return false;
        }

        acc = DnsFold.Header(
            acc, dns.Id, DnsFold.Flags(dns.Qr, (int)dns.Opcode, dns.Aa, dns.Tc, dns.Rd, dns.Ra, dns.Ad, dns.Cd, (int)dns.Rcode),
            dns.QdCount, dns.AnCount, dns.NsCount, dns.ArCount);
        foreach (DnsQuestion question in dns.Questions)
        {
            acc = DnsFold.Question(acc, question.Name.WireLength, (int)question.Type, (int)question.Class);
        }

        return FoldRecords(message, dns.Answers, ref acc) && FoldRecords(message, dns.Authorities, ref acc) && FoldRecords(message, dns.Additionals, ref acc);
    }

    private static bool FoldRecords(ReadOnlySpan<byte> message, MessageList<DnsResourceRecord> records, ref ulong acc)
    {
        foreach (DnsResourceRecord record in records)
        {
            if (record.Type == DnsType.OPT)
            {
                acc = DnsFold.Opt(acc, record.Name.WireLength, (int)record.Class, (int)((record.Ttl >> 16) & 0xFF), (record.Ttl & 0x8000) != 0);
                continue;
            }

            acc = DnsFold.Record(acc, record.Name.WireLength, (int)record.Type, (int)record.Class, record.Ttl);
            if (record.Type == DnsType.A && record.RData.Length == 4)
            {
                acc = DnsFold.A(acc, BinaryPrimitives.ReadUInt32BigEndian(record.RData));
            }
            else if (record.Type == DnsType.CNAME)
            {
                // RDATA is a slice of the message: its offset there is where the target name starts.
                if (!message.Overlaps(record.RData, out int offset)
                    || !DnsName.TryRead(message, offset, out DnsName target, out int consumed)
                    || consumed != record.RData.Length)
                {
                    return false;
                }

                acc = DnsFold.Cname(acc, target.WireLength);
            }
        }

        return true;
    }
}
