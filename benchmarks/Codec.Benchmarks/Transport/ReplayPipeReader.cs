using System.Buffers;
using System.IO.Pipelines;
using PipeReadResult = System.IO.Pipelines.ReadResult;

namespace Codec.Benchmarks.Transport;

/// <summary>
/// An in-memory <see cref="PipeReader"/> that serves the same bytes over and over at no cost, so that a benchmark of a
/// read loop measures the loop and not the producer. The bytes lie in 4,096-byte segments, as in a socket pipe (some
/// messages straddle two); each read exposes at most <c>bytesPerRead</c> more bytes, like data arriving in chunks.
/// When everything has been consumed the next read starts again from the first byte.
/// </summary>
internal sealed class ReplayPipeReader : PipeReader
{
    private const int SegmentSize = 4096;

    private readonly ReadOnlySequence<byte> _data;
    private readonly long _bytesPerRead;
    private ReadOnlySequence<byte> _exposed;
    private long _consumed;
    private long _exposedEnd;

    public ReplayPipeReader(byte[] data, int bytesPerRead)
    {
        _data = Segmented(data);
        _bytesPerRead = bytesPerRead;
    }

    public override ValueTask<PipeReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (_consumed == _data.Length)
        {
            _consumed = 0;
            _exposedEnd = 0;
        }

        if (_consumed == _exposedEnd)
        {
            // Everything seen so far is consumed: the next chunk arrives.
            _exposedEnd = Math.Min(_data.Length, _exposedEnd + _bytesPerRead);
        }

        _exposed = _data.Slice(_consumed, _exposedEnd - _consumed);
        return new ValueTask<PipeReadResult>(new PipeReadResult(_exposed, isCanceled: false, isCompleted: false));
    }

    public override bool TryRead(out PipeReadResult result)
    {
        result = default;
        return false;
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        _consumed += _exposed.Slice(_exposed.Start, consumed).Length;
        if (_consumed < _exposedEnd && _exposed.Slice(examined).IsEmpty)
        {
            // The reader wants more than it has: the next chunk arrives.
            _exposedEnd = Math.Min(_data.Length, _exposedEnd + _bytesPerRead);
        }
    }

    public override void CancelPendingRead()
    {
    }

    public override void Complete(Exception? exception = null)
    {
    }

    private static ReadOnlySequence<byte> Segmented(byte[] data)
    {
        Chunk first = new(data.AsMemory(0, Math.Min(SegmentSize, data.Length)), 0);
        Chunk last = first;
        for (int offset = SegmentSize; offset < data.Length; offset += SegmentSize)
        {
            last = last.Append(data.AsMemory(offset, Math.Min(SegmentSize, data.Length - offset)));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Chunk : ReadOnlySequenceSegment<byte>
    {
        public Chunk(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Chunk Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Chunk(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
