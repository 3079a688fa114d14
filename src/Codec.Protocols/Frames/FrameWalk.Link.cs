using Codec.Protocols.Ethernet;

namespace Codec.Protocols.Frames;

/// <summary>Link layers: Ethernet II with VLAN tags, Linux cooked capture v1/v2, BSD loopback, raw IP.</summary>
internal ref partial struct FrameWalk
{
    public readonly void Ethernet(int offset)
    {
        ReadOnlySpan<byte> bytes = _frame[offset..];
        var dissection = EthernetHeader.Dissect(bytes);
        if (!EthernetHeader.TryRead(bytes, out var header, out int consumed))
        {
            Add("ethernet", dissection, offset);
            return;
        }

        Add("ethernet", dissection, offset);
        EtherPayload(offset + consumed, header.EtherType);
    }

    /// <summary>The payload of an EtherType: VLAN tags (any depth), IPv4, IPv6, or data.</summary>
    private readonly void EtherPayload(int offset, EtherType type)
    {
        while (FrameDissector.IsVlanTag(type))
        {
            ReadOnlySpan<byte> bytes = _frame[offset..];
            var tag = VlanTag.Dissect(bytes);
            Add("vlan", tag, offset);
            if (!VlanTag.TryRead(bytes, out var header, out int consumed))
            {
                return;
            }

            offset += consumed;
            type = header.EtherType;
        }

        switch (type)
        {
            case EtherType.IPv4:
                Ipv4(offset);
                break;
            case EtherType.IPv6:
                Ipv6(offset);
                break;
            default:
                Data(offset, _frame.Length, (ushort)type <= 1500 ? "IEEE 802.3 length field: LLC frame, not dissected" : "EtherType " + Hex16((ushort)type) + " is not dissected");
                break;
        }
    }

    public readonly void LinuxCooked(int offset)
    {
        ReadOnlySpan<byte> bytes = _frame[offset..];
        Add("sll", LinuxCookedHeader.Dissect(bytes), offset);
        if (LinuxCookedHeader.TryRead(bytes, out var header, out int consumed))
        {
            EtherPayload(offset + consumed, header.Protocol);
        }
    }

    public readonly void LinuxCooked2(int offset)
    {
        ReadOnlySpan<byte> bytes = _frame[offset..];
        Add("sll2", LinuxCooked2Header.Dissect(bytes), offset);
        if (LinuxCooked2Header.TryRead(bytes, out var header, out int consumed))
        {
            EtherPayload(offset + consumed, header.Protocol);
        }
    }

    public readonly void Null(int offset)
    {
        ReadOnlySpan<byte> bytes = _frame[offset..];
        var dissection = NullHeader.Dissect(bytes);
        if (!NullHeader.TryRead(bytes, out var header, out int consumed))
        {
            Add("null", dissection, offset);
            return;
        }

        Add("null", dissection.Annotate("Family", header.IsIPv4 ? "IPv4 (AF_INET)" : header.IsIPv6 ? "IPv6 (AF_INET6)" : "unknown"), offset);
        if (header.IsIPv4)
        {
            Ipv4(offset + consumed);
        }
        else if (header.IsIPv6)
        {
            Ipv6(offset + consumed);
        }
        else
        {
            Data(offset + consumed, _frame.Length);
        }
    }

    /// <summary>LINKTYPE_RAW: the version nibble tells IPv4 from IPv6; anything else is read as IPv4 and fails its version.</summary>
    public readonly void RawIp(int offset)
    {
        if (offset < _frame.Length && _frame[offset] >> 4 == 6)
        {
            Ipv6(offset);
        }
        else
        {
            Ipv4(offset);
        }
    }
}
