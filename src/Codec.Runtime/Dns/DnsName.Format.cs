using System.Runtime.CompilerServices;

namespace Codec.Dns;

public readonly ref partial struct DnsName
{
    /// <summary>
    /// Writes the presentation form as dig prints it (BIND's <c>dns_name_totext</c>): labels joined by <c>.</c> with a
    /// trailing dot, the root as <c>.</c>, case kept. <c>" ( ) . ; \ @ $</c> are escaped with a backslash; octets
    /// 0x00–0x20 and 0x7F–0xFF become <c>\DDD</c> (three decimal digits). At most <see cref="MaxPresentationLength"/> chars.
    /// </summary>
    /// <returns>False, with nothing useful written, if <paramref name="destination"/> is too small.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        int written = 0;
        if (IsRoot)
        {
            if (destination.IsEmpty)
            {
                return false;
            }

            destination[0] = '.';
            charsWritten = 1;
            return true;
        }

        foreach (ReadOnlySpan<byte> label in this)
        {
            foreach (byte octet in label)
            {
                if (IsSpecial(octet))
                {
                    if (destination.Length - written < 2)
                    {
                        return false;
                    }

                    destination[written++] = '\\';
                    destination[written++] = (char)octet;
                }
                else if (octet > 0x20 && octet < 0x7F)
                {
                    if (written == destination.Length)
                    {
                        return false;
                    }

                    destination[written++] = (char)octet;
                }
                else
                {
                    if (destination.Length - written < 4)
                    {
                        return false;
                    }

                    destination[written++] = '\\';
                    destination[written++] = (char)('0' + (octet / 100));
                    destination[written++] = (char)('0' + (octet / 10 % 10));
                    destination[written++] = (char)('0' + (octet % 10));
                }
            }

            if (written == destination.Length)
            {
                return false;
            }

            destination[written++] = '.';
        }

        charsWritten = written;
        return true;
    }

    /// <summary>The presentation form (see <see cref="TryFormat"/>), e.g. <c>www.example.com.</c> or <c>.</c>.</summary>
    public override string ToString()
    {
        Span<char> text = stackalloc char[MaxPresentationLength];
        TryFormat(text, out int written);
        return new string(text[..written]);
    }

    /// <summary>
    /// Writes the name in uncompressed wire form (every pointer expanded): <see cref="WireLength"/> octets.
    /// </summary>
    /// <returns>False, with nothing useful written, if <paramref name="destination"/> is shorter than <see cref="WireLength"/>.</returns>
    public bool TryCopyUncompressedTo(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < WireLength)
        {
            return false;
        }

        // The labels between pointers lie back to back in the message: each such run is one copy (a name written
        // without compression is a single run, root octet included). The name was validated, so the walk ends inside
        // the message and writes exactly WireLength octets; the bounds checks only keep a default name safe.
        ReadOnlySpan<byte> message = Message;
        int position = _offset;
        int runStart = position;
        int written = 0;
        while ((uint)position < (uint)message.Length)
        {
            byte octet = message[position];
            if (octet == 0)
            {
                int run = position + 1 - runStart;
                message.Slice(runStart, run).CopyTo(destination[written..]);
                bytesWritten = written + run;
                return true;
            }

            if (octet >= DnsWire.PointerTag)
            {
                int run = position - runStart;
                message.Slice(runStart, run).CopyTo(destination[written..]);
                written += run;
                position = ((octet & ~DnsWire.LabelTypeMask) << 8) | message[position + 1];
                runStart = position;
                continue;
            }

            position += 1 + octet;
        }

        destination[written++] = 0;
        bytesWritten = written;
        return true;
    }

    /// <summary>
    /// The name's uncompressed wire form where it lies in <see cref="Message"/>, when it has no pointer (one run of
    /// labels up to the root octet): then nothing needs to be copied to see it flat.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryGetUncompressed(out ReadOnlySpan<byte> wire)
    {
        // TryRead saw whether the name follows a pointer: one that does not lies flat, WireLength octets from its offset
        // (the root, default, included: a lone root octet). The length check keeps a name rebuilt from a foreign memo
        // bounds-safe.
        ReadOnlySpan<byte> message = Message;
        int length = WireLength;
        if ((_labels & Compressed) == 0 && (uint)length <= (uint)(message.Length - _offset))
        {
            wire = message.Slice(_offset, length);
            return true;
        }

        wire = default;
        return false;
    }

    /// <summary>Writes the name in uncompressed wire form and returns its length, <see cref="WireLength"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="WireLength"/>.</exception>
    public int CopyUncompressedTo(Span<byte> destination)
    {
        if (!TryCopyUncompressedTo(destination, out int written))
        {
            ThrowHelper.ThrowBufferTooSmall(WireLength, destination.Length);
        }

        return written;
    }

    // BIND's dns_name_totext with DNS_NAME_MASTERFILE (what dig uses): these print as backslash and the character.
    private static bool IsSpecial(byte octet) => octet is (byte)'"' or (byte)'(' or (byte)')' or (byte)'.' or (byte)';' or (byte)'\\' or (byte)'@' or (byte)'$';
}
