using Codec.Dns.Authority;
using Codec.Dns.Server;
using Codec.Dns.Zones;
using Codec.Protocols.Dns;

namespace Codec.Dns.Tests.Server;

/// <summary>The responder over raw messages: header handling, EDNS(0), truncation, errors, and robustness.</summary>
public class DnsResponderTests
{
    internal const string ZoneText = """
        $ORIGIN example.com.
        $TTL 3600
        @       SOA  ns1 hostmaster 1 7200 3600 1209600 300
                NS   ns1
        ns1     A    192.0.2.53
        www     A    192.0.2.80
                AAAA 2001:db8::80
        web     CNAME www
        alias   CNAME web
        out     CNAME www.example.net.
        dangling CNAME missing
        loop1   CNAME loop2
        loop2   CNAME loop1
        *.apps  A    192.0.2.100
        *.apps  TXT  "wild"
        exists.apps A 192.0.2.101
        a.b.ent TXT  "deep"
        sub     NS   ns.sub
                NS   ns.elsewhere.net.
        ns.sub  A    192.0.2.54
        big     TXT  "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
                TXT  "1123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
                TXT  "2123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
                TXT  "3123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
                TXT  "4123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
                TXT  "5123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
        """;

    private readonly DnsResponder _responder = new(new ZoneSet([ExampleZone()]));

    internal static Zone ExampleZone()
    {
        ZoneLoadResult result = ZoneFile.Parse(ZoneText, "example.com.zone", "example.com.");
        Assert.True(result.IsLoaded, result.Error?.ToString());
        return result.Zone!;
    }

    [Fact]
    public void Echoes_id_and_rd_sets_qr_and_keeps_the_requestors_spelling_of_the_question()
    {
        DnsReply reply = Ask(DnsWireHelpers.Query("WwW.ExAmPlE.cOm", DnsType.A, id: 0xBEEF));

        Assert.Equal(0xBEEF, reply.Id);
        Assert.True(reply.Qr);
        Assert.True(reply.Rd);
        Assert.False(reply.Ra);
        Assert.Equal("WwW.ExAmPlE.cOm. A", reply.Question);
    }

    [Fact]
    public void Edns_is_answered_with_an_opt_offering_1232_and_plain_dns_without_one()
    {
        Assert.True(Ask(DnsWireHelpers.Query("www.example.com", DnsType.A, udpPayload: 4096)).HasOpt);
        Assert.Equal(1232, Ask(DnsWireHelpers.Query("www.example.com", DnsType.A, udpPayload: 4096)).OptPayload);
        Assert.False(Ask(DnsWireHelpers.Query("www.example.com", DnsType.A)).HasOpt);
    }

    [Fact]
    public void An_answer_over_512_bytes_is_truncated_without_edns_and_whole_with_it_or_over_tcp()
    {
        byte[] plain = DnsWireHelpers.Query("big.example.com", DnsType.TXT);
        DnsReply udp = Ask(plain);
        DnsReply edns = Ask(DnsWireHelpers.Query("big.example.com", DnsType.TXT, udpPayload: 1232));
        DnsReply tcp = Ask(plain, overTcp: true);

        Assert.True(udp.Tc);
        Assert.Empty(udp.Answer);
        Assert.True(udp.Length <= 512);
        Assert.False(edns.Tc);
        Assert.Equal(6, edns.Answer.Count);
        Assert.False(tcp.Tc);
        Assert.Equal(6, tcp.Answer.Count);
    }

    [Fact]
    public void The_requestors_payload_size_is_honoured_below_ours()
    {
        DnsReply reply = Ask(DnsWireHelpers.Query("big.example.com", DnsType.TXT, udpPayload: 600));

        Assert.True(reply.Tc);
        Assert.True(reply.Length <= 600);
        Assert.True(reply.HasOpt);
    }

    [Fact]
    public void The_server_caps_the_payload_at_its_own_maximum()
    {
        var small = new DnsResponder(new ZoneSet([ExampleZone()]), maxUdpPayload: 512);

        DnsReply reply = Ask(small, DnsWireHelpers.Query("big.example.com", DnsType.TXT, udpPayload: 4096));

        Assert.True(reply.Tc);
        Assert.Equal(512, reply.OptPayload);
    }

    [Fact]
    public void Edns_version_above_zero_is_badvers_with_an_opt()
    {
        DnsReply reply = Ask(DnsWireHelpers.Query("www.example.com", DnsType.A, udpPayload: 1232, ednsVersion: 1));

        Assert.Equal(16, reply.Rcode);
        Assert.True(reply.HasOpt);
        Assert.Empty(reply.Answer);
    }

    [Theory]
    [InlineData(DnsOpcode.IQuery)]
    [InlineData(DnsOpcode.Status)]
    [InlineData(DnsOpcode.Update)]
    [InlineData((DnsOpcode)3)]
    [InlineData((DnsOpcode)15)]
    public void Opcodes_other_than_query_are_notimp_with_the_opcode_echoed(DnsOpcode opcode)
    {
        byte[] response = new byte[512];
        int length = _responder.Respond(DnsWireHelpers.Query("www.example.com", DnsType.A, opcode: opcode), response, overTcp: false);

        DnsReply reply = DnsWireHelpers.Read(response.AsSpan(0, length));
        Assert.Equal(DnsResponseCode.NotImp, reply.Code);
        Assert.Equal((int)opcode, (response[2] >> 3) & 0xF);
    }

