using Codec.Protocols.Dhcp;
using Snapshooter.Xunit;

namespace Codec.Protocols.Tests.Dhcp;

public class DhcpMessageTests
{
    private delegate void AddOptions(ref DhcpOptions.Writer writer);

    private static byte[] Build(AddOptions? extra = null, byte[]? file = null, byte[]? serverName = null)
    {
        byte[] optionBuffer = new byte[312];
        var options = new DhcpOptions.Writer(optionBuffer);
        Assert.True(options.TryAddMessageType(new DhcpMessageTypeValue { Type = DhcpMessageType.Offer }).IsDone);
        Assert.True(options.TryAddServerIdentifier(new DhcpAddress { Address = IPv4Address.Parse("192.0.2.1") }).IsDone);
        Assert.True(options.TryAddLeaseTime(new DhcpSeconds { Seconds = 3600 }).IsDone);
        Assert.True(options.TryAddSubnetMask(new DhcpAddress { Address = IPv4Address.Parse("255.255.255.0") }).IsDone);
        Assert.True(options.TryAdd(DhcpOptions.RouterKind, [192, 0, 2, 1, 192, 0, 2, 254]).IsDone);
        Assert.True(options.TryAdd(DhcpOptions.HostNameKind, "client1"u8).IsDone);
        extra?.Invoke(ref options);
        Assert.True(options.TryEnd(alignment: 4).IsDone);

        var message = new DhcpMessage
        {
            Op = DhcpOpCode.BootReply,
            HardwareType = 1,
            HardwareAddressLength = 6,
            TransactionId = 0x0c0dec82,
            YourAddress = IPv4Address.Parse("192.0.2.148"),
            ServerAddress = IPv4Address.Parse("192.0.2.1"),
            Options = options.ToList(),
        };
        ((Span<byte>)message.ClientHardwareAddress)[0] = 0x02;
        file?.CopyTo((Span<byte>)message.File);
        serverName?.CopyTo((Span<byte>)message.ServerName);

        byte[] bytes = new byte[message.GetSerializedSize()];
        Assert.True(message.TryWrite(bytes).IsDone);
        return bytes;
    }

    [Fact]
    public void A_written_offer_reads_back_with_typed_options()
    {
        byte[] bytes = Build();
        Assert.Equal(0x63, bytes[236]); // the magic cookie is written from its constant

        ReadResult result = DhcpMessage.TryRead(bytes, out DhcpMessage dhcp);
        Assert.True(result.IsDone, result.ToString());
        Assert.Equal(DhcpOpCode.BootReply, dhcp.Op);
        Assert.Equal(DhcpMessage.MagicCookieValue, dhcp.MagicCookie);
        Assert.Equal("192.0.2.148", dhcp.YourAddress.ToString());

        DhcpOptions options = dhcp.Options;
        Assert.True(options.TryGetMessageType(out DhcpMessageTypeValue type));
        Assert.Equal(DhcpMessageType.Offer, type.Type);
        Assert.True(options.TryGetLeaseTime(out DhcpSeconds lease));
        Assert.Equal(3600u, lease.Seconds);
        Assert.True(options.TryGetSubnetMask(out DhcpAddress mask));
        Assert.Equal("255.255.255.0", mask.Address.ToString());
        Assert.True(options.TryGetRouter(out DhcpAddressList routers));
        var addresses = new List<string>();
        foreach (DhcpAddress router in routers.Addresses)
        {
            addresses.Add(router.Address.ToString());
        }

        Assert.Equal(["192.0.2.1", "192.0.2.254"], addresses);
        Assert.True(options.TryGetHostName(out DhcpText host));
        Assert.Equal("client1"u8.ToArray(), host.Text.ToArray());
        Assert.True(options.HasEnd);
        Assert.Equal(0, (240 + options.Bytes.Length) % 4);
    }

    [Fact]
    public void A_router_list_that_is_not_whole_addresses_is_not_returned()
    {
        byte[] bytes = Build((ref DhcpOptions.Writer o) => o.TryAdd(DhcpOptions.DomainNameServerKind, [8, 8, 8]));
        Assert.True(DhcpMessage.TryRead(bytes, out DhcpMessage dhcp).IsDone);
        Assert.True(dhcp.Options.HasDomainNameServer);
        Assert.False(dhcp.Options.TryGetDomainNameServer(out _));
    }

