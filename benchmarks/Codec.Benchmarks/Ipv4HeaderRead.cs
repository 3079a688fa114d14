using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Codec.Protocols.IPv4;

namespace Codec.Benchmarks;

/// <summary>
/// Reading the fixed IPv4 header: a hand-written <see cref="System.Buffers.Binary.BinaryPrimitives"/> reader
/// (baseline) against the generated <c>Ipv4Header.TryRead</c> and the generated <c>Ipv4Header.ReadOnlyView</c>
/// getters. Every benchmark consumes every field through <see cref="FieldFold.Fold"/>. Times are per header.
/// Benchmark methods are <c>NoInlining</c> so each is compiled as a unit, like a user's loop over packets, whichever
/// harness calls it (BenchmarkDotNet or <c>--paired</c>): inlined into a harness, the code under test would share that
/// method's inlining budget, and the JIT then leaves calls it otherwise inlines (seen with <c>WireBits.StoreBigEndian</c>).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.CpuBound)]
public class Ipv4HeaderRead
{
    private byte[] _packets = null!;

    [GlobalSetup]
    public void Setup()
    {
        _packets = Ipv4Samples.CreateBatch();

        // The three readers must agree field for field, or the comparison means nothing.
        ulong hand = HandWritten(), generated = GeneratedTryRead(), generatedBool = GeneratedTryReadBool(), view = GeneratedReadOnlyView();
        if (hand == 0 || hand != generated || hand != generatedBool || hand != view)
        {
            throw new InvalidOperationException($"Readers disagree: hand-written {hand:X}, TryRead {generated:X}, ReadOnlyView {view:X}.");
        }

        if (!HandWrittenIpv4.TryRead(Ipv4Samples.Header, out HandIpv4Header h)
            || Ipv4Header.Read(Ipv4Samples.Header) is not { Version: 4, Ihl: 5, TotalLength: 60, Identification: 0x1c46, DontFragment: true, Ttl: 64, Protocol: IPProtocol.Tcp, HeaderChecksum: 0xb1e6 }
            || h.Source != 0xac100a63 || h.Destination != 0xac100a0c)
        {
            throw new InvalidOperationException("The sample header does not read as expected.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Ipv4Samples.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong HandWritten()
    {
        ReadOnlySpan<byte> packets = _packets;
        ulong acc = 0;
        for (int i = 0; i < Ipv4Samples.BatchSize; i++)
        {
            if (!HandWrittenIpv4.TryRead(packets.Slice(i * 20), out HandIpv4Header h))
            {
                return 0;
            }

            acc += FieldFold.Fold(
                h.Version, h.Ihl, h.Dscp, h.Ecn, h.TotalLength, h.Identification,
                h.DontFragment, h.MoreFragments, h.FragmentOffset, h.Ttl, h.Protocol,
                h.HeaderChecksum, h.Source, h.Destination);
        }

        return acc;
    }

    [Benchmark(OperationsPerInvoke = Ipv4Samples.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong GeneratedTryRead()
    {
        ReadOnlySpan<byte> packets = _packets;
        ulong acc = 0;
        for (int i = 0; i < Ipv4Samples.BatchSize; i++)
        {
            if (!Ipv4Header.TryRead(packets.Slice(i * 20), out Ipv4Header h).IsDone)
            {
                return 0;
            }

            acc += FieldFold.Fold(
                h.Version, h.Ihl, h.Dscp, h.Ecn, h.TotalLength, h.Identification,
                h.DontFragment, h.MoreFragments, h.FragmentOffset, h.Ttl, (byte)h.Protocol,
                h.HeaderChecksum, h.Source.Value, h.Destination.Value);
        }

        return acc;
    }

    /// <summary>The yes/no overload a hot path uses: the detailed <see cref="ReadResult"/> is only built on failure.</summary>
    [Benchmark(OperationsPerInvoke = Ipv4Samples.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong GeneratedTryReadBool()
    {
        ReadOnlySpan<byte> packets = _packets;
        ulong acc = 0;
        for (int i = 0; i < Ipv4Samples.BatchSize; i++)
        {
            if (!Ipv4Header.TryRead(packets.Slice(i * 20), out Ipv4Header h, out _))
            {
                return 0;
            }

            acc += FieldFold.Fold(
                h.Version, h.Ihl, h.Dscp, h.Ecn, h.TotalLength, h.Identification,
                h.DontFragment, h.MoreFragments, h.FragmentOffset, h.Ttl, (byte)h.Protocol,
                h.HeaderChecksum, h.Source.Value, h.Destination.Value);
        }

        return acc;
    }

    /// <summary>The view checks the length once; its getters do not validate the version constant (that is <c>Validate()</c>).</summary>
    [Benchmark(OperationsPerInvoke = Ipv4Samples.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong GeneratedReadOnlyView()
    {
        ReadOnlySpan<byte> packets = _packets;
        ulong acc = 0;
        for (int i = 0; i < Ipv4Samples.BatchSize; i++)
        {
            if (!Ipv4Header.ReadOnlyView.TryCreate(packets.Slice(i * 20), out Ipv4Header.ReadOnlyView v))
            {
                return 0;
            }

            acc += FieldFold.Fold(
                v.Version, v.Ihl, v.Dscp, v.Ecn, v.TotalLength, v.Identification,
                v.DontFragment, v.MoreFragments, v.FragmentOffset, v.Ttl, (byte)v.Protocol,
                v.HeaderChecksum, v.Source.Value, v.Destination.Value);
        }

        return acc;
    }
}
