using System.Buffers;

namespace Codec;

public static partial class SequenceReading
{
    /// <summary>
    /// Reads any generated message — a variable-length <c>ref struct</c> that points into its input as well as a fixed
    /// struct — from <paramref name="source"/>, the message's input (a whole datagram, a length-prefixed frame, or the
    /// buffered start of a stream for self-delimiting messages).
    /// </summary>
    /// <remarks>
    /// A single-segment sequence is read where it lies (no copy). A sequence of several segments is copied into
    /// <paramref name="scratch"/> first, so the message reads exactly as it would from contiguous memory (names whose
    /// compression pointers reach across a segment boundary, a header that straddles one); the value then points into
    /// <paramref name="scratch"/>, which must outlive it. The positions are those a <c>PipeReader</c> loop passes to
    /// <c>AdvanceTo</c>: on Done, both are the end of the message; on NeedMoreData, nothing is consumed and everything is
    /// examined (the pipe waits for more); on InvalidData, nothing is consumed and the input is examined. A multi-segment
    /// input longer than <paramref name="scratch"/> whose message does not end within it is InvalidData
    /// (<see cref="CodecErrorKind.LengthOutOfRange"/>, Expected = the scratch length, Actual = the input length): the
    /// caller's bound on the message size, never unbounded buffering. Never throws on bad input.
    /// </remarks>
    public static ReadResult TryRead<T>(in ReadOnlySequence<byte> source, Span<byte> scratch, out T value, out SequencePosition consumed, out SequencePosition examined)
        where T : IWireMessage<T>, allows ref struct
    {
        ReadResult result;
        bool overScratch = false;
        if (source.IsSingleSegment)
        {
            result = T.TryRead(source.FirstSpan, out value);
        }
        else
        {
            long length = source.Length;
            int copied = (int)Math.Min(length, scratch.Length);
            overScratch = copied < length;
            source.Slice(0, copied).CopyTo(scratch);
            result = T.TryRead(scratch[..copied], out value);
            if (overScratch && result.Status == CodecStatus.NeedMoreData)
            {
                result = ReadResult.Invalid(new CodecError(CodecErrorKind.LengthOutOfRange, null, 0, (ulong)scratch.Length, (ulong)length));
            }
        }

        switch (result.Status)
        {
            case CodecStatus.Done:
                consumed = source.GetPosition(result.BytesConsumed);
                examined = consumed;
                break;
            case CodecStatus.NeedMoreData:
                consumed = source.Start;
                examined = source.End;
                break;
            default:
                consumed = source.Start;
                examined = source.End;
                break;
        }

        return result;
    }
}
