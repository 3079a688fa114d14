using System.Runtime.CompilerServices;

namespace Codec.Dns;

/// <summary>
/// Writes names into a DNS message with compression (RFC 1035 §4.1.4): the longest suffix already written by this
/// compressor becomes a pointer. Keep one per message being built and <see cref="Reset"/> it for the next; its table
/// is allocated once, so writing allocates nothing.
/// </summary>
/// <remarks>
/// <para>The table remembers, for every label written so far that starts below offset 0x4000 (pointers carry 14
/// bits), the offset and a case-insensitive key of the name from there on. The first suffixes of a message are found
/// by scanning short keys (the suffix's length, its first label's length and first octet: no hashing), as a
/// hand-written builder scans its handful of entries; past <see cref="ScannedSuffixes"/> they are indexed by a hash
/// table of keys that take in up to eight octets of the first label, so messages with many names stay linear. A
/// hit is confirmed against the octets actually in the message before a pointer is written, so key collisions, or a
/// message rewritten behind the compressor's back, never produce a wrong pointer. Suffixes match ignoring ASCII case
/// (RFC 4343): the first spelling written is the one pointed to.</para>
/// <para>Offsets are from the start of the DNS message (the header), so <c>message</c> must start there: for DNS over
/// TCP, pass the span after the two-octet length. When the table is full, names are still written, with the
/// compression the remembered suffixes allow.</para>
/// <para>Not thread-safe; a message is built by one writer.</para>
/// </remarks>
public sealed partial class DnsNameCompressor
{
    /// <summary>The number of suffixes remembered by default: plenty for a 512-octet UDP message.</summary>
    public const int DefaultCapacity = 128;

    /// <summary>
    /// Up to this many suffixes are looked up by scanning their keys; a message with more gets a hash index, built
    /// when the next suffix is remembered.
    /// </summary>
    public const int ScannedSuffixes = 16;

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

        _shortKeys = new uint[Math.Min(capacity, ScannedSuffixes)];
        _keys = capacity > ScannedSuffixes ? new uint[capacity] : [];
        _offsets = new ushort[capacity];

