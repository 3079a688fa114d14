namespace Codec.Protocols.Dns;

// RFC 1035 §3.3 and §3.4 (and the RFCs named on each case): RDATA's format depends on the record's TYPE. Types
// without a case here are kept as raw octets, RFC 3597 §5's "\# length hex" form.
// Names inside the RDATA of the types RFC 1035 defines (NS, CNAME, SOA, PTR, MX here) are compressed when a message is
// written with a DnsNameCompressor (§4.1.4); RFC 3597 §4 forbids it for every other type, so SRV's target is not.
// Empty RDATA (RDLENGTH 0) of a TYPE that cannot be empty is kept raw: RFC 2136 UPDATE uses it with class ANY or NONE
// to test for or delete an RRset (§2.4.1, §2.5.2), so it is not a malformed A or MX. (OPT may be empty and stays OPT.)

/// <summary>
/// A record's RDATA, typed by its TYPE: A, AAAA, NS, CNAME, PTR, MX, TXT, SOA, SRV, CAA and OPT are validated on read
/// and readable as their messages (names inside resolve against the whole DNS message); other types stay raw.
/// </summary>
[Union(Name = "RDATA", EmptyIsDefault = true)]
[Case(1, "A", typeof(DnsAData))]
[Case(2, "Ns", typeof(DnsNameData), Name = "NS", CompressNames = true)]
[Case(5, "Cname", typeof(DnsNameData), Name = "CNAME", CompressNames = true)]
[Case(6, "Soa", typeof(DnsSoaData), Name = "SOA", CompressNames = true)]
[Case(12, "Ptr", typeof(DnsNameData), Name = "PTR", CompressNames = true)]
[Case(15, "Mx", typeof(DnsMxData), Name = "MX", CompressNames = true)]
[Case(16, "Txt", typeof(DnsTxtData), Name = "TXT")]
[Case(28, "Aaaa", typeof(DnsAaaaData), Name = "AAAA")]
[Case(33, "Srv", typeof(DnsSrvData), Name = "SRV")]
[Case(41, "Opt", typeof(DnsOptData), Name = "OPT")]
[Case(257, "Caa", typeof(DnsCaaData), Name = "CAA")]
[DefaultCase("Unknown")]
public readonly ref partial struct DnsRData
{
}
