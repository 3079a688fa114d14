namespace Codec.Dns;

/// <summary>
/// Writes names into a DNS message with compression (RFC 1035 §4.1.4): the longest suffix already written by this
/// compressor becomes a pointer. Keep one per message being built and <see cref="Reset"/> it for the next; its table
/// is allocated once, so writing allocates nothing.
/// </summary>
/// <remarks>
/// <para>The table remembers, for every label written so far that starts below offset 0x4000 (pointers carry 14
/// bits), the offset and a case-insensitive hash of the name from there on. A hit is confirmed against the octets
/// actually in the message before a pointer is written, so hash collisions, or a message rewritten behind the
/// compressor's back, never produce a wrong pointer. Suffixes match ignoring ASCII case (RFC 4343): the first spelling
/// written is the one pointed to.</para>
/// <para>Offsets are from the start of the DNS message (the header), so <c>message</c> must start there: for DNS over
/// TCP, pass the span after the two-octet length. When the table is full, names are still written, with the
/// compression the remembered suffixes allow.</para>
/// <para>Not thread-safe; a message is built by one writer.</para>
/// </remarks>
public sealed class DnsNameCompressor
{
    /// <summary>The number of suffixes remembered by default: plenty for a 512-octet UDP message.</summary>
    public const int DefaultCapacity = 128;

    private readonly uint[] _hashes;
    private readonly ushort[] _offsets;   // offset + 1; 0 marks a free slot
    private readonly int _mask;
    private int _count;

    /// <summary>Creates a compressor that remembers up to <see cref="DefaultCapacity"/> suffixes.</summary>
    public DnsNameCompressor()
        : this(DefaultCapacity)
    {
    }

    /// <summary>Creates a compressor that remembers up to <paramref name="capacity"/> suffixes (1–8192).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is outside 1–8192.</exception>
    public DnsNameCompressor(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, DnsWire.PointerLimit / 2);

