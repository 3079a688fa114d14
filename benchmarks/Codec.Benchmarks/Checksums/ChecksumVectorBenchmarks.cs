using System.Buffers.Binary;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;

namespace Codec.Benchmarks;

/// <summary>
/// The RFC 1071 checksum of one buffer, by size: an IPv4 header (20), a small packet (64), the IPv4 minimum reassembly
/// size (576), the Ethernet MTU (1500) and a jumbo frame (9000). The portable scalar path
/// (<see cref="InternetChecksum.Scalar"/>, the baseline) against each vector kernel on its own and against
/// <see cref="InternetChecksum.Compute"/>, which picks by length (the scalar loop below 128 bytes, from there the
/// widest accelerated kernel); plus, for context, the big-endian scalar loop that
/// <see cref="InternetChecksum.Add"/> used before it summed native-order words (RFC 1071 §2(B)).
/// </summary>
[MemoryDiagnoser]
public class ChecksumVectorBenchmarks
{
    private byte[] _data = null!;

    /// <summary>The buffer length in bytes.</summary>
    [Params(20, 64, 576, 1500, 9000)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = new byte[Length];
        new Random(1071 + Length).NextBytes(_data);
        ushort expected = Scalar();
        foreach (var (name, value) in new[]
        {
            ("Vector128", Vector128Kernel()), ("Vector256", Vector256Kernel()), ("Compute", Compute()), ("PreviousBigEndian", PreviousBigEndian()),
        })
        {
            if (value != expected)
            {
                throw new InvalidOperationException($"{name} gives 0x{value:X4}, the scalar path 0x{expected:X4} ({Length} bytes).");
            }
        }

        Console.WriteLine($"// Vector256 accelerated: {Vector256.IsHardwareAccelerated}, Vector128 accelerated: {Vector128.IsHardwareAccelerated}");
    }

    [Benchmark(Baseline = true)]
    public ushort Scalar() => InternetChecksum.Scalar.Compute(_data);

    [Benchmark]
    public ushort Vector128Kernel() => InternetChecksum.Fold(InternetChecksum.AddVector128(0, _data));

    [Benchmark]
    public ushort Vector256Kernel() => InternetChecksum.Fold(InternetChecksum.AddVector256(0, _data));

    /// <summary>What callers get: the path <see cref="InternetChecksum.Add"/> picks for the length.</summary>
    [Benchmark]
    public ushort Compute() => InternetChecksum.Compute(_data);

    [Benchmark]
    public ushort PreviousBigEndian() => InternetChecksum.Fold(PreviousAdd(0, _data));

    /// <summary>The scalar loop InternetChecksum.Add had before: 8 bytes per step, read big-endian (a byte swap each).</summary>
    private static ulong PreviousAdd(ulong sum, ReadOnlySpan<byte> data)
    {
        int i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            ulong w = BinaryPrimitives.ReadUInt64BigEndian(data.Slice(i, 8));
            sum += (w >> 32) + (uint)w;
        }

        for (; i + 2 <= data.Length; i += 2)
        {
            sum += (uint)((data[i] << 8) | data[i + 1]);
        }

        if (i < data.Length)
        {
            sum += (uint)(data[i] << 8);
        }

        return sum;
    }
}
