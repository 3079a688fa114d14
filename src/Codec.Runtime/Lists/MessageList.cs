using System.ComponentModel;
using System.Runtime.CompilerServices;

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
        // Element by element through the detailed reader (each element tries its fast path first): generated readers
        // use the bool overload, so this one serves dissection and failure paths, and checks the bool one in tests.
        ReadResult result = ReadDetailed(message, offset, end, count);
        list = result.IsDone ? new MessageList<T>(message[..end], offset, result.BytesConsumed, count) : default;
        return result;
    }

    /// <summary>
    /// Reads <paramref name="count"/> elements as <see cref="TryReadAt(ReadOnlySpan{byte}, int, int, int, out MessageList{T})"/>
    /// does, answering only whether they read and how many bytes they occupy (no error is built).
    /// </summary>
    public static bool TryReadAt(ReadOnlySpan<byte> message, int offset, int end, int count, out MessageList<T> list, out int bytesConsumed)
    {
        ReadOnlySpan<byte> bounded = message[..end];
        int position = offset;
        for (int i = 0; i < count; i++)
        {
            if (!T.TryReadAt(bounded, position, out _, out int consumed))
            {
                list = default;
                bytesConsumed = 0;
                return false;
            }

            position += consumed;
        }

        list = new MessageList<T>(bounded, offset, position - offset, count);
        bytesConsumed = position - offset;
        return true;
    }

    /// <summary>
    /// Reads elements from <paramref name="offset"/> until exactly <paramref name="end"/>; an element cut off by the end
    /// is InvalidData (LengthOutOfRange).
    /// </summary>
    public static ReadResult TryReadAllAt(ReadOnlySpan<byte> message, int offset, int end, out MessageList<T> list)
    {
        ReadResult result = ReadAllDetailed(message, offset, end, out int count);
        list = result.IsDone ? new MessageList<T>(message[..end], offset, result.BytesConsumed, count) : default;
        return result;
    }

    /// <summary>
    /// Reads elements until exactly <paramref name="end"/> as <see cref="TryReadAllAt(ReadOnlySpan{byte}, int, int, out MessageList{T})"/>
    /// does, answering only whether they read and how many bytes they occupy (no error is built).
    /// </summary>
    public static bool TryReadAllAt(ReadOnlySpan<byte> message, int offset, int end, out MessageList<T> list, out int bytesConsumed)
    {
        ReadOnlySpan<byte> bounded = message[..end];
        int position = offset;
        int count = 0;
        while (position < end)
        {
            if (!T.TryReadAt(bounded, position, out _, out int consumed))
            {
                list = default;
                bytesConsumed = 0;
                return false;
            }

            position += consumed;
            count++;
        }

        list = new MessageList<T>(bounded, offset, position - offset, count);
        bytesConsumed = position - offset;
        return true;
    }

    /// <summary>
    /// Reads one element at <paramref name="offset"/> of <paramref name="message"/> through <typeparamref name="T"/>'s
    /// fast reader (for generated code that reads a list element by element).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadElementAt(ReadOnlySpan<byte> message, int offset, out T element, out int bytesConsumed) =>
        T.TryReadAt(message, offset, out element, out bytesConsumed);

    /// <summary>
    /// Reads one element as <see cref="TryReadElementAt(ReadOnlySpan{byte}, int, out T, out int)"/> does, also answering
    /// <typeparamref name="T"/>'s memo (0 if it keeps none) for <see cref="ReadElementMemoizedAt"/> (generated unions).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static bool TryReadElementAt(ReadOnlySpan<byte> message, int offset, out T element, out int bytesConsumed, out int memo) =>
        T.TryReadAt(message, offset, out element, out bytesConsumed, out memo);

    /// <summary>
    /// Rebuilds an element read by <see cref="TryReadElementAt(ReadOnlySpan{byte}, int, out T, out int, out int)"/> at
    /// <paramref name="offset"/> of the same <paramref name="message"/> from its nonzero memo, without validating it again.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static bool ReadElementMemoizedAt(ReadOnlySpan<byte> message, int offset, int memo, out T element) =>
        T.ReadMemoizedAt(message, offset, memo, out element);

    /// <summary>
    /// A list over elements that the caller has just read one by one (generated readers that hand each element to a
    /// visitor as they validate it): <paramref name="length"/> bytes from <paramref name="offset"/> of
    /// <paramref name="message"/>, <paramref name="count"/> elements. Enumeration re-reads the elements and stops at
    /// the first that does not read, so a wrong call gives a short list, never an out-of-bounds read.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The bytes lie outside <paramref name="message"/>, or a count is negative.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static MessageList<T> FromValidatedElements(ReadOnlySpan<byte> message, int offset, int length, int count)
    {
        if ((uint)offset > (uint)message.Length || (uint)length > (uint)(message.Length - offset) || count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(offset));
        }

        return new MessageList<T>(message, offset, length, count);
    }

    // Which element failed, where and why.
    private static ReadResult ReadDetailed(ReadOnlySpan<byte> message, int offset, int end, int count)
    {
        ReadOnlySpan<byte> bounded = message[..end];
        int position = offset;
        for (int i = 0; i < count; i++)
        {
            ReadResult element = T.TryReadAt(bounded, position, out _);
            if (!element.IsDone)
            {
                return element;
            }

            position += element.BytesConsumed;
        }

        return ReadResult.Done(position - offset);
    }

    private static ReadResult ReadAllDetailed(ReadOnlySpan<byte> message, int offset, int end, out int count)
    {
        ReadOnlySpan<byte> bounded = message[..end];
        int position = offset;
        count = 0;
        while (position < end)
        {
            ReadResult element = T.TryReadAt(bounded, position, out _);
            if (!element.IsDone)
            {
                return element.Status == CodecStatus.NeedMoreData
                    ? ReadResult.Invalid(new CodecError(CodecErrorKind.LengthOutOfRange, element.Error.Field, element.Error.BitOffset, (ulong)end, element.Error.Expected))
                    : element;
            }

            position += element.BytesConsumed;
            count++;
        }

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

            if (!T.TryReadAt(_message, _position, out _current, out int consumed))
            {
                _position = _end; // cannot happen for a validated list; stop rather than loop
                return false;
            }

            _position += consumed;
            return true;
        }
    }
}
