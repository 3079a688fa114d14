namespace Codec.Benchmarks;

/// <summary>
/// The fold of the sample response computed from <see cref="DnsSample"/>'s constants, not from bytes: the value every
/// DNS contestant must arrive at, so that they cannot all agree on a wrong reading.
/// </summary>
internal static class DnsExpected
{
    public static ulong Message(ulong acc, ushort id)
    {
        acc = DnsFold.Header(acc, id, 0x8180, 1, 3, 0, 1);
        acc = DnsFold.Question(acc, 17, DnsFold.TypeA, 1);
        acc = DnsFold.Record(acc, 17, DnsFold.TypeCname, 1, DnsSample.CnameTtl);
        acc = DnsFold.Cname(acc, 17);
        acc = DnsFold.Record(acc, 17, DnsFold.TypeA, 1, DnsSample.ATtl);
        acc = DnsFold.A(acc, DnsSample.Address1);
        acc = DnsFold.Record(acc, 17, DnsFold.TypeA, 1, DnsSample.ATtl);
        acc = DnsFold.A(acc, DnsSample.Address2);
        return DnsFold.Opt(acc, 1, DnsSample.UdpPayloadSize, 0, true);
    }
}
