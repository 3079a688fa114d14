using System.Runtime.CompilerServices;
using Codec.Dns;
using Codec.Protocols.Dns;

namespace Codec.Benchmarks;

/// <summary>
/// Our side of the DNS scenario: the generated <see cref="DnsMessage"/> reader (header, sections as
/// <see cref="MessageList{T}"/>, names as <see cref="DnsName"/> views, RDATA as the <see cref="DnsRData"/> union), read
/// in one pass: <see cref="DnsMessage.TryRead{TVisitor}(ReadOnlySpan{byte}, ref TVisitor, out DnsMessage, out int)"/>
/// hands each question and record to a <see cref="DnsMessage.IElementVisitor"/> as it validates it, as a user who
/// consumes every record would write it. The A address and the CNAME target come from the union's typed cases.
/// </summary>
internal static class GeneratedDns
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryRead(ReadOnlySpan<byte> message, ref ulong acc)
    {
        // The header comes first in the fold; the visitor folds the sections after it, in wire order.
        if (message.Length < DnsMessage.MinimumSize)
        {
            return false;
        }

        var header = new DnsMessage.ReadOnlyView(message);
        acc = DnsFold.Header(
            acc, header.Id, DnsFold.Flags(header.Qr, (int)header.Opcode, header.Aa, header.Tc, header.Rd, header.Ra, header.Ad, header.Cd, (int)header.Rcode),
            header.QdCount, header.AnCount, header.NsCount, header.ArCount);
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
                // The union validated the target when the record was read; reading the case cannot fail here.
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
