using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Codec.Benchmarks;

/// <summary>
/// What every DHCP contestant consumes: the BOOTP fields (op, htype, hlen, hops, xid, secs, flags, the four addresses,
/// chaddr, the magic cookie — not sname and file, which PacketDotNet does not expose), then every option in order:
/// its code and typed value (message type, server identifier, times, mask, each router and DNS server address, each
/// octet of the domain name; the length for options not listed). Also the hand-written reader.
/// </summary>
internal static class DhcpFold
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Fixed(ulong acc, int op, int htype, int hlen, int hops, uint xid, int secs, int flags, uint ciaddr, uint yiaddr, uint siaddr, uint giaddr, ulong chaddr, uint magic)
    {
        acc = Fold.Mix(acc, (ulong)(uint)op | ((ulong)(uint)htype << 8) | ((ulong)(uint)hlen << 16) | ((ulong)(uint)hops << 24) | ((ulong)xid << 32));
        acc = Fold.Mix(acc, (ulong)(uint)secs | ((ulong)(uint)flags << 16) | ((ulong)ciaddr << 32));
        acc = Fold.Mix(acc, ((ulong)yiaddr << 32) | siaddr);
        acc = Fold.Mix(acc, ((ulong)giaddr << 32) | magic);
        return Fold.Mix(acc, chaddr);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Option(ulong acc, int code, ulong value) => Fold.Mix(acc, ((ulong)(uint)code << 56) ^ value);

    public const int SubnetMask = 1;
    public const int Router = 3;
    public const int DomainNameServer = 6;
    public const int DomainName = 15;
    public const int LeaseTime = 51;
    public const int MessageType = 53;
    public const int ServerIdentifier = 54;
    public const int RenewalTime = 58;
    public const int RebindingTime = 59;

    /// <summary>Reads a DHCP message (BOOTP header, cookie, options), folding it; false if malformed.</summary>
    public static bool TryReadHandWritten(ReadOnlySpan<byte> dhcp, ref ulong acc)
    {
        if (dhcp.Length < 240)
        {
            return false;
        }

        int hlen = dhcp[2];
        uint magic = BinaryPrimitives.ReadUInt32BigEndian(dhcp.Slice(236, 4));
        if (hlen > 16 || magic != DhcpAckSample.MagicCookie)
        {
            return false;
        }

        ulong chaddr = 0;
        for (int i = 0; i < Math.Min(hlen, 8); i++)
        {
            chaddr = (chaddr << 8) | dhcp[28 + i];
        }

        acc = Fixed(
            acc, dhcp[0], dhcp[1], hlen, dhcp[3], BinaryPrimitives.ReadUInt32BigEndian(dhcp.Slice(4, 4)), BinaryPrimitives.ReadUInt16BigEndian(dhcp.Slice(8, 2)),
            BinaryPrimitives.ReadUInt16BigEndian(dhcp.Slice(10, 2)), BinaryPrimitives.ReadUInt32BigEndian(dhcp.Slice(12, 4)), BinaryPrimitives.ReadUInt32BigEndian(dhcp.Slice(16, 4)),
            BinaryPrimitives.ReadUInt32BigEndian(dhcp.Slice(20, 4)), BinaryPrimitives.ReadUInt32BigEndian(dhcp.Slice(24, 4)), chaddr, magic);

        ReadOnlySpan<byte> options = dhcp[240..];
        int position = 0;
        while (position < options.Length)
        {
            int code = options[position];
            if (code == 0)
            {
                position++;
                continue;
            }

            if (code == 255)
            {
                return true;
            }

            if (position + 1 >= options.Length || options[position + 1] > options.Length - position - 2)
            {
                return false;
            }

            ReadOnlySpan<byte> value = options.Slice(position + 2, options[position + 1]);
            switch (code)
            {
                case MessageType when value.Length == 1:
                    acc = Option(acc, code, value[0]);
                    break;
                case SubnetMask or ServerIdentifier or LeaseTime or RenewalTime or RebindingTime when value.Length == 4:
                    acc = Option(acc, code, BinaryPrimitives.ReadUInt32BigEndian(value));
                    break;
                case Router or DomainNameServer when value.Length % 4 == 0:
                    for (int i = 0; i < value.Length; i += 4)
                    {
                        acc = Option(acc, code, BinaryPrimitives.ReadUInt32BigEndian(value.Slice(i, 4)));
                    }

                    break;
                case DomainName:
                    foreach (byte octet in value)
                    {
                        acc = Option(acc, code, octet);
                    }

                    break;
                default:
                    acc = Option(acc, code, (ulong)value.Length);
                    break;
            }

            position += 2 + value.Length;
        }

        return false; // no end option
    }
}
