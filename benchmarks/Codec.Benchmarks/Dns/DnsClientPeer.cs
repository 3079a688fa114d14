using System.Linq.Expressions;
using System.Reflection;
using DnsClient;
using DnsClient.Protocol;
using DnsClient.Protocol.Options;

namespace Codec.Benchmarks;

/// <summary>
/// DnsClient 1.8.0 as a DNS message parser. Its public API cannot parse a message from bytes: <c>LookupClient</c> only
/// parses what it received from a socket, and the parser (<c>DnsMessageHandler.GetResponseMessage(ArraySegment&lt;byte&gt;)</c>,
/// building a <c>DnsResponseMessage</c>) is internal. This class reaches that internal method and the response's
/// getters through delegates compiled once (no reflection per call), so the benchmark times exactly the code
/// <c>LookupClient</c> runs on every UDP answer; the records it yields are the public <see cref="DnsResourceRecord"/> types.
/// </summary>
internal static class DnsClientPeer
{
    private static readonly Func<ArraySegment<byte>, object> s_parse;
    private static readonly Func<object, DnsResponseHeader> s_header;
    private static readonly Func<object, List<DnsQuestion>> s_questions;
    private static readonly Func<object, List<DnsResourceRecord>> s_answers;
    private static readonly Func<object, List<DnsResourceRecord>> s_authorities;
    private static readonly Func<object, List<DnsResourceRecord>> s_additionals;

    static DnsClientPeer()
    {
        Assembly assembly = typeof(LookupClient).Assembly;
        Type handlerType = assembly.GetType("DnsClient.DnsUdpMessageHandler", throwOnError: true)!;
        object handler = Activator.CreateInstance(handlerType, nonPublic: true)!;
        MethodInfo parse = handlerType.GetMethod("GetResponseMessage", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, [typeof(ArraySegment<byte>)])
            ?? throw new MissingMethodException("DnsClient.DnsMessageHandler.GetResponseMessage(ArraySegment<byte>)");
        s_parse = parse.CreateDelegate<Func<ArraySegment<byte>, object>>(handler);

        Type responseType = parse.ReturnType;
        s_header = Getter<DnsResponseHeader>(responseType, "Header");
        s_questions = Getter<List<DnsQuestion>>(responseType, "Questions");
        s_answers = Getter<List<DnsResourceRecord>>(responseType, "Answers");
        s_authorities = Getter<List<DnsResourceRecord>>(responseType, "Authorities");
        s_additionals = Getter<List<DnsResourceRecord>>(responseType, "Additionals");
    }

    private static Func<object, T> Getter<T>(Type type, string property)
    {
        ParameterExpression instance = Expression.Parameter(typeof(object));
        return Expression.Lambda<Func<object, T>>(Expression.Property(Expression.Convert(instance, type), property), instance).Compile();
    }

    public static bool TryRead(byte[] buffer, int offset, int count, ref ulong acc)
    {
        object response = s_parse(new ArraySegment<byte>(buffer, offset, count));
        DnsResponseHeader header = s_header(response);
        acc = DnsFold.Header(
            acc, header.Id,
            DnsFold.Flags(header.HasQuery, (int)header.OPCode, header.HasAuthorityAnswer, header.ResultTruncated, header.RecursionDesired, header.RecursionAvailable, header.IsAuthenticData, header.IsCheckingDisabled, (int)header.ResponseCode),
            header.QuestionCount, header.AnswerCount, header.NameServerCount, header.AdditionalCount);
        foreach (DnsQuestion question in s_questions(response))
        {
            acc = DnsFold.Question(acc, DnsFold.WireLength(question.QueryName.Value), (int)question.QuestionType, (int)question.QuestionClass);
        }

        FoldRecords(s_answers(response), ref acc);
        FoldRecords(s_authorities(response), ref acc);
        FoldRecords(s_additionals(response), ref acc);
        return true;
    }

    private static void FoldRecords(List<DnsResourceRecord> records, ref ulong acc)
    {
        foreach (DnsResourceRecord record in records)
        {
            int name = DnsFold.WireLength(record.DomainName.Value);
            if (record is OptRecord opt)
            {
                acc = DnsFold.Opt(acc, name, (ushort)opt.UdpSize, opt.Version, opt.IsDnsSecOk);
                continue;
            }

            acc = DnsFold.Record(acc, name, (int)record.RecordType, (int)record.RecordClass, (uint)record.InitialTimeToLive);
            if (record is ARecord a)
            {
                acc = DnsFold.A(acc, Fold.Address(a.Address));
            }
            else if (record is CNameRecord cname)
            {
                acc = DnsFold.Cname(acc, DnsFold.WireLength(cname.CanonicalName.Value));
            }
        }
    }
}
