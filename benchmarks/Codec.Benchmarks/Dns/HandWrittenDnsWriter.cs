using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Codec.Benchmarks;

/// <summary>
/// The hand-written DNS message builder a user writes when the response is not known in advance: header, questions
/// and records appended with <see cref="BinaryPrimitives"/>, names given in their uncompressed wire form, checked
/// (labels up to 63 octets, names up to 255, a root octet at the end) and compressed as RFC 1035 §4.1.4 allows, by
/// looking each suffix up among the names already written (a small table of where their labels start, compared
/// case-insensitively, as Go's dnsmessage.Builder and knot's compression do). It is the baseline for the generated
/// builder: the same inputs and the same work. <see cref="HandWrittenDns.WriteSampleResponse"/> is the other end, a
/// template for this one response with its compression pointers worked out in advance.
/// </summary>
internal ref struct HandWrittenDnsWriter
{
    private const int MaxEntries = 32;

    private readonly Span<byte> _buffer;
    private readonly Span<ushort> _table;
    private int _entries;
    private int _position;

    /// <summary>A builder over <paramref name="buffer"/>; <paramref name="table"/> holds the compression table (32 entries of offset and length: 64 values).</summary>
    public HandWrittenDnsWriter(Span<byte> buffer, Span<ushort> table)
    {
        _buffer = buffer;
        _table = table;
        _entries = 0;
        _position = 12;
    }

    /// <summary>Octets written so far (the header included).</summary>
    public readonly int Length => _position;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool TryWriteHeader(ushort id, ushort flags, ushort questions, ushort answers, ushort authorities, ushort additionals)
    {
        if (_buffer.Length < 12)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt16BigEndian(_buffer, id);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.Slice(2, 2), flags);
        BinaryPrimitives.WriteUInt64BigEndian(_buffer.Slice(4, 8), ((ulong)questions << 48) | ((ulong)answers << 32) | ((ulong)authorities << 16) | additionals);
        return true;
    }

    public bool TryWriteQuestion(ReadOnlySpan<byte> name, ushort type, ushort @class)
    {
        if (!TryWriteName(name) || _buffer.Length - _position < 4)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32BigEndian(_buffer.Slice(_position, 4), ((uint)type << 16) | @class);
        _position += 4;
        return true;
    }

    /// <summary>A record whose RDATA is octets (A, AAAA, …).</summary>
    public bool TryWriteRecord(ReadOnlySpan<byte> name, ushort type, ushort @class, uint ttl, ReadOnlySpan<byte> rdata)
    {
        if (!TryWriteRecordHeader(name, type, @class, ttl, out int rdLengthAt) || rdata.Length > _buffer.Length - _position)
        {
            return false;
        }

        rdata.CopyTo(_buffer[_position..]);
        _position += rdata.Length;
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.Slice(rdLengthAt, 2), (ushort)rdata.Length);
        return true;
    }

    /// <summary>A record whose RDATA is one name, compressed too (CNAME, NS, PTR).</summary>
    public bool TryWriteNameRecord(ReadOnlySpan<byte> name, ushort type, ushort @class, uint ttl, ReadOnlySpan<byte> target)
    {
        if (!TryWriteRecordHeader(name, type, @class, ttl, out int rdLengthAt))
        {
            return false;
        }

        int start = _position;
        if (!TryWriteName(target))
        {
            return false;
        }

        BinaryPrimitives.WriteUInt16BigEndian(_buffer.Slice(rdLengthAt, 2), (ushort)(_position - start));
        return true;
    }

    private bool TryWriteRecordHeader(ReadOnlySpan<byte> name, ushort type, ushort @class, uint ttl, out int rdLengthAt)
    {
        rdLengthAt = 0;
        if (!TryWriteName(name) || _buffer.Length - _position < 10)
        {
            return false;
        }

        Span<byte> fixedPart = _buffer.Slice(_position, 10);
        BinaryPrimitives.WriteUInt32BigEndian(fixedPart, ((uint)type << 16) | @class);
        BinaryPrimitives.WriteUInt32BigEndian(fixedPart.Slice(4, 4), ttl);
        rdLengthAt = _position + 8;
        _position += 10;
        return true;
    }

    /// <summary>Checks <paramref name="name"/> and writes it, ending in a pointer at the longest suffix already written.</summary>
    private bool TryWriteName(ReadOnlySpan<byte> name)
    {
        // Check the name: labels of 1-63 octets, a root octet, at most 255 octets; the octets after it are not part of it.
        int length = 0;
        while (true)
        {
            if (length >= name.Length)
            {
                return false;
            }

            int label = name[length];
            if (label == 0)
            {
                length++;
                break;
            }

            if (label > 63)
            {
                return false;
            }

            length += 1 + label;
        }

        if (length > 255)
        {
            return false;
        }

        // Each suffix, longest first: a pointer to an equal name already written ends the name.
        int at = 0;
        int target = -1;
        while (name[at] != 0 && (target = Find(name[at..length])) < 0)
        {
            at += 1 + name[at];
        }

        // The labels before it are written as they are (with the root octet when nothing matched), and each becomes
        // a place later names can point to.
        int size = target >= 0 ? at + 2 : length;
        if (size > _buffer.Length - _position)
        {
            return false;
        }

        for (int label = 0; label < at && _position + label < 0x4000 && _entries < MaxEntries; label += 1 + name[label])
        {
            _table[2 * _entries] = (ushort)(_position + label);
            _table[(2 * _entries) + 1] = (ushort)(length - label);
            _entries++;
        }

        if (target >= 0)
        {
            name[..at].CopyTo(_buffer[_position..]);
            BinaryPrimitives.WriteUInt16BigEndian(_buffer.Slice(_position + at, 2), (ushort)(0xC000 | target));
        }
        else
        {
            name[..length].CopyTo(_buffer[_position..]);
        }

        _position += size;
        return true;
    }

    /// <summary>Where a name equal to <paramref name="suffix"/> (uncompressed, root included) starts in the buffer, or -1.</summary>
    private readonly int Find(ReadOnlySpan<byte> suffix)
    {
        // Entries hold (offset, uncompressed length): only names of the same length are compared.
        for (int e = 0; e < _entries; e++)
        {
            if (_table[(2 * e) + 1] == suffix.Length && Matches(_table[2 * e], suffix))
            {
                return _table[2 * e];
            }
        }

        return -1;
    }

    /// <summary>
    /// Compares the written name at <paramref name="offset"/> (following its pointers) with <paramref name="suffix"/>:
    /// each run of labels up to a pointer at once, exactly (vectorized), and ASCII case-insensitively only when that fails.
    /// </summary>
    private readonly bool Matches(int offset, ReadOnlySpan<byte> suffix)
    {
        int i = 0;
        while (true)
        {
            int end = offset;
            int octet;
            while ((octet = _buffer[end]) != 0 && octet < 0xC0)
            {
                end += 1 + octet;
            }

            int run = end - offset;
            if (run > suffix.Length - i)
            {
                return false;
            }

            ReadOnlySpan<byte> written = _buffer.Slice(offset, run);
            ReadOnlySpan<byte> wanted = suffix.Slice(i, run);
            if (!written.SequenceEqual(wanted) && !EqualsIgnoreCase(written, wanted))
            {
                return false;
            }

            i += run;
            if (octet == 0)
            {
                return suffix[i] == 0;
            }

            offset = ((octet & 0x3F) << 8) | _buffer[end + 1];
        }
    }

    /// <summary>Label runs equal up to ASCII case (length octets compare exactly: they are below 64, never letters).</summary>
    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        for (int k = 0; k < a.Length; k++)
        {
            int x = a[k], y = b[k];
            if (x != y && ((x | 0x20) != (y | 0x20) || (uint)((x | 0x20) - 'a') > 'z' - 'a'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes the sample response (<see cref="DnsSample"/>) with this builder: the same 94 octets as the template.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteSampleResponse(Span<byte> destination, ushort id, uint address1, uint address2)
    {
        Span<ushort> table = stackalloc ushort[2 * MaxEntries];
        var writer = new HandWrittenDnsWriter(destination, table);
        Span<byte> addresses = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(addresses, address1);
        BinaryPrimitives.WriteUInt32BigEndian(addresses[4..], address2);
        if (!writer.TryWriteHeader(id, 0x8180, 1, 3, 0, 1)
            || !writer.TryWriteQuestion(DnsSample.WwwName, DnsFold.TypeA, 1)
            || !writer.TryWriteNameRecord(DnsSample.WwwName, DnsFold.TypeCname, 1, DnsSample.CnameTtl, DnsSample.WebName)
            || !writer.TryWriteRecord(DnsSample.WebName, DnsFold.TypeA, 1, DnsSample.ATtl, addresses[..4])
            || !writer.TryWriteRecord(DnsSample.WebName, DnsFold.TypeA, 1, DnsSample.ATtl, addresses[4..])
            || !writer.TryWriteRecord([0], DnsFold.TypeOpt, DnsSample.UdpPayloadSize, 0x8000, []))
        {
            return 0;
        }

        return writer.Length;
    }
}
