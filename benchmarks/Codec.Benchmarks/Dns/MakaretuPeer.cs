using System.Net;
using Makaretu.Dns;

namespace Codec.Benchmarks;

/// <summary>Makaretu.Dns 2.0.1: <c>Message.Read(byte[], int, int)</c> to parse, <c>ToByteArray()</c> to build.</summary>
internal static class MakaretuPeer
{
    private static readonly DomainName s_www = new("www.example.com");
    private static readonly DomainName s_web = new("web.example.com");
    private static readonly IPAddress s_address1 = new(BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(DnsSample.Address1)));
    private static readonly IPAddress s_address2 = new(BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(DnsSample.Address2)));

    public static bool TryRead(byte[] buffer, int offset, int count, ref ulong acc)
    {
        var message = new Message();
        message.Read(buffer, offset, count);
        acc = DnsFold.Header(
            acc, message.Id,
            DnsFold.Flags(message.QR, (int)message.Opcode, message.AA, message.TC, message.RD, message.RA, message.AD, message.CD, (int)message.Status),
            message.Questions.Count, message.Answers.Count, message.AuthorityRecords.Count, message.AdditionalRecords.Count);
        foreach (Question question in message.Questions)
        {
            acc = DnsFold.Question(acc, DnsFold.WireLength(question.Name.Labels), (int)question.Type, (int)question.Class);
        }

        FoldRecords(message.Answers, ref acc);
        FoldRecords(message.AuthorityRecords, ref acc);
        FoldRecords(message.AdditionalRecords, ref acc);
        return true;
    }

    private static void FoldRecords(List<ResourceRecord> records, ref ulong acc)
    {
        foreach (ResourceRecord record in records)
        {
            int name = DnsFold.WireLength(record.Name.Labels);
            if (record is OPTRecord opt)
            {
                acc = DnsFold.Opt(acc, name, opt.RequestorPayloadSize, opt.Version, opt.DO);
                continue;
            }

            acc = DnsFold.Record(acc, name, (int)record.Type, (int)record.Class, (uint)record.TTL.TotalSeconds);
            if (record is ARecord a)
            {
                acc = DnsFold.A(acc, Fold.Address(a.Address));
            }
            else if (record is CNAMERecord cname)
            {
                acc = DnsFold.Cname(acc, DnsFold.WireLength(cname.Target.Labels));
            }
        }
    }

    /// <summary>Builds the sample response as a Makaretu user would, serializes it and copies it into <paramref name="destination"/>.</summary>
    public static int Write(Span<byte> destination, ushort id)
    {
        byte[] bytes = Build(id);
        bytes.CopyTo(destination);
        return bytes.Length;
    }

    /// <summary>Builds and serializes the sample response.</summary>
    public static byte[] Build(ushort id)
    {
        var message = new Message { Id = id, QR = true, RD = true, RA = true };
        message.Questions.Add(new Question { Name = s_www, Type = DnsType.A, Class = DnsClass.IN });
        message.Answers.Add(new CNAMERecord { Name = s_www, Target = s_web, TTL = TimeSpan.FromSeconds(DnsSample.CnameTtl) });
        message.Answers.Add(new ARecord { Name = s_web, Address = s_address1, TTL = TimeSpan.FromSeconds(DnsSample.ATtl) });
        message.Answers.Add(new ARecord { Name = s_web, Address = s_address2, TTL = TimeSpan.FromSeconds(DnsSample.ATtl) });
        message.AdditionalRecords.Add(new OPTRecord { RequestorPayloadSize = DnsSample.UdpPayloadSize, DO = true });
        return message.ToByteArray();
    }
}
