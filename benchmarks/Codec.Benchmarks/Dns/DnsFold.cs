using System.Runtime.CompilerServices;

namespace Codec.Benchmarks;

/// <summary>
/// What every DNS contestant consumes, in this order: the header (id, flags, four counts); per question the name's
/// uncompressed wire length, type and class; per record the owner's wire length, type, class and TTL and then its
/// RDATA — the address of an A record, the wire length of a CNAME's target (read through its compression pointers);
/// for the OPT pseudo-record the owner, UDP payload size, EDNS version and DO bit. Names are consumed as their wire
/// length because that is what every library produces (as a string, a label list or a view) and must have walked
/// every label and pointer to produce.
/// </summary>
internal static class DnsFold
{
    public const int TypeA = 1;
    public const int TypeCname = 5;
    public const int TypeOpt = 41;

    /// <summary>Z (RFC 1035 §4.1.1) in the flags word: not folded, since not every library keeps it.</summary>
    public const int ZBit = 0x40;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Flags(bool qr, int opcode, bool aa, bool tc, bool rd, bool ra, bool ad, bool cd, int rcode) =>
        (qr ? 0x8000 : 0) | (opcode << 11) | (aa ? 0x400 : 0) | (tc ? 0x200 : 0) | (rd ? 0x100 : 0) | (ra ? 0x80 : 0) | (ad ? 0x20 : 0) | (cd ? 0x10 : 0) | (rcode & 0xF);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Header(ulong acc, int id, int flags, int questions, int answers, int authorities, int additionals)
    {
        acc = Fold.Mix(acc, (ulong)(uint)id | ((ulong)(uint)flags << 16));
        return Fold.Mix(acc, (ulong)(uint)questions | ((ulong)(uint)answers << 16) | ((ulong)(uint)authorities << 32) | ((ulong)(uint)additionals << 48));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Question(ulong acc, int nameWireLength, int type, int @class) =>
        Fold.Mix(acc, (ulong)(uint)nameWireLength | ((ulong)(uint)type << 16) | ((ulong)(uint)@class << 32));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Record(ulong acc, int nameWireLength, int type, int @class, uint ttl) =>
        Fold.Mix(acc, (ulong)(uint)nameWireLength | ((ulong)(uint)type << 8) | ((ulong)(uint)@class << 24) | ((ulong)ttl << 32));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong A(ulong acc, uint address) => Fold.Mix(acc, address);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Cname(ulong acc, int targetWireLength) => Fold.Mix(acc, (ulong)(uint)targetWireLength << 40);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Opt(ulong acc, int nameWireLength, int udpPayloadSize, int version, bool dnssecOk) =>
        Fold.Mix(acc, (ulong)(uint)nameWireLength | ((ulong)(uint)udpPayloadSize << 8) | ((ulong)(uint)version << 24) | (dnssecOk ? 1UL << 40 : 0));

    /// <summary>The uncompressed wire length of a name given in presentation form without escapes ("www.example.com." → 17, "." → 1).</summary>
    public static int WireLength(string presentation)
    {
        if (presentation.Length == 0 || presentation == ".")
        {
            return 1;
        }

        return presentation.Length + (presentation[^1] == '.' ? 1 : 2);
    }

    /// <summary>The uncompressed wire length of a name given as labels (ASCII, no escapes).</summary>
    public static int WireLength(IReadOnlyList<string> labels)
    {
        int length = 1;
        for (int i = 0; i < labels.Count; i++)
        {
            length += 1 + labels[i].Length;
        }

        return length;
    }
}
