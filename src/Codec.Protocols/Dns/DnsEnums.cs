namespace Codec.Protocols.Dns;

/// <summary>DNS OpCodes (IANA "DNS OpCodes" registry).</summary>
public enum DnsOpcode : byte
{
    /// <summary>A standard query (RFC 1035).</summary>
    Query = 0,

    /// <summary>An inverse query (obsolete, RFC 3425).</summary>
    IQuery = 1,

    /// <summary>A server status request (RFC 1035).</summary>
    Status = 2,

    /// <summary>Notify (RFC 1996).</summary>
    Notify = 4,

    /// <summary>Update (RFC 2136).</summary>
    Update = 5,

    /// <summary>DNS Stateful Operations (RFC 8490).</summary>
    Dso = 6,
}

/// <summary>DNS RCODEs that fit the header's four bits (IANA "DNS RCODEs").</summary>
public enum DnsResponseCode : byte
{
    /// <summary>No error.</summary>
    NoError = 0,

    /// <summary>Format error.</summary>
    FormErr = 1,

    /// <summary>Server failure.</summary>
    ServFail = 2,

    /// <summary>Non-existent domain.</summary>
    NXDomain = 3,

    /// <summary>Not implemented.</summary>
    NotImp = 4,

    /// <summary>Query refused.</summary>
    Refused = 5,

    /// <summary>Name exists when it should not (RFC 2136).</summary>
    YXDomain = 6,

    /// <summary>RR set exists when it should not (RFC 2136).</summary>
    YXRRSet = 7,

    /// <summary>RR set that should exist does not (RFC 2136).</summary>
    NXRRSet = 8,

    /// <summary>Not authoritative (RFC 2136) / not authorized (RFC 8945).</summary>
    NotAuth = 9,

    /// <summary>Name not contained in zone (RFC 2136).</summary>
    NotZone = 10,
}

/// <summary>Resource record TYPEs (IANA "Resource Record (RR) TYPEs"); others are kept as numbers (RFC 3597).</summary>
public enum DnsType : ushort
{
    /// <summary>Mail destination (obsolete).</summary>
    MD = 3,

    /// <summary>Mail forwarder (obsolete).</summary>
    MF = 4,

    /// <summary>Mailbox domain name (experimental).</summary>
    MB = 7,

    /// <summary>Mail group member (experimental).</summary>
    MG = 8,

    /// <summary>Mail rename domain name (experimental).</summary>
    MR = 9,

    /// <summary>Null RR (experimental).</summary>
    NULL = 10,

    /// <summary>Well known service description.</summary>
    WKS = 11,

    /// <summary>Mailbox or mail list information.</summary>
    MINFO = 14,

    /// <summary>Responsible person (RFC 1183).</summary>
    RP = 17,

    /// <summary>AFS database location (RFC 1183).</summary>
    AFSDB = 18,

    /// <summary>X.25 PSDN address (RFC 1183).</summary>
    X25 = 19,

    /// <summary>ISDN address (RFC 1183).</summary>
    ISDN = 20,

    /// <summary>Route through (RFC 1183).</summary>
    RT = 21,

    /// <summary>NSAP address (RFC 1706).</summary>
    NSAP = 22,

    /// <summary>Security signature (RFC 2535).</summary>
    SIG = 24,

    /// <summary>Security key (RFC 2535).</summary>
    KEY = 25,

    /// <summary>X.400 mail mapping (RFC 2163).</summary>
    PX = 26,

    /// <summary>Geographical position (RFC 1712).</summary>
    GPOS = 27,

    /// <summary>Location information (RFC 1876).</summary>
    LOC = 29,

    /// <summary>Next domain (obsolete, RFC 3755).</summary>
    NXT = 30,

    /// <summary>Key exchanger (RFC 2230).</summary>
    KX = 36,

    /// <summary>Certificate (RFC 4398).</summary>
    CERT = 37,

    /// <summary>IPv6 address (historic, RFC 6563).</summary>
    A6 = 38,

    /// <summary>Address prefix list (RFC 3123).</summary>
    APL = 42,

    /// <summary>SSH key fingerprint (RFC 4255).</summary>
    SSHFP = 44,

    /// <summary>IPsec key (RFC 4025).</summary>
    IPSECKEY = 45,

