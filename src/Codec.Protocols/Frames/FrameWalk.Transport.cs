using System.Text.Json.Nodes;
using Codec.Protocols.IPv4;
using Codec.Protocols.Tcp;
using Codec.Protocols.Udp;

namespace Codec.Protocols.Frames;

/// <summary>UDP and TCP, with checksums over the IPv4 or IPv6 pseudo-header; ICMP and ICMPv6 are in FrameWalk.Icmp.</summary>
internal ref partial struct FrameWalk
{
    private readonly void Transport(IPProtocol protocol, int offset, int end, IpContext ip)
    {
        switch (protocol)
        {
            case IPProtocol.Udp:
                Udp(offset, end, ip);
                break;
            case IPProtocol.Tcp:
                Tcp(offset, end, ip);
                break;
            case IPProtocol.Icmp when ip.Version == 4:
                Icmp(offset, end, ip);
                break;
            case IPProtocol.IcmpV6 when ip.Version == 6:
                Icmpv6(offset, end, ip);
                break;
            default:
                Data(offset, end);
                break;
        }
    }

    public readonly void Udp(int offset, int end, IpContext ip)
    {
        ReadOnlySpan<byte> segment = _frame[offset..end];
        var udp = UdpHeader.Dissect(segment);
        if (!UdpHeader.TryRead(segment, out var header, out int consumed))
        {
            Add("udp", udp, offset);
            return;
        }

        if (header.Length < UdpHeader.Size)
        {
            Add("udp", udp.Annotate("Length status", "bad: below the 8-byte header"), offset, new CodecError(CodecErrorKind.LengthOutOfRange, "Length", 32, UdpHeader.Size, header.Length));
            return;
        }

        // UDP carries its own length: a datagram that fits in what is here can be verified even when the IP header
        // claims more than the frame holds.
        CodecError? failure = null;
        int length = header.Length;
        if (length > segment.Length)
        {
            if (!ip.Fragment && !ip.CutShort && !Snapped)
            {
                udp = udp.Annotate("Length status", "bad: longer than the IP payload");
                failure = new CodecError(CodecErrorKind.LengthOutOfRange, "Length", 32, (ulong)segment.Length, header.Length);
            }

            ip = ip with { CutShort = true };
            length = segment.Length;
        }
        else
        {
            ip = ip with { CutShort = false };
        }

        string checksum = header.Checksum != 0
            ? ip.ChecksumStatus((byte)IPProtocol.Udp, segment[..length])
            : ip.Version == 6 ? "bad: a zero checksum is not allowed over IPv6 (RFC 8200 §8.1)" : "not present";
        udp = udp.Annotate("Checksum status", checksum);
        Add("udp", udp, offset, failure, new JsonObject { ["checksum_status"] = checksum });

        int payload = offset + consumed;
        int payloadEnd = offset + length;
        if (payloadEnd <= payload)
        {
            return;
        }

        if (IsPort(_options.DnsPorts, header))
        {
            Dns(payload, payloadEnd);
        }
        else if (IsPort(_options.DhcpPorts, header))
        {
            Dhcp(payload, payloadEnd);
        }
        else
        {
            Data(payload, payloadEnd);
        }
    }

    public readonly void Tcp(int offset, int end, IpContext ip)
    {
        ReadOnlySpan<byte> segment = _frame[offset..end];
        var tcp = TcpHeader.Dissect(segment);
        if (!TcpHeader.TryRead(segment, out var header, out _))
        {
            Add("tcp", tcp, offset);
            return;
        }

        int headerLength = header.DataOffset * 4;
        if (headerLength < TcpHeader.Size)
        {
            Add("tcp", tcp.Annotate("Header length status", "bad: data offset below 5"), offset, new CodecError(CodecErrorKind.LengthOutOfRange, "DataOffset", 96, TcpHeader.Size, (ulong)headerLength));
            return;
        }

        if (headerLength > segment.Length)
        {
            Add("tcp", tcp.Annotate("Header length status", "bad: the header runs past the segment"), offset, new CodecError(CodecErrorKind.Truncated, "Options", TcpHeader.Size * 8, (ulong)headerLength, (ulong)segment.Length));
            return;
        }

        string checksum = ip.ChecksumStatus((byte)IPProtocol.Tcp, segment);
        tcp = WithLength(tcp, headerLength).Annotate("Checksum status", checksum);
        CodecError? failure = TcpOptionList(segment, headerLength, ref tcp, out JsonArray options);
        var values = new JsonObject
        {
            ["checksum_status"] = checksum,
            ["flags"] = Flags(header.Flags),
            ["options"] = options,
        };
        Add("tcp", tcp, offset, failure, values);

        int payload = offset + headerLength;
        if (payload < end && IsPort(_options.DnsPorts, header.SourcePort, header.DestinationPort))
        {
            DnsOverTcp(payload, end);
        }
        else
        {
            Data(payload, end);
        }
    }

    private static JsonObject Flags(TcpFlags flags) => new()
    {
        ["fin"] = flags.HasFlag(TcpFlags.Fin),
        ["syn"] = flags.HasFlag(TcpFlags.Syn),
        ["rst"] = flags.HasFlag(TcpFlags.Rst),
        ["psh"] = flags.HasFlag(TcpFlags.Psh),
        ["ack"] = flags.HasFlag(TcpFlags.Ack),
        ["urg"] = flags.HasFlag(TcpFlags.Urg),
        ["ece"] = flags.HasFlag(TcpFlags.Ece),
        ["cwr"] = flags.HasFlag(TcpFlags.Cwr),
    };

    private static bool IsPort(IReadOnlySet<ushort> ports, UdpHeader header) => IsPort(ports, header.SourcePort, header.DestinationPort);

    private static bool IsPort(IReadOnlySet<ushort> ports, ushort source, ushort destination) => ports.Contains(source) || ports.Contains(destination);
}
