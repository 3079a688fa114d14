namespace Codec;

/// <summary>Builds a <see cref="MessageList{T}"/> by writing elements one after another into a caller's buffer.</summary>
/// <typeparam name="T">The element message type.</typeparam>
public ref struct MessageListWriter<T>
    where T : IWireMessage<T>, allows ref struct
{
    private readonly Span<byte> _buffer;

    /// <summary>Writes into <paramref name="buffer"/>.</summary>
    public MessageListWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        BytesWritten = 0;
        Count = 0;
    }

    /// <summary>Bytes written so far.</summary>
    public int BytesWritten { get; private set; }

    /// <summary>Elements written so far.</summary>
    public int Count { get; private set; }

    /// <summary>Appends <paramref name="element"/>; on failure nothing is appended.</summary>
    public WriteResult TryAdd(scoped in T element)
    {
        if (TryAdd(element, out int written))
        {
            return WriteResult.Done(written);
        }

        // The reason, built only now: the element's detailed writer makes the same checks.
        return element.TryWrite(_buffer[BytesWritten..]);
    }

    /// <summary>
    /// Appends <paramref name="element"/> (<paramref name="bytesWritten"/> its length) through the element's yes/no
    /// writer, which builds no result; on failure nothing is appended, and <see cref="TryAdd(in T)"/> says why.
    /// </summary>
    public bool TryAdd(scoped in T element, out int bytesWritten)
    {
        // Writing does not change the element, so it is written where it lies rather than through the defensive copy
        // that a call on an `in` value of a type parameter would make.
        if (!System.Runtime.CompilerServices.Unsafe.AsRef(in element).TryWrite(_buffer[BytesWritten..], out bytesWritten))
        {
            return false;
        }

        BytesWritten += bytesWritten;
        Count++;
        return true;
    }

    /// <summary>The list written so far.</summary>
    public readonly MessageList<T> ToList() => MessageList<T>.FromValidated(_buffer[..BytesWritten], Count);
}
