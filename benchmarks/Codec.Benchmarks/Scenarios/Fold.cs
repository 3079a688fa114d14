using System.Buffers.Binary;
using System.Net;
using System.Runtime.CompilerServices;

namespace Codec.Benchmarks;

/// <summary>
/// The accumulator every scenario folds the fields it parses into (an FNV-1a-style mix: order-sensitive, one xor and one
/// multiply per field). Every contestant of a scenario folds the same values in the same order, so that the JIT must
/// produce each of them and the contestants' results can be compared for equality in <c>[GlobalSetup]</c>.
/// </summary>
internal static class Fold
{
    /// <summary>The starting value of an accumulator.</summary>
    public const ulong Seed = 0xcbf29ce484222325UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong acc, ulong value) => (acc ^ value) * 0x100000001B3UL;

    /// <summary>The IPv4 header as every contestant sees it: TOS octet, lengths, identification, flags, TTL, protocol, checksum, addresses.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Ipv4(ulong acc, int headerLength, int tos, int totalLength, int identification, int flags, int fragmentOffset, int ttl, int protocol, int checksum, uint source, uint destination)
    {
        acc = Mix(acc, (ulong)(uint)headerLength | ((ulong)(uint)tos << 8) | ((ulong)(uint)totalLength << 16) | ((ulong)(uint)identification << 32) | ((ulong)(uint)flags << 48));
        acc = Mix(acc, (ulong)(uint)fragmentOffset | ((ulong)(uint)ttl << 16) | ((ulong)(uint)protocol << 24) | ((ulong)(uint)checksum << 32));
        return Mix(acc, ((ulong)source << 32) | destination);
    }

    /// <summary>The four UDP header fields.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Udp(ulong acc, int sourcePort, int destinationPort, int length, int checksum) =>
        Mix(acc, (ulong)(uint)sourcePort | ((ulong)(uint)destinationPort << 16) | ((ulong)(uint)length << 32) | ((ulong)(uint)checksum << 48));

    /// <summary>An IPv4 address held in an <see cref="IPAddress"/>, as a big-endian number, without allocating.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Address(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        return address.TryWriteBytes(bytes, out int written) && written == 4 ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : 0;
    }
}
