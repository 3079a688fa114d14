using System.Buffers;
using System.Runtime.CompilerServices;

namespace Codec;

/// <summary>
/// Reads generated messages from a <see cref="ReadOnlySequence{T}"/>, as a <see cref="System.IO.Pipelines.PipeReader"/>
/// loop hands them over: the fast path reads the first segment where it lies; a message that straddles segments is
/// copied to the stack (or a pooled array when large) and read from there.
/// </summary>
public static partial class SequenceReading
{
    private const int StackLimit = 512;

    /// <summary>
    /// Reads a <typeparamref name="T"/> from the start of <paramref name="source"/>. On Done, <paramref name="consumed"/>
    /// and <paramref name="examined"/> are the end of the message; on NeedMoreData, nothing is consumed and everything is
    /// examined (so the pipe waits for more); on InvalidData, nothing is consumed and the message window is examined.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadResult TryRead<T>(in ReadOnlySequence<byte> source, out T value, out SequencePosition consumed, out SequencePosition examined)
        where T : struct, IWireMessage<T>
    {
        // The fast path, inlined into the caller: the message lies in the first segment. One call to the message's
        // reader, and the consumed position made from the first segment without walking the sequence.
        ReadOnlySpan<byte> first = source.FirstSpan;
        if (first.Length >= T.MinimumWireSize)
        {
            ReadResult read = T.TryRead(first, out value);
            if (read.IsDone)
            {
                consumed = source.GetPosition(read.BytesConsumed);
                examined = consumed;
                return read;
            }
        }

        // Everything else, a message that does not read included, goes to the slow path, which reads it again: working
        // out the failed read's positions here made the inlined path slower (single segment 0.90x -> 1.5-1.7x the
        // hand-written reader), and a failed read is the rare case.
        return TryReadSlow(source, out value, out consumed, out examined);
    }

    /// <summary>Every other case: a message that straddles segments, a short input, or one that does not read.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ReadResult TryReadSlow<T>(in ReadOnlySequence<byte> source, out T value, out SequencePosition consumed, out SequencePosition examined)
        where T : struct, IWireMessage<T>
    {
        int size = T.MinimumWireSize;
        ReadResult result;
        ReadOnlySpan<byte> first = source.FirstSpan;
        long length;
        if (first.Length >= size || source.IsSingleSegment)
        {
            result = T.TryRead(first, out value);
        }
        else if ((length = source.Length) < size)
        {
            // Too short in total: read what there is, so the error names the field the input ends in.
            result = size <= StackLimit ? ReadCopy(source, stackalloc byte[(int)length], out value) : ReadPooled(source, (int)length, out value);
        }
        else if (size <= StackLimit)
        {
            // The message straddles segments: its first `size` octets, gathered on the stack.
            Span<byte> buffer = stackalloc byte[size];
            first.CopyTo(buffer);
            int copied = first.Length;
            SequencePosition next = source.Start;
            source.TryGet(ref next, out _);
            while (copied < size && source.TryGet(ref next, out ReadOnlyMemory<byte> segment))
            {
                ReadOnlySpan<byte> span = segment.Span;
                int take = Math.Min(span.Length, size - copied);
                span[..take].CopyTo(buffer[copied..]);
                copied += take;
            }

            result = T.TryRead(buffer, out value);
        }
        else
        {
            result = ReadPooled(source.Slice(0, size), size, out value);
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
                examined = source.GetPosition(Math.Min(size, source.Length));
                break;
        }

        return result;
    }

    private static ReadResult ReadCopy<T>(in ReadOnlySequence<byte> source, Span<byte> buffer, out T value)
        where T : struct, IWireMessage<T>
    {
        source.CopyTo(buffer);
        return T.TryRead(buffer, out value);
    }

    private static ReadResult ReadPooled<T>(in ReadOnlySequence<byte> source, int length, out T value)
        where T : struct, IWireMessage<T>
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            return ReadCopy(source, rented.AsSpan(0, length), out value);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
