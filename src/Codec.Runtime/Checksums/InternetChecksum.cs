using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Codec;

/// <summary>
/// The Internet checksum (RFC 1071): the 16-bit one's complement of the one's complement sum of 16-bit words; the
/// TCP/UDP pseudo-headers it covers (RFC 768, RFC 9293 §3.1, RFC 8200 §8.1); and the incremental update of RFC 1624
/// for rewriting fields in place.
/// </summary>
/// <remarks>
/// <para>
/// A <em>partial sum</em> (the <see cref="ulong"/> that <see cref="Add"/>, <see cref="PseudoHeaderSum(IPv4Address, IPv4Address, byte, int)"/>
/// and <see cref="Scalar.Add"/> return) stands for the one's complement sum of big-endian 16-bit words: it is
/// congruent to that sum modulo 0xFFFF and is zero only if every word added was zero, so that <see cref="Fold"/> gives
/// exactly the checksum of the words. Partial sums can be added together with <c>+</c>.
/// </para>
/// <para>
/// From 128 bytes on, <see cref="Add"/> uses <see cref="Vector256"/> where the hardware accelerates it (AVX2),
/// <see cref="Vector128"/> where only that is (SSE2, Arm64 AdvSIMD), and otherwise, as for shorter data, the scalar
/// loop of <see cref="Scalar.Add"/> (the baseline it is benchmarked against). All sum native-order words and swap
/// the bytes of the folded result, which RFC 1071 §2(B) shows is the same as summing big-endian words; all give
/// bit-for-bit the same partial sums.
/// </para>
/// </remarks>
public static class InternetChecksum
{
    /// <summary>The most bytes a vector kernel sums at once, so that its 32-bit lanes cannot overflow (see the comment on the kernels).</summary>
    private const int ChunkBytes = 64 * 1024;

    /// <summary>
    /// From this length <see cref="Add"/> uses a vector kernel, if accelerated. Below it the kernels' fixed cost (tail
    /// mask, horizontal sum) outweighs what they save: measured on x86-64 (AMD EPYC, AVX-512; best of 60 interleaved
    /// rounds), the scalar loop wins up to 96 bytes, ties at about 112, and loses from 128 on, by 10% there.
    /// </summary>
    private const int VectorThreshold = 128;

    /// <summary>
    /// Adds <paramref name="data"/> to a running partial sum (RFC 1071 §4.1; an odd final byte is padded with zero),
    /// vectorized from 128 bytes on. Feed consecutive pieces of the covered data, each starting at an even offset
    /// of it (so only the last piece may have an odd length), then <see cref="Fold"/>. Any alignment in memory is fine.
    /// </summary>
    /// <param name="partial">The sum so far: 0, a previous result, or a <see cref="PseudoHeaderSum(IPv4Address, IPv4Address, byte, int)"/>.</param>
    /// <param name="data">The next piece of the covered data.</param>
    /// <returns>The partial sum including <paramref name="data"/>.</returns>
    public static ulong Add(ulong partial, ReadOnlySpan<byte> data) =>
        IsLong(data.Length)
            ? partial + ToNetworkOrder(SumLong(ref MemoryMarshal.GetReference(data), data.Length))
            : partial + ToNetworkOrder(SumScalar(ref MemoryMarshal.GetReference(data), data.Length));

    /// <summary>Folds a partial sum to 16 bits and complements it: the value to put in a checksum field.</summary>
    /// <param name="sum">A partial sum (see <see cref="Add"/>).</param>
    /// <returns>The one's complement of the 16-bit one's complement sum; 0xFFFF for a sum of zero.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort Fold(ulong sum)
    {
        sum = (sum >> 32) + (sum & 0xFFFF_FFFF);
        sum = (sum >> 32) + (sum & 0xFFFF_FFFF);
        sum = (sum >> 16) + (sum & 0xFFFF);
        sum = (sum >> 16) + (sum & 0xFFFF);
        sum = (sum >> 16) + (sum & 0xFFFF);
        return (ushort)~sum;
    }

