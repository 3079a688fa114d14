using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Codec.Protocols.Dhcp;

namespace Codec.Benchmarks;

/// <summary>
/// Our side of the DHCP scenario: the generated <see cref="DhcpMessage"/> with its generated <see cref="DhcpOptions"/>,
/// over the generated IPv4 and UDP layers (<see cref="GeneratedPackets"/>). Reading folds what <see cref="DhcpFold"/>
/// folds: the BOOTP fields (flags as the broadcast bit, the only part of the field the message exposes; the reserved
/// 15 bits are zero in the sample), then the options in wire order, through the message's generated visitor
/// (<see cref="DhcpMessage.IElementVisitor"/>: the header, then each option as soon as the read has validated it, so the
/// options are walked once). Each known option's value is read as its generated type with the typed accessors' rule (it
/// must fill the option exactly), with the type's bool <c>TryRead</c> (through <c>ReadOnlyView</c>s the TCP fold
/// measured about 20 ns slower); the address lists through <see cref="DhcpAddressList.IElementVisitor"/>, each address
/// folded as it is validated (committed only when the whole list reads). The accessors (<c>TryGetServerIdentifier</c> …)
/// each search the list from its start, so they cannot fold in wire order. Writing uses <see cref="DhcpOptions.Writer"/> (its bool forms, <c>TryAdd{Member}(value, out written)</c>:
/// the <c>WriteResult</c> forms cost about 25 ns more per ACK, each result a wide struct the JIT zeroes and copies) and
/// the message's writer.
/// </summary>
internal static class GeneratedDhcp
{
    /// <summary>Reads the DHCP message (UDP data) <paramref name="dhcp"/>, folding it; false if malformed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryRead(ReadOnlySpan<byte> dhcp, ref ulong acc)
    {
        var fold = new MessageFold { Acc = acc };
        if (!DhcpMessage.TryRead(dhcp, ref fold, out _, out _) || fold.Malformed || !fold.Ended)
        {
            return false;
        }

        acc = fold.Acc;
        return true;
    }

    /// <summary>
    /// Folds the BOOTP fields, then the options in wire order, pads skipped, up to the end option (false without one, as
    /// the hand-written reader: <see cref="Ended"/>); a hardware address length over 16 makes the message
    /// <see cref="Malformed"/>.
    /// </summary>
    private struct MessageFold : DhcpMessage.IElementVisitor
    {
        public ulong Acc;
        public bool Ended;
        public bool Malformed;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void VisitHeader(in DhcpMessage message)
        {
            int hlen = message.HardwareAddressLength;
            if (hlen > 16)
            {
                Malformed = true;
                return;
            }

            ReadOnlySpan<byte> hardware = message.ClientHardwareAddress;
            ulong chaddr = 0;
            for (int i = 0; i < Math.Min(hlen, 8); i++)
            {
                chaddr = (chaddr << 8) | hardware[i];
            }

            Acc = DhcpFold.Fixed(
                Acc, (int)message.Op, message.HardwareType, hlen, message.Hops, message.TransactionId, message.Seconds,
                message.Broadcast ? 0x8000 : 0, message.ClientAddress.Value, message.YourAddress.Value, message.ServerAddress.Value,
                message.GatewayAddress.Value, chaddr, message.MagicCookie);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void VisitOptions(Codec.OptionEntry option)
        {
            int code = option.Kind;
            ReadOnlySpan<byte> value = option.Value;
            switch (code)
            {
                case DhcpOptions.PadKind:
                    break;
                case DhcpOptions.EndKind:
                    Ended = true; // the last option the read hands over
                    break;
                case DhcpOptions.MessageTypeKind when DhcpMessageTypeValue.TryRead(value, out DhcpMessageTypeValue type, out int read) && read == value.Length:
                    Acc = DhcpFold.Option(Acc, code, (byte)type.Type);
                    break;
                case DhcpOptions.SubnetMaskKind or DhcpOptions.ServerIdentifierKind when DhcpAddress.TryRead(value, out DhcpAddress address, out int read) && read == value.Length:
                    Acc = DhcpFold.Option(Acc, code, address.Address.Value);
                    break;
                case DhcpOptions.LeaseTimeKind or DhcpOptions.RenewalTimeKind or DhcpOptions.RebindingTimeKind when DhcpSeconds.TryRead(value, out DhcpSeconds seconds, out int read) && read == value.Length:
                    Acc = DhcpFold.Option(Acc, code, seconds.Seconds);
                    break;
                case DhcpOptions.RouterKind or DhcpOptions.DomainNameServerKind when TryFoldAddresses(value, code, ref Acc):
                    break;
                case DhcpOptions.DomainNameKind when TryReadText(value, out DhcpText text):
                    foreach (byte octet in text.Text)
                    {
                        Acc = DhcpFold.Option(Acc, code, octet);
                    }

                    break;
                default:
                    Acc = DhcpFold.Option(Acc, code, (ulong)value.Length);
                    break;
            }
        }
    }

