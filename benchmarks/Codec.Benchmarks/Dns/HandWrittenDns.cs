using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Codec.Benchmarks;

/// <summary>
/// The hand-written DNS baseline: a competent <see cref="BinaryPrimitives"/> reader that follows compression pointers
/// with the same rules as <c>DnsName.TryRead</c> (pointers strictly backwards, at most 127 hops, labels up to 63,
/// names up to 255 octets, reserved label types rejected, nothing read outside the message), checks every count and
/// length against the message, and folds what <see cref="DnsFold"/> lists; and a writer of the sample response with
/// RFC 1035 §4.1.4 compression done by hand (it knows where each name it will point to was written).
/// </summary>
internal static class HandWrittenDns
{
    /// <summary>
    /// Walks the name at <paramref name="offset"/>: its uncompressed wire length, its label count and the octets it
    /// occupies at <paramref name="offset"/> (up to the root octet or the first pointer).
    /// </summary>
    public static bool TryReadName(ReadOnlySpan<byte> message, int offset, out int wireLength, out int labels, out int consumed)
    {
        int position = offset;
        int limit = offset;      // a pointer must point below the labels being read
        int length = 1;
        int count = 0;
        int hops = 0;
        consumed = 0;
        while ((uint)position < (uint)message.Length)
        {
            int octet = message[position];
            if (octet == 0)
            {
                if (consumed == 0)
                {
                    consumed = position + 1 - offset;
                }

                wireLength = length;
                labels = count;
                return true;
            }

            if (octet < 0x40)
            {
                length += 1 + octet;
                if (length > 255)
                {
                    break;
                }

                count++;
                position += 1 + octet;
            }
            else if (octet >= 0xC0)
            {
                if (position + 1 >= message.Length)
                {
                    break;
                }

                int target = ((octet & 0x3F) << 8) | message[position + 1];
                if (consumed == 0)
                {
                    consumed = position + 2 - offset;
                }

                if (target >= limit || ++hops > 127)
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

        wireLength = 0;
        labels = 0;
        consumed = 0;
        return false;
    }

    /// <summary>Reads a whole DNS message, folding it; false if it is malformed.</summary>
    public static bool TryRead(ReadOnlySpan<byte> message, ref ulong acc)
    {
        if (message.Length < 12)
        {
            return false;
        }

        int flags = BinaryPrimitives.ReadUInt16BigEndian(message.Slice(2, 2));
        int qd = BinaryPrimitives.ReadUInt16BigEndian(message.Slice(4, 2));
        int an = BinaryPrimitives.ReadUInt16BigEndian(message.Slice(6, 2));
        int ns = BinaryPrimitives.ReadUInt16BigEndian(message.Slice(8, 2));
        int ar = BinaryPrimitives.ReadUInt16BigEndian(message.Slice(10, 2));
        acc = DnsFold.Header(acc, BinaryPrimitives.ReadUInt16BigEndian(message), flags & ~DnsFold.ZBit, qd, an, ns, ar);

        int position = 12;
        for (int i = 0; i < qd; i++)
        {
            if (!TryReadName(message, position, out int wire, out _, out int consumed) || message.Length - (position += consumed) < 4)
            {
                return false;
            }

            acc = DnsFold.Question(acc, wire, BinaryPrimitives.ReadUInt16BigEndian(message.Slice(position, 2)), BinaryPrimitives.ReadUInt16BigEndian(message.Slice(position + 2, 2)));
            position += 4;
        }

        return TryReadRecords(message, an + ns + ar, ref position, ref acc);
    }

    private static bool TryReadRecords(ReadOnlySpan<byte> message, int count, ref int position, ref ulong acc)
    {
        for (int i = 0; i < count; i++)
        {
            if (!TryReadName(message, position, out int wire, out _, out int consumed) || message.Length - (position += consumed) < 10)
            {
                return false;
            }

            ReadOnlySpan<byte> fixedPart = message.Slice(position, 10);
            int rdLength = BinaryPrimitives.ReadUInt16BigEndian(fixedPart.Slice(8, 2));
            int type = BinaryPrimitives.ReadUInt16BigEndian(fixedPart);
            int @class = BinaryPrimitives.ReadUInt16BigEndian(fixedPart.Slice(2, 2));
            uint ttl = BinaryPrimitives.ReadUInt32BigEndian(fixedPart.Slice(4, 4));
            position += 10;
            if (rdLength > message.Length - position)
            {
                return false;
            }

            if (type == DnsFold.TypeOpt)
            {
                acc = DnsFold.Opt(acc, wire, @class, (int)((ttl >> 16) & 0xFF), (ttl & 0x8000) != 0);
            }
            else
            {
                acc = DnsFold.Record(acc, wire, type, @class, ttl);
                if (type == DnsFold.TypeA && rdLength == 4)
                {
                    acc = DnsFold.A(acc, BinaryPrimitives.ReadUInt32BigEndian(message.Slice(position, 4)));
                }
                else if (type == DnsFold.TypeCname)
                {
                    if (!TryReadName(message, position, out int target, out _, out int targetConsumed) || targetConsumed != rdLength)
                    {
                        return false;
                    }

                    acc = DnsFold.Cname(acc, target);
                }
            }

            position += rdLength;
        }

        return true;
    }

    /// <summary>
    /// Writes the sample response (<see cref="DnsSample"/>) with DNS id <paramref name="id"/>: the same 94 octets,
    /// names compressed. Returns the length, or 0 if <paramref name="destination"/> is too small.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteSampleResponse(Span<byte> destination, ushort id, uint address1, uint address2)
    {
        if (destination.Length < 94)
        {
            return 0;
        }

        ReadOnlySpan<byte> www = DnsSample.WwwName;
        BinaryPrimitives.WriteUInt16BigEndian(destination, id);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2, 2), 0x8180);
        BinaryPrimitives.WriteUInt64BigEndian(destination.Slice(4, 8), 0x0001_0003_0000_0001UL);
        int qname = 12;
        www.CopyTo(destination[qname..]);
        int position = qname + www.Length;
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(position, 4), 0x0001_0001); // A IN
        position += 4;