    [Fact]
    public void A_wrong_magic_cookie_is_invalid()
    {
        byte[] bytes = Build();
        bytes[239] = 0x64;
        ReadResult result = DhcpMessage.TryRead(bytes, out _);
        Assert.Equal(CodecErrorKind.ConstantMismatch, result.Error.Kind);
        Assert.Equal("MagicCookie", result.Error.Field);
    }

    [Fact]
    public void An_option_past_the_end_is_invalid_at_its_length_octet()
    {
        byte[] bytes = Build();
        bytes[241] = 200; // the message type option's length
        ReadResult result = DhcpMessage.TryRead(bytes, out _);
        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal(OptionListReader.LengthField, result.Error.Field);
        Assert.Equal(241, result.Error.ByteOffset);
    }

    [Fact]
    public void The_visiting_read_hands_over_the_header_then_each_option()
    {
        byte[] bytes = Build();
        var visitor = new Codes();

        Assert.True(DhcpMessage.TryRead(bytes, ref visitor, out DhcpMessage message, out int length));

        Assert.Equal(bytes.Length, length);
        Assert.Equal(0x0c0dec82u, visitor.TransactionId);
        Assert.Equal(" 53 54 51 1 3 12 255", visitor.Seen);
        Assert.True(message.Options.TryGetServerIdentifier(out DhcpAddress server));
        Assert.Equal(IPv4Address.Parse("192.0.2.1"), server.Address);
        Assert.Equal(0x02, message.ClientHardwareAddress[0]);
    }

    [Fact]
    public void A_visiting_read_of_an_option_past_the_end_fails_with_the_plain_reads_error()
    {
        byte[] bytes = Build();
        bytes[244] = 200; // the server identifier's length
        var visitor = new Codes();

        Assert.False(DhcpMessage.TryRead(bytes, ref visitor, out _, out _));
        Assert.Equal(" 53", visitor.Seen);
        ReadResult result = DhcpMessage.TryRead(bytes, ref visitor, out _);
        Assert.Equal(DhcpMessage.TryRead(bytes, out _), result);
        Assert.Equal(244, result.Error.ByteOffset);
    }

    private struct Codes : DhcpMessage.IElementVisitor
    {
        public string Seen;
        public uint TransactionId;

        public void VisitHeader(in DhcpMessage message)
        {
            Assert.True(message.Options.IsEmpty);
            TransactionId = message.TransactionId;
        }

        public void VisitOptions(OptionEntry element) => Seen += " " + element.Kind;
    }

    [Fact]
    public void Every_truncation_and_mutation_returns_a_status()
    {
        byte[] bytes = Build();
        for (int length = 0; length <= bytes.Length; length++)
        {
            ReadResult result = DhcpMessage.TryRead(bytes.AsSpan(0, length), out _);
            if (length < 240)
            {
                Assert.Equal(CodecStatus.NeedMoreData, result.Status);
            }
            else
            {
                Assert.True(result.IsDone || result.Status == CodecStatus.InvalidData, result.ToString());
            }

            Assert.NotNull(DhcpMessage.Dissect(bytes.AsSpan(0, length)));
            _ = DhcpOptionSections.TryRead(bytes.AsSpan(0, length), out _);
        }

        var random = new Random(2131);
        byte[] concatenated = new byte[1024];
        for (int trial = 0; trial < 20_000; trial++)
        {
            byte[] mutated = (byte[])bytes.Clone();
            for (int flips = random.Next(1, 4); flips > 0; flips--)
            {
                mutated[random.Next(236, mutated.Length)] = (byte)random.Next(256);
            }

            mutated[240 + 2 + random.Next(2)] = 52; // now and then an overload option
            ReadResult result = DhcpOptionSections.TryRead(mutated, out DhcpOptionSections sections);
            if (result.IsDone)
            {
                foreach (OptionEntry option in sections)
                {
                    _ = option.Value.Length;
                }

                Assert.True(DhcpLongOption.GetLength(sections, 3) < 1024);
                _ = DhcpLongOption.TryConcatenate(sections, 3, concatenated, out _);
            }

            Assert.Equal(DhcpMessage.TryRead(mutated, out _).Status, DhcpMessage.Dissect(mutated).Result.Status);
        }
    }