    /// <summary>The checksum of <paramref name="data"/> (with its checksum field, if it has one, set to zero).</summary>
    /// <param name="data">The covered data.</param>
    /// <returns>The value to put in the checksum field.</returns>
    public static ushort Compute(ReadOnlySpan<byte> data) =>
        IsLong(data.Length) ? ComputeLong(data) : (ushort)~ToNetworkOrder(SumScalar(ref MemoryMarshal.GetReference(data), data.Length));

    /// <summary>Whether data that includes its checksum field sums to zero (RFC 1071 §1, verification).</summary>
    /// <param name="data">The covered data, checksum field included.</param>
    /// <returns><see langword="true"/> if the checksum verifies.</returns>
    public static bool IsValid(ReadOnlySpan<byte> data) => Compute(data) == 0;

    /// <summary>
    /// The partial sum of the IPv4 pseudo-header that the TCP and UDP checksums cover (RFC 768, RFC 9293 §3.1):
    /// source address, destination address, a zero byte, the protocol and the 16-bit TCP/UDP length.
    /// </summary>
    /// <param name="source">The IPv4 source address.</param>
    /// <param name="destination">The IPv4 destination address.</param>
    /// <param name="protocol">The protocol number (6 for TCP, 17 for UDP).</param>
    /// <param name="length">The segment length: header plus data (for UDP, the value of its length field).</param>
    /// <returns>A partial sum to pass to <see cref="Add"/> together with the segment.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative or above 65535.</exception>
    public static ulong PseudoHeaderSum(IPv4Address source, IPv4Address destination, byte protocol, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, ushort.MaxValue);

