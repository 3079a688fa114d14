using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Codec.Dns;

// The compressor's table of remembered suffixes: entries in the order written (a key and an offset each), scanned
// while there are few, indexed by an open-addressing hash table once there are more than ScannedSuffixes.
public sealed partial class DnsNameCompressor
{
    private readonly uint[] _shortKeys;   // entry i < ScannedSuffixes: the short key of the suffix at _offsets[i]
    private readonly uint[] _keys;        // entry i, once indexed: the hashed key of the suffix at _offsets[i]
    private readonly ushort[] _offsets;
    private readonly ushort[] _slots;     // hash index: entry + 1; 0 marks a free slot; used past ScannedSuffixes
    private readonly int _mask;
    private int _count;

    /// <summary>
    /// The key of the suffix of <paramref name="flat"/> that starts at label <paramref name="at"/>: its length in octets
    /// and up to the first eight octets of its first label (length octet included), with bit 0x20 set in every octet of
    /// the word so that ASCII case does not change it, mixed by a multiplication. Cheap (no per-octet dependency chain)
    /// and, with the confirmation in <see cref="Spells"/>, exact.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint SuffixKey(ReadOnlySpan<byte> flat, int at)
    {
        int take = Math.Min(8, 1 + flat[at]);
        int remaining = flat.Length - at;
        ulong word;
        if (remaining >= 8)
        {
            word = BinaryPrimitives.ReadUInt64BigEndian(flat.Slice(at, 8)) >> ((8 - take) * 8);
        }
        else if (flat.Length >= 8)
        {
            // A short suffix of a longer name: the last eight octets hold it in their low `remaining` octets (take is
            // below remaining, the root octet being after the label).
            word = (BinaryPrimitives.ReadUInt64BigEndian(flat[^8..]) << ((8 - remaining) * 8)) >> ((8 - take) * 8);
        }
        else
        {
            word = 0;
            for (int i = 0; i < take; i++)
            {
                word = (word << 8) | flat[at + i];
            }
        }

        return Mix(word, remaining);
    }

    /// <summary>
    /// The short key of the suffix of <paramref name="flat"/> that starts at label <paramref name="at"/>: its length in
    /// octets (at most 255), its first label's length octet, and that label's first and last octets with bit 0x20 set
    /// (so that ASCII case does not change them). Octets at hand, no arithmetic: what the scanned entries are compared
    /// by, as a hand-written builder compares the lengths of its few entries. Equal names (ignoring case) have equal
    /// short keys.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ShortKey(ReadOnlySpan<byte> flat, int at)
    {
        int label = flat[at];
        return ((uint)(flat.Length - at) << 24) | ((uint)(flat[at + label] | 0x20) << 16) | ((uint)(flat[at + 1] | 0x20) << 8) | (uint)label;
    }

