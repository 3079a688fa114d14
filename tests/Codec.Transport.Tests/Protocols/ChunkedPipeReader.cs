using System.Buffers;
using System.IO.Pipelines;
using PipeReadResult = System.IO.Pipelines.ReadResult;

namespace Codec.Transport.Tests.Protocols;

/// <summary>
/// A <see cref="PipeReader"/> that hands its data over in fixed chunks, one more chunk per read and only once the reader
/// examined everything it had (as a <see cref="Pipe"/> does when data trickles in). Each chunk is its own segment, so
/// messages are split across reads and across segments exactly at the chosen cuts. After the last chunk, reads report
/// IsCompleted, as when the writer completes.
/// </summary>
internal sealed class ChunkedPipeReader : PipeReader
{
    private readonly byte[] _data;
    private readonly int[] _ends;
    private int _delivered;
    private long _consumed;
    private bool _examinedAll = true;
    private ReadOnlySequence<byte> _last;

    public ChunkedPipeReader(byte[] data, params int[] cuts)
    {
        _data = data;
        _ends = [.. cuts.Where(cut => cut > 0 && cut < data.Length).Distinct().Order(), data.Length];
    }

    /// <summary>Calls of <see cref="ReadAsync"/>: a reader that spins would make many.</summary>
    public int Reads { get; private set; }

    public bool IsReaderCompleted { get; private set; }

    public static ChunkedPipeReader ByteByByte(byte[] data) => new(data, [.. Enumerable.Range(1, Math.Max(0, data.Length - 1))]);

    public override ValueTask<PipeReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Reads++;
        if (_examinedAll && _delivered < _ends.Length)
        {
            _delivered++;
        }

        long end = _delivered == 0 ? 0 : _ends[_delivered - 1];
        var cuts = _ends.Take(_delivered).Select(cut => (int)(cut - _consumed)).Where(cut => cut > 0 && cut < end - _consumed).ToArray();
        _last = Segment.Split(_data[(int)_consumed..(int)end], cuts);
        return new(new PipeReadResult(_last, isCanceled: false, isCompleted: _delivered == _ends.Length));
    }

    public override bool TryRead(out PipeReadResult result) => throw new NotSupportedException();

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        _consumed += _last.Slice(_last.Start, consumed).Length;
        _examinedAll = _last.Slice(examined).IsEmpty;
    }

    public override void CancelPendingRead() => throw new NotSupportedException();

    public override void Complete(Exception? exception = null) => IsReaderCompleted = true;
}
