using System.Text.Json.Nodes;
using Codec.Protocols.IPv4;
using Codec.Protocols.IPv6;

namespace Codec.Protocols.Frames;

/// <summary>IPv4 (fragments reported as such) and IPv6 with its extension-header chain.</summary>
internal ref partial struct FrameWalk
{
    public readonly void Ipv4(int offset)
    {
        ReadOnlySpan<byte> packet = _frame[offset..];
        var ip = Ipv4Header.Dissect(packet);
        if (!Ipv4Header.TryRead(packet, out var header, out _))
        {
            Add("ipv4", ip, offset);
            return;
        }

        int headerLength = header.Ihl * 4;
        if (headerLength < Ipv4Header.Size)
        {
            Add("ipv4", ip.Annotate("Header length status", "bad: IHL below 5"), offset, new CodecError(CodecErrorKind.LengthOutOfRange, "Ihl", 4, Ipv4Header.Size, (ulong)headerLength));
            return;
        }

        if (header.TotalLength != 0 && header.TotalLength < headerLength)
        {
            Add("ipv4", ip.Annotate("Total length status", "bad: shorter than the header"), offset, new CodecError(CodecErrorKind.LengthOutOfRange, "TotalLength", 16, (ulong)headerLength, header.TotalLength));
            return;
        }

        if (headerLength > packet.Length)
        {
            Add("ipv4", ip.Annotate("Header length status", "bad: the header runs past the frame"), offset, new CodecError(CodecErrorKind.Truncated, "Options", Ipv4Header.Size * 8, (ulong)headerLength, (ulong)packet.Length));
            return;
        }

        string checksum = InternetChecksum.IsValid(packet[..headerLength]) ? "good" : "bad";
        ip = WithLength(ip, headerLength).Annotate("Header checksum status", checksum);
        CodecError? optionsFailure = Ipv4OptionList(packet, headerLength, ref ip, out JsonArray options);
        var values = new JsonObject { ["checksum_status"] = checksum, ["options"] = options };

        int totalLength = header.TotalLength;
        if (totalLength == 0)
        {
            // A sender's capture of TCP segmentation offload: the NIC fills in Total Length later (tshark does the same).
            ip = ip.Annotate("Total length status", "0, as TCP segmentation offload leaves it: the frame's length is used");
            totalLength = packet.Length;
        }

        // The datagram ends at Total Length: bytes after it (Ethernet padding) are not payload.
        int end = offset + totalLength;
        bool complete = true;
        CodecError? failure = optionsFailure;
        if (end > _frame.Length)
        {
            complete = false;
            if (Snapped)
            {
                ip = ip.Annotate("Total length status", $"the capture kept {packet.Length} of {totalLength} bytes");
            }
            else
            {
                ip = ip.Annotate("Total length status", "bad: longer than the frame");
                failure = new CodecError(CodecErrorKind.LengthOutOfRange, "TotalLength", 16, (ulong)packet.Length, (ulong)totalLength);
            }

            end = _frame.Length;
        }

        bool fragment = header.MoreFragments || header.FragmentOffset != 0;
        if (fragment)
        {
            ip = ip.Annotate("Fragment", $"offset {header.FragmentOffset * 8} bytes, {(header.MoreFragments ? "more fragments follow" : "last fragment")}");
            values["fragment"] = true;
        }

        Add("ipv4", ip, offset, failure, values);
        if (header.FragmentOffset != 0)
        {
            Data(offset + headerLength, end, "a non-first fragment: its data is not dissected without reassembly");
            return;
        }

        Transport(header.Protocol, offset + headerLength, end, IpContext.V4(header.Source, header.Destination, fragment, !complete));
    }

    public readonly void Ipv6(int offset)
    {
        ReadOnlySpan<byte> packet = _frame[offset..];
        var ip = Ipv6Header.Dissect(packet);
        if (!Ipv6Header.TryRead(packet, out var header, out int consumed))
        {
            Add("ipv6", ip, offset);
            return;
        }

        int end = offset + consumed + header.PayloadLength;
        bool complete = true;
        CodecError? failure = null;
        if (end > _frame.Length)
        {
            complete = false;
            if (Snapped)
            {
                ip = ip.Annotate("Payload length status", $"the capture kept {packet.Length - consumed} of {header.PayloadLength} bytes");
            }
            else
            {
                ip = ip.Annotate("Payload length status", "bad: longer than the frame");
                failure = new CodecError(CodecErrorKind.LengthOutOfRange, "PayloadLength", 32, (ulong)(packet.Length - consumed), header.PayloadLength);
            }

            end = _frame.Length;
        }

        Add("ipv6", ip, offset, failure);
        Ipv6Chain(header.NextHeader, offset + consumed, end, header, !complete);
    }

    /// <summary>RFC 8200 §4.1: extension headers in a chain, each naming the next; an unknown Next Header ends the chain.</summary>
    private readonly void Ipv6Chain(IPProtocol next, int offset, int end, Ipv6Header ip, bool cutShort)
    {
        bool fragment = false;
        while (true)
        {
            ReadOnlySpan<byte> bytes = _frame[offset..end];
            ReadResult result;
            switch (next)
            {
                case IPProtocol.HopByHop or IPProtocol.IPv6Options:
                {
                    string name = next == IPProtocol.HopByHop ? "ipv6_hopopts" : "ipv6_dstopts";
                    var dissection = Ipv6OptionsHeader.Dissect(bytes);
                    result = Ipv6OptionsHeader.TryRead(bytes, out var header);
                    Add(name, dissection, offset);
                    next = header.NextHeader;
                    break;
                }

                case IPProtocol.IPv6Route:
                {
                    var dissection = Ipv6RoutingHeader.Dissect(bytes);
                    result = Ipv6RoutingHeader.TryRead(bytes, out var header);
                    Add("ipv6_routing", dissection, offset);
                    next = header.NextHeader;
                    break;
                }

                case IPProtocol.IPv6Fragment:
                {
                    var dissection = Ipv6FragmentHeader.Dissect(bytes);
                    result = Ipv6FragmentHeader.TryRead(bytes, out var header);
                    Add("ipv6_fragment", dissection, offset);
                    if (!result.IsDone)
                    {
                        return;
                    }

                    if (header.FragmentOffset != 0)
                    {
                        Data(offset + result.BytesConsumed, end, "a non-first fragment: its data is not dissected without reassembly");
                        return;
                    }

                    fragment = header.MoreFragments;
                    next = header.NextHeader;
                    break;
                }

                case IPProtocol.IPv6NoNext:
                    Data(offset, end, "No Next Header: nothing follows");
                    return;

                default:
                    Transport(next, offset, end, IpContext.V6(ip.Source, ip.Destination, fragment, cutShort));
                    return;
            }

            if (!result.IsDone)
            {
                return;
            }

            offset += result.BytesConsumed;
        }
    }
}
