using System.Globalization;
using Codec.Protocols.Dhcp;
using Codec.Protocols.IPv4;
using Codec.Protocols.Tests.Infrastructure;
using Codec.Protocols.Udp;
using Xunit.Abstractions;

namespace Codec.Protocols.Tests.Dhcp;

/// <summary>The DHCP messages of the corpus captures, compared with tshark 4.0's dhcp fields.</summary>
public class DhcpCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Messages_match_tshark()
    {
        int compared = 0;
        foreach (string capture in CorpusPackets.Captures())
        {
            TsharkFields tshark = TsharkFields.Read(capture);
            foreach ((int number, byte[] ip) in CorpusPackets.Ipv4(capture))
            {
                if (tshark.Get(number, "dhcp.cookie").Length == 0 || !CorpusPackets.TryReadWhole(ip, out Ipv4Packet packet)
                    || packet.Protocol != IPProtocol.Udp || !UdpDatagram.TryRead(packet.Payload, out UdpDatagram udp).IsDone)
                {
                    continue;
                }

                string where = $"{capture} #{number}";
                ReadResult result = DhcpOptionSections.TryRead(udp.Data, out DhcpOptionSections sections);
                if (!result.IsDone)
                {
                    output.WriteLine($"{where}: {result}; tshark: {tshark.Get(number, "_ws.expert.message")} {tshark.Get(number, "_ws.malformed")}");
                    Assert.True(tshark.IsMalformed(number) || tshark.Get(number, "_ws.expert.message").Length > 0, $"{where}: {result}");
                    continue;
                }

                DhcpMessage dhcp = DhcpMessage.Read(udp.Data);
                Assert.Equal(tshark.Get(number, "dhcp.type"), ((int)dhcp.Op).ToString(CultureInfo.InvariantCulture));
                Assert.Equal(tshark.Get(number, "dhcp.id"), "0x" + dhcp.TransactionId.ToString("x8", CultureInfo.InvariantCulture));
                Assert.Equal(tshark.Get(number, "dhcp.ip.your"), dhcp.YourAddress.ToString());
                Assert.Equal(tshark.Get(number, "dhcp.ip.relay"), dhcp.GatewayAddress.ToString());

                var codes = new List<string>();
                foreach (OptionEntry option in sections)
                {
                    if (option.Kind is not (0 or 255))
                    {
                        codes.Add(option.Kind.ToString(CultureInfo.InvariantCulture));
                    }
                }

                // tshark lists each option's code and ends the list with a 0 for the End option.
                string expected = string.Join('|', tshark.Get(number, "dhcp.option.type").Split('|').Where(c => c is not ("0" or "255" or "")));
                Assert.True(string.Join('|', codes) == expected, $"{where}: {string.Join('|', codes)} vs tshark {expected}");

                string type = tshark.Get(number, "dhcp.option.dhcp");
                if (type.Length > 0)
                {
                    Assert.True(sections.Options.TryGetMessageType(out DhcpMessageTypeValue messageType), where);
                    Assert.Equal(type, ((int)messageType.Type).ToString(CultureInfo.InvariantCulture));
                }

                compared++;
            }
        }

        output.WriteLine($"{compared} DHCP messages compared");
        Assert.True(compared >= 20, $"only {compared} DHCP messages compared");
    }
}