        // CNAME: owner → the question name; target "web" + pointer to "example.com." inside the question name.
        position = WriteRecordHeader(destination, position, qname, DnsFold.TypeCname, DnsSample.CnameTtl, 6);
        int target = position;
        destination[position] = 3;
        destination[position + 1] = (byte)'w';
        destination[position + 2] = (byte)'e';
        destination[position + 3] = (byte)'b';
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(position + 4, 2), (ushort)(0xC000 | (qname + 1 + www[0])));
        position += 6;

        position = WriteRecordHeader(destination, position, target, DnsFold.TypeA, DnsSample.ATtl, 4);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(position, 4), address1);
        position += 4;
        position = WriteRecordHeader(destination, position, target, DnsFold.TypeA, DnsSample.ATtl, 4);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(position, 4), address2);
        position += 4;

        // OPT: root owner, type 41, UDP payload size as CLASS, TTL = extended RCODE 0, version 0, DO.
        destination[position] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(position + 1, 2), DnsFold.TypeOpt);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(position + 3, 2), DnsSample.UdpPayloadSize);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(position + 5, 4), 0x8000);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(position + 9, 2), 0);
        return position + 11;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WriteRecordHeader(Span<byte> destination, int position, int ownerOffset, int type, int ttl, int rdLength)
    {
        Span<byte> record = destination.Slice(position, 12);
        BinaryPrimitives.WriteUInt16BigEndian(record, (ushort)(0xC000 | ownerOffset));
        BinaryPrimitives.WriteUInt16BigEndian(record.Slice(2, 2), (ushort)type);
        BinaryPrimitives.WriteUInt16BigEndian(record.Slice(4, 2), 1);
        BinaryPrimitives.WriteUInt32BigEndian(record.Slice(6, 4), (uint)ttl);
        BinaryPrimitives.WriteUInt16BigEndian(record.Slice(10, 2), (ushort)rdLength);
        return position + 12;
    }
}
