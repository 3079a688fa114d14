using System.Buffers;

namespace Codec.Benchmarks;

/// <summary>Builds <see cref="ReadOnlySequence{T}"/>s over chained segments, as a <c>PipeReader</c> hands them out.</summary>
internal sealed class Segment : ReadOnlySequenceSegment<byte>
{
    private Segment(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    /// <summary>A sequence of <paramref name="data"/> cut at each of <paramref name="cuts"/> (ascending offsets).</summary>
    public static ReadOnlySequence<byte> Split(byte[] data, params int[] cuts)
    {
        var first = new Segment(data.AsMemory(0, cuts.Length > 0 ? cuts[0] : data.Length), 0);
        Segment last = first;
        for (int i = 0; i < cuts.Length; i++)
        {
            int start = cuts[i];
            int end = i + 1 < cuts.Length ? cuts[i + 1] : data.Length;
            var next = new Segment(data.AsMemory(start, end - start), start);
            last.Next = next;
            last = next;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