        // 32-bit words are congruent to the sum of their two 16-bit halves modulo 0xFFFF, and zero only if both are.
        return (ulong)source.Value + destination.Value + protocol + (uint)length;
    }

    /// <summary>
    /// The partial sum of the IPv6 pseudo-header that upper-layer checksums cover (RFC 8200 §8.1): the 16-byte source
    /// and destination addresses (the final destination if there is a Routing header), the 32-bit upper-layer packet
    /// length, three zero bytes and the next header value of the upper-layer protocol.
    /// </summary>
    /// <param name="source">The IPv6 source address.</param>
    /// <param name="destination">The final IPv6 destination address.</param>
    /// <param name="nextHeader">The upper-layer protocol (6 for TCP, 17 for UDP, 58 for ICMPv6), not an extension header.</param>
    /// <param name="length">The upper-layer packet length: header plus data (for UDP, the value of its length field).</param>
    /// <returns>A partial sum to pass to <see cref="Add"/> together with the upper-layer packet.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public static ulong PseudoHeaderSum(IPv6Address source, IPv6Address destination, byte nextHeader, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return SumOf(source.Upper) + SumOf(source.Lower) + SumOf(destination.Upper) + SumOf(destination.Lower)
            + nextHeader + (uint)length;

        static ulong SumOf(ulong half) => (half >> 32) + (uint)half;
    }

    /// <summary>
    /// The TCP or UDP checksum of <paramref name="segment"/> over IPv4: pseudo-header plus segment. The segment's
    /// checksum field must be zero. For UDP, write <see cref="ForUdp"/> of the result.
    /// </summary>
    /// <param name="source">The IPv4 source address.</param>
    /// <param name="destination">The IPv4 destination address.</param>
    /// <param name="protocol">The protocol number (6 for TCP, 17 for UDP).</param>
    /// <param name="segment">Header and data, exactly as long as the length the pseudo-header carries (for UDP, sliced to its length field).</param>
    /// <returns>The value to put in the checksum field.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="segment"/> is longer than 65535 bytes.</exception>
    public static ushort ComputeTransport(IPv4Address source, IPv4Address destination, byte protocol, ReadOnlySpan<byte> segment) =>
        Fold(Add(PseudoHeaderSum(source, destination, protocol, segment.Length), segment));

    /// <summary>
    /// The TCP, UDP or ICMPv6 checksum of <paramref name="segment"/> over IPv6: pseudo-header plus upper-layer packet.
    /// The checksum field must be zero. For UDP, write <see cref="ForUdp"/> of the result.
    /// </summary>
    /// <param name="source">The IPv6 source address.</param>
    /// <param name="destination">The final IPv6 destination address.</param>
    /// <param name="nextHeader">The upper-layer protocol (6 for TCP, 17 for UDP, 58 for ICMPv6).</param>
    /// <param name="segment">Header and data, exactly as long as the length the pseudo-header carries (for UDP, sliced to its length field).</param>
    /// <returns>The value to put in the checksum field.</returns>
    public static ushort ComputeTransport(IPv6Address source, IPv6Address destination, byte nextHeader, ReadOnlySpan<byte> segment) =>
        Fold(Add(PseudoHeaderSum(source, destination, nextHeader, segment.Length), segment));

    /// <summary>
    /// Whether a TCP or UDP segment over IPv4, checksum field included, verifies against its pseudo-header. A UDP
    /// checksum field of zero means "no checksum" (RFC 768): check for it first, since this method would answer
    /// <see langword="false"/>.
    /// </summary>
    /// <param name="source">The IPv4 source address.</param>
    /// <param name="destination">The IPv4 destination address.</param>
    /// <param name="protocol">The protocol number (6 for TCP, 17 for UDP).</param>
    /// <param name="segment">Header and data (for UDP, sliced to its length field; Ethernet padding excluded).</param>
    /// <returns><see langword="true"/> if the checksum verifies.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="segment"/> is longer than 65535 bytes.</exception>
    public static bool IsValidTransport(IPv4Address source, IPv4Address destination, byte protocol, ReadOnlySpan<byte> segment) =>
        ComputeTransport(source, destination, protocol, segment) == 0;

    /// <summary>
    /// Whether a TCP, UDP or ICMPv6 packet over IPv6, checksum field included, verifies against its pseudo-header. Over
    /// IPv6 a zero UDP checksum is not "no checksum" but invalid (RFC 8200 §8.1), and this method says so.
    /// </summary>
    /// <param name="source">The IPv6 source address.</param>
    /// <param name="destination">The final IPv6 destination address.</param>
    /// <param name="nextHeader">The upper-layer protocol (6 for TCP, 17 for UDP, 58 for ICMPv6).</param>
    /// <param name="segment">Header and data (for UDP, sliced to its length field).</param>
    /// <returns><see langword="true"/> if the checksum verifies.</returns>
    public static bool IsValidTransport(IPv6Address source, IPv6Address destination, byte nextHeader, ReadOnlySpan<byte> segment) =>
        ComputeTransport(source, destination, nextHeader, segment) == 0;

    /// <summary>
    /// The value to transmit in a UDP checksum field: a computed checksum of 0x0000 is sent as 0xFFFF (RFC 768,
    /// RFC 8200 §8.1), the other representation of zero in one's complement, because 0x0000 in that field means
    /// "no checksum" over IPv4 (and is invalid over IPv6). Receivers verify either form alike.
    /// </summary>
    /// <param name="checksum">A checksum from <see cref="ComputeTransport(IPv4Address, IPv4Address, byte, ReadOnlySpan{byte})"/>, its IPv6 overload or <see cref="Update(ushort, ushort, ushort)"/>.</param>
    /// <returns><paramref name="checksum"/>, or 0xFFFF if it is 0x0000.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort ForUdp(ushort checksum) => checksum == 0 ? (ushort)0xFFFF : checksum;

    /// <summary>
    /// RFC 1624 eqn. 3: the new checksum after a 16-bit word covered by <paramref name="checksum"/> changed from
    /// <paramref name="oldWord"/> to <paramref name="newWord"/>: HC' = ~(~HC + ~m + m').
    /// </summary>
    /// <remarks>
    /// One's complement has two zeros, 0x0000 (+0) and 0xFFFF (-0). Eqn. 3 equals recomputation with
    /// <see cref="Compute"/> whenever the covered data, checksum field excluded, still has a non-zero word; in
    /// particular where the sum becomes -0 it rightly gives 0x0000 where RFC 1141's eqn. 2 gave 0xFFFF (RFC 1624 §4).
    /// The one difference: if the new data is all zeros, <see cref="Compute"/> gives 0xFFFF (~(+0)) but eqn. 3 gives
    /// 0x0000, which does not verify. That cannot happen to IP headers (the version is non-zero) nor to TCP/UDP (the
    /// pseudo-header holds the protocol) (RFC 1624 §3). For UDP, write <see cref="ForUdp"/> of the result, and leave a
    /// UDP checksum of 0 ("none") alone.
    /// </remarks>
    /// <param name="checksum">The checksum field's current value.</param>
    /// <param name="oldWord">The 16-bit word before the change.</param>
    /// <param name="newWord">The 16-bit word after the change.</param>
    /// <returns>The new value of the checksum field.</returns>
    public static ushort Update(ushort checksum, ushort oldWord, ushort newWord)
    {
        uint sum = (uint)(ushort)~checksum + (ushort)~oldWord + newWord;
        sum = (sum >> 16) + (sum & 0xFFFF);
        sum += sum >> 16;
        return (ushort)~sum;
    }

    /// <summary>RFC 1624 eqn. 3 for a 32-bit value (an IPv4 address) that changed; see <see cref="Update(ushort, ushort, ushort)"/>.</summary>
    /// <param name="checksum">The checksum field's current value.</param>
    /// <param name="oldValue">The 32-bit value before the change, at an even offset of the covered data.</param>
    /// <param name="newValue">The 32-bit value after the change.</param>
    /// <returns>The new value of the checksum field.</returns>
    public static ushort Update(ushort checksum, uint oldValue, uint newValue) =>
        Update(Update(checksum, (ushort)(oldValue >> 16), (ushort)(newValue >> 16)), (ushort)oldValue, (ushort)newValue);

    /// <summary>
    /// RFC 1624 eqn. 3 for a field of any even length (an IPv6 address, a port pair, a whole header) changed in place at
    /// an even offset of the covered data: HC' = ~(~HC + Σ~m + Σm'). Gives exactly what applying
    /// <see cref="Update(ushort, ushort, ushort)"/> word by word gives, with the same -0/+0 behaviour (see there).
    /// </summary>
    /// <param name="checksum">The checksum field's current value.</param>
    /// <param name="oldBytes">The field's bytes before the change.</param>
    /// <param name="newBytes">The field's bytes after the change: as many as <paramref name="oldBytes"/>.</param>
    /// <returns>The new value of the checksum field.</returns>
    /// <exception cref="ArgumentException">The lengths differ or are odd.</exception>
    public static ushort Update(ushort checksum, ReadOnlySpan<byte> oldBytes, ReadOnlySpan<byte> newBytes)
    {
        if (oldBytes.Length != newBytes.Length)
        {
            throw new ArgumentException($"The old and new fields differ in length ({oldBytes.Length} and {newBytes.Length} bytes).", nameof(newBytes));
        }

        if ((oldBytes.Length & 1) != 0)
        {
            throw new ArgumentException($"A field updated in place must have an even length, not {oldBytes.Length} bytes.", nameof(oldBytes));
        }

        // 32-bit words: ~old32 is ~m_hi:~m_lo, congruent to their sum and zero only if both are, so the sum below has
        // the value and the zero-ness of eqn. 3 applied word by word, and Fold gives the same result.
        ulong sum = (ushort)~checksum;
        int i = 0;
        for (; i + 4 <= oldBytes.Length; i += 4)
        {
            sum += (ulong)~BinaryPrimitives.ReadUInt32BigEndian(oldBytes[i..]) + BinaryPrimitives.ReadUInt32BigEndian(newBytes[i..]);
        }

        if (i < oldBytes.Length)
        {
            sum += (ulong)(ushort)~BinaryPrimitives.ReadUInt16BigEndian(oldBytes[i..]) + BinaryPrimitives.ReadUInt16BigEndian(newBytes[i..]);
        }

        return Fold(sum);
    }

    /// <summary>
    /// The portable scalar implementation: 8 bytes per step into 64-bit accumulators, no vector instructions. It is
    /// the baseline the vectorized <see cref="InternetChecksum.Add"/> is tested and benchmarked against; both give the
    /// same partial sums.
    /// </summary>
    public static class Scalar
    {
        /// <summary>
        /// Adds <paramref name="data"/> to a running partial sum without vector instructions; the same contract and
        /// result as <see cref="InternetChecksum.Add"/> (pieces at even offsets of the covered data).
        /// </summary>
        /// <param name="partial">The sum so far.</param>
        /// <param name="data">The next piece of the covered data.</param>
        /// <returns>The partial sum including <paramref name="data"/>.</returns>
        public static ulong Add(ulong partial, ReadOnlySpan<byte> data) =>
            partial + ToNetworkOrder(SumScalar(ref MemoryMarshal.GetReference(data), data.Length));

        /// <summary>The checksum of <paramref name="data"/>, computed without vector instructions.</summary>
        /// <param name="data">The covered data.</param>
        /// <returns>The value to put in the checksum field.</returns>
        public static ushort Compute(ReadOnlySpan<byte> data) =>
            (ushort)~ToNetworkOrder(SumScalar(ref MemoryMarshal.GetReference(data), data.Length));
    }

    /// <summary><see cref="Add"/> through the <see cref="Vector128"/> kernel from 16 bytes on, accelerated or not (for tests and benchmarks).</summary>
    internal static ulong AddVector128(ulong partial, ReadOnlySpan<byte> data)
    {
        ref byte p = ref MemoryMarshal.GetReference(data);
        int length = data.Length;
        ulong native = 0;
        while (length > ChunkBytes)
        {
            native += SumVector128(ref p, ChunkBytes);
            p = ref Unsafe.Add(ref p, ChunkBytes);
            length -= ChunkBytes;
        }

        native += length >= Vector128<byte>.Count ? SumVector128(ref p, length) : SumScalar(ref p, length);
        return partial + ToNetworkOrder(native);
    }

    /// <summary><see cref="Add"/> through the <see cref="Vector256"/> kernel from 32 bytes on, accelerated or not (for tests and benchmarks).</summary>
    internal static ulong AddVector256(ulong partial, ReadOnlySpan<byte> data)
    {
        ref byte p = ref MemoryMarshal.GetReference(data);
        int length = data.Length;
        ulong native = 0;
        while (length > ChunkBytes)
        {
            native += SumVector256(ref p, ChunkBytes);
            p = ref Unsafe.Add(ref p, ChunkBytes);
            length -= ChunkBytes;
        }

        native += length >= Vector256<byte>.Count ? SumVector256(ref p, length) : SumScalar(ref p, length);
        return partial + ToNetworkOrder(native);
    }

    /// <summary>
    /// Whether data of this length takes the vector kernels (which handle any length in <see cref="ChunkBytes"/>
    /// chunks); below <see cref="VectorThreshold"/>, or without acceleration, the scalar loop, inlined in the caller.
    /// The hardware test folds to a constant when the JIT compiles the caller.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLong(int length) =>
        (Vector128.IsHardwareAccelerated && length >= VectorThreshold) || length > ChunkBytes;

    /// <summary><see cref="Compute"/> for long data, apart so that the short path needs no stack frame.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ushort ComputeLong(ReadOnlySpan<byte> data) =>
        (ushort)~ToNetworkOrder(SumLong(ref MemoryMarshal.GetReference(data), data.Length)); // = Fold(Add(0, data))

    /// <summary>
    /// Sum of native-order words, <see cref="ChunkBytes"/> at a time, each chunk through the widest accelerated vector
    /// kernel (from <see cref="VectorThreshold"/> bytes: a short last chunk takes the scalar loop).
    /// </summary>
    private static ulong SumLong(ref byte p, int length)
    {
        ulong sum = 0;
        while (length > ChunkBytes)
        {
            sum += SumChunk(ref p, ChunkBytes);
            p = ref Unsafe.Add(ref p, ChunkBytes);
            length -= ChunkBytes;
        }

        return sum + SumChunk(ref p, length);

        static ulong SumChunk(ref byte p, int length)
        {
            if (Vector256.IsHardwareAccelerated && length >= VectorThreshold)
            {
                return SumVector256(ref p, length);
            }

            if (Vector128.IsHardwareAccelerated && length >= VectorThreshold)
            {
                return SumVector128(ref p, length);
            }

            return SumScalar(ref p, length);
        }
    }

    /// <summary>
    /// Turns a sum of native-order 16-bit words into a partial sum of big-endian words: fold to 16 bits with end-around
    /// carry, then swap the two bytes on a little-endian machine (RFC 1071 §2(B)). A non-zero sum folds to 1..0xFFFF,
    /// never 0, so zero-ness is kept.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ToNetworkOrder(ulong native)
    {
        native = (native >> 32) + (native & 0xFFFF_FFFF); // < 2^33
        native = (native >> 16) + (native & 0xFFFF);       // < 2^18
        native = (native >> 16) + (native & 0xFFFF);       // <= 0x10002
        native = (native >> 16) + (native & 0xFFFF);       // <= 0xFFFF
        return BitConverter.IsLittleEndian ? ((native >> 8) | (native << 8)) & 0xFFFF : native;
    }

    /// <summary>The native-order word of an odd final byte: the byte comes first in memory, padded with a zero byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong OddByte(byte b) => BitConverter.IsLittleEndian ? b : (ulong)b << 8;

    /// <summary>Sum of native-order 16-bit words, 8 bytes per step (32-bit halves into 64 bits cannot overflow for 2^31 bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SumScalar(ref byte p, int length)
    {
        ulong s0 = 0, s1 = 0;
        nuint i = 0;
        nuint n = (nuint)length;
        for (; i + 16 <= n; i += 16)
        {
            ulong a = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, i));
            ulong b = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, i + 8));
            s0 += (a >> 32) + (uint)a;
            s1 += (b >> 32) + (uint)b;
        }

        if (i + 8 <= n)
        {
            ulong a = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, i));
            s0 += (a >> 32) + (uint)a;
            i += 8;
        }

        if (i + 4 <= n)
        {
            s1 += Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref p, i));
            i += 4;
        }

        if (i + 2 <= n)
        {
            s0 += Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref p, i));
            i += 2;
        }

        if (i < n)
        {
            s1 += OddByte(Unsafe.Add(ref p, i));
        }

        return s0 + s1;
    }

    // The vector kernels sum native-order 16-bit words in 32-bit lanes, 3 instructions per vector and no shuffles:
    // each lane x = lo + (hi << 16) is added to T (wrapping) and x >> 16 = hi to H. H = Σhi exactly and
    // T - (H << 16) = Σlo exactly (modulo 2^32, and Σlo < 2^32), so T - (H << 16) + H = Σlo + Σhi, the lane's sum of
    // 16-bit words. A kernel takes at most ChunkBytes = 64 KiB, so each lane adds up at most 4096 vectors (16-byte
    // kernel, tail included; 2048 in the 32-byte one): Σlo + Σhi <= 2 * 4096 * 0xFFFF < 2^29, and the sum of the 4
    // lanes (8 lanes of half as much) < 2^31 fits the 32 bits of Vector128.Sum. The even tail is one more vector
    // loaded so that it ends at the end of the data, its first bytes (already summed) masked off; an odd final byte is
    // added apart.

    /// <summary>Sum of native-order 16-bit words of 32 to <see cref="ChunkBytes"/> bytes, 32 bytes per vector.</summary>
    private static ulong SumVector256(ref byte p, int length)
    {
        Debug.Assert(length >= Vector256<byte>.Count && length <= ChunkBytes);
        ulong odd = 0;
        if ((length & 1) != 0)
        {
            length--;
            odd = OddByte(Unsafe.Add(ref p, length));
        }

        nuint n = (nuint)length; // even, >= 32
        nuint i = 0;
        Vector256<uint> t0 = Vector256<uint>.Zero, h0 = Vector256<uint>.Zero;
        Vector256<uint> t1 = Vector256<uint>.Zero, h1 = Vector256<uint>.Zero;
        for (; i + 128 <= n; i += 128)
        {
            Vector256<uint> v0 = Vector256.LoadUnsafe(ref p, i).AsUInt32();
            Vector256<uint> v1 = Vector256.LoadUnsafe(ref p, i + 32).AsUInt32();
            Vector256<uint> v2 = Vector256.LoadUnsafe(ref p, i + 64).AsUInt32();
            Vector256<uint> v3 = Vector256.LoadUnsafe(ref p, i + 96).AsUInt32();
            t0 += v0;
            h0 += Vector256.ShiftRightLogical(v0, 16);
            t1 += v1;
            h1 += Vector256.ShiftRightLogical(v1, 16);
            t0 += v2;
            h0 += Vector256.ShiftRightLogical(v2, 16);
            t1 += v3;
            h1 += Vector256.ShiftRightLogical(v3, 16);
        }

        for (; i + 32 <= n; i += 32)
        {
            Vector256<uint> v = Vector256.LoadUnsafe(ref p, i).AsUInt32();
            t0 += v;
            h0 += Vector256.ShiftRightLogical(v, 16);
        }

        if (i < n)
        {
            int rest = (int)(n - i); // even, 2..30
            Vector256<byte> mask = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(TailMask), (nuint)rest);
            Vector256<uint> v = (Vector256.LoadUnsafe(ref p, n - 32) & mask).AsUInt32();
            t1 += v;
            h1 += Vector256.ShiftRightLogical(v, 16);
        }

        Vector256<uint> t = t0 + t1;
        Vector256<uint> h = h0 + h1;
        return odd + Vector256.Sum(t - Vector256.ShiftLeft(h, 16) + h);
    }

    /// <summary>Sum of native-order 16-bit words of 16 to <see cref="ChunkBytes"/> bytes, 16 bytes per vector.</summary>
    private static ulong SumVector128(ref byte p, int length)
    {
        Debug.Assert(length >= Vector128<byte>.Count && length <= ChunkBytes);
        ulong odd = 0;
        if ((length & 1) != 0)
        {
            length--;
            odd = OddByte(Unsafe.Add(ref p, length));
        }

        nuint n = (nuint)length; // even, >= 16
        nuint i = 0;
        Vector128<uint> t0 = Vector128<uint>.Zero, h0 = Vector128<uint>.Zero;
        Vector128<uint> t1 = Vector128<uint>.Zero, h1 = Vector128<uint>.Zero;
        for (; i + 64 <= n; i += 64)
        {
            Vector128<uint> v0 = Vector128.LoadUnsafe(ref p, i).AsUInt32();
            Vector128<uint> v1 = Vector128.LoadUnsafe(ref p, i + 16).AsUInt32();
            Vector128<uint> v2 = Vector128.LoadUnsafe(ref p, i + 32).AsUInt32();
            Vector128<uint> v3 = Vector128.LoadUnsafe(ref p, i + 48).AsUInt32();
            t0 += v0;
            h0 += Vector128.ShiftRightLogical(v0, 16);
            t1 += v1;
            h1 += Vector128.ShiftRightLogical(v1, 16);
            t0 += v2;
            h0 += Vector128.ShiftRightLogical(v2, 16);
            t1 += v3;
            h1 += Vector128.ShiftRightLogical(v3, 16);
        }

        for (; i + 16 <= n; i += 16)
        {
            Vector128<uint> v = Vector128.LoadUnsafe(ref p, i).AsUInt32();
            t0 += v;
            h0 += Vector128.ShiftRightLogical(v, 16);
        }

        if (i < n)
        {
            int rest = (int)(n - i); // even, 2..14
            Vector128<byte> mask = Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(TailMask), (nuint)(16 + rest));
            Vector128<uint> v = (Vector128.LoadUnsafe(ref p, n - 16) & mask).AsUInt32();
            t1 += v;
            h1 += Vector128.ShiftRightLogical(v, 16);
        }

        Vector128<uint> t = t0 + t1;
        Vector128<uint> h = h0 + h1;
        return odd + Vector128.Sum(t - Vector128.ShiftLeft(h, 16) + h);
    }

    /// <summary>
    /// 32 zero bytes then 32 0xFF bytes: the 32 bytes from offset k (the 16 bytes from offset 16 + k) keep the last k
    /// bytes of a vector and clear the others.
    /// </summary>
    private static ReadOnlySpan<byte> TailMask =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    ];
}
