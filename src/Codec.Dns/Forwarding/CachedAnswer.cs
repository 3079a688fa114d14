using System.Buffers.Binary;
using Codec.Protocols.Dns;

namespace Codec.Dns.Forwarding;

/// <summary>
/// An upstream response kept for reuse: the message without its OPT record, where each TTL lies in it, when it was
/// stored and how long it may be used (the smallest TTL; for a negative answer, RFC 2308 §5's SOA-derived TTL).
/// Written back with the client's ID, flags and question spelling, every TTL lowered by the time spent in the cache.
/// </summary>
public sealed class CachedAnswer
{
    /// <summary>The longest an answer is kept, whatever its TTLs say (RFC 8767 suggests capping; a day is common).</summary>
    public const uint MaxTtl = 86400;

    private readonly byte[] _message;
    private readonly int[] _ttlOffsets;
    private readonly long _storedAt;

    private CachedAnswer(byte[] message, int[] ttlOffsets, uint ttl, long storedAt)
    {
        _message = message;
        _ttlOffsets = ttlOffsets;
        Ttl = ttl;
        _storedAt = storedAt;
    }

    /// <summary>Seconds the answer may be used from when it was stored.</summary>
    public uint Ttl { get; }

    /// <summary>The RCODE upstream gave.</summary>
    public DnsResponseCode Rcode => (DnsResponseCode)(_message[3] & 0xF);

    /// <summary>The message as kept (no OPT), for tests.</summary>
    public ReadOnlySpan<byte> Message => _message;

    /// <summary>Whether the answer's time is up at <paramref name="now"/> (<see cref="Environment.TickCount64"/>).</summary>
    public bool IsExpired(long now) => now - _storedAt >= Ttl * 1000L;

    /// <summary>
    /// Makes a cache entry from an upstream response that answers <paramref name="question"/>; null when it does not
    /// answer it (QR, opcode, question), is not NOERROR/NXDOMAIN, or is malformed.
    /// </summary>
    internal static CachedAnswer? FromResponse(ReadOnlySpan<byte> response, ushort expectedId, ForwardQuestion question, long now)
    {
        if (!Matches(response, expectedId, question))
        {
            return null;
        }

        DnsMessage.TryRead(response, out DnsMessage message);
        if (message.Flags.Rcode is not (DnsResponseCode.NoError or DnsResponseCode.NXDomain))
        {
            return null;
        }

        var offsets = new List<int>(message.AnCount + message.NsCount + message.ArCount);
        uint minimum = MaxTtl;
        uint? negative = null;
        int optStart = -1;
        int end = response.Length;
        int index = 0;
        int total = message.AnCount + message.NsCount + message.ArCount;
        foreach (DnsResourceRecord record in message.Answers)
        {
            offsets.Add(TtlOffset(response, record.Name.Offset));
            minimum = Math.Min(minimum, record.Ttl);
            index++;
        }

        foreach (DnsResourceRecord record in message.Authorities)
        {
            offsets.Add(TtlOffset(response, record.Name.Offset));
            minimum = Math.Min(minimum, record.Ttl);
            if (record.Type == DnsType.SOA && record.RData.Length >= 4)
            {
                // RFC 2308 §5: a negative answer lives min(SOA TTL, SOA MINIMUM).
                negative = Math.Min(record.Ttl, BinaryPrimitives.ReadUInt32BigEndian(record.RData.Bytes[^4..]));
            }

            index++;
        }

        foreach (DnsResourceRecord record in message.Additionals)
        {
            index++;
            if (record.Type == DnsType.OPT)
            {
                if (index != total)
                {
                    return null; // an OPT that is not last cannot be cut out cleanly
                }

                optStart = record.Name.Offset;
                break;
            }

            offsets.Add(TtlOffset(response, record.Name.Offset));
            minimum = Math.Min(minimum, record.Ttl);
        }

        uint ttl = message.AnCount == 0 ? negative ?? 0 : minimum;
        byte[] kept = response[..(optStart >= 0 ? optStart : end)].ToArray();
        if (optStart >= 0)
        {
            BinaryPrimitives.WriteUInt16BigEndian(kept.AsSpan(10), (ushort)(message.ArCount - 1));
        }

        return new CachedAnswer(kept, [.. offsets], Math.Min(ttl, MaxTtl), now);
    }

