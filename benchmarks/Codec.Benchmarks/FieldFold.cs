using System.Runtime.CompilerServices;

namespace Codec.Benchmarks;

/// <summary>
/// Folds every field of an IPv4 header into one number, the same way for every reader, so that the JIT has to
/// produce each field (it cannot drop a load whose value reaches the benchmark's return value) and every reader
/// pays the same for consuming them.
/// </summary>
internal static class FieldFold
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Fold(
        byte version, byte ihl, byte dscp, byte ecn, ushort totalLength, ushort identification,
        bool dontFragment, bool moreFragments, ushort fragmentOffset, byte ttl, byte protocol,
        ushort headerChecksum, uint source, uint destination)
    {
        ulong a = version
            | ((ulong)ihl << 4)
            | ((ulong)dscp << 8)
            | ((ulong)ecn << 14)
            | ((ulong)totalLength << 16)
            | ((ulong)identification << 32)
            | ((dontFragment ? 1UL : 0UL) << 48)
            | ((moreFragments ? 1UL : 0UL) << 49)
            | ((ulong)fragmentOffset << 50);
        ulong b = ttl
            | ((ulong)protocol << 8)
            | ((ulong)headerChecksum << 16)
            | ((ulong)source << 32);
        return (a * 31) ^ b ^ ((ulong)destination << 7);
    }
}