    [Fact]
    public void Overloaded_file_and_sname_options_are_read_after_the_options_field()
    {
        // file: domain name server 192.0.2.53, End; sname: host name "x", End.
        byte[] file = Convert.FromHexString("0604c0000235ff");
        byte[] serverName = Convert.FromHexString("0c0178ff");
        byte[] bytes = Build((ref DhcpOptions.Writer o) => o.TryAddOptionOverload(new DhcpOverload { Mode = DhcpOverloadMode.Both }), file, serverName);

        ReadResult result = DhcpOptionSections.TryRead(bytes, out DhcpOptionSections sections);
        Assert.True(result.IsDone, result.ToString());
        Assert.Equal(DhcpOverloadMode.Both, sections.Overload);
        var codes = new List<int>();
        foreach (OptionEntry option in sections)
        {
            codes.Add(option.Kind);
        }

        Assert.Equal([53, 54, 51, 1, 3, 12, 52, 255, 6, 255, 12, 255], codes);
        Assert.True(sections.TryFind(DhcpOptions.DomainNameServerKind, out OptionEntry dns));
        Assert.Equal(DhcpOptionSections.FileOffset, dns.Offset);
        Assert.True(sections.File.TryGetDomainNameServer(out _));

        // Without option 52 the same fields are names, not options.
        bytes = Build(file: file, serverName: serverName);
        Assert.True(DhcpOptionSections.TryRead(bytes, out sections).IsDone);
        Assert.Null(sections.Overload);
        Assert.False(sections.TryFind(DhcpOptions.DomainNameServerKind, out _));
    }

    [Fact]
    public void A_malformed_overloaded_field_is_invalid_at_its_absolute_offset()
    {
        byte[] bytes = Build((ref DhcpOptions.Writer o) => o.TryAddOptionOverload(new DhcpOverload { Mode = DhcpOverloadMode.File }), file: Convert.FromHexString("06ff"));
        ReadResult result = DhcpOptionSections.TryRead(bytes, out _);
        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal(DhcpOptionSections.FileOffset + 1, result.Error.ByteOffset);

        bytes = Build((ref DhcpOptions.Writer o) => o.TryAdd(DhcpOptions.OptionOverloadKind, [4]));
        Assert.Equal(CodecErrorKind.ValueOutOfRange, DhcpOptionSections.TryRead(bytes, out _).Error.Kind);
    }

    [Fact]
    public void Long_options_are_the_concatenation_of_their_instances()
    {
        // RFC 3396: a 300-octet domain name split into 255 + 45 octets, the second part in file.
        byte[] name = new byte[300];
        for (int i = 0; i < name.Length; i++)
        {
            name[i] = (byte)('a' + (i % 26));
        }

        byte[] file = [15, 45, .. name[255..], 255];
        byte[] bytes = Build(
            (ref DhcpOptions.Writer o) =>
            {
                Assert.True(o.TryAdd(DhcpOptions.DomainNameKind, name.AsSpan(0, 255)).IsDone);
                Assert.Equal(CodecStatus.InvalidData, o.TryAdd(DhcpOptions.DomainNameKind, name).Status); // one instance holds 255 at most
                Assert.True(o.TryAddOptionOverload(new DhcpOverload { Mode = DhcpOverloadMode.File }).IsDone);
            },
            file);

        Assert.True(DhcpOptionSections.TryRead(bytes, out DhcpOptionSections sections).IsDone);
        Assert.Equal(300, DhcpLongOption.GetLength(sections, DhcpOptions.DomainNameKind));
        Assert.Equal(-1, DhcpLongOption.GetLength(sections, 99));
        Assert.False(DhcpLongOption.TryConcatenate(sections, DhcpOptions.DomainNameKind, new byte[299], out _));

        byte[] buffer = new byte[300];
        Assert.True(DhcpLongOption.TryConcatenate(sections, DhcpOptions.DomainNameKind, buffer, out int written));
        Assert.Equal(300, written);
        Assert.Equal(name, buffer);
        Assert.True(DhcpText.TryRead(buffer, out DhcpText text).IsDone);
        Assert.Equal(300, text.Text.Length);
    }

