using System.Runtime.CompilerServices;
using Codec.Dns;
using Codec.Protocols.Dns;

namespace Codec.Benchmarks;

/// <summary>
/// Our side of the DNS scenario: the generated <see cref="DnsMessage"/> reader (header, sections as
/// <see cref="MessageList{T}"/>, names as <see cref="DnsName"/> views, RDATA as the <see cref="DnsRData"/> union), read
/// in one pass: <see cref="DnsMessage.TryRead{TVisitor}(ReadOnlySpan{byte}, ref TVisitor, out DnsMessage, out int)"/>
/// hands the header, then each question and record to a <see cref="DnsMessage.IElementVisitor"/> as it validates
/// them, as a user who consumes every record would write it. The A address and the CNAME target come from the union's typed cases.
/// </summary>
internal static class GeneratedDns
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryRead(ReadOnlySpan<byte> message, ref ulong acc)
    {
        var folder = new Folder { Acc = acc };
        if (!DnsMessage.TryRead(message, ref folder, out _, out _) || folder.Failed)
        {
            return false;
        }

        acc = folder.Acc;
        return true;
    }

    private struct Folder : DnsMessage.IElementVisitor
    {
        public ulong Acc;
        public bool Failed;

        // The flags are one word (DnsHeaderFlags), taken whole as the hand-written reader takes them: QR … RCODE
        // without Z, the same bits DnsFold.Flags puts together for contestants that hand them over one by one.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void VisitHeader(scoped DnsMessage dns) =>
            Acc = DnsFold.Header(Acc, dns.Id, dns.Flags.Value & ~DnsFold.ZBit, dns.QdCount, dns.AnCount, dns.NsCount, dns.ArCount);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void VisitQuestions(DnsQuestion element) =>
            Acc = DnsFold.Question(Acc, element.Name.WireLength, (int)element.Type, (int)element.Class);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void VisitAnswers(DnsResourceRecord element) => Record(element);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void VisitAuthorities(DnsResourceRecord element) => Record(element);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void VisitAdditionals(DnsResourceRecord element) => Record(element);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Record(DnsResourceRecord record)
        {
            if (record.Type == DnsType.OPT)
            {
                Acc = DnsFold.Opt(Acc, record.Name.WireLength, (int)record.Class, (int)((record.Ttl >> 16) & 0xFF), (record.Ttl & 0x8000) != 0);
                return;
            }

            Acc = DnsFold.Record(Acc, record.Name.WireLength, (int)record.Type, (int)record.Class, record.Ttl);
            if (record.RData.TryGetA(out DnsAData a))
            {
                Acc = DnsFold.A(Acc, a.Address.Value);
            }
            else if (record.Type == DnsType.CNAME)
            {
                // The union validated the target when the record was read and kept what the walk found (the name's
                // memo), so the case is rebuilt without walking the name again; it cannot fail here.
                if (!record.RData.TryGetCname(out DnsNameData target))
                {
                    Failed = true;
                    return;
                }

                Acc = DnsFold.Cname(Acc, target.Target.WireLength);
            }
        }
    }
}
