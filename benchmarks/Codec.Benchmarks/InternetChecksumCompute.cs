using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace Codec.Benchmarks;

/// <summary>
/// The RFC 1071 checksum of a 1500-byte (Ethernet MTU) payload: a naive loop adding one 16-bit word at a time
/// (baseline) against <see cref="InternetChecksum.Compute"/>, which adds 64 bits per step.
/// Benchmark methods are <c>NoInlining</c> so each is compiled as a unit, like a user's loop over packets, whichever
/// harness calls it (BenchmarkDotNet or <c>--paired</c>): inlined into a harness, the code under test would share that
/// method's inlining budget, and the JIT then leaves calls it otherwise inlines (seen with <c>WireBits.StoreBigEndian</c>).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.CpuBound)]
public class InternetChecksumCompute
{
    private byte[] _data = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = new byte[1500];
        new Random(1071).NextBytes(_data);
        if (NaiveScalar() != RuntimeCompute())
        {
            throw new InvalidOperationException($"Checksums disagree: naive {NaiveScalar():X4}, runtime {RuntimeCompute():X4}.");
        }
    }

    [Benchmark(Baseline = true)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ushort NaiveScalar() => Naive(_data);

    [Benchmark]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ushort RuntimeCompute() => InternetChecksum.Compute(_data);

    /// <summary>RFC 1071 §4.1 as it is usually transcribed: one big-endian 16-bit word per step, then fold.</summary>
    private static ushort Naive(ReadOnlySpan<byte> data)
    {
        ulong sum = 0;
        int i = 0;
        for (; i + 1 < data.Length; i += 2)
        {
            sum += (uint)((data[i] << 8) | data[i + 1]);
        }

        if (i < data.Length)
        {
            sum += (uint)(data[i] << 8);
        }

        while ((sum >> 16) != 0)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}
