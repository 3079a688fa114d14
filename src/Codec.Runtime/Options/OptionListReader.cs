namespace Codec;

/// <summary>
/// Walks a type-length-value option list with a layout given at run time. Generated option lists validate and
/// enumerate with loops emitted for their layout, and call <see cref="Validate"/> on their failure path for the
/// detailed error (so both must agree: tests check it); dissection walks with <see cref="TryReadOption"/>. Never throws
/// on input and never reads outside <c>[position, end)</c>.
/// </summary>
public static class OptionListReader
{
    /// <summary>The field an error names when an option's kind is cut off by the end of the list.</summary>
    public const string KindField = "OptionKind";

    /// <summary>The field an error names when an option's length is cut off, too small, or runs past the end.</summary>
    public const string LengthField = "OptionLength";

    /// <summary>
    /// Reads the option at <paramref name="position"/>, which must be below <paramref name="end"/>.
    /// </summary>
    /// <returns>
    /// Done with the option's length, or InvalidData (<see cref="CodecErrorKind.LengthOutOfRange"/>) naming
    /// <see cref="KindField"/> or <see cref="LengthField"/> at the octet that is wrong: a kind or length cut off by the end
    /// (Expected the octets available, Actual the octets needed), a length below the header it counts (Expected the
    /// header size, Actual the length), or an option running past the end (Expected the octets available, Actual the
    /// option's length).
    /// </returns>
    public static ReadResult TryReadOption(ReadOnlySpan<byte> message, int position, int end, scoped in OptionLayout layout, out OptionEntry option)
    {
        option = default;
        int available = end - position;
        if (available < layout.KindSize)
        {
            return Invalid(KindField, position, available, layout.KindSize);
        }

        int kind = layout.KindSize == 1 ? message[position] : (message[position] << 8) | message[position + 1];
        bool ends = kind == layout.EndKind;
        if (layout.IsSingleByte(kind))
        {
            option = new OptionEntry(kind, position, 1, default, ends);
            return ReadResult.Done(1);
        }

        int header = layout.HeaderSize;
        if (available < header)
        {
            return Invalid(LengthField, position + layout.KindSize, available, header);
        }

        int lengthAt = position + layout.KindSize;
        int length = layout.LengthSize == 1 ? message[lengthAt] : (message[lengthAt] << 8) | message[lengthAt + 1];
        int total;
        if (layout.LengthIncludesHeader)
        {
            if (length < header)
            {
                return Invalid(LengthField, lengthAt, header, length);
            }

            total = length;
        }
        else
        {
            total = header + length;
        }

        if (total > available)
        {
            return Invalid(LengthField, lengthAt, available, total);
        }

        option = new OptionEntry(kind, position, total, message.Slice(position + header, total - header), ends);
        return ReadResult.Done(total);
    }

    /// <summary>
    /// Validates every option from <paramref name="offset"/> to <paramref name="end"/> (or to the end option; the octets
    /// after it are padding and not read).
    /// </summary>
    /// <param name="message">The enclosing message; error offsets count from its start.</param>
    /// <param name="offset">Where the list starts.</param>
    /// <param name="end">Where the list's space ends.</param>
    /// <param name="layout">The list's layout.</param>
    /// <param name="count">Options read, the end option included.</param>
    /// <param name="optionsEnd">Where the options end: after the end option, or <paramref name="end"/>.</param>
    /// <returns>Done with <c>end - offset</c>, or the first option's error (see <see cref="TryReadOption"/>).</returns>
    public static ReadResult Validate(ReadOnlySpan<byte> message, int offset, int end, scoped in OptionLayout layout, out int count, out int optionsEnd)
    {
        count = 0;
        optionsEnd = end;
        if ((uint)offset > (uint)end || (uint)end > (uint)message.Length)
        {
            return ReadResult.NeedMoreData(LengthField, offset * 8, end, message.Length);
        }

        int position = offset;
        while (position < end)
        {
            ReadResult result = TryReadOption(message, position, end, layout, out OptionEntry option);
            if (!result.IsDone)
            {
                count = 0;
                return result;
            }

            position += result.BytesConsumed;
            count++;
            if (option.EndsList)
            {
                optionsEnd = position;
                break;
            }
        }

        return ReadResult.Done(end - offset);
    }

    private static ReadResult Invalid(string field, int position, int expected, int actual) =>
        ReadResult.Invalid(new CodecError(CodecErrorKind.LengthOutOfRange, field, position * 8, (ulong)expected, (ulong)actual));
}
