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

    /// <summary>Throws unless every contestant's result equals <paramref name="expected"/>.</summary>
    public static void Agree(string scenario, ulong expected, params (string Name, ulong Value)[] results)
    {
        foreach (var (name, value) in results)
        {
            if (value != expected)
            {
                throw new InvalidOperationException(
                    $"{scenario}: {name} folds to {value:X16}, expected {expected:X16} (" + string.Join(", ", results.Select(r => $"{r.Name} {r.Value:X16}")) + ").");
            }
        }
    }
}
