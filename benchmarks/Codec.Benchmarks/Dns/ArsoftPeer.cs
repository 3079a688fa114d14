using System.Linq.Expressions;
using System.Net;
using System.Reflection;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;

namespace Codec.Benchmarks;

/// <summary>
/// ARSoft.Tools.Net 3.6.1: the public <c>DnsMessage.Parse(ArraySegment&lt;byte&gt;)</c> to parse. Building: messages are
/// public to construct, but the encoder (<c>DnsMessageBase.Encode()</c>, returning a public <c>DnsRawPackage</c>) is
/// internal — <c>DnsServer</c> and <c>DnsClient</c> call it before sending — so it is reached through a delegate
/// compiled once.
/// </summary>
internal static class ArsoftPeer
{
    private static readonly DomainName s_www = DomainName.Parse("www.example.com");
    private static readonly DomainName s_web = DomainName.Parse("web.example.com");
    private static readonly IPAddress s_address1 = new(BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(DnsSample.Address1)));
    private static readonly IPAddress s_address2 = new(BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(DnsSample.Address2)));
    private static readonly Func<DnsMessageBase, DnsRawPackage> s_encode;

    static ArsoftPeer()
    {
        MethodInfo encode = typeof(DnsMessageBase).GetMethod("Encode", BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes)
            ?? throw new MissingMethodException("ARSoft.Tools.Net.Dns.DnsMessageBase.Encode()");
        ParameterExpression message = Expression.Parameter(typeof(DnsMessageBase));
        s_encode = Expression.Lambda<Func<DnsMessageBase, DnsRawPackage>>(Expression.Call(message, encode), message).Compile();
    }

    public static bool TryRead(byte[] buffer, int offset, int count, ref ulong acc)
    {
        DnsMessage message = DnsMessage.Parse(new ArraySegment<byte>(buffer, offset, count));
        acc = DnsFold.Header(
            acc, message.TransactionID,
            DnsFold.Flags(!message.IsQuery, (int)message.OperationCode, message.IsAuthoritiveAnswer, message.IsTruncated, message.IsRecursionDesired, message.IsRecursionAllowed, message.IsAuthenticData, message.IsCheckingDisabled, (int)message.ReturnCode),
            message.Questions.Count, message.AnswerRecords.Count, message.AuthorityRecords.Count, message.AdditionalRecords.Count);
        foreach (DnsQuestion question in message.Questions)
        {
            acc = DnsFold.Question(acc, DnsFold.WireLength(question.Name.Labels), (int)question.RecordType, (int)question.RecordClass);
        }

        FoldRecords(message.AnswerRecords, ref acc);
        FoldRecords(message.AuthorityRecords, ref acc);
        FoldRecords(message.AdditionalRecords, ref acc);

        return true;
    }

    private static void FoldRecords(List<DnsRecordBase> records, ref ulong acc)
    {
        foreach (DnsRecordBase record in records)
        {
            if (record is OptRecord opt)
            {
                acc = DnsFold.Opt(acc, DnsFold.WireLength(opt.Name.Labels), opt.UdpPayloadSize, opt.Version, opt.IsDnsSecOk);
                continue;
            }

            acc = DnsFold.Record(acc, DnsFold.WireLength(record.Name.Labels), (int)record.RecordType, (int)record.RecordClass, (uint)record.TimeToLive);
            if (record is ARecord a)
            {
                acc = DnsFold.A(acc, Fold.Address(a.Address));
            }
            else if (record is CNameRecord cname)
            {
                acc = DnsFold.Cname(acc, DnsFold.WireLength(cname.CanonicalName.Labels));
            }
        }
    }

    /// <summary>Builds the sample response as an ARSoft user would, encodes it and copies it into <paramref name="destination"/>.</summary>
    public static int Write(Span<byte> destination, ushort id)
    {
        ArraySegment<byte> bytes = Build(id);
        bytes.AsSpan().CopyTo(destination);
        return bytes.Count;
    }

    /// <summary>Builds and encodes the sample response.</summary>
    public static ArraySegment<byte> Build(ushort id)
    {
        var message = new DnsMessage { TransactionID = id, IsQuery = false, IsRecursionDesired = true, IsRecursionAllowed = true };
        message.Questions.Add(new DnsQuestion(s_www, RecordType.A, RecordClass.INet));
        message.AnswerRecords.Add(new CNameRecord(s_www, DnsSample.CnameTtl, s_web));
        message.AnswerRecords.Add(new ARecord(s_web, DnsSample.ATtl, s_address1));
        message.AnswerRecords.Add(new ARecord(s_web, DnsSample.ATtl, s_address2));
        message.IsEDnsEnabled = true;
        message.EDnsOptions!.UdpPayloadSize = DnsSample.UdpPayloadSize;
        message.EDnsOptions.IsDnsSecOk = true;
        return s_encode(message).ToArraySegment(false);
    }
}