    /// <summary>
    /// The hashed key (<see cref="SuffixKey"/>) of the remembered suffix at <paramref name="offset"/> in
    /// <paramref name="written"/>, <paramref name="remaining"/> octets long uncompressed: its first label lies there in
    /// full (only labels written out are remembered). For the entries scanned so far, when the index is built.
    /// </summary>
    private static uint KeyAt(ReadOnlySpan<byte> written, int offset, int remaining)
    {
        int take = Math.Min(8, 1 + written[offset]);
        if (take > written.Length - offset)
        {
            return 0;   // the message was rewritten behind the compressor's back: a key that only costs a miss
        }

        ulong word = 0;
        for (int i = 0; i < take; i++)
        {
            word = (word << 8) | written[offset + i];
        }

        return Mix(word, remaining);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Mix(ulong word, int remaining)
    {
        ulong key = ((word | 0x2020202020202020UL) ^ ((ulong)(uint)remaining << 56)) * 0x9E3779B97F4A7C15UL;
        return (uint)(key >> 32);
    }

    /// <summary>
    /// The offset of a remembered name equal to the suffix of <paramref name="flat"/> at label <paramref name="at"/>,
    /// confirmed in <paramref name="written"/>; -1 if none. <paramref name="key"/> is the suffix's key for
    /// <see cref="Remember"/>: its short key while the entries are scanned, its hashed key once they are indexed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(ReadOnlySpan<byte> flat, int at, ReadOnlySpan<byte> written, out uint key)
    {
        int count = _count;
        if (count <= ScannedSuffixes)
        {
            key = ShortKey(flat, at);
            ReadOnlySpan<uint> keys = new(_shortKeys, 0, count);
            for (int i = 0; i < keys.Length; i++)
            {
                if (keys[i] == key)
                {
                    int offset = _offsets[i];
                    if (Spells(written, offset, flat[at..]))
                    {
                        return offset;
                    }
                }
            }

            return -1;
        }

        key = SuffixKey(flat, at);
        return FindIndexed(key, flat[at..], written);
    }

    private int FindIndexed(uint key, ReadOnlySpan<byte> suffix, ReadOnlySpan<byte> written)
    {
        ushort[] slots = _slots;
        for (int slot = (int)key & _mask; slots[slot] != 0; slot = (slot + 1) & _mask)
        {
            int entry = slots[slot] - 1;
            if (_keys[entry] == key)
            {
                int offset = _offsets[entry];
                if (Spells(written, offset, suffix))
                {
                    return offset;
                }
            }
        }

        return -1;
    }

    /// <summary>
    /// Whether the name at <paramref name="offset"/> in <paramref name="written"/> reads as <paramref name="suffix"/> (a
    /// valid uncompressed name), as <see cref="SpellsIgnoringCase"/> decides, first without walking labels: the octets
    /// there are compared with the rest of the suffix at once, and equal up to its root octet they are that name, flat.
    /// Where they differ at a pointer octet that stands where a label of the suffix starts, the octets before it are
    /// those labels, and the pointer is checked as a reader checks it and followed. Any other difference (ASCII case, a
    /// name that is not there) is left to the walk.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool Spells(ReadOnlySpan<byte> written, int offset, ReadOnlySpan<byte> suffix)
    {
        int position = offset;
        int limit = offset;     // every pointer must point below the labels that contain it
        int at = 0;             // in suffix
        int hops = 0;
        while ((uint)position < (uint)written.Length)
        {
            int rest = suffix.Length - at;      // the labels left and the root octet
            int same = CommonPrefix(written[position..], suffix[at..]);
            if (same == rest)
            {
                return true;
            }

            int end = position + same;
            if (end + 1 >= written.Length || written[end] < DnsWire.PointerTag || !StartsLabel(suffix, at, at + same))
            {
                break;
            }

            int target = ((written[end] & ~DnsWire.LabelTypeMask) << 8) | written[end + 1];
            if (target >= limit || ++hops > DnsName.MaxPointerHops)
            {
                return false;   // the walk would refuse this pointer too: it reaches it through the same labels
            }

            at += same;
            limit = target;
            position = target;
        }

        return SpellsIgnoringCase(written, offset, suffix);
    }

    /// <summary>
    /// How many first octets <paramref name="a"/> and <paramref name="b"/> have in common: eight at a time (names are
    /// short, and <see cref="MemoryExtensions.CommonPrefixLength{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/> compares runs under
    /// sixteen octets one by one), the last word overlapping the one before.
    /// </summary>
    private static int CommonPrefix(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        int n = Math.Min(a.Length, b.Length);
        ref byte x = ref MemoryMarshal.GetReference(a);
        ref byte y = ref MemoryMarshal.GetReference(b);
        if (n < 8)
        {
            int i = 0;
            while (i < n && Unsafe.Add(ref x, i) == Unsafe.Add(ref y, i))
            {
                i++;
            }

            return i;
        }

        for (int i = 0; ; i += 8)
        {
            // The last word ends at n; the octets it shares with the word before are equal, so its first difference is past them.
            int start = Math.Min(i, n - 8);
            ulong difference = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref x, start)) ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref y, start));
            if (difference != 0)
            {
                return start + ((BitConverter.IsLittleEndian ? BitOperations.TrailingZeroCount(difference) : BitOperations.LeadingZeroCount(difference)) >> 3);
            }

            if (start == n - 8)
            {
                return n;
            }
        }
    }

    /// <summary>Whether a label of the valid name <paramref name="suffix"/> starts at <paramref name="end"/>, walking its labels from <paramref name="at"/> (one of them).</summary>
    private static bool StartsLabel(ReadOnlySpan<byte> suffix, int at, int end)
    {
        while (at < end)
        {
            at += 1 + suffix[at];
        }

        return at == end;
    }

    /// <summary>
    /// Whether the name at <paramref name="offset"/> in <paramref name="written"/> reads, by <see cref="DnsName.TryRead(ReadOnlySpan{byte}, int, out DnsName)"/>'s
    /// rules, as <paramref name="suffix"/> (a valid uncompressed name), ignoring ASCII case: one walk that follows the
    /// pointers, so that a pointer to it is one a reader follows to the same name. Each run of labels up to a pointer or
    /// the root is compared at once: octets equal to the suffix's have its (valid) length octets where it has them, and
    /// the case-blind comparison folds letters only, never a length octet (those are below 64).
    /// </summary>
    private static bool SpellsIgnoringCase(ReadOnlySpan<byte> written, int offset, ReadOnlySpan<byte> suffix)
    {
        int position = offset;
        int limit = offset;     // every pointer must point below the labels that contain it
        int at = 0;             // in suffix, which ends in its root octet
        int hops = 0;
        while (true)
        {
            int end = position;
            int octet;
            while (true)
            {
                if ((uint)end >= (uint)written.Length)
                {
                    return false;
                }

                octet = written[end];
                if (octet == 0 || octet > DnsName.MaxLabelLength)
                {
                    break;
                }

                end += 1 + octet;
            }

            int run = end - position;
            if (run > suffix.Length - 1 - at)
            {
                return false;
            }

            ReadOnlySpan<byte> labels = written.Slice(position, run);
            ReadOnlySpan<byte> wanted = suffix.Slice(at, run);
            if (!labels.SequenceEqual(wanted) && !EqualsIgnoringCase(labels, wanted))
            {
                return false;
            }

            at += run;
            if (octet == 0)
            {
                return suffix[at] == 0;
            }

            if (octet < DnsWire.PointerTag || end + 1 >= written.Length)
            {
                return false;   // a reserved label type, or a pointer cut short
            }

            int target = ((octet & ~DnsWire.LabelTypeMask) << 8) | written[end + 1];
            if (target >= limit || ++hops > DnsName.MaxPointerHops)
            {
                return false;
            }

            limit = target;
            position = target;
        }
    }

    /// <summary>Runs of labels equal ignoring ASCII case; length octets (below 64, never letters) compare exactly.</summary>
    private static bool EqualsIgnoringCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i] && DnsWire.ToLower(a[i]) != DnsWire.ToLower(b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Remembers the suffix of <paramref name="flat"/> at label <paramref name="at"/>, about to be written at
    /// <paramref name="position"/> + <paramref name="at"/>; <paramref name="key"/> is what <see cref="Find"/> gave for it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Remember(uint key, ReadOnlySpan<byte> flat, int at, int position, ReadOnlySpan<byte> written)
    {
        int count = _count;
        int offset = position + at;
        if (offset >= DnsWire.PointerLimit || count == _offsets.Length)
        {
            return;
        }

        _offsets[count] = (ushort)offset;
        _count = count + 1;
        if (count < ScannedSuffixes)
        {
            _shortKeys[count] = key;
            return;
        }

        Index(count, key, flat, at, position, written);
    }

    /// <summary>
    /// Puts entry <paramref name="entry"/> in the hash index; when it is the first past the scanned ones, first works out
    /// the hashed keys of those (from the name being written for its own suffixes, from the message for the others) and
    /// indexes them.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Index(int entry, uint key, ReadOnlySpan<byte> flat, int at, int position, ReadOnlySpan<byte> written)
    {
        if (entry == ScannedSuffixes)
        {
            // The search that found no suffix scanned, so key is a short key: the hashed one is computed here.
            key = SuffixKey(flat, at);
            for (int e = 0; e < ScannedSuffixes; e++)
            {
                int offset = _offsets[e];
                _keys[e] = offset >= position ? SuffixKey(flat, offset - position) : KeyAt(written, offset, (int)(_shortKeys[e] >> 24));
            }
        }

        _keys[entry] = key;
        for (int e = entry == ScannedSuffixes ? 0 : entry; e <= entry; e++)
        {
            int slot = (int)_keys[e] & _mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = (ushort)(e + 1);
        }
    }
}