        // Open addressing at most half full keeps probe runs short; only a message with many suffixes needs it.
        if (capacity > ScannedSuffixes)
        {
            int slots = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity * 2);
            _slots = new ushort[slots];
            _mask = slots - 1;
        }
        else
        {
            _slots = [];
        }

        Capacity = capacity;
    }

    /// <summary>The most suffixes remembered.</summary>
    public int Capacity { get; }

    /// <summary>The suffixes remembered so far.</summary>
    public int Count => _count;

    /// <summary>Forgets every suffix, for the next message.</summary>
    public void Reset()
    {
        if (_count > ScannedSuffixes)
        {
            Array.Clear(_slots);
        }

        _count = 0;
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
        int room = message.Length - position;
        return TryWrite(name, message, ref position, out int size) ? WriteResult.Done(size) : TooSmall(size, room);
    }

    /// <summary>
    /// Writes <paramref name="name"/> as <see cref="TryWrite(DnsName, Span{byte}, ref int)"/> does, answering only
    /// whether it was written (false: the destination is too small, nothing written, nothing remembered). Builds no
    /// result, for writers that work out why only when it fails.
    /// </summary>
    /// <param name="name">The name to write.</param>
    /// <param name="message">The message being built, from its first octet.</param>
    /// <param name="position">Where to write; advanced past the name on success, unchanged otherwise.</param>
    /// <param name="bytesWritten">The octets written when it returns true (the octets needed otherwise).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is outside <paramref name="message"/>.</exception>
    public bool TryWrite(DnsName name, Span<byte> message, ref int position, out int bytesWritten)
    {
        // A name that lies uncompressed where it was read is used where it lies; only one with pointers is flattened,
        // into a buffer of its own length (out of line: a stackalloc would weigh on every call).
        if (name.TryGetUncompressed(out ReadOnlySpan<byte> wire))
        {
            return Write(wire, message, ref position, out bytesWritten);
        }

        return WriteFlattened(name, message, ref position, out bytesWritten);
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
        // The reader's bool form checks the name; the detailed error is worked out only when it says no.
        if (!DnsName.TryRead(uncompressedWireName, 0, out DnsName _, out int consumed) || consumed != uncompressedWireName.Length)
        {
            return Refuse(uncompressedWireName);
        }

        int room = message.Length - position;
        return Write(uncompressedWireName, message, ref position, out int size) ? WriteResult.Done(size) : TooSmall(size, room);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool WriteFlattened(DnsName name, Span<byte> message, ref int position, out int size)
    {
        if (name.IsRoot)
        {
            // The root (DnsName.Root, default) lies in no message: its one octet needs no buffer.
            return Write(RootName, message, ref position, out size);
        }

        Span<byte> flat = stackalloc byte[name.WireLength];
        int length = name.CopyUncompressedTo(flat);
        return Write(flat[..length], message, ref position, out size);
    }

    private static ReadOnlySpan<byte> RootName => [0];

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WriteResult TooSmall(int needed, int available) => WriteResult.DestinationTooSmall(needed, available);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WriteResult Refuse(ReadOnlySpan<byte> uncompressedWireName)
    {
        ReadResult read = DnsName.TryRead(uncompressedWireName, 0, out _);
        if (!read.IsDone)
        {
            return WriteResult.Invalid(read.Error);
        }

        return WriteResult.Invalid(new CodecError(CodecErrorKind.ValueOutOfRange, null, DnsWire.BitOffset(read.BytesConsumed), (ulong)read.BytesConsumed, (ulong)uncompressedWireName.Length));
    }

    /// <summary>Writes a valid uncompressed name; <paramref name="size"/> is the octets written, or needed when it returns false.</summary>
    private bool Write(ReadOnlySpan<byte> flat, Span<byte> message, ref int position, out int size)
    {
        if ((uint)position > (uint)message.Length)
        {
            ThrowPositionOutOfRange(position, message.Length);
        }

        int room = message.Length - position;
        if (flat[0] == 0)
        {
            // The root: one zero octet, nothing to point to or remember.
            size = 1;
            if (room == 0)
            {
                return false;
            }

            message[position++] = 0;
            return true;
        }

        if (room < flat.Length)
        {
            return WriteTight(flat, message, ref position, out size);
        }

        // Room for the whole name, so it will be written: each label written out in full is remembered as the search
        // passes it (its key is at hand: the short key while the table is scanned, the hashed one once it is indexed).
        // A suffix remembered here lies at or past position, outside what is looked up, and never equals a shorter
        // suffix of the same name; the longest suffix already written is the first found.
        ReadOnlySpan<byte> written = message[..position];
        int literal = 0;
        int target = -1;
        while (flat[literal] != 0)
        {
            if ((target = Find(flat, literal, written, out uint key)) >= 0)
            {
                break;
            }

            Remember(key, flat, literal, position, written);
            literal += 1 + flat[literal];
        }

        size = Place(flat, message, ref position, literal, target);
        return true;
    }

    /// <summary>
    /// The search when the name may not fit: the longest suffix first, then the size check, and suffixes are
    /// remembered only once the name is written (a failed write remembers nothing).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool WriteTight(ReadOnlySpan<byte> flat, Span<byte> message, ref int position, out int size)
    {
        ReadOnlySpan<byte> written = message[..position];
        int literal = 0;
        int target = -1;
        while (flat[literal] != 0 && (target = Find(flat, literal, written, out _)) < 0)
        {
            literal += 1 + flat[literal];
        }

        size = target >= 0 ? literal + 2 : flat.Length;
        if (size > message.Length - position)
        {
            return false;
        }

        for (int at = 0; at < literal; at += 1 + flat[at])
        {
            Remember(_count < ScannedSuffixes ? ShortKey(flat, at) : SuffixKey(flat, at), flat, at, position, written);
        }

        Place(flat, message, ref position, literal, target);
        return true;
    }

    /// <summary>Writes the first <paramref name="literal"/> octets and a pointer to <paramref name="target"/>, or the whole name when it is -1; returns the octets written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Place(ReadOnlySpan<byte> flat, Span<byte> message, ref int position, int literal, int target)
    {
        Span<byte> destination = message[position..];
        int needed;
        if (target >= 0)
        {
            needed = literal + 2;
            if (literal != 0)
            {
                flat[..literal].CopyTo(destination);
            }

            System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(literal, 2), (ushort)((DnsWire.PointerTag << 8) | target));
        }
        else
        {
            needed = flat.Length;
            flat.CopyTo(destination);
        }

        position += needed;
        return needed;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowPositionOutOfRange(int position, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, length);
    }
}
