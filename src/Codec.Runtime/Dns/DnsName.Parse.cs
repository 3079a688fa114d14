namespace Codec.Dns;

public readonly ref partial struct DnsName
{
    /// <summary>
    /// Converts a name in presentation form (RFC 1035 §5.1) to uncompressed wire form. <c>\DDD</c> (exactly three
    /// decimal digits, at most 255) stands for that octet and <c>\X</c> for the character X; an unescaped <c>.</c> ends
    /// a label. A name that ends with an unescaped dot is absolute; any other is relative and is completed with the
    /// root, as dig does with the names it is given. Only ASCII text is accepted (convert IDNs to A-labels first).
    /// </summary>
    /// <returns>
    /// Done with the octets written; DestinationTooSmall; or InvalidData whose <see cref="CodecError.ByteOffset"/> is
    /// the index of the offending character in <paramref name="text"/>: <see cref="CodecErrorKind.EmptyLabel"/> (empty
    /// text, <c>a..b</c>, <c>.a</c>), <see cref="CodecErrorKind.LabelTooLong"/> (over 63 octets),
    /// <see cref="CodecErrorKind.NameTooLong"/> (over 255 octets in wire form),
    /// <see cref="CodecErrorKind.InvalidCharacter"/> (non-ASCII, a bad escape). Never throws.
    /// </returns>
    public static WriteResult TryParse(ReadOnlySpan<char> text, Span<byte> destination) =>
        TryParse(text, DnsWire.RootName, destination);

    /// <summary>
    /// Converts a name in presentation form to uncompressed wire form, as
    /// <see cref="TryParse(ReadOnlySpan{char}, Span{byte})"/> does, except that a relative name is completed with
    /// <paramref name="origin"/> (as a zone file's <c>$ORIGIN</c>). The result is then NameTooLong if the two together
    /// exceed 255 octets.
    /// </summary>
    /// <param name="text">The name in presentation form.</param>
    /// <param name="origin">An absolute name in uncompressed wire form (exactly one name, no pointers).</param>
    /// <param name="destination">Where the wire form goes.</param>
    /// <exception cref="ArgumentException"><paramref name="origin"/> is not one uncompressed name.</exception>
    public static WriteResult TryParse(ReadOnlySpan<char> text, ReadOnlySpan<byte> origin, Span<byte> destination)
    {
        if (!TryReadUncompressed(origin, out _))
        {
            throw new ArgumentException("The origin must be exactly one name in uncompressed wire form.", nameof(origin));
        }

        Span<byte> wire = stackalloc byte[MaxWireLength];
        int length = 0;        // octets of wire written
        int labelStart = -1;   // index of the open label's length octet, or -1 between labels
        bool absolute = false;

        if (text.Length == 1 && text[0] == '.')
        {
            absolute = true;
        }
        else if (text.IsEmpty)
        {
            return ParseError(CodecErrorKind.EmptyLabel, 0, 0, 0);
        }
        else
        {
            int i = 0;
            while (i < text.Length)
            {
                int start = i;
                char c = text[i];
                if (c == '.')
                {
                    if (labelStart < 0)
                    {
                        return ParseError(CodecErrorKind.EmptyLabel, i, 0, 0);
                    }

                    wire[labelStart] = (byte)(length - labelStart - 1);
                    labelStart = -1;
                    absolute = ++i == text.Length;
                    continue;
                }

                int octet;
                if (c == '\\')
                {
                    if (i + 1 == text.Length)
                    {
                        return ParseError(CodecErrorKind.InvalidCharacter, i, 0, c);
                    }

                    char next = text[i + 1];
                    if (char.IsAsciiDigit(next))
                    {
                        if (i + 3 >= text.Length || !char.IsAsciiDigit(text[i + 2]) || !char.IsAsciiDigit(text[i + 3]))
                        {
                            return ParseError(CodecErrorKind.InvalidCharacter, i, 0, next);
                        }

                        octet = ((next - '0') * 100) + ((text[i + 2] - '0') * 10) + (text[i + 3] - '0');
                        if (octet > byte.MaxValue)
                        {
                            return ParseError(CodecErrorKind.InvalidCharacter, i, byte.MaxValue, octet);
                        }

                        i += 4;
                    }
                    else if (char.IsAscii(next))
                    {
                        octet = next;
                        i += 2;
                    }
                    else
                    {
                        return ParseError(CodecErrorKind.InvalidCharacter, i + 1, 0x7F, next);
                    }
                }
                else if (char.IsAscii(c))
                {
                    octet = c;
                    i++;
                }
                else
                {
                    return ParseError(CodecErrorKind.InvalidCharacter, i, 0x7F, c);
                }

                if (labelStart < 0)
                {
                    labelStart = length++;
                }
                else if (length - labelStart - 1 == MaxLabelLength)
                {
                    return ParseError(CodecErrorKind.LabelTooLong, start, MaxLabelLength, MaxLabelLength + 1);
                }

                // The root octet must still fit after this one.
                if (length + 1 >= MaxWireLength)
                {
                    return ParseError(CodecErrorKind.NameTooLong, start, MaxWireLength, length + 2);
                }

                wire[length++] = (byte)octet;
            }

            if (labelStart >= 0)
            {
                wire[labelStart] = (byte)(length - labelStart - 1);
            }
        }

        ReadOnlySpan<byte> suffix = absolute ? DnsWire.RootName : origin;
        int total = length + suffix.Length;
        if (total > MaxWireLength)
        {
            return ParseError(CodecErrorKind.NameTooLong, text.Length, MaxWireLength, total);
        }

        if (destination.Length < total)
        {
            return WriteResult.DestinationTooSmall(total, destination.Length);
        }

        wire[..length].CopyTo(destination);
        suffix.CopyTo(destination[length..]);
        return WriteResult.Done(total);
    }

    /// <summary>
    /// Converts a name in presentation form to uncompressed wire form, as
    /// <see cref="TryParse(ReadOnlySpan{char}, Span{byte})"/> does, reporting only success and the octets written.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, Span<byte> destination, out int bytesWritten)
    {
        WriteResult result = TryParse(text, destination);
        bytesWritten = result.BytesWritten;
        return result.IsDone;
    }

    private static WriteResult ParseError(CodecErrorKind kind, int index, int expected, int actual) =>
        WriteResult.Invalid(new CodecError(kind, null, DnsWire.BitOffset(index), (ulong)expected, (ulong)actual));
}
