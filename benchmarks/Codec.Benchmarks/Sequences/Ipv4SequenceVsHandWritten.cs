using System.Buffers;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Codec.Protocols.IPv4;

namespace Codec.Benchmarks;

/// <summary>
/// Scenario 6 against its hand-written baseline: the IPv4 header (<see cref="Ipv4Samples"/>, 32 distinct headers) read
/// from a <see cref="ReadOnlySequence{T}"/> split in the middle of the header (octet 10), by the hand-written
/// sequence reader (<see cref="HandWrittenSequenceIpv4"/>, baseline) and by the generated
/// <c>Ipv4Header.TryRead(in ReadOnlySequence&lt;byte&gt;, …)</c>; both produce the consumed position, which is folded
/// in with all 14 fields. Times are per header.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.CpuBound)]
public class Ipv4SplitSequenceRead
{
    private ReadOnlySequence<byte>[] _sequences = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sequences = SequenceSamples.Create(split: true);
        Contestants.Agree(nameof(Ipv4SplitSequenceRead), HandWritten(), ("Generated", Generated()));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Ipv4Samples.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong HandWritten() => SequenceSamples.ReadHandWritten(_sequences);

    [Benchmark(OperationsPerInvoke = Ipv4Samples.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong Generated() => SequenceSamples.ReadGenerated(_sequences);
}

/// <summary>The same as <see cref="Ipv4SplitSequenceRead"/> over single-segment sequences (the fast path of both readers).</summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.CpuBound)]
public class Ipv4SingleSegmentSequenceRead
{
    private ReadOnlySequence<byte>[] _sequences = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sequences = SequenceSamples.Create(split: false);
        Contestants.Agree(nameof(Ipv4SingleSegmentSequenceRead), HandWritten(), ("Generated", Generated()));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Ipv4Samples.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong HandWritten() => SequenceSamples.ReadHandWritten(_sequences);

    [Benchmark(OperationsPerInvoke = Ipv4Samples.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong Generated() => SequenceSamples.ReadGenerated(_sequences);
}

/// <summary>The sequences and the two read loops the sequence classes share.</summary>
internal static class SequenceSamples
{
    private const int SplitAt = 10;

    public static ReadOnlySequence<byte>[] Create(bool split)
    {
        byte[] packets = Ipv4Samples.CreateBatch();
        var sequences = new ReadOnlySequence<byte>[Ipv4Samples.BatchSize];
        for (int i = 0; i < sequences.Length; i++)
        {
            byte[] header = packets.AsSpan(i * 20, 20).ToArray();
            sequences[i] = split ? Segment.Split(header, SplitAt) : new ReadOnlySequence<byte>(header);
            if (sequences[i].IsSingleSegment == split || sequences[i].Length != 20)
            {
                throw new InvalidOperationException("The sample sequence does not have the intended shape.");
            }
        }

        return sequences;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ReadHandWritten(ReadOnlySequence<byte>[] sequences)
    {
        ulong acc = 0;
        for (int i = 0; i < sequences.Length; i++)
        {
            ref readonly ReadOnlySequence<byte> sequence = ref sequences[i];
            if (!HandWrittenSequenceIpv4.TryRead(in sequence, out HandIpv4Header h, out SequencePosition consumed))
            {
                return 0;
            }

            acc += FieldFold.Fold(
                h.Version, h.Ihl, h.Dscp, h.Ecn, h.TotalLength, h.Identification, h.DontFragment, h.MoreFragments, h.FragmentOffset,
                h.Ttl, h.Protocol, h.HeaderChecksum, h.Source, h.Destination) + (ulong)sequence.GetOffset(consumed);
        }

        return acc;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ReadGenerated(ReadOnlySequence<byte>[] sequences)
    {
        ulong acc = 0;
        for (int i = 0; i < sequences.Length; i++)
        {
            ref readonly ReadOnlySequence<byte> sequence = ref sequences[i];
            if (!Ipv4Header.TryRead(in sequence, out Ipv4Header h, out SequencePosition consumed, out _).IsDone)
            {
                return 0;
            }

            acc += FieldFold.Fold(
                h.Version, h.Ihl, h.Dscp, h.Ecn, h.TotalLength, h.Identification, h.DontFragment, h.MoreFragments, h.FragmentOffset,
                h.Ttl, (byte)h.Protocol, h.HeaderChecksum, h.Source.Value, h.Destination.Value) + (ulong)sequence.GetOffset(consumed);
        }

        return acc;
    }
}
