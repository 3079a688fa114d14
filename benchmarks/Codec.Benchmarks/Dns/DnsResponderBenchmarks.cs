using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using Codec.Dns;
using Codec.Dns.Authority;
using Codec.Dns.Server;
using Codec.Dns.Zones;

namespace Codec.Benchmarks.Dns;

/// <summary>
/// The DNS server's hot path without sockets: one query in, one response written into a reused buffer, as the UDP
/// receive loop does. Allocated must be 0 for every case (names compressed, no strings, no boxing).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.CpuBound)]
public class DnsResponderBenchmarks
{
    private const string Zone = """
        $ORIGIN example.com.
        $TTL 3600
        @       SOA  ns1 hostmaster 1 7200 3600 1209600 300
                NS   ns1
        ns1     A    192.0.2.53
        www     A    192.0.2.80
        web     CNAME www
        alias   CNAME web
        *.apps  A    192.0.2.100
        sub     NS   ns.sub
        ns.sub  A    192.0.2.54
        """;

    private readonly byte[] _response = new byte[1232];
    private DnsResponder _responder = null!;
    private byte[] _answer = null!;
    private byte[] _cnameChain = null!;
    private byte[] _nxdomain = null!;
    private byte[] _wildcard = null!;
    private byte[] _referral = null!;

    [GlobalSetup]
    public void Setup()
    {
        Zone zone = ZoneFile.Parse(Zone, "example.com.zone", "example.com.").Zone ?? throw new InvalidOperationException("zone");
        _responder = new DnsResponder(new ZoneSet([zone]));
        _answer = Query("www.example.com");
        _cnameChain = Query("alias.example.com");
        _nxdomain = Query("nope.example.com");
        _wildcard = Query("host.apps.example.com");
        _referral = Query("host.sub.example.com");

        // Cross-check: each is answered with the RCODE and answer count it should have.
        Check(_answer, rcode: 0, answers: 1);
        Check(_cnameChain, rcode: 0, answers: 3);
        Check(_nxdomain, rcode: 3, answers: 0);
        Check(_wildcard, rcode: 0, answers: 1);
        Check(_referral, rcode: 0, answers: 0);
    }

    [Benchmark(Baseline = true)]
    public int Answer() => _responder.Respond(_answer, _response, overTcp: false);

    [Benchmark]
    public int CnameChain() => _responder.Respond(_cnameChain, _response, overTcp: false);

    [Benchmark]
    public int NxDomain() => _responder.Respond(_nxdomain, _response, overTcp: false);

    [Benchmark]
    public int Wildcard() => _responder.Respond(_wildcard, _response, overTcp: false);

    [Benchmark]
    public int Referral() => _responder.Respond(_referral, _response, overTcp: false);

    private void Check(byte[] query, int rcode, int answers)
    {
        int length = _responder.Respond(query, _response, overTcp: false);
        if (length < 12 || (_response[3] & 0xF) != rcode || BinaryPrimitives.ReadUInt16BigEndian(_response.AsSpan(6)) != answers)
        {
            throw new InvalidOperationException("Unexpected response to a benchmark query.");
        }
    }

    /// <summary>A query with RD and an OPT offering 1232 bytes, as dig sends it.</summary>
    private static byte[] Query(string name)
    {
        Span<byte> wire = stackalloc byte[DnsName.MaxWireLength];
        int length = DnsName.TryParse(name, wire).BytesWritten;
        byte[] query = new byte[12 + length + 4 + 11];
        query[0] = 0x12;
        query[2] = 0x01;
        query[5] = 1;
        query[11] = 1;
        wire[..length].CopyTo(query.AsSpan(12));
        query[12 + length + 1] = 1;
        query[12 + length + 3] = 1;
        int opt = 12 + length + 4;
        query[opt + 2] = 41;
        query[opt + 3] = 0x04;
        query[opt + 4] = 0xD0;
        return query;
    }
}
