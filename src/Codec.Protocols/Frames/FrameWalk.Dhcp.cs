using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Codec.Protocols.Dhcp;

namespace Codec.Protocols.Frames;

/// <summary>
/// DHCP (RFC 2131): the BOOTP fixed part and the options of every area option 52 overloads (RFC 2131 §4.1), an option
/// split into several instances concatenated before it is read (RFC 3396), relay agent information with its sub-options.
/// </summary>
internal ref partial struct FrameWalk
{
    /// <summary>The offset of <c>chaddr</c> in the fixed part.</summary>
    private const int ClientHardwareAddressOffset = 28;

    public readonly void Dhcp(int offset, int end)
    {
        if (end <= offset)
        {
            return;
        }

        ReadOnlySpan<byte> payload = _frame[offset..end];
        MessageDissection dhcp = DhcpMessage.Dissect(payload);
        JsonObject? values = FixedPart(dhcp, payload);
        if (!DhcpMessage.TryRead(payload, out _).IsDone)
        {
            // A bad magic cookie still leaves a readable BOOTP fixed part (RFC 951), shown as tshark shows it.
            Add("dhcp", dhcp, offset, values: values);
            return;
        }

        ReadResult sections = DhcpOptionSections.TryRead(payload, out DhcpOptionSections options);
        if (!sections.IsDone)
        {
            Add("dhcp", dhcp.Annotate("Options status", "bad: " + sections.Error), offset, sections.Error, values);
            return;
        }

        if (options.Overload is { } overload)
        {
            dhcp = dhcp.Annotate("Option overload", overload switch
            {
                DhcpOverloadMode.File => "the file field holds options",
                DhcpOverloadMode.ServerName => "the sname field holds options",
                _ => "the file and sname fields hold options",
            });
        }

        var list = new JsonArray();
        Span<int> seen = stackalloc int[256];
        foreach (OptionEntry option in options)
        {
            if (option.Kind == DhcpOptions.PadKind || seen[option.Kind]++ > 0)
            {
                continue; // an instance after the first is concatenated into it (or is the End of another area)
            }

            if (option.IsSingleByte)
            {
                list.Add((JsonNode)DhcpOption(option.Kind, default));
                continue;
            }

            JsonObject entry;
            int length = DhcpLongOption.GetLength(options, option.Kind);
            if (length != option.Value.Length)
            {
                byte[] joined = new byte[length];
                DhcpLongOption.TryConcatenate(options, option.Kind, joined, out _);
                entry = DhcpOption(option.Kind, joined);
                dhcp = dhcp.Annotate("Concatenated option", Invariant($"{option.Kind}: {length} bytes from several instances (RFC 3396)"));
            }
            else
            {
                entry = DhcpOption(option.Kind, option.Value);
            }

            if (option.Kind == DhcpOptions.MessageTypeKind && option.Value.Length == 1)
            {
                values!["message_type"] = option.Value[0];
                dhcp = dhcp.Annotate("DHCP message type", Enum.IsDefined((DhcpMessageType)option.Value[0]) ? ((DhcpMessageType)option.Value[0]).ToString() : Number(option.Value[0]));
            }

            list.Add((JsonNode)entry);
        }

        values!["options"] = list;
        Add("dhcp", dhcp, offset, values: values);
    }

    /// <summary>The fixed part's values (op … chaddr) from the dissection, when it got as far as giaddr; else <c>null</c>.</summary>
    private static JsonObject? FixedPart(MessageDissection dhcp, ReadOnlySpan<byte> payload)
    {
        if (dhcp["GatewayAddress"] is not { } giaddr || dhcp["Broadcast"] is not { } broadcast || payload.Length < ClientHardwareAddressOffset + 16)
        {
            return null;
        }

        return new JsonObject
        {
            ["op"] = dhcp["Op"]!.Value,
            ["xid"] = dhcp["TransactionId"]!.Value,
            ["secs"] = dhcp["Seconds"]!.Value,
            ["flags"] = broadcast.Value == 1 ? 0x8000 : 0,
            ["ciaddr"] = dhcp["ClientAddress"]!.Display,
            ["yiaddr"] = dhcp["YourAddress"]!.Display,
            ["siaddr"] = dhcp["ServerAddress"]!.Display,
            ["giaddr"] = giaddr.Display,
            ["chaddr"] = HardwareAddress(payload.Slice(ClientHardwareAddressOffset, Math.Min((int)(dhcp["HardwareAddressLength"]!.Value ?? 0), 16))),
        };
    }

    /// <summary><c>{code, name, value}</c>: the value typed by the option's definition, hex for unknown codes or a value that does not read as its type.</summary>
    private static JsonObject DhcpOption(int code, ReadOnlySpan<byte> value)
    {
        string? name = DhcpOptions.KindName(code);
        JsonNode? typed = DhcpValue(code, value, out bool malformed);
        var entry = new JsonObject
        {
            ["code"] = code,
            ["name"] = name is null ? "unknown" : name.ToLowerInvariant().Replace(' ', '_'),
            ["value"] = typed,
        };
        if (malformed)
        {
            entry["malformed"] = true;
        }

        return entry;
    }

    private static JsonNode? DhcpValue(int code, ReadOnlySpan<byte> value, out bool malformed)
    {
        malformed = false;
        switch (code)
        {
            case DhcpOptions.PadKind or DhcpOptions.EndKind:
                return null;
            case DhcpOptions.SubnetMaskKind or DhcpOptions.RequestedAddressKind or DhcpOptions.ServerIdentifierKind
                when value.Length == 4 && DhcpAddress.TryRead(value, out DhcpAddress address).IsDone:
                return address.Address.ToString();
            case DhcpOptions.RouterKind or DhcpOptions.DomainNameServerKind
                when value.Length % 4 == 0 && DhcpAddressList.TryRead(value, out DhcpAddressList addresses).IsDone:
                var list = new JsonArray();
                foreach (DhcpAddress address in addresses.Addresses)
                {
                    list.Add((JsonNode)address.Address.ToString());
                }

                return list;
            case DhcpOptions.HostNameKind or DhcpOptions.DomainNameKind:
                return Encoding.Latin1.GetString(value);
            case DhcpOptions.LeaseTimeKind or DhcpOptions.RenewalTimeKind or DhcpOptions.RebindingTimeKind
                when value.Length == 4 && DhcpSeconds.TryRead(value, out DhcpSeconds seconds).IsDone:
                return seconds.Seconds;
            case DhcpOptions.OptionOverloadKind or DhcpOptions.MessageTypeKind when value.Length == 1:
                return value[0];
            case DhcpOptions.MaximumMessageSizeKind when value.Length == 2 && DhcpMaximumMessageSize.TryRead(value, out DhcpMaximumMessageSize size).IsDone:
                return size.MaximumSize;
            case DhcpOptions.ParameterRequestListKind:
                var codes = new JsonArray();
                foreach (byte requested in value)
                {
                    codes.Add((JsonNode)requested);
                }

                return codes;
            case DhcpOptions.ClientIdentifierKind when DhcpClientIdentifier.TryRead(value, out DhcpClientIdentifier identifier).IsDone:
                return new JsonObject
                {
                    ["type"] = identifier.Type,
                    ["identifier"] = identifier.Type == 1 && identifier.Identifier.Length == 6 ? HardwareAddress(identifier.Identifier) : DissectionText.Hex(identifier.Identifier),
                };
            case DhcpOptions.RelayAgentInformationKind when DhcpRelayAgentInformation.TryRead(value, out DhcpRelayAgentInformation relay).IsDone:
                var subOptions = new JsonArray();
                foreach (OptionEntry sub in relay)
                {
                    string? subName = DhcpRelayAgentInformation.KindName(sub.Kind);
                    subOptions.Add((JsonNode)new JsonObject
                    {
                        ["code"] = sub.Kind,
                        ["name"] = subName is null ? "unknown" : subName.ToLowerInvariant().Replace(' ', '_'),
                        ["value"] = DissectionText.Hex(sub.Value),
                    });
                }

                return subOptions;
        }

        malformed = DhcpOptions.KindName(code) is not null;
        return DissectionText.Hex(value);
    }

    /// <summary>Octets as <c>aa:bb:cc</c>.</summary>
    private static string HardwareAddress(ReadOnlySpan<byte> octets)
    {
        var text = new StringBuilder(octets.Length * 3);
        foreach (byte octet in octets)
        {
            text.Append(text.Length == 0 ? string.Empty : ":").Append(octet.ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
