namespace Codec.Protocols.Dhcp;

// RFC 2132 §2, DHCP options: code, length counting the data only, data. Pad (0) and End (255) are a lone code octet;
// the octets after End are padding.
//
//     Code   Len   Data item        Code   Len   Data item       Code
//    +-----+-----+-----+-----+     +-----+-----+-----+-----+    +-----+
//    |  tc |  n  |  d1 |  d2 | ... |  tc |  n  |  d1 |  d2 | ...| 255 |
//    +-----+-----+-----+-----+     +-----+-----+-----+-----+    +-----+
//
// RFC 3396: an option longer than 255 octets, or one that appears more than once, is the concatenation of its
// instances (see DhcpLongOption); the typed accessors read the first instance alone.

/// <summary>DHCP options (RFC 2132); the value types follow each option's section.</summary>
[OptionList(Name = "DHCP Options")]
[Option(0, "Pad", SingleByte = true)]
[Option(1, "SubnetMask", Type = typeof(DhcpAddress))]
[Option(3, "Router", Type = typeof(DhcpAddressList))]
[Option(6, "DomainNameServer", Name = "Domain Name Server", Type = typeof(DhcpAddressList))]
[Option(12, "HostName", Type = typeof(DhcpText))]
[Option(15, "DomainName", Type = typeof(DhcpText))]
[Option(50, "RequestedAddress", Name = "Requested IP Address", Type = typeof(DhcpAddress))]
[Option(51, "LeaseTime", Name = "IP Address Lease Time", Type = typeof(DhcpSeconds))]
[Option(52, "OptionOverload", Type = typeof(DhcpOverload))]
[Option(53, "MessageType", Name = "DHCP Message Type", Type = typeof(DhcpMessageTypeValue))]
[Option(54, "ServerIdentifier", Type = typeof(DhcpAddress))]
[Option(55, "ParameterRequestList", Type = typeof(DhcpParameterList))]
[Option(57, "MaximumMessageSize", Name = "Maximum DHCP Message Size", Type = typeof(DhcpMaximumMessageSize))]
[Option(58, "RenewalTime", Name = "Renewal Time Value", Type = typeof(DhcpSeconds))]
[Option(59, "RebindingTime", Name = "Rebinding Time Value", Type = typeof(DhcpSeconds))]
[Option(61, "ClientIdentifier", Type = typeof(DhcpClientIdentifier))]
[Option(82, "RelayAgentInformation", Type = typeof(DhcpRelayAgentInformation))]
[Option(255, "End", SingleByte = true, EndsList = true)]
public readonly ref partial struct DhcpOptions
{
}
