using System.Text.Json.Nodes;
using Codec.Protocols.Icmp;
using Codec.Protocols.IPv4;
using Codec.Protocols.IPv6;
using Codec.Protocols.Udp;

namespace Codec.Protocols.Frames;

/// <summary>ICMPv4 (RFC 792) and ICMPv6 (RFC 4443, RFC 4861): echo, the error messages with the packet that caused them, NDP by name.</summary>
internal ref partial struct FrameWalk
{
    private const int IcmpHeaderSize = 8;

    private readonly void Icmp(int offset, int end, IpContext ip)
    {
        ReadOnlySpan<byte> message = _frame[offset..end];
        if (!IcmpHeader.TryRead(message, out var header, out _))
        {
            Add("icmp", IcmpHeader.Dissect(message), offset);
            return;
        }

        // RFC 792: the checksum covers the ICMP message alone, no pseudo-header.
        string checksum = ip.Complete ? (InternetChecksum.IsValid(message) ? "good" : "bad") : "unverified: the message is not whole in this frame";
        var values = new JsonObject { ["checksum_status"] = checksum };
        switch (header.Type)
        {
            case IcmpType.Echo or IcmpType.EchoReply:
                Add("icmp", IcmpEcho.Dissect(message).Annotate("Checksum status", checksum), offset, values: values);
                Data(offset + IcmpHeaderSize, end);
                break;

            case IcmpType.DestinationUnreachable or IcmpType.TimeExceeded or IcmpType.SourceQuench:
                Add("icmp", IcmpError.Dissect(message).Annotate("Checksum status", checksum), offset, values: values);
                EmbeddedIpv4(offset + IcmpHeaderSize, end);
                break;

            default:
                Add("icmp", IcmpHeader.Dissect(message).Annotate("Checksum status", checksum), offset, values: values);
                Data(offset + IcmpHeaderSize, end);
                break;
        }
    }

    /// <summary>RFC 792: the original datagram's Internet header and its first 64 bits of data. Its lengths describe the original, not this copy.</summary>
    private readonly void EmbeddedIpv4(int offset, int end)
    {
        ReadOnlySpan<byte> bytes = _frame[offset..end];
        var ip = Ipv4Header.Dissect(bytes);
        if (!Ipv4Header.TryRead(bytes, out var header, out _))
        {
            Add("ipv4", ip.Annotate("Embedded", "the datagram that caused the error"), offset);
            return;
        }

        int headerLength = header.Ihl * 4;
        if (headerLength < Ipv4Header.Size || headerLength > bytes.Length)
        {
            Add("ipv4", ip.Annotate("Embedded", "the datagram that caused the error"), offset, new CodecError(CodecErrorKind.LengthOutOfRange, "Ihl", 4, (ulong)bytes.Length, (ulong)headerLength));
            return;
        }

        string checksum = InternetChecksum.IsValid(bytes[..headerLength]) ? "good" : "bad";
        Add("ipv4", ip.Annotate("Embedded", "the datagram that caused the error").Annotate("Header checksum status", checksum), offset, values: new JsonObject { ["checksum_status"] = checksum, ["embedded"] = true });
        int data = offset + headerLength;
        if (header.Protocol == IPProtocol.Udp && header.FragmentOffset == 0 && end - data >= UdpHeader.Size)
        {
            Add("udp", UdpHeader.Dissect(_frame[data..end]).Annotate("Embedded", "the first 8 bytes of the original datagram's data"), data, values: new JsonObject { ["embedded"] = true });
            Data(data + UdpHeader.Size, end);
        }
        else if (header.Protocol == IPProtocol.Icmp && header.FragmentOffset == 0 && end - data >= IcmpHeader.Size)
        {
            Add("icmp", IcmpHeader.Dissect(_frame[data..end]).Annotate("Embedded", "the first 8 bytes of the original datagram's data"), data, values: new JsonObject { ["embedded"] = true });
            Data(data + IcmpHeader.Size, end);
        }
        else
        {
            Data(data, end);
        }
    }

    private readonly void Icmpv6(int offset, int end, IpContext ip)
    {
        ReadOnlySpan<byte> message = _frame[offset..end];
        if (!Icmpv6Header.TryRead(message, out var header, out _))
        {
            Add("icmpv6", Icmpv6Header.Dissect(message), offset);
            return;
        }

        string checksum = ip.ChecksumStatus((byte)IPProtocol.IcmpV6, message);
        var values = new JsonObject { ["checksum_status"] = checksum };
        switch (header.Type)
        {
            case Icmpv6Type.EchoRequest or Icmpv6Type.EchoReply:
                Add("icmpv6", Icmpv6Echo.Dissect(message).Annotate("Checksum status", checksum), offset, values: values);
                Data(offset + IcmpHeaderSize, end);
                return;

            case Icmpv6Type.DestinationUnreachable or Icmpv6Type.PacketTooBig or Icmpv6Type.TimeExceeded or Icmpv6Type.ParameterProblem:
            {
                var dissection = Icmpv6Header.Dissect(message).Annotate("Checksum status", checksum);
                if (header.Type == Icmpv6Type.PacketTooBig)
                {
                    dissection = dissection.Annotate("MTU", Number(header.Body));
                }
                else if (header.Type == Icmpv6Type.ParameterProblem)
                {
                    dissection = dissection.Annotate("Pointer", Number(header.Body));
                }

                Add("icmpv6", dissection, offset, values: values);
                EmbeddedIpv6(offset + IcmpHeaderSize, end);
                return;
            }

            case Icmpv6Type.NeighborSolicitation or Icmpv6Type.NeighborAdvertisement or Icmpv6Type.Redirect when message.Length >= IcmpHeaderSize + 16:
            {
                // RFC 4861 §4.3–4.5: a Target Address follows the first word.
                var target = IPv6Address.FromBytes(message.Slice(IcmpHeaderSize, 16));
                Add("icmpv6", Icmpv6Header.Dissect(message).Annotate("Checksum status", checksum).Annotate("Target Address", target.ToString()), offset, values: values);
                Data(offset + IcmpHeaderSize + 16, end, "Neighbor Discovery options");
                return;
            }

            default:
                Add("icmpv6", Icmpv6Header.Dissect(message).Annotate("Checksum status", checksum), offset, values: values);
                Data(offset + IcmpHeaderSize, end);
                return;
        }
    }

    /// <summary>RFC 4443 §3: as much of the invoking packet as fits; its header is shown, the rest is data.</summary>
    private readonly void EmbeddedIpv6(int offset, int end)
    {
        ReadOnlySpan<byte> bytes = _frame[offset..end];
        if (bytes.IsEmpty)
        {
            return;
        }

        var ip = Ipv6Header.Dissect(bytes).Annotate("Embedded", "the packet that caused the error");
        bool read = Ipv6Header.TryRead(bytes, out _, out int consumed);
        Add("ipv6", ip, offset, values: new JsonObject { ["embedded"] = true });
        if (read)
        {
            Data(offset + consumed, end);
        }
    }
}
