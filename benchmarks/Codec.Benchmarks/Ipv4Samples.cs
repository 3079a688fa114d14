using System.Buffers.Binary;

namespace Codec.Benchmarks;

/// <summary>Real IPv4 headers as they appear on the wire, for the read and write benchmarks.</summary>
internal static class Ipv4Samples
{
    /// <summary>
    /// How many headers one benchmark invocation handles. A single 20-byte header takes about as long as
    /// BenchmarkDotNet's own per-invocation overhead, so each invocation reads (or writes) a batch of distinct
    /// headers and reports the time per header (<c>OperationsPerInvoke</c>). Distinct headers also keep the JIT
    /// from hoisting loads of one unchanging header out of the loop.
    /// </summary>
    public const int BatchSize = 32;

    /// <summary>
    /// A TCP SYN from 172.16.10.99 to 172.16.10.12: version 4, IHL 5, total length 60, id 0x1c46, DF, TTL 64,
    /// protocol 6, checksum 0xb1e6 (the classic example of RFC 1071 checksum walk-throughs).
    /// </summary>
    public static ReadOnlySpan<byte> Header =>
    [
        0x45, 0x00, 0x00, 0x3c, 0x1c, 0x46, 0x40, 0x00, 0x40, 0x06, 0xb1, 0xe6,
        0xac, 0x10, 0x0a, 0x63, 0xac, 0x10, 0x0a, 0x0c,
    ];

    /// <summary>
    /// <see cref="BatchSize"/> valid headers back to back: the sample header with the identification, TTL, ECN
    /// and the last octet of the destination varied per header and the header checksum recomputed.
    /// </summary>
    public static byte[] CreateBatch()
    {
        byte[] batch = new byte[BatchSize * 20];
        for (int i = 0; i < BatchSize; i++)
        {
            Span<byte> h = batch.AsSpan(i * 20, 20);
            Header.CopyTo(h);
            h[1] = (byte)(i & 0x3);                                           // ECN
            BinaryPrimitives.WriteUInt16BigEndian(h[4..], (ushort)(0x1c46 + i)); // identification
            h[8] = (byte)(64 - i);                                            // TTL
            h[19] = (byte)(0x0c + i);                                         // destination's last octet
            h[10] = 0;
            h[11] = 0;
            BinaryPrimitives.WriteUInt16BigEndian(h[10..], InternetChecksum.Compute(h));
        }

        return batch;
    }
}
