namespace Codec;

/// <summary>
/// Builds a type-length-value option list in a caller's buffer: each option's length is computed, single-octet kinds are
/// written alone, and <see cref="TryEnd"/> writes the end option and zero padding. Every method checks the space first
/// and writes nothing when it fails. Generated option lists have a <c>Writer</c> emitted for their layout, which calls
/// <see cref="Check"/> and <see cref="CheckEnd"/> on its failure path so that its errors are this writer's.
/// </summary>
public ref struct OptionWriter
{
    /// <summary>The field a write error names when a value is too long for the length field.</summary>
    public const string ValueField = "OptionValue";

    private readonly Span<byte> _buffer;
    private readonly OptionLayout _layout;

    /// <summary>Writes into <paramref name="buffer"/> with <paramref name="layout"/>.</summary>
    public OptionWriter(Span<byte> buffer, OptionLayout layout)
    {
        _buffer = buffer;
        _layout = layout;
        BytesWritten = 0;
        Count = 0;
        IsEnded = false;
    }

    /// <summary>Octets written so far.</summary>
    public int BytesWritten { get; private set; }

    /// <summary>Options written so far (the end option included).</summary>
    public int Count { get; private set; }

    /// <summary>Whether the end option has been written: nothing more can be added.</summary>
    public bool IsEnded { get; private set; }

    /// <summary>The octets written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer[..BytesWritten];

    /// <summary>Appends an option with no value: a single-octet kind alone, any other with a length of zero value octets.</summary>
    public WriteResult TryAdd(int kind) => TryAdd(kind, ReadOnlySpan<byte>.Empty);

    /// <summary>Appends option <paramref name="kind"/> with <paramref name="value"/>; its length is computed.</summary>
    /// <returns>
    /// Done; DestinationTooSmall; or InvalidData (<see cref="CodecErrorKind.ValueOutOfRange"/>) for a kind too wide, a
    /// value on a single-octet kind, a value longer than the length field allows, or an option after the end option.
    /// </returns>
    public WriteResult TryAdd(int kind, scoped ReadOnlySpan<byte> value)
    {
        WriteResult check = TryReserve(kind, value.Length, out Span<byte> target);
        if (!check.IsDone)
        {
            return check;
        }

        value.CopyTo(target);
        return Commit(kind, value.Length);
    }

    /// <summary>Appends option <paramref name="kind"/> whose value is <paramref name="value"/> written in place.</summary>
    public WriteResult TryAdd<T>(int kind, scoped in T value)
        where T : IWireMessage<T>, allows ref struct
    {
        int size = value.GetSerializedSize();
        WriteResult check = TryReserve(kind, size, out Span<byte> target);
        if (!check.IsDone)
        {
            return check;
        }

        WriteResult written = value.TryWrite(target);
        if (!written.IsDone)
        {
            return written;
        }

        return Commit(kind, size);
    }

    /// <summary>
    /// Writes the end option (when the layout has one) and zero octets up to a multiple of <paramref name="alignment"/>
    /// octets (4 for TCP and IPv4 headers). Nothing can be added afterwards.
    /// </summary>
    public WriteResult TryEnd(int alignment = 1)
    {
        WriteResult check = CheckEnd(_layout, _buffer.Length, BytesWritten, IsEnded, alignment);
        if (!check.IsDone)
        {
            return check;
        }

        int padded = check.BytesWritten;
        if (_layout.EndKind >= 0)
        {
            WriteKind(_layout.EndKind);
            Count++;
        }

        _buffer[BytesWritten..padded].Clear();
        BytesWritten = padded;
        IsEnded = true;
        return WriteResult.Done(padded);
    }

    /// <summary>
    /// Whether an option of <paramref name="kind"/> with <paramref name="valueLength"/> value octets can be appended to a
    /// list of <paramref name="bytesWritten"/> octets in a buffer of <paramref name="bufferLength"/>: Done with the
    /// option's size, or the error <see cref="TryAdd(int, ReadOnlySpan{byte})"/> returns. Generated writers, which check
    /// with constants, call it on their failure path so that both report the same errors.
    /// </summary>
    public static WriteResult Check(scoped in OptionLayout layout, int bufferLength, int bytesWritten, bool isEnded, int kind, int valueLength)
    {
        if (isEnded || (uint)kind > (uint)layout.MaxKind)
        {
            return WriteResult.Invalid(new CodecError(CodecErrorKind.ValueOutOfRange, OptionListReader.KindField, bytesWritten * 8, (ulong)layout.MaxKind, unchecked((ulong)kind)));
        }

        bool single = layout.IsSingleByte(kind);
        if ((single && valueLength != 0) || valueLength > layout.MaxValueLength)
        {
            return WriteResult.Invalid(new CodecError(CodecErrorKind.ValueOutOfRange, ValueField, (bytesWritten + layout.HeaderSize) * 8, single ? 0UL : (ulong)layout.MaxValueLength, (ulong)valueLength));
        }

        int size = single ? 1 : layout.HeaderSize + valueLength;
        if (size > bufferLength - bytesWritten)
        {
            return WriteResult.DestinationTooSmall(bytesWritten + size, bufferLength);
        }

        return WriteResult.Done(size);
    }

    /// <summary>
    /// Whether the end option and padding to a multiple of <paramref name="alignment"/> fit after
    /// <paramref name="bytesWritten"/> octets: Done with the list's padded length, or the error <see cref="TryEnd"/>
    /// returns (the shared failure path of generated writers).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alignment"/> is below 1.</exception>
    public static WriteResult CheckEnd(scoped in OptionLayout layout, int bufferLength, int bytesWritten, bool isEnded, int alignment)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(alignment, 1);
        if (isEnded)
        {
            return WriteResult.Invalid(new CodecError(CodecErrorKind.ValueOutOfRange, OptionListReader.KindField, bytesWritten * 8, 0, 1));
        }

        int endSize = layout.EndKind >= 0 ? layout.KindSize : 0;
        int total = bytesWritten + endSize;
        long padded = ((long)total + alignment - 1) / alignment * alignment; // long: a huge alignment must not wrap around
        if (padded > bufferLength)
        {
            return WriteResult.DestinationTooSmall((int)Math.Min(padded, int.MaxValue), bufferLength);
        }

        if (endSize == 0 && padded != total)
        {
            // Without an end option, zero octets would read as options.
            return WriteResult.Invalid(new CodecError(CodecErrorKind.ValueOutOfRange, OptionListReader.KindField, bytesWritten * 8, 0, (ulong)(padded - total)));
        }

        return WriteResult.Done((int)padded);
    }

    private WriteResult TryReserve(int kind, int valueLength, out Span<byte> target)
    {
        target = default;
        WriteResult check = Check(_layout, _buffer.Length, BytesWritten, IsEnded, kind, valueLength);
        if (check.IsDone)
        {
            target = _buffer.Slice(BytesWritten + check.BytesWritten - valueLength, valueLength);
        }

        return check;
    }

    private WriteResult Commit(int kind, int valueLength)
    {
        int start = BytesWritten;
        WriteKind(kind);
        if (_layout.IsSingleByte(kind))
        {
            Count++;
            if (kind == _layout.EndKind)
            {
                IsEnded = true;
            }

            return WriteResult.Done(1);
        }

        int length = valueLength + (_layout.LengthIncludesHeader ? _layout.HeaderSize : 0);
        if (_layout.LengthSize == 1)
        {
            _buffer[BytesWritten++] = (byte)length;
        }
        else
        {
            _buffer[BytesWritten++] = (byte)(length >> 8);
            _buffer[BytesWritten++] = (byte)length;
        }

        BytesWritten += valueLength;
        Count++;
        if (kind == _layout.EndKind)
        {
            IsEnded = true;
        }

        return WriteResult.Done(BytesWritten - start);
    }

    private void WriteKind(int kind)
    {
        if (_layout.KindSize == 1)
        {
            _buffer[BytesWritten++] = (byte)kind;
        }
        else
        {
            _buffer[BytesWritten++] = (byte)(kind >> 8);
            _buffer[BytesWritten++] = (byte)kind;
        }
    }
}
