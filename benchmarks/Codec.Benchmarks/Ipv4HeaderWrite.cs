using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Codec.Protocols.IPv4;

namespace Codec.Benchmarks;

/// <summary>
/// Writing the fixed IPv4 header into a 20-byte buffer: a hand-written <see cref="System.Buffers.Binary.BinaryPrimitives"/>
/// writer (baseline) against the generated <c>Ipv4Header.TryWrite</c>. Both check the length and the field widths.
/// Times are per header.
/// Benchmark methods are <c>NoInlining</c> so each is compiled as a unit, like a user's loop over packets, whichever
/// harness calls it (BenchmarkDotNet or <c>--paired</c>): inlined into a harness, the code under test would share that
/// method's inlining budget, and the JIT then leaves calls it otherwise inlines (seen with <c>WireBits.StoreBigEndian</c>).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.CpuBound)]
public class Ipv4HeaderWrite
{
    private readonly byte[] _destination = new byte[20];
    private HandIpv4Header[] _hand = null!;
    private Ipv4Header[] _generated = null!;

    [GlobalSetup]
    public void Setup()
    {
        byte[] packets = Ipv4Samples.CreateBatch();
        _hand = new HandIpv4Header[Ipv4Samples.BatchSize];
        _generated = new Ipv4Header[Ipv4Samples.BatchSize];
        for (int i = 0; i < Ipv4Samples.BatchSize; i++)
        {
            ReadOnlySpan<byte> packet = packets.AsSpan(i * 20, 20);
            if (!HandWrittenIpv4.TryRead(packet, out _hand[i]))
            {
                throw new InvalidOperationException($"Sample {i} does not read.");
            }

            _generated[i] = Ipv4Header.Read(packet);

            // Both writers must reproduce the bytes they were read from.
            Array.Clear(_destination);
            if (!HandWrittenIpv4.TryWrite(in _hand[i], _destination) || !packet.SequenceEqual(_destination))
            {
                throw new InvalidOperationException($"The hand-written writer does not round-trip sample {i}.");
            }

            Array.Clear(_destination);
            if (!_generated[i].TryWrite(_destination).IsDone || !packet.SequenceEqual(_destination))
            {
                throw new InvalidOperationException($"Ipv4Header.TryWrite does not round-trip sample {i}.");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Ipv4Samples.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int HandWritten()
    {
        Span<byte> destination = _destination;
        HandIpv4Header[] headers = _hand;
        int written = 0;
        for (int i = 0; i < Ipv4Samples.BatchSize; i++)
        {
            if (HandWrittenIpv4.TryWrite(in headers[i], destination))
            {
                written += 20;
            }
        }

        return written;
    }

    [Benchmark(OperationsPerInvoke = Ipv4Samples.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int GeneratedTryWrite()
    {
        Span<byte> destination = _destination;
        Ipv4Header[] headers = _generated;
        int written = 0;
        for (int i = 0; i < Ipv4Samples.BatchSize; i++)
        {
            written += headers[i].TryWrite(destination).BytesWritten;
        }

        return written;
    }
}
