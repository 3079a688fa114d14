namespace Codec.Protocols.Tcp;

// RFC 9293 §3.1 (Options) and §3.2, with the kinds registered in IANA's "TCP Option Kind Numbers":
//
//    An option is either a single octet of option-kind, or an octet of option-kind, an octet of option-length
//    (counting the kind and length octets) and option-length − 2 octets of data:
//
//    +--------+                    +--------+--------+----------------
//    |  Kind  |    or              |  Kind  | Length |  data ...
//    +--------+                    +--------+--------+----------------
//
//    Kind 0: End of Option List (the rest of the header is padding); kind 1: No-Operation (alignment).
//    Kind 2: Maximum Segment Size (length 4, RFC 9293 §3.7.1); kind 3: Window Scale (length 3, RFC 7323 §2.2);
//    kind 4: SACK Permitted (length 2, RFC 2018 §2); kind 5: SACK (length 2 + 8n, RFC 2018 §3);
//    kind 8: Timestamps (length 10, RFC 7323 §3.2); kind 34: TCP Fast Open Cookie (length 2 + cookie, RFC 7413 §4.1.1).
//
// The options fill Data Offset × 4 − 20 octets of the header.

/// <summary>The options of a TCP header (RFC 9293 §3.1): kind, length counting the header, data.</summary>
[OptionList(Name = "TCP Options", LengthIncludesHeader = true)]
[Option(0, "EndOfOptionList", Name = "End of Option List", SingleByte = true, EndsList = true)]
[Option(1, "NoOperation", Name = "No-Operation", SingleByte = true)]
[Option(2, "MaximumSegmentSize", Type = typeof(TcpMaximumSegmentSize))]
[Option(3, "WindowScale", Type = typeof(TcpWindowScale))]
[Option(4, "SackPermitted", Name = "SACK Permitted")]
[Option(5, "Sack", Name = "SACK", Type = typeof(TcpSack))]
[Option(8, "Timestamps", Type = typeof(TcpTimestamps))]
[Option(34, "FastOpenCookie", Name = "TCP Fast Open Cookie", Type = typeof(TcpFastOpenCookie))]
public readonly ref partial struct TcpOptions
{
}
