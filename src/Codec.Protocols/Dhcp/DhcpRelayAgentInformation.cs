namespace Codec.Protocols.Dhcp;

// RFC 3046 §2, Relay Agent Information option (82): its data is a list of sub-options, each a code, a length counting
// the data only, and the data; there is no pad or end.
//
//        Code   Len     Agent Information Field
//       +------+------+------+------+------+------+--...-+------+
//       |  82  |   N  |  i1  |  i2  |  i3  |  i4  |      |  iN  |
//       +------+------+------+------+------+------+--...-+------+
//
//        SubOpt  Len     Sub-option Value
//       +------+------+------+------+------+------+--...-+
//       |  1   |   n  |  s1  |  s2  |  s3  |  s4  |      |
//       +------+------+------+------+------+------+--...-+

/// <summary>The sub-options of a Relay Agent Information option (RFC 3046 §2).</summary>
[OptionList(Name = "Relay Agent Information")]
[Option(1, "AgentCircuitId", Name = "Agent Circuit ID")]
[Option(2, "AgentRemoteId", Name = "Agent Remote ID")]
public readonly ref partial struct DhcpRelayAgentInformation
{
}
