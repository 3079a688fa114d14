using System.Runtime.CompilerServices;

namespace Codec.Dns;

/// <summary>Octet-level facts of DNS names on the wire, shared by the reader, the formatter and the compressor.</summary>
internal static class DnsWire
{
    //  RFC 1035 §4.1.4: the top two bits of a length octet say what follows.
    //    00 = label of 0-63 octets    11 = pointer: the low 14 bits with the next octet are an offset
    //    01 = extended label type (RFC 6891, deprecated)    10 = reserved
    public const byte LabelTypeMask = 0xC0;
    public const byte PointerTag = 0xC0;

    /// <summary>Pointers carry 14 bits, so only names that start below this offset can be pointed to.</summary>
    public const int PointerLimit = 0x4000;

    /// <summary>The uncompressed root name: one zero octet.</summary>
    public static ReadOnlySpan<byte> RootName => [0];

    /// <summary>RFC 4343: only ASCII letters fold; every other octet stands for itself.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte ToLower(byte b) => (uint)(b - 'A') <= 'Z' - 'A' ? (byte)(b | 0x20) : b;

    /// <summary>Whether two labels are equal, ignoring ASCII case.</summary>
    public static bool LabelEquals(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i] && ToLower(a[i]) != ToLower(b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A case-insensitive FNV-1a step over one label (its length octet first), continuing from <paramref name="hash"/>.</summary>
    public static uint HashLabel(ReadOnlySpan<byte> label, uint hash)
    {
        const uint prime = 16777619;
        hash = (hash ^ (uint)label.Length) * prime;
        foreach (byte b in label)
        {
            hash = (hash ^ ToLower(b)) * prime;
        }

        return hash;
    }

    /// <summary>The FNV-1a offset basis: the hash of the root, which every suffix hash starts from.</summary>
    public const uint RootHash = 2166136261;

    /// <summary>The error offset in bits, saturating for spans too large to express (names in DNS messages never are).</summary>
    public static int BitOffset(int byteOffset) => byteOffset <= int.MaxValue / 8 ? byteOffset * 8 : int.MaxValue & ~7;
}
