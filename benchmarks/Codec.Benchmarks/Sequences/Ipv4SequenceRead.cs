using System.Buffers;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Codec.Protocols.IPv4;

namespace Codec.Benchmarks;

/// <summary>
/// Scenario 6 (issue 3): reading the IPv4 header (<see cref="Ipv4Samples"/>, 32 distinct headers) with the generated
/// <c>Ipv4Header.TryRead</c> from a span (baseline), from a single-segment <see cref="ReadOnlySequence{T}"/> (the fast
/// path: the first span is read in place) and from a sequence split in the middle of the header, at octet 10 (the slow
/// path: the header is copied to the stack and read there), each consuming all 14 fields. The sequence overloads also
/// produce the consumed/examined positions a <c>PipeReader</c> loop needs. Times are per header.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.CpuBound)]
public class Ipv4SequenceRead
{
    private const int SplitAt = 10;
    private byte[] _packets = null!;
    private ReadOnlySequence<byte>[] _single = null!;
    private ReadOnlySequence<byte>[] _split = null!;

    [GlobalSetup]
    public void Setup()
    {
        _packets = Ipv4Samples.CreateBatch();
        _single = new ReadOnlySequence<byte>[Ipv4Samples.BatchSize];
        _split = new ReadOnlySequence<byte>[Ipv4Samples.BatchSize];
        for (int i = 0; i < Ipv4Samples.BatchSize; i++)
        {
            byte[] header = _packets.AsSpan(i * 20, 20).ToArray();
            _single[i] = new ReadOnlySequence<byte>(header);
            _split[i] = Segment.Split(header, SplitAt);
            if (_split[i].IsSingleSegment || _split[i].Length != 20)
            {
                throw new InvalidOperationException("The split sequence is not two segments of 20 octets in all.");
            }
        }

        Contestants.Agree(nameof(Ipv4SequenceRead), Span(), ("SingleSegmentSequence", SingleSegmentSequence()), ("SplitSequence", SplitSequence()));
        if (Span() == 0)
        {
            throw new InvalidOperationException("The headers do not read.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Ipv4Samples.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong Span()
    {
        ReadOnlySpan<byte> packets = _packets;
        ulong acc = 0;
        for (int i = 0; i < Ipv4Samples.BatchSize; i++)
        {
            if (!Ipv4Header.TryRead(packets.Slice(i * 20, 20), out Ipv4Header h).IsDone)
            {
                return 0;
            }

            acc += Fold(in h, 20);
        }

        return acc;
    }

    [Benchmark(OperationsPerInvoke = Ipv4Samples.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong SingleSegmentSequence() => ReadAll(_single);

    [Benchmark(OperationsPerInvoke = Ipv4Samples.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong SplitSequence() => ReadAll(_split);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadAll(ReadOnlySequence<byte>[] sequences)
    {
        ulong acc = 0;
        for (int i = 0; i < sequences.Length; i++)
        {
            ref readonly ReadOnlySequence<byte> sequence = ref sequences[i];
            if (!Ipv4Header.TryRead(in sequence, out Ipv4Header h, out SequencePosition consumed, out _).IsDone)
            {
                return 0;
            }

            acc += Fold(in h, sequence.GetOffset(consumed));
        }

        return acc;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Fold(in Ipv4Header h, long consumed) =>
        FieldFold.Fold(
            h.Version, h.Ihl, h.Dscp, h.Ecn, h.TotalLength, h.Identification, h.DontFragment, h.MoreFragments, h.FragmentOffset,
            h.Ttl, (byte)h.Protocol, h.HeaderChecksum, h.Source.Value, h.Destination.Value) + (ulong)consumed;
}
