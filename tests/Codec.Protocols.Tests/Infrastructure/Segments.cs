using System.Buffers;

namespace Codec.Protocols.Tests.Infrastructure;

/// <summary>Builds multi-segment sequences, to test reads that straddle segment boundaries.</summary>
internal sealed class Segment : ReadOnlySequenceSegment<byte>
{
    public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public Segment Append(ReadOnlyMemory<byte> memory)
    {
        var next = new Segment(memory, RunningIndex + Memory.Length);
        Next = next;
        return next;
    }

    /// <summary>A sequence of <paramref name="bytes"/> cut at each of <paramref name="cuts"/> (ascending).</summary>
    public static ReadOnlySequence<byte> Split(byte[] bytes, params int[] cuts)
    {
        int start = 0;
        var first = new Segment(Array.Empty<byte>(), 0);
        Segment last = first;
        foreach (int cut in cuts.Append(bytes.Length))
        {
            last = last.Append(bytes.AsMemory(start, cut - start));
            start = cut;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