    [Fact]
    public void Relay_agent_information_holds_sub_options()
    {
        byte[] relay = Convert.FromHexString("0104" + "00010002" + "0206" + "020000c0de01");
        byte[] bytes = Build((ref DhcpOptions.Writer o) => o.TryAdd(DhcpOptions.RelayAgentInformationKind, relay));

        Assert.True(DhcpMessage.TryRead(bytes, out DhcpMessage dhcp).IsDone);
        Assert.True(dhcp.Options.TryGetRelayAgentInformation(out DhcpRelayAgentInformation info));
        Assert.Equal(2, info.Count);
        Assert.True(info.TryGetAgentCircuitId(out ReadOnlySpan<byte> circuit));
        Assert.Equal("00010002", Convert.ToHexString(circuit));
        Assert.True(info.TryGetAgentRemoteId(out ReadOnlySpan<byte> remote));
        Assert.Equal("020000C0DE01", Convert.ToHexString(remote));

        var sub = new DhcpRelayAgentInformation.Writer(new byte[16]);
        Assert.True(sub.TryAddAgentCircuitId([0, 1, 0, 2]).IsDone);
        Assert.True(sub.TryAddAgentRemoteId([2, 0, 0, 0xc0, 0xde, 1]).IsDone);
        Assert.Equal(relay, sub.ToList().Bytes.ToArray());
    }

    [Fact]
    public void Text_dissection_of_an_offer()
    {
        var text = new System.Text.StringBuilder();
        DissectionText.Write(text, DhcpMessage.Dissect(Build((ref DhcpOptions.Writer o) => o.TryAdd(DhcpOptions.RelayAgentInformationKind, Convert.FromHexString("010400010002")))));
        Snapshot.Match(text.ToString());
    }

    [Fact]
    public void Dissection_shows_options_by_name()
    {
        MessageDissection dissection = DhcpMessage.Dissect(Build());

        Assert.True(dissection.Result.IsDone, dissection.Result.ToString());
        Assert.Equal("kind 53, length 1: Offer (2)", dissection["Options.MessageType"]!.Display);
        Assert.Equal("DHCP Message Type", dissection["Options.MessageType"]!.Label);
        Assert.Equal("kind 54, length 4: 192.0.2.1", dissection["Options.ServerIdentifier"]!.Display);
        Assert.Equal("kind 51, length 4: 3600", dissection["Options.LeaseTime"]!.Display);
        Assert.Equal("kind 255", dissection["Options.End"]!.Display);
    }

    [Fact]
    public void A_list_built_at_NextValue_gives_the_octets_of_one_built_elsewhere()
    {
        var server = new DhcpAddress { Address = IPv4Address.Parse("192.0.2.1") };
        var dns = new DhcpAddress { Address = IPv4Address.Parse("8.8.8.8") };

        byte[] elsewhere = new byte[8];
        var copied = new MessageListWriter<DhcpAddress>(elsewhere);
        Assert.True(copied.TryAdd(server, out _) && copied.TryAdd(dns, out _));
        byte[] expected = new byte[16];
        var reference = new DhcpOptions.Writer(expected);
        Assert.True(reference.TryAddMessageType(new DhcpMessageTypeValue { Type = DhcpMessageType.Ack }, out _));
        Assert.True(reference.TryAddDomainNameServer(new DhcpAddressList { Addresses = copied.ToList() }, out _));

        byte[] buffer = new byte[16];
        var writer = new DhcpOptions.Writer(buffer);
        Assert.True(writer.TryAddMessageType(new DhcpMessageTypeValue { Type = DhcpMessageType.Ack }, out _));
        Span<byte> next = writer.NextValue;
        Assert.Equal(16 - 3 - 2, next.Length);
        var inPlace = new MessageListWriter<DhcpAddress>(next);
        Assert.True(inPlace.TryAdd(server, out _) && inPlace.TryAdd(dns, out _));
        Assert.True(writer.TryAddDomainNameServer(new DhcpAddressList { Addresses = inPlace.ToList() }, out int written));
        Assert.Equal(10, written);
        Assert.Equal(expected, buffer);

        Assert.True(writer.TryEnd(1, out _));
        Assert.True(writer.NextValue.IsEmpty);
        Assert.True(new DhcpOptions.Writer(new byte[2]).NextValue.IsEmpty);
        Assert.Equal(1, new DhcpOptions.Writer(new byte[3]).NextValue.Length);
    }
}
