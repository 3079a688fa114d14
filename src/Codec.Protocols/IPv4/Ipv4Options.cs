namespace Codec.Protocols.IPv4;

// RFC 791 §3.1, Options: an option is either a single octet of option-type, or an option-type octet, an option-length
// octet (counting the type and length octets) and the option-data octets:
//
//     0 1 2 3 4 5 6 7
//    +-+-+-+-+-+-+-+-+
//    |C| cl|  number |   option-type: copied flag, option class, option number
//    +-+-+-+-+-+-+-+-+
//
//    Type 0: End of Option List (the rest of the header is padding); type 1: No Operation.
//    Type 7: Record Route; 131: Loose Source and Record Route; 137: Strict Source and Record Route (route data);
//    type 68: Internet Timestamp; 130: Security (RFC 1108); 136: Stream ID; 148: Router Alert (RFC 2113).
//
// The options fill IHL × 4 − 20 octets of the header.

/// <summary>The options of an IPv4 header (RFC 791 §3.1): type, length counting the header, data.</summary>
[OptionList(Name = "IPv4 Options", LengthIncludesHeader = true)]
[Option(0, "EndOfOptionList", Name = "End of Options List", SingleByte = true, EndsList = true)]
[Option(1, "NoOperation", Name = "No Operation", SingleByte = true)]
[Option(7, "RecordRoute", Type = typeof(Ipv4RouteOption))]
[Option(68, "Timestamp", Type = typeof(Ipv4TimestampOption))]
[Option(130, "Security")]
[Option(131, "LooseSourceRoute", Name = "Loose Source and Record Route", Type = typeof(Ipv4RouteOption))]
[Option(136, "StreamId", Name = "Stream ID", Type = typeof(Ipv4StreamIdOption))]
[Option(137, "StrictSourceRoute", Name = "Strict Source and Record Route", Type = typeof(Ipv4RouteOption))]
[Option(148, "RouterAlert", Type = typeof(Ipv4RouterAlertOption))]
public readonly ref partial struct Ipv4Options
{
}
