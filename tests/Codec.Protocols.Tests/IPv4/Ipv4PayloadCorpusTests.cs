using Codec.Protocols.Icmp;
using Codec.Protocols.IPv4;
using Codec.Protocols.Tcp;
using Codec.Protocols.Tests.Infrastructure;
using Codec.Protocols.Udp;

namespace Codec.Protocols.Tests.IPv4;

/// <summary>The union of IPv4 payloads over the corpus: the protocol chooses TCP, UDP or raw, as tshark saw them.</summary>
public class Ipv4PayloadCorpusTests
{
    [Fact]
    public void The_protocol_chooses_the_payload_type()
    {
        int tcp = 0;
        int udp = 0;
        int icmp = 0;
        int other = 0;
        foreach (string capture in CorpusPackets.Captures())
        {
            TsharkFields tshark = TsharkFields.Read(capture);
            foreach ((int number, byte[] ip) in CorpusPackets.Ipv4(capture))
            {
                if (!CorpusPackets.TryReadWhole(ip, out Ipv4Packet packet) || tshark.IsMalformed(number))
                {
                    continue;
                }

                ReadResult result = Ipv4Payload.TryRead(packet.Payload, (ulong)packet.Protocol, out Ipv4Payload payload);
                if (!result.IsDone)
                {
                    Assert.True(tshark.Get(number, "_ws.expert.message").Length > 0, $"{capture} #{number}: {result}");
                    continue;
                }

                if (payload.TryGetTcp(out TcpSegment segment))
                {
                    Assert.Equal(tshark.Get(number, "tcp.srcport"), segment.SourcePort.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    tcp++;
                }
                else if (payload.TryGetUdp(out UdpDatagram datagram))
                {
                    Assert.Equal(tshark.Get(number, "udp.srcport"), datagram.SourcePort.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    udp++;
                }
                else if (payload.TryGetIcmp(out IcmpMessage message))
                {
                    // tshark's fields hold no ICMP columns; its checksum verdict shows in the expert messages.
                    Assert.Equal(packet.Payload.Length, 8 + message.Data.Length);
                    Assert.Equal((ulong)IPProtocol.Icmp, payload.Discriminator);
                    icmp++;
                }
                else
                {
                    Assert.True(payload.IsOther);
                    Assert.Equal(packet.Payload.Length, payload.Bytes.Length);
                    other++;
                }
            }
        }

        Assert.True(tcp > 100 && udp > 100 && icmp > 0 && other > 0, $"tcp {tcp}, udp {udp}, icmp {icmp}, other {other}");
    }

    [Fact]
    public void A_malformed_tcp_header_fails_the_payload_but_not_the_datagram()
    {
        byte[] tcp = Convert.FromHexString("d43100506b8b456700000000" + "40" + "0272108b1c0000"); // data offset 4
        Assert.Equal(CodecStatus.InvalidData, Ipv4Payload.TryRead(tcp, (ulong)IPProtocol.Tcp, out _).Status);
        Assert.True(Ipv4Payload.TryRead(tcp, (ulong)IPProtocol.Gre, out Ipv4Payload raw).IsDone);
        Assert.True(raw.IsOther);
    }

    [Fact]
    public void Protocol_1_reads_a_whole_ICMP_message_and_verifies_its_checksum()
    {
        // An echo request (type 8) with 4 data octets; its checksum is the RFC 1071 sum over header and data.
        byte[] echo = Convert.FromHexString("0800" + "0000" + "12340001" + "61626364");
        ushort checksum = InternetChecksum.Compute(echo);
        echo[2] = (byte)(checksum >> 8);
        echo[3] = (byte)checksum;
        Assert.True(Ipv4Payload.TryRead(echo, (ulong)IPProtocol.Icmp, out Ipv4Payload payload).IsDone);
        Assert.True(payload.TryGetIcmp(out IcmpMessage message));
        Assert.Equal(IcmpType.Echo, message.Type);
        Assert.Equal(0x12340001u, message.RestOfHeader);
        Assert.Equal("abcd"u8.ToArray(), message.Data.ToArray());

        echo[^1] ^= 1;
        ReadResult bad = Ipv4Payload.TryRead(echo, (ulong)IPProtocol.Icmp, out _);
        Assert.Equal(CodecErrorKind.ChecksumMismatch, bad.Error.Kind);
    }
}
