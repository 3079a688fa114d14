namespace Codec;

/// <summary>
/// A run of messages lying back to back in the input, read in place: the list holds the bytes (no copy, no
/// allocation) and its enumerator reads one element at a time. Reading the list validated every element, so
/// enumeration cannot fail.
/// </summary>
/// <typeparam name="T">The element message type (a struct or a ref struct).</typeparam>
public readonly ref struct MessageList<T>
    where T : IWireMessage<T>, allows ref struct
{
    private readonly ReadOnlySpan<byte> _bytes;

    private MessageList(ReadOnlySpan<byte> bytes, int count)
    {
        _bytes = bytes;
        Count = count;
    }

    /// <summary>The bytes of all elements, as they lie in the input.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The number of elements.</summary>
    public int Count { get; }

    /// <summary>Whether the list has no elements.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>
    /// Reads <paramref name="count"/> elements from the start of <paramref name="source"/>; on failure the error's offset
    /// counts from the start of <paramref name="source"/>.
    /// </summary>
    public static ReadResult TryRead(ReadOnlySpan<byte> source, int count, out MessageList<T> list)
    {
        int position = 0;
        for (int i = 0; i < count; i++)
        {
            ReadResult element = T.TryRead(source[position..], out _);
            if (!element.IsDone)
            {
                list = default;
                return element.At(position);
            }

            position += element.BytesConsumed;
        }

        list = new MessageList<T>(source[..position], count);
        return ReadResult.Done(position);
    }

    /// <summary>Reads elements until <paramref name="source"/> ends; an element cut off by the end is InvalidData.</summary>
    public static ReadResult TryReadAll(ReadOnlySpan<byte> source, out MessageList<T> list)
    {
        int position = 0;
        int count = 0;
        while (position < source.Length)
        {
            ReadResult element = T.TryRead(source[position..], out _);
            if (!element.IsDone)
            {
                list = default;
                ReadResult placed = element.At(position);
                return placed.Status == CodecStatus.NeedMoreData
                    ? ReadResult.Invalid(new CodecError(CodecErrorKind.LengthOutOfRange, placed.Error.Field, placed.Error.BitOffset, (ulong)source.Length, placed.Error.Expected))
                    : placed;
            }

            position += element.BytesConsumed;
            count++;
        }

        list = new MessageList<T>(source, count);
        return ReadResult.Done(position);
    }

    /// <summary>A list over bytes written by <see cref="MessageListWriter{T}"/> (or read before): elements are not re-validated.</summary>
    internal static MessageList<T> FromValidated(ReadOnlySpan<byte> bytes, int count) => new(bytes, count);

    /// <summary>Enumerates the elements, reading each where it lies.</summary>
    public Enumerator GetEnumerator() => new(_bytes);

    /// <summary>Reads one element after another.</summary>
    public ref struct Enumerator
    {
        private ReadOnlySpan<byte> _rest;
        private T _current;

        internal Enumerator(ReadOnlySpan<byte> bytes)
        {
            _rest = bytes;
            _current = default!;
        }

        /// <summary>The element read by the last <see cref="MoveNext"/>.</summary>
        public readonly T Current => _current;

        /// <summary>Reads the next element.</summary>
        public bool MoveNext()
        {
            if (_rest.IsEmpty)
            {
                return false;
            }

            ReadResult result = T.TryRead(_rest, out _current);
            if (!result.IsDone)
            {
                _rest = default; // cannot happen for a validated list; stop rather than loop
                return false;
            }

            _rest = _rest[result.BytesConsumed..];
            return true;
        }
    }
}