    /// <summary>DHCP identifier (RFC 4701).</summary>
    DHCID = 49,

    /// <summary>NSEC3 parameters (RFC 5155).</summary>
    NSEC3PARAM = 51,

    /// <summary>TLSA certificate association (RFC 6698).</summary>
    TLSA = 52,

    /// <summary>S/MIME certificate association (RFC 8162).</summary>
    SMIMEA = 53,

    /// <summary>Host identity protocol (RFC 8005).</summary>
    HIP = 55,

    /// <summary>Child DS (RFC 7344).</summary>
    CDS = 59,

    /// <summary>Child DNSKEY (RFC 7344).</summary>
    CDNSKEY = 60,

    /// <summary>OpenPGP key (RFC 7929).</summary>
    OPENPGPKEY = 61,

    /// <summary>Child-to-parent synchronization (RFC 7477).</summary>
    CSYNC = 62,

    /// <summary>Zone message digest (RFC 8976).</summary>
    ZONEMD = 63,

    /// <summary>Sender policy framework (RFC 7208).</summary>
    SPF = 99,

    /// <summary>Transaction key (RFC 2930).</summary>
    TKEY = 249,

    /// <summary>Mailbox-related records (RFC 1035).</summary>
    MAILB = 253,

    /// <summary>Mail agent records (obsolete).</summary>
    MAILA = 254,

    /// <summary>IPv4 host address (RFC 1035).</summary>
    A = 1,

    /// <summary>Authoritative name server (RFC 1035).</summary>
    NS = 2,

    /// <summary>Canonical name (RFC 1035).</summary>
    CNAME = 5,

    /// <summary>Start of a zone of authority (RFC 1035).</summary>
    SOA = 6,

    /// <summary>Domain name pointer (RFC 1035).</summary>
    PTR = 12,

    /// <summary>Host information (RFC 8482).</summary>
    HINFO = 13,

    /// <summary>Mail exchange (RFC 1035).</summary>
    MX = 15,

    /// <summary>Text strings (RFC 1035).</summary>
    TXT = 16,

    /// <summary>IPv6 address (RFC 3596).</summary>
    AAAA = 28,

    /// <summary>Server selection (RFC 2782).</summary>
    SRV = 33,

    /// <summary>Naming authority pointer (RFC 3403).</summary>
    NAPTR = 35,

    /// <summary>Delegation name (RFC 6672).</summary>
    DNAME = 39,

    /// <summary>EDNS(0) option pseudo-record (RFC 6891).</summary>
    OPT = 41,

    /// <summary>Delegation signer (RFC 4034).</summary>
    DS = 43,

    /// <summary>RRSIG (RFC 4034).</summary>
    RRSIG = 46,

    /// <summary>NSEC (RFC 4034).</summary>
    NSEC = 47,

    /// <summary>DNSKEY (RFC 4034).</summary>
    DNSKEY = 48,

    /// <summary>NSEC3 (RFC 5155).</summary>
    NSEC3 = 50,

    /// <summary>Service binding (RFC 9460).</summary>
    SVCB = 64,

    /// <summary>HTTPS service binding (RFC 9460).</summary>
    HTTPS = 65,

    /// <summary>Transaction signature (RFC 8945).</summary>
    TSIG = 250,

    /// <summary>Incremental zone transfer (RFC 1995).</summary>
    IXFR = 251,

    /// <summary>Zone transfer (RFC 1035).</summary>
    AXFR = 252,

    /// <summary>Any type ("*", RFC 1035, RFC 8482).</summary>
    ANY = 255,

    /// <summary>URI (RFC 7553).</summary>
    URI = 256,

    /// <summary>Certification authority authorization (RFC 8659).</summary>
    CAA = 257,
}

/// <summary>DNS CLASSes (IANA "DNS CLASSes").</summary>
public enum DnsClass : ushort
{
    /// <summary>Internet.</summary>
    IN = 1,

    /// <summary>Chaos (RFC 1035).</summary>
    CH = 3,

    /// <summary>Hesiod.</summary>
    HS = 4,

    /// <summary>NONE (RFC 2136).</summary>
    NONE = 254,

    /// <summary>ANY ("*").</summary>
    ANY = 255,
}
