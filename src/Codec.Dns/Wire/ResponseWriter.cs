using System.Buffers.Binary;
using Codec.Protocols.Dns;

namespace Codec.Dns.Wire;

/// <summary>
/// Builds a response in place (RFC 1035 §4.1): header, question copied with the requestor's case, then records
/// section by section (answer, authority, additional, in that order), names compressed (RFC 1035 §4.1.4) including
/// those inside the RDATA of NS, CNAME, PTR, MX and SOA (RFC 3597 §4). A record that does not fit under the limit is
/// not written and reported, so the caller can set TC. Allocates nothing.
/// </summary>
internal ref struct ResponseWriter
{
    /// <summary>The OPT record the writer adds: root owner, TYPE, CLASS, TTL, RDLENGTH (RFC 6891 §6.1.2).</summary>
    public const int OptSize = 11;

    private readonly Span<byte> _buffer;
    private readonly DnsNameCompressor _compressor;
    private int _limit;
    private int _position;
    private int _questionEnd;

    public ResponseWriter(Span<byte> buffer, int limit, DnsNameCompressor compressor)
    {
        _buffer = buffer;
        _limit = Math.Min(limit, buffer.Length);
        _compressor = compressor;
        _compressor.Reset();
        _position = 0;
        _questionEnd = 0;
        AnCount = 0;
        NsCount = 0;
        ArCount = 0;
    }

    public ushort AnCount { get; private set; }

    public ushort NsCount { get; private set; }

    public ushort ArCount { get; private set; }

    public readonly int Length => _position;

    /// <summary>Space kept back at the end of the buffer (for the OPT record).</summary>
    public void Reserve(int bytes) => _limit = Math.Max(DnsMessage.MinimumSize, _limit - bytes);

    public void Unreserve(int bytes) => _limit = Math.Min(_buffer.Length, _limit + bytes);

    /// <summary>Writes a header with zero counts; <see cref="Finish"/> fills in flags and counts.</summary>
    public bool WriteHeader(ushort id)
    {
        if (_limit < DnsMessage.MinimumSize)
        {
            return false;
        }

        _buffer[..DnsMessage.MinimumSize].Clear();
        BinaryPrimitives.WriteUInt16BigEndian(_buffer, id);
        _position = DnsMessage.MinimumSize;
        return true;
    }

    /// <summary>Writes the question as it came, so its case is preserved (and later owners can point to it).</summary>
    public bool WriteQuestion(scoped DnsName name, DnsType type, DnsClass dnsClass)
    {
        int position = _position;
        if (!_compressor.TryWrite(name, _buffer[.._limit], ref position).IsDone || _limit - position < 4)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt16BigEndian(_buffer[position..], (ushort)type);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[(position + 2)..], (ushort)dnsClass);
        _position = position + 4;
        _questionEnd = _position;
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[4..], 1);
        return true;
    }

    /// <summary>Forgets every record written, keeping header and question (for a truncated response).</summary>
    public void DropRecords()
    {
        _position = Math.Max(_questionEnd, DnsMessage.MinimumSize);
        AnCount = NsCount = ArCount = 0;
    }

    /// <summary>Adds one record to <paramref name="section"/>; false, with nothing written, when it does not fit.</summary>
    public bool TryAdd(DnsSection section, scoped ReadOnlySpan<byte> owner, DnsType type, DnsClass dnsClass, uint ttl, scoped ReadOnlySpan<byte> rdata)
    {
        int position = _position;
        Span<byte> window = _buffer[.._limit];
        if (!_compressor.TryWrite(owner, window, ref position).IsDone || _limit - position < 10)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt16BigEndian(window[position..], (ushort)type);
        BinaryPrimitives.WriteUInt16BigEndian(window[(position + 2)..], (ushort)dnsClass);
        BinaryPrimitives.WriteUInt32BigEndian(window[(position + 4)..], ttl);
        int lengthAt = position + 8;
        position += 10;
        int rdataStart = position;
        if (!TryWriteRData(type, rdata, window, ref position))
        {
            return false;
        }

        BinaryPrimitives.WriteUInt16BigEndian(window[lengthAt..], (ushort)(position - rdataStart));
        _position = position;
        switch (section)
        {
            case DnsSection.Answer:
                AnCount++;
                break;
            case DnsSection.Authority:
                NsCount++;
                break;
            default:
                ArCount++;
                break;
        }

        return true;
    }

    /// <summary>Adds the OPT pseudo-record (RFC 6891 §6.1.2): our UDP payload size, the extended RCODE's upper bits, version 0.</summary>
    public bool TryAddOpt(ushort udpPayloadSize, int extendedRcode, bool dnssecOk)
    {
        if (_limit - _position < OptSize)
        {
            return false;
        }

        Span<byte> opt = _buffer.Slice(_position, OptSize);
        opt[0] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(opt[1..], (ushort)DnsType.OPT);
        BinaryPrimitives.WriteUInt16BigEndian(opt[3..], udpPayloadSize);
        uint ttl = ((uint)(extendedRcode >> 4) << 24) | (dnssecOk ? 0x8000u : 0);
        BinaryPrimitives.WriteUInt32BigEndian(opt[5..], ttl);
        BinaryPrimitives.WriteUInt16BigEndian(opt[9..], 0);
        _position += OptSize;
        ArCount++;
        return true;
    }

    /// <summary>Writes an OPT record with RCODE 0 into <paramref name="destination"/>; returns its size, or 0 if it does not fit.</summary>
    public static int WriteOpt(Span<byte> destination, ushort udpPayloadSize, bool dnssecOk)
    {
        if (destination.Length < OptSize)
        {
            return 0;
        }

        destination[0] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], (ushort)DnsType.OPT);
        BinaryPrimitives.WriteUInt16BigEndian(destination[3..], udpPayloadSize);
        BinaryPrimitives.WriteUInt32BigEndian(destination[5..], dnssecOk ? 0x8000u : 0);
        BinaryPrimitives.WriteUInt16BigEndian(destination[9..], 0);
        return OptSize;
    }

    /// <summary>Sets flags, RCODE (its low four bits) and counts. QR is set; RD and CD are copied from the query.</summary>
    public readonly void Finish(DnsOpcode opcode, int rcode, bool aa, bool tc, bool rd, bool ra, bool cd)
    {
        var flags = new DnsHeaderFlags
        {
            Qr = true, Opcode = (DnsOpcode)((int)opcode & 0xF), Aa = aa, Tc = tc, Rd = rd, Ra = ra, Cd = cd, Rcode = (DnsResponseCode)(rcode & 0xF),
        };
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[2..], flags.Value);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[6..], AnCount);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[8..], NsCount);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[10..], ArCount);
    }

    private readonly bool TryWriteRData(DnsType type, scoped ReadOnlySpan<byte> rdata, Span<byte> window, ref int position)
    {
        switch (type)
        {
            case DnsType.NS or DnsType.CNAME or DnsType.PTR:
                return _compressor.TryWrite(rdata, window, ref position).IsDone;
            case DnsType.MX when rdata.Length > 2:
                if (window.Length - position < 2)
                {
                    return false;
                }

                rdata[..2].CopyTo(window[position..]);
                position += 2;
                return _compressor.TryWrite(rdata[2..], window, ref position).IsDone;
            case DnsType.SOA:
                {
                    int mname = NameLength(rdata);
                    int rname = NameLength(rdata[mname..]);
                    if (!_compressor.TryWrite(rdata[..mname], window, ref position).IsDone
                        || !_compressor.TryWrite(rdata.Slice(mname, rname), window, ref position).IsDone)
                    {
                        return false;
                    }

                    ReadOnlySpan<byte> timers = rdata[(mname + rname)..];
                    if (window.Length - position < timers.Length)
                    {
                        return false;
                    }

                    timers.CopyTo(window[position..]);
                    position += timers.Length;
                    return true;
                }

            default:
                if (window.Length - position < rdata.Length)
                {
                    return false;
                }

                rdata.CopyTo(window[position..]);
                position += rdata.Length;
                return true;
        }
    }

    private static int NameLength(ReadOnlySpan<byte> wire)
    {
        int at = 0;
        while (wire[at] != 0)
        {
            at += 1 + wire[at];
        }

        return at + 1;
    }
}

/// <summary>The sections records go to.</summary>
internal enum DnsSection
{
    Answer,
    Authority,
    Additional,
}
