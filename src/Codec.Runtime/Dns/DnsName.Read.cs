using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Codec.Dns;

public readonly ref partial struct DnsName
{
    /// <summary>
    /// Reads the name that starts at <paramref name="offset"/> in <paramref name="message"/>, following compression
    /// pointers (RFC 1035 §4.1.4). Never throws on malformed input and never reads outside <paramref name="message"/>.
    /// </summary>
    /// <param name="message">The whole DNS message: pointers are offsets from its first octet (the header).</param>
    /// <param name="offset">Where the name starts.</param>
    /// <param name="name">The name when the status is Done; otherwise the root.</param>
    /// <returns>
    /// <para>Done, with <see cref="ReadResult.BytesConsumed"/> the octets of the name at <paramref name="offset"/> itself:
    /// its labels up to and including the root octet or the first pointer (not the octets the pointers lead to).</para>
    /// <para>NeedMoreData (<see cref="CodecErrorKind.Truncated"/>) when the name runs past the end of
    /// <paramref name="message"/>: <see cref="CodecError.Expected"/> is the message length that would be needed to go
    /// on, <see cref="CodecError.Actual"/> the length given. Because pointers only point backwards, a valid message cut
    /// short anywhere gives this status, never InvalidData.</para>
    /// <para>InvalidData, the error's <see cref="CodecError.ByteOffset"/> being the offending octet:
    /// <see cref="CodecErrorKind.LabelTooLong"/> for a length octet 0x40–0xBF (reserved label types);
    /// <see cref="CodecErrorKind.NameTooLong"/> when the uncompressed name would exceed 255 octets;
    /// <see cref="CodecErrorKind.PointerOutOfRange"/> for a pointer at or past the end of the message, or a forward
    /// pointer; <see cref="CodecErrorKind.CompressionLoop"/> for a pointer back into the name being read or past
    /// <see cref="MaxPointerHops"/>.</para>
    /// </returns>
    /// <remarks>
    /// Every pointer must point strictly before the labels that contain it: before <paramref name="offset"/> for the
    /// first pointer, before the previous pointer's target for the next ones (dnspython's rule, stricter than "before
    /// the pointer itself", which lets a label swallow its own pointer and loop). Targets therefore strictly decrease
    /// and no pointer sequence can loop; an encoder that points to earlier occurrences, as RFC 1035 §4.1.4 describes,
    /// always satisfies it. A target inside the name being read is reported as a loop, any other target at or after
    /// the start of the current labels as out of range.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is negative.</exception>
    public static ReadResult TryRead(ReadOnlySpan<byte> message, int offset, out DnsName name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        name = default;

        int position = offset;
        int segmentStart = offset;   // start of the labels being read; every pointer must point below it
        int consumed = 0;            // octets at `offset` itself, known at the first pointer or the root
        int wireLength = 0;          // uncompressed length so far, without the root octet
        int labelCount = 0;
        int hops = 0;

        while (true)
        {
            if ((uint)position >= (uint)message.Length)
            {
                return Truncated(position, 1, message.Length);
            }

            byte octet = message[position];
            if (octet == 0)
            {
                bool compressed = consumed != 0;
                if (!compressed)
                {
                    consumed = position + 1 - offset;
                }

                name = new DnsName(message, offset, wireLength + 1, Labels(labelCount, compressed));
                return ReadResult.Done(consumed);
            }

            switch (octet & DnsWire.LabelTypeMask)
            {
                case 0:
                    if (octet > message.Length - position - 1)
                    {
                        return Truncated(position, 1 + octet, message.Length);
                    }

                    wireLength += 1 + octet;
                    if (wireLength + 1 > MaxWireLength)
                    {
                        return Invalid(CodecErrorKind.NameTooLong, position, MaxWireLength, wireLength + 1);
                    }

                    labelCount++;
                    position += 1 + octet;
                    break;

                case DnsWire.PointerTag:
                    if (position + 2 > message.Length)
                    {
                        return Truncated(position, 2, message.Length);
                    }

                    int target = ((octet & ~DnsWire.LabelTypeMask) << 8) | message[position + 1];
                    if (consumed == 0)
                    {
                        consumed = position + 2 - offset;
                    }

                    if (target >= message.Length)
                    {
                        return Invalid(CodecErrorKind.PointerOutOfRange, position, message.Length, target);
                    }

                    if (target >= segmentStart)
                    {
                        // Into the labels being read (or onto the pointer itself), or back into the name's own first
                        // labels: following it would come back here. Anything else is merely forward.
                        bool loops = target <= position || (target >= offset && target < offset + consumed);
                        return Invalid(loops ? CodecErrorKind.CompressionLoop : CodecErrorKind.PointerOutOfRange, position, segmentStart, target);
                    }

                    if (++hops > MaxPointerHops)
                    {
                        return Invalid(CodecErrorKind.CompressionLoop, position, MaxPointerHops, hops);
                    }

                    segmentStart = target;
                    position = target;
                    break;

                default:
                    return Invalid(CodecErrorKind.LabelTooLong, position, MaxLabelLength, octet);
            }
        }
    }

    /// <summary>
    /// Reads the name at <paramref name="offset"/> as <see cref="TryRead(ReadOnlySpan{byte}, int, out DnsName)"/> does,
    /// reporting only success and the octets the name occupies at <paramref name="offset"/>: the same rules in one walk
    /// that builds no <see cref="ReadResult"/> (the fast path of generated readers; on false, the detailed overload
    /// says where and why).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is negative.</exception>
    public static bool TryRead(ReadOnlySpan<byte> message, int offset, out DnsName name, out int bytesConsumed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        int position = offset;
        int limit = offset;          // every pointer must point below the labels being read (see the remarks above)
        int consumed = 0;
        int wireLength = 0;          // without the root octet
        int labelCount = 0;
        int hops = 0;
        while ((uint)position < (uint)message.Length)
        {
            int octet = message[position];
            if (octet == 0)
            {
                bytesConsumed = consumed == 0 ? position + 1 - offset : consumed;
                name = new DnsName(message, offset, wireLength + 1, Labels(labelCount, consumed != 0));
                return true;
            }

            if (octet <= MaxLabelLength)
            {
                // A label past the end fails at the top of the loop; a name too long fails here, as in the detailed walk.
                wireLength += 1 + octet;
                if (wireLength >= MaxWireLength)
                {
                    break;
                }

                labelCount++;
                position += 1 + octet;
            }
            else if (octet >= DnsWire.PointerTag)
            {
                // Unsigned, as the indexer checks it, so that the JIT drops the indexer's own check.
                if ((uint)(position + 1) >= (uint)message.Length)
                {
                    break;
                }

                int target = ((octet & ~DnsWire.LabelTypeMask) << 8) | message[position + 1];
                if (consumed == 0)
                {
                    consumed = position + 2 - offset;
                }

                // limit <= position < message.Length, so this also rejects targets past the end.
                if (target >= limit || ++hops > MaxPointerHops)
                {
                    break;
                }

                limit = target;
                position = target;
            }
            else
            {
                break;
            }
        }

        name = default;
        bytesConsumed = 0;
        return false;
    }

    /// <summary>
    /// Walks the name at <paramref name="offset"/> as <see cref="TryRead(ReadOnlySpan{byte}, int, out DnsName, out int)"/>
    /// does (the same rules and the same answer; a negative offset does not read), answering the octets it occupies and
    /// its <see cref="Memo"/> instead of the name. For generated unions, which inline it into the read of a case that is
    /// one name, so that validating such a case (NS, CNAME, PTR) makes no call. Never throws.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryWalk(ReadOnlySpan<byte> message, int offset, out int bytesConsumed, out int memo)
    {
        // The fast read's own walk (inlined here; the name it builds is only taken apart into the memo).
        if (offset >= 0 && TryRead(message, offset, out DnsName name, out bytesConsumed))
        {
            memo = name.Memo;
            return true;
        }

        bytesConsumed = 0;
        memo = 0;
        return false;
    }

    /// <summary>
    /// What <see cref="TryRead(ReadOnlySpan{byte}, int, out DnsName, out int)"/> found walking this name (its uncompressed
    /// length, label count and whether it follows a pointer), nonzero, for <see cref="ReadMemoized"/>: generated unions keep it so that their typed
    /// accessors rebuild a name they validated without walking it again.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public int Memo
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (1 << 16) | (_labels << 8) | _wireLength;
    }

    /// <summary>
    /// Rebuilds the name that <see cref="TryRead(ReadOnlySpan{byte}, int, out DnsName, out int)"/> read at
    /// <paramref name="offset"/> of <paramref name="message"/> from its <see cref="Memo"/>, without walking it again. For
    /// generated code that keeps the memo of a name it validated, with the same message and offset: any other memo gives
    /// a name whose members may fail (they stay bounds-checked). False, and the root, if the memo is not one.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ReadMemoized(ReadOnlySpan<byte> message, int offset, int memo, out DnsName name)
    {
        // The tag (bit 16) and, besides the length and the labels, nothing but the Compressed bit (bit 24).
        if ((uint)offset >= (uint)message.Length || ((memo >> 16) & ~(Compressed >> 8)) != 1 || (memo & 0xFF) == 0)
        {
            name = default;
            return false;
        }

        name = new DnsName(message, offset, memo & 0xFF, (memo >> 8) & (0xFF | Compressed));
        return true;
    }

    private static ReadResult Truncated(int position, int needed, int available) =>
        ReadResult.NeedMoreData(null, DnsWire.BitOffset(position), (int)Math.Min((long)position + needed, int.MaxValue), available);

    private static ReadResult Invalid(CodecErrorKind kind, int position, int expected, int actual) =>
        ReadResult.Invalid(new CodecError(kind, null, DnsWire.BitOffset(position), (ulong)expected, (ulong)actual));
}
