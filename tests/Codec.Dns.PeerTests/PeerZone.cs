namespace Codec.Dns.PeerTests;

/// <summary>The zone both servers serve: BIND-style syntax, an $INCLUDE, and every behaviour the comparisons visit.</summary>
internal static class PeerZone
{
    public const string Origin = "peer.example.";

    public const string Main = """
        ; Served by knotd and by codecs, compared answer for answer.
        $ORIGIN peer.example.
        $TTL 3600
        @       IN SOA ns1 hostmaster (
                        2026112701 ; serial
                        7200       ; refresh
                        3600       ; retry
                        1209600    ; expire
                        300 )      ; minimum
                IN NS   ns1
                IN MX   10 mail
                IN TXT  "v=spf1 mx -all" "quote\"d; semi" "\065\066\067"
                IN CAA  0 issue "ca.example.net"
        ns1     IN A    192.0.2.53
        $INCLUDE hosts.inc
        web     IN CNAME www
        alias   IN CNAME web
        out     IN CNAME www.elsewhere.example.
        dangling IN CNAME missing
        *.apps  IN A    192.0.2.100
        *.apps  IN TXT  "wild"
        exists.apps IN A 192.0.2.101
        a.b.ent IN TXT  "deep"
        sub     IN NS   ns.sub
                IN NS   ns.elsewhere.example.
        ns.sub  IN A    192.0.2.54
        _sip._udp 600 IN SRV 10 60 5060 www
        ptr     IN PTR  www
        short   60 IN A 192.0.2.60
        big     IN TXT  "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
                IN TXT  "1123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
                IN TXT  "2123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
                IN TXT  "3123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
                IN TXT  "4123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
                IN TXT  "5123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
        huge    IN TXT  "00xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                IN TXT  "01xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                IN TXT  "02xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                IN TXT  "03xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                IN TXT  "04xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                IN TXT  "05xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                IN TXT  "06xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                IN TXT  "07xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                IN TXT  "08xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                IN TXT  "09xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                IN TXT  "10xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                IN TXT  "11xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                IN TXT  "12xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                IN TXT  "13xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                IN TXT  "14xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                IN TXT  "15xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
        """;

    public const string Hosts = """
        www     IN A    192.0.2.80
                IN AAAA 2001:db8::80
        mail    IN A    192.0.2.25
        """;

    /// <summary>Writes the zone files into <paramref name="directory"/>; returns the main file's path.</summary>
    public static string WriteTo(string directory)
    {
        File.WriteAllText(Path.Combine(directory, "hosts.inc"), Hosts);
        string path = Path.Combine(directory, "peer.example.zone");
        File.WriteAllText(path, Main);
        return path;
    }
}