    /// <summary>Whether <paramref name="response"/> is a well-formed response to <paramref name="question"/> with this ID.</summary>
    internal static bool Matches(ReadOnlySpan<byte> response, ushort expectedId, ForwardQuestion question)
    {
        if (!DnsMessage.TryRead(response, out DnsMessage message).IsDone
            || !message.Flags.Qr || message.Id != expectedId || message.Flags.Opcode != DnsOpcode.Query || message.QdCount != 1)
        {
            return false;
        }

        foreach (DnsQuestion asked in message.Questions)
        {
            return asked.Type == question.Type && asked.Class == question.Class && asked.Name.Equals(question.Name);
        }

        return false;
    }

    /// <summary>
    /// Writes the answer for a client: its ID, RD and CD, RA set, AA clear, its spelling of the name, TTLs lowered.
    /// Returns the length, or when the answer exceeds <paramref name="limit"/>, a TC response with the question only
    /// (<paramref name="truncated"/>). <paramref name="request"/> is the client's query.
    /// </summary>
    internal int WriteTo(Span<byte> response, int limit, ushort id, ClientFlags flags, ReadOnlySpan<byte> request, long now, out bool truncated)
    {
        int questionEnd = QuestionEnd(_message);
        truncated = _message.Length > limit || (_message[2] & 0x02) != 0;
        int length = _message.Length > limit ? questionEnd : _message.Length;
        if (length > response.Length || questionEnd > request.Length)
        {
            truncated = false;
            return 0;
        }

        _message.AsSpan(0, length).CopyTo(response);

        // The client's spelling of the name (the same length: the names are equal ignoring case), if written plainly.
        if (LiteralQuestionEnd(request) == questionEnd)
        {
            request[DnsMessage.MinimumSize..(questionEnd - 4)].CopyTo(response[DnsMessage.MinimumSize..]);
        }
        BinaryPrimitives.WriteUInt16BigEndian(response, id);
        var header = new DnsHeaderFlags
        {
            Qr = true, Tc = truncated, Rd = flags.Rd, Ra = true, Cd = flags.Cd, Rcode = (DnsResponseCode)(_message[3] & 0x0F),
        };
        BinaryPrimitives.WriteUInt16BigEndian(response[2..], header.Value);
        if (length == questionEnd)
        {
            response[6..12].Clear();
        }
        else
        {
            uint elapsed = (uint)Math.Max(0, (now - _storedAt) / 1000);
            foreach (int offset in _ttlOffsets)
            {
                uint ttl = BinaryPrimitives.ReadUInt32BigEndian(response[offset..]);
                BinaryPrimitives.WriteUInt32BigEndian(response[offset..], ttl > elapsed ? ttl - elapsed : 0);
            }
        }

        return length;
    }

    /// <summary>The end of the first question if its name has no pointer and lies within the message; -1 otherwise.</summary>
    private static int LiteralQuestionEnd(ReadOnlySpan<byte> message)
    {
        int at = DnsMessage.MinimumSize;
        while (at < message.Length && message[at] != 0)
        {
            if (message[at] >= 0xC0)
            {
                return -1;
            }

            at += 1 + message[at];
        }

        return at + 5 <= message.Length ? at + 5 : -1;
    }

    private static int QuestionEnd(ReadOnlySpan<byte> message)
    {
        int at = DnsMessage.MinimumSize;
        while (message[at] != 0)
        {
            at += 1 + message[at];
        }

        return at + 1 + 4;
    }

    /// <summary>Where the TTL of the record starting at <paramref name="start"/> lies: after its owner name, TYPE and CLASS.</summary>
    private static int TtlOffset(ReadOnlySpan<byte> message, int start)
    {
        int at = start;
        while (true)
        {
            byte octet = message[at];
            if (octet == 0)
            {
                at++;
                break;
            }

            if (octet >= 0xC0)
            {
                at += 2;
                break;
            }

            at += 1 + octet;
        }

        return at + 4;
    }
}
