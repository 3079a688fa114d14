namespace Codec;

/// <summary>
/// A run of messages lying back to back in the input, read in place: the list keeps the enclosing message and where
/// its elements lie (no copy, no allocation), and its enumerator reads one element at a time. Reading the list
/// validated every element, so enumeration cannot fail.
/// </summary>
/// <typeparam name="T">The element message type (a struct or a ref struct).</typeparam>
public readonly ref struct MessageList<T>
    where T : IWireMessage<T>, allows ref struct
{
    private readonly ReadOnlySpan<byte> _message;
    private readonly int _start;
    private readonly int _length;

    private MessageList(ReadOnlySpan<byte> message, int start, int length, int count)
    {
        _message = message;
        _start = start;
        _length = length;
        Count = count;
    }

    /// <summary>The bytes of all elements, as they lie in the input.</summary>
    public ReadOnlySpan<byte> Bytes => _message.Slice(_start, _length);

    /// <summary>The number of elements.</summary>
    public int Count { get; }

    /// <summary>Whether the list has no elements.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>Reads <paramref name="count"/> elements from the start of <paramref name="source"/>.</summary>
    public static ReadResult TryRead(ReadOnlySpan<byte> source, int count, out MessageList<T> list) =>
        TryReadAt(source, 0, source.Length, count, out list);

    /// <summary>Reads elements until <paramref name="source"/> ends; an element cut off by the end is InvalidData.</summary>
    public static ReadResult TryReadAll(ReadOnlySpan<byte> source, out MessageList<T> list) =>
        TryReadAllAt(source, 0, source.Length, out list);

    /// <summary>
    /// Reads <paramref name="count"/> elements starting <paramref name="offset"/> bytes into <paramref name="message"/>
    /// and ending by <paramref name="end"/>; error offsets count from the start of <paramref name="message"/>.
    /// </summary>
    public static ReadResult TryReadAt(ReadOnlySpan<byte> message, int offset, int end, int count, out MessageList<T> list)
    {
        ReadOnlySpan<byte> bounded = message[..end];
        int position = offset;
        for (int i = 0; i < count; i++)
        {
            ReadResult element = T.TryReadAt(bounded, position, out _);
            if (!element.IsDone)
            {
                list = default;
                return element;
            }

            position += element.BytesConsumed;
        }

        list = new MessageList<T>(bounded, offset, position - offset, count);
        return ReadResult.Done(position - offset);
    }

    /// <summary>
    /// Reads elements from <paramref name="offset"/> until exactly <paramref name="end"/>; an element cut off by the end
    /// is InvalidData (LengthOutOfRange).
    /// </summary>
    public static ReadResult TryReadAllAt(ReadOnlySpan<byte> message, int offset, int end, out MessageList<T> list)
    {
        ReadOnlySpan<byte> bounded = message[..end];
        int position = offset;
        int count = 0;
        while (position < end)
        {
            ReadResult element = T.TryReadAt(bounded, position, out _);
            if (!element.IsDone)
            {
                list = default;
                return element.Status == CodecStatus.NeedMoreData
                    ? ReadResult.Invalid(new CodecError(CodecErrorKind.LengthOutOfRange, element.Error.Field, element.Error.BitOffset, (ulong)end, element.Error.Expected))
                    : element;
            }

            position += element.BytesConsumed;
            count++;
        }

        list = new MessageList<T>(bounded, offset, position - offset, count);
        return ReadResult.Done(position - offset);
    }

    /// <summary>A list over bytes written by <see cref="MessageListWriter{T}"/>: elements are not re-validated.</summary>
    internal static MessageList<T> FromValidated(ReadOnlySpan<byte> bytes, int count) => new(bytes, 0, bytes.Length, count);

    /// <summary>Enumerates the elements, reading each where it lies.</summary>
    public Enumerator GetEnumerator() => new(_message, _start, _start + _length);

    /// <summary>Reads one element after another.</summary>
    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<byte> _message;
        private readonly int _end;
        private int _position;
        private T _current;

        internal Enumerator(ReadOnlySpan<byte> message, int start, int end)
        {
            _message = message;
            _position = start;
            _end = end;
            _current = default!;
        }

        /// <summary>The element read by the last <see cref="MoveNext"/>.</summary>
        public readonly T Current => _current;

        /// <summary>Reads the next element.</summary>
        public bool MoveNext()
        {
            if (_position >= _end)
            {
                return false;
            }

            ReadResult result = T.TryReadAt(_message, _position, out _current);
            if (!result.IsDone)
            {
                _position = _end; // cannot happen for a validated list; stop rather than loop
                return false;
            }

            _position += result.BytesConsumed;
            return true;
        }
    }
}