    [Fact]
    public void A_truncated_question_is_formerr_with_the_id_kept()
    {
        byte[] query = DnsWireHelpers.Query("www.example.com", DnsType.A, id: 77);

        DnsReply reply = Ask(query[..^3]);

        Assert.Equal(DnsResponseCode.FormErr, reply.Code);
        Assert.Equal(77, reply.Id);
        Assert.Equal(1, _responder.Counters.Malformed);
    }

    [Fact]
    public void Two_questions_and_two_opt_records_are_formerr()
    {
        byte[] query = DnsWireHelpers.Query("www.example.com", DnsType.A);
        byte[] two = [.. query[..5], 2, .. query[6..], .. query[12..]];
        byte[] twoOpts = DnsWireHelpers.Query("www.example.com", DnsType.A, udpPayload: 1232);
        twoOpts = [.. twoOpts[..11], 2, .. twoOpts[12..], .. twoOpts[^11..]];

        Assert.Equal(DnsResponseCode.FormErr, Ask(two).Code);
        Assert.Equal(DnsResponseCode.FormErr, Ask(twoOpts).Code);
    }

    [Fact]
    public void A_compression_loop_is_formerr()
    {
        // The question's name is a pointer to itself (offset 12).
        byte[] query = [0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xC0, 12, 0, 1, 0, 1];

        Assert.Equal(DnsResponseCode.FormErr, Ask(query).Code);
    }

    [Fact]
    public void Responses_and_runts_are_dropped_and_counted()
    {
        byte[] response = new byte[512];
        byte[] query = DnsWireHelpers.Query("www.example.com", DnsType.A);
        query[2] |= 0x80;

        Assert.Equal(0, _responder.Respond(query, response, overTcp: false));
        Assert.Equal(0, _responder.Respond(new byte[11], response, overTcp: false));
        Assert.Equal(0, _responder.Respond([], response, overTcp: false));
        Assert.Equal(3, _responder.Counters.Dropped);
        Assert.Equal(0, _responder.Counters.TotalResponses);
    }

    [Fact]
    public void Other_classes_and_zone_transfers_are_refused()
    {
        Assert.Equal(DnsResponseCode.Refused, Ask(DnsWireHelpers.Query("www.example.com", DnsType.A, dnsClass: DnsClass.CH)).Code);
        Assert.Equal(DnsResponseCode.Refused, Ask(DnsWireHelpers.Query("example.com", DnsType.AXFR)).Code);
    }

    [Fact]
    public void Random_bytes_and_mutated_queries_never_throw_and_every_answer_parses()
    {
        var random = new Random(20261127);
        byte[] response = new byte[65535];
        byte[] valid = DnsWireHelpers.Query("alias.example.com", DnsType.A, udpPayload: 1232);
        for (int i = 0; i < 20_000; i++)
        {
            byte[] request;
            if (i % 2 == 0)
            {
                request = new byte[random.Next(0, 600)];
                random.NextBytes(request);
                if (request.Length > 2)
                {
                    request[2] &= 0x7F; // mostly queries, so that parsing goes deep
                }
            }
            else
            {
                request = (byte[])valid.Clone();
                for (int flips = random.Next(1, 4); flips > 0; flips--)
                {
                    request[random.Next(request.Length)] ^= (byte)(1 << random.Next(8));
                }

                if (random.Next(4) == 0)
                {
                    request = request[..random.Next(request.Length)];
                }
            }

            int length = _responder.Respond(request, response, overTcp: i % 3 == 0);

            Assert.InRange(length, 0, 65535);
            if (length > 0)
            {
                DnsWireHelpers.Read(response.AsSpan(0, length));
            }
        }

        Assert.Equal(20_000, _responder.Counters.Queries);
        Assert.Equal(_responder.Counters.Queries, _responder.Counters.TotalResponses + _responder.Counters.Dropped);
    }

    [Fact]
    public void Answering_allocates_nothing_once_warm()
    {
        byte[][] queries =
        [
            DnsWireHelpers.Query("www.example.com", DnsType.A, udpPayload: 1232),
            DnsWireHelpers.Query("alias.example.com", DnsType.A),
            DnsWireHelpers.Query("nope.example.com", DnsType.A, udpPayload: 1232),
            DnsWireHelpers.Query("x.apps.example.com", DnsType.A),
            DnsWireHelpers.Query("host.sub.example.com", DnsType.A),
            DnsWireHelpers.Query("big.example.com", DnsType.TXT),
            DnsWireHelpers.Query("www.example.org", DnsType.A),
            [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
        ];
        byte[] response = new byte[1232];
        foreach (byte[] query in queries)
        {
            _responder.Respond(query, response, overTcp: false);
        }

        var perQuery = new long[queries.Length];
        for (int q = 0; q < queries.Length; q++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                _responder.Respond(queries[q], response, overTcp: false);
            }

            perQuery[q] = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.Equal(new long[queries.Length], perQuery);
    }

    [Fact]
    public void Swapping_zones_takes_effect_for_the_next_query()
    {
        Assert.Equal(DnsResponseCode.NoError, Ask(DnsWireHelpers.Query("www.example.com", DnsType.A)).Code);

        _responder.Zones = ZoneSet.Empty;

        Assert.Equal(DnsResponseCode.Refused, Ask(DnsWireHelpers.Query("www.example.com", DnsType.A)).Code);
    }

    private DnsReply Ask(byte[] query, bool overTcp = false) => Ask(_responder, query, overTcp);

    internal static DnsReply Ask(DnsResponder responder, byte[] query, bool overTcp = false)
    {
        byte[] response = new byte[65535];
        int length = responder.Respond(query, response, overTcp);
        Assert.True(length > 0, "the query was dropped");
        return DnsWireHelpers.Read(response.AsSpan(0, length));
    }
}