    /// <summary>Folds each address of an address-list option as the list's read validates it; false (nothing folded) when the value is not a list of addresses filling it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryFoldAddresses(ReadOnlySpan<byte> value, int code, ref ulong acc)
    {
        var fold = new AddressFold { Acc = acc, Code = code };
        if (!DhcpAddressList.TryRead(value, ref fold, out _, out int read) || read != value.Length)
        {
            return false;
        }

        acc = fold.Acc;
        return true;
    }

    private struct AddressFold : DhcpAddressList.IElementVisitor
    {
        public ulong Acc;
        public int Code;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void VisitAddresses(DhcpAddress element) => Acc = DhcpFold.Option(Acc, Code, element.Address.Value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReadText(ReadOnlySpan<byte> value, out DhcpText text)
    {
        return DhcpText.TryRead(value, out text, out int read) && read == value.Length;
    }

    /// <summary>
    /// Writes DHCPACK <paramref name="i"/> of the sample batch: the options with <see cref="DhcpOptions.Writer"/> where
    /// the message puts them (the address lists built in place at its <c>NextValue</c>), the message with its generated writer (which leaves them where they lie), then UDP and
    /// IPv4 with <see cref="GeneratedPackets.WrapUdp"/>. A method of its own, as <see cref="GeneratedTcp.Write"/> (the JIT's
    /// inline budget of the benchmark's loop).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Write(Span<byte> packet, int i)
    {
        if (packet.Length < DhcpAckSample.Length)
        {
            return 0;
        }

        var server = new DhcpAddress { Address = new Codec.IPv4Address(DhcpAckSample.Server) };
        var writer = new DhcpOptions.Writer(packet[(28 + 240)..]);
        if (!writer.TryAddMessageType(new DhcpMessageTypeValue { Type = DhcpMessageType.Ack }, out _)
            || !writer.TryAddServerIdentifier(server, out _)
            || !writer.TryAddLeaseTime(new DhcpSeconds { Seconds = DhcpAckSample.Lease }, out _)
            || !writer.TryAddRenewalTime(new DhcpSeconds { Seconds = DhcpAckSample.Renewal }, out _)
            || !writer.TryAddRebindingTime(new DhcpSeconds { Seconds = DhcpAckSample.Rebinding }, out _)
            || !writer.TryAddSubnetMask(new DhcpAddress { Address = new Codec.IPv4Address(DhcpAckSample.Mask) }, out _))
        {
            return 0;
        }

        // The address lists are built with the generated list writer where the option writer puts the next value
        // (NextValue), so that TryAddRouter/TryAddDomainNameServer find them in place and do not copy them.
        var routers = new Codec.MessageListWriter<DhcpAddress>(writer.NextValue);
        if (!routers.TryAdd(server, out _) || !writer.TryAddRouter(new DhcpAddressList { Addresses = routers.ToList() }, out _))
        {
            return 0;
        }

        var dnsServers = new Codec.MessageListWriter<DhcpAddress>(writer.NextValue);
        if (!dnsServers.TryAdd(server, out _)
            || !dnsServers.TryAdd(new DhcpAddress { Address = new Codec.IPv4Address(DhcpAckSample.PublicDns) }, out _)
            || !writer.TryAddDomainNameServer(new DhcpAddressList { Addresses = dnsServers.ToList() }, out _)
            || !writer.TryAddDomainName(new DhcpText { Text = DhcpAckSample.DomainName }, out _)
            || !writer.TryEnd(1, out _))
        {
            return 0;
        }

        // The message is filled field by field, the hardware address in place: an object initializer would build the
        // 300-octet struct in a temporary and copy it.
        scoped DhcpMessage message = default;
        message.Op = DhcpOpCode.BootReply;
        message.HardwareType = 1;
        message.HardwareAddressLength = 6;
        message.TransactionId = DhcpAckSample.XidOf(i);
        message.YourAddress = new Codec.IPv4Address(DhcpAckSample.Client);
        Span<byte> chaddr = message.ClientHardwareAddress;
        BinaryPrimitives.WriteUInt16BigEndian(chaddr, (ushort)(DhcpAckSample.ClientHardwareAddress >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(chaddr.Slice(2, 4), unchecked((uint)DhcpAckSample.ClientHardwareAddress));
        message.MagicCookie = DhcpMessage.MagicCookieValue;
        message.Options = writer.ToList();
        if (!message.TryWrite(packet[28..], out int dhcpLength))
        {
            return 0;
        }

        return GeneratedPackets.WrapUdp(packet, dhcpLength, DhcpAckSample.IdentificationOf(i), DhcpAckSample.Server, DhcpAckSample.Client, 67, 68);
    }
}
