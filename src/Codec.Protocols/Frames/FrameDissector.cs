using Codec.Protocols.Dns;
using Codec.Protocols.Ethernet;
using Codec.Protocols.IPv4;
using Codec.Protocols.Tcp;
using Codec.Protocols.Udp;

namespace Codec.Protocols.Frames;

/// <summary>
/// Walks a frame from its link layer inwards with the generated dissections: Ethernet II → IPv4 → TCP/UDP → data.
/// Never throws on input: a layer that cannot be read ends the walk with its error.
/// </summary>
public static class FrameDissector
{
    /// <summary>Dissects <paramref name="frame"/>, whose first byte starts a <paramref name="link"/> header.</summary>
    public static FrameDissection Dissect(ReadOnlySpan<byte> frame, LinkType link)
    {
        var layers = new List<MessageDissection>();
        switch (link)
        {
            case LinkType.Ethernet:
                Ethernet(frame, layers);
                break;
            case LinkType.IPv4:
                Ipv4(frame, 0, layers);
                break;
            case LinkType.Udp:
                Transport(frame, 0, frame.Length, IPProtocol.Udp, default, layers);
                break;
            case LinkType.Tcp:
                Transport(frame, 0, frame.Length, IPProtocol.Tcp, default, layers);
                break;
        }

        return new FrameDissection(frame.Length, layers);
    }

    private static void Ethernet(ReadOnlySpan<byte> frame, List<MessageDissection> layers)
    {
        var ethernet = EthernetHeader.Dissect(frame);
        layers.Add(ethernet);
        if (!EthernetHeader.TryRead(frame, out var header, out int consumed))
        {
            return;
        }

        if (header.EtherType == EtherType.IPv4)
        {
            Ipv4(frame, consumed, layers);
        }
        else
        {
            Data(frame, consumed, frame.Length, layers);
        }
    }

    private static void Ipv4(ReadOnlySpan<byte> frame, int offset, List<MessageDissection> layers)
    {
        ReadOnlySpan<byte> packet = frame[offset..];
        var ip = Ipv4Header.Dissect(packet).At(offset);
        if (!Ipv4Header.TryRead(packet, out var header, out _))
        {
            layers.Add(ip);
            return;
        }

        int headerLength = header.Ihl * 4;
        if (headerLength < Ipv4Header.Size || headerLength > packet.Length)
        {
            layers.Add(ip.Annotate("Header length status", headerLength < Ipv4Header.Size ? "bad: IHL below 5" : "bad: header runs past the frame"));
            return;
        }

        ip = ip.Annotate("Header checksum status", InternetChecksum.IsValid(packet[..headerLength]) ? "good" : "bad");
        if (headerLength > Ipv4Header.Size)
        {
            ip = ip.Annotate("Options", $"{headerLength - Ipv4Header.Size} bytes");
        }

        // The datagram ends at Total Length: bytes after it (Ethernet padding) are not payload.
        if (header.TotalLength < headerLength || header.TotalLength > packet.Length)
        {
            layers.Add(ip.Annotate("Total length status", header.TotalLength < headerLength ? "bad: shorter than the header" : "bad: longer than the frame"));
            return;
        }

        layers.Add(ip);
        if (header.FragmentOffset != 0 || header.MoreFragments)
        {
            Data(frame, offset + headerLength, offset + header.TotalLength, layers);
            return;
        }

        Transport(frame, offset + headerLength, offset + header.TotalLength, header.Protocol, header, layers);
    }