        // Open addressing at most half full keeps probe runs short.
        int slots = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity * 2);
        _hashes = new uint[slots];
        _offsets = new ushort[slots];
        _mask = slots - 1;
        Capacity = capacity;
    }

    /// <summary>The most suffixes remembered.</summary>
    public int Capacity { get; }

    /// <summary>The suffixes remembered so far.</summary>
    public int Count => _count;

    /// <summary>Forgets every suffix, for the next message.</summary>
    public void Reset()
    {
        if (_count != 0)
        {
            Array.Clear(_offsets);
            _count = 0;
        }
    }

    /// <summary>
    /// Writes <paramref name="name"/> (read from any message, possibly this one) at <paramref name="position"/> in
    /// <paramref name="message"/>, its longest already-written suffix as a pointer, and remembers its new suffixes.
    /// </summary>
    /// <param name="name">The name to write.</param>
    /// <param name="message">The message being built, from its first octet.</param>
    /// <param name="position">Where to write; advanced past the name on success, unchanged otherwise.</param>
    /// <returns>Done with the octets written, or DestinationTooSmall (nothing written, nothing remembered).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is outside <paramref name="message"/>.</exception>
    public WriteResult TryWrite(DnsName name, Span<byte> message, ref int position)
    {
        // A name that lies uncompressed where it was read is used where it lies; only one with pointers is flattened,
        // into a buffer of its own length.
        if (name.TryGetUncompressed(out ReadOnlySpan<byte> wire))
        {
            return Write(wire, message, ref position);
        }

        Span<byte> flat = stackalloc byte[name.WireLength];
        int length = name.CopyUncompressedTo(flat);
        return Write(flat[..length], message, ref position);
    }

    /// <summary>
    /// Writes the name <paramref name="uncompressedWireName"/> (exactly one name in wire form, no pointers) as
    /// <see cref="TryWrite(DnsName, Span{byte}, ref int)"/> does.
    /// </summary>
    /// <returns>
    /// Done; DestinationTooSmall; or InvalidData with the reader's error if <paramref name="uncompressedWireName"/> is
    /// not one valid name (<see cref="CodecErrorKind.ValueOutOfRange"/> if octets follow its root octet).
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is outside <paramref name="message"/>.</exception>
    public WriteResult TryWrite(ReadOnlySpan<byte> uncompressedWireName, Span<byte> message, ref int position)
    {
        ReadResult read = DnsName.TryRead(uncompressedWireName, 0, out _);
        if (!read.IsDone)
        {
            return WriteResult.Invalid(read.Error);
        }

        if (read.BytesConsumed != uncompressedWireName.Length)
        {
            return WriteResult.Invalid(new CodecError(CodecErrorKind.ValueOutOfRange, null, DnsWire.BitOffset(read.BytesConsumed), (ulong)read.BytesConsumed, (ulong)uncompressedWireName.Length));
        }

        return Write(uncompressedWireName, message, ref position);
    }

    private WriteResult Write(ReadOnlySpan<byte> flat, Span<byte> message, ref int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, message.Length);

        int labels = 0;
        for (int at = 0; flat[at] != 0; at += 1 + flat[at])
        {
            labels++;
        }

        if (labels == 0)
        {
            // The root: one zero octet, nothing to point to or remember.
            if (position == message.Length)
            {
                return WriteResult.DestinationTooSmall(1, 0);
            }

            message[position++] = 0;
            return WriteResult.Done(1);
        }

        // Where each label starts in `flat`, and the hash of the name from that label on (computed from the root up);
        // sized by the label count, so that only what is used is cleared.
        Span<int> starts = stackalloc int[labels];
        Span<uint> hashes = stackalloc uint[labels];
        labels = 0;
        for (int at = 0; flat[at] != 0; at += 1 + flat[at])
        {
            starts[labels++] = at;
        }

        uint hash = DnsWire.RootHash;
        for (int i = labels - 1; i >= 0; i--)
        {
            hash = DnsWire.HashLabel(flat.Slice(starts[i] + 1, flat[starts[i]]), hash);
            hashes[i] = hash;
        }

        // The longest suffix already in the message: the first label, from the left, whose suffix is found.
        ReadOnlySpan<byte> written = message[..position];
        int matched = labels;
        int target = 0;
        for (int i = 0; i < labels; i++)
        {
            target = Find(hashes[i], flat[starts[i]..], written);
            if (target >= 0)
            {
                matched = i;
                break;
            }
        }

        int literal = matched < labels ? starts[matched] : flat.Length;
        int needed = matched < labels ? literal + 2 : literal;
        if (needed > message.Length - position)
        {
            return WriteResult.DestinationTooSmall(needed, message.Length - position);
        }

        flat[..literal].CopyTo(message[position..]);
        if (matched < labels)
        {
            message[position + literal] = (byte)(DnsWire.PointerTag | (target >> 8));
            message[position + literal + 1] = (byte)target;
        }

        for (int i = 0; i < matched; i++)
        {
            Remember(hashes[i], position + starts[i]);
        }

        position += needed;
        return WriteResult.Done(needed);
    }

    /// <summary>The offset of a remembered name equal to <paramref name="suffix"/>, confirmed in <paramref name="written"/>; -1 if none.</summary>
    private int Find(uint hash, ReadOnlySpan<byte> suffix, ReadOnlySpan<byte> written)
    {
        for (int slot = (int)hash & _mask; _offsets[slot] != 0; slot = (slot + 1) & _mask)
        {
            if (_hashes[slot] != hash)
            {
                continue;
            }

            int offset = _offsets[slot] - 1;
            if (Spells(written, offset, suffix))
            {
                return offset;
            }
        }

        return -1;
    }

    /// <summary>
    /// Whether the name at <paramref name="offset"/> in <paramref name="written"/> reads, by <see cref="DnsName.TryRead(ReadOnlySpan{byte}, int, out DnsName)"/>'s
    /// rules, as <paramref name="suffix"/> (a valid uncompressed name), ignoring ASCII case: one walk that follows the
    /// pointers and compares label by label, so that a pointer to it is one a reader follows to the same name.
    /// </summary>
    private static bool Spells(ReadOnlySpan<byte> written, int offset, ReadOnlySpan<byte> suffix)
    {
        int position = offset;
        int limit = offset;     // every pointer must point below the labels that contain it
        int at = 0;             // in suffix, which ends in its root octet: the walk stops there at the latest
        int hops = 0;
        while ((uint)position < (uint)written.Length)
        {
            byte octet = written[position];
            if (octet >= DnsWire.PointerTag)
            {
                if (position + 1 >= written.Length)
                {
                    return false;
                }

                int target = ((octet & ~DnsWire.LabelTypeMask) << 8) | written[position + 1];
                if (target >= limit || ++hops > DnsName.MaxPointerHops)
                {
                    return false;
                }

                limit = target;
                position = target;
                continue;
            }

            if (octet != suffix[at])
            {
                return false;   // a different length, a reserved label type (never in a valid suffix), or a root too early
            }

            if (octet == 0)
            {
                return true;
            }

            if (octet > written.Length - position - 1)
            {
                return false;
            }

            for (int i = 1; i <= octet; i++)
            {
                if (DnsWire.ToLower(written[position + i]) != DnsWire.ToLower(suffix[at + i]))
                {
                    return false;
                }
            }

            position += 1 + octet;
            at += 1 + octet;
        }

        return false;
    }

    private void Remember(uint hash, int offset)
    {
        if (offset >= DnsWire.PointerLimit || _count == Capacity)
        {
            return;
        }

        int slot = (int)hash & _mask;
        while (_offsets[slot] != 0)
        {
            slot = (slot + 1) & _mask;
        }

        _hashes[slot] = hash;
        _offsets[slot] = (ushort)(offset + 1);
        _count++;
    }
}