    private static void Transport(ReadOnlySpan<byte> frame, int offset, int end, IPProtocol protocol, Ipv4Header ip, List<MessageDissection> layers)
    {
        ReadOnlySpan<byte> segment = frame[offset..end];
        bool hasPseudoHeader = ip.Version == 4;
        switch (protocol)
        {
            case IPProtocol.Udp:
            {
                var udp = UdpHeader.Dissect(segment).At(offset);
                if (!UdpHeader.TryRead(segment, out var header, out int consumed))
                {
                    layers.Add(udp);
                    return;
                }

                if (hasPseudoHeader)
                {
                    udp = udp.Annotate("Checksum status", header.Checksum == 0 ? "not present" : ChecksumStatus(ip, IPProtocol.Udp, segment));
                }

                layers.Add(udp);
                int length = Math.Clamp((int)header.Length, consumed, segment.Length);
                if (IsDnsPort(header.SourcePort) || IsDnsPort(header.DestinationPort))
                {
                    Dns(frame, offset + consumed, offset + length, layers);
                }
                else
                {
                    Data(frame, offset + consumed, offset + length, layers);
                }

                return;
            }

            case IPProtocol.Tcp:
            {
                var tcp = TcpHeader.Dissect(segment).At(offset);
                if (!TcpHeader.TryRead(segment, out var header, out _))
                {
                    layers.Add(tcp);
                    return;
                }

                int headerLength = header.DataOffset * 4;
                if (headerLength < TcpHeader.Size || headerLength > segment.Length)
                {
                    layers.Add(tcp.Annotate("Header length status", "bad: data offset " + header.DataOffset));
                    return;
                }

                if (hasPseudoHeader)
                {
                    tcp = tcp.Annotate("Checksum status", ChecksumStatus(ip, IPProtocol.Tcp, segment));
                }

                if (headerLength > TcpHeader.Size)
                {
                    tcp = tcp.Annotate("Options", $"{headerLength - TcpHeader.Size} bytes");
                }

                layers.Add(tcp);
                Data(frame, offset + headerLength, end, layers);
                return;
            }

            default:
                Data(frame, offset, end, layers);
                return;
        }
    }

    private static bool IsDnsPort(ushort port) => port is 53 or 5353;

    /// <summary>The DNS message, with each question and record summed up in a line as dig's sections do.</summary>
    private static void Dns(ReadOnlySpan<byte> frame, int offset, int end, List<MessageDissection> layers)
    {
        ReadOnlySpan<byte> payload = frame[offset..end];
        var dns = DnsMessage.Dissect(payload).At(offset);
        if (DnsMessage.TryRead(payload, out var message).IsDone)
        {
            foreach (DnsQuestion question in message.Questions)
            {
                dns = dns.Annotate("Query", $"{question.Name.ToString()} {DnsText.Class(question.Class)} {DnsText.Type(question.Type)}");
            }

            dns = Records(dns, "Answer", message.Answers);
            dns = Records(dns, "Authority", message.Authorities);
            dns = Records(dns, "Additional", message.Additionals);
        }

        layers.Add(dns);
    }

    private static MessageDissection Records(MessageDissection dns, string section, MessageList<DnsResourceRecord> records)
    {
        foreach (DnsResourceRecord record in records)
        {
            dns = dns.Annotate(section, $"{record.Name.ToString()} {record.Ttl} {DnsText.Class(record.Class)} {DnsText.Type(record.Type)} \\# {record.RData.Length} {DissectionText.Hex(record.RData)}");
        }

        return dns;
    }

    /// <summary>RFC 768 / RFC 9293 §3.1: the checksum covers a pseudo-header of addresses, protocol and length.</summary>
    private static string ChecksumStatus(Ipv4Header ip, IPProtocol protocol, ReadOnlySpan<byte> segment) =>
        InternetChecksum.IsValidTransport(ip.Source, ip.Destination, (byte)protocol, segment) ? "good" : "bad";

    private static void Data(ReadOnlySpan<byte> frame, int offset, int end, List<MessageDissection> layers)
    {
        if (end <= offset)
        {
            return;
        }

        var builder = new DissectionBuilder("Data", "Data", ByteOrder.BigEndian);
        ReadOnlySpan<byte> data = frame[offset..end];
        builder.Add("Data", "Data", 0, data.Length * 8, null, DissectionText.Hex(data), FieldKind.Bytes);
        layers.Add(builder.Complete(ReadResult.Done(data.Length)).At(offset));
    }
}
