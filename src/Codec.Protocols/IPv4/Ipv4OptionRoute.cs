namespace Codec.Protocols.IPv4;

// RFC 791 §3.1, Record Route (type 7) and the source routes (131 loose, 137 strict) share their data:
//
//    +--------+--------+--------+---------//--------+
//    |00000111| length | pointer|     route data    |
//    +--------+--------+--------+---------//--------+
//
// The route data is a series of internet addresses; the pointer (from 4) is the octet of the option where the next
// address goes or is taken from.

/// <summary>One address of route data.</summary>
[Message(Name = "Route Address")]
public partial struct Ipv4RouteAddress
{
    /// <summary>The address.</summary>
    [Field(0)]
    public IPv4Address Address;
}

/// <summary>The data of a Record Route, Loose Source Route or Strict Source Route option.</summary>
[Message(Name = "Route")]
public ref partial struct Ipv4RouteOption
{
    /// <summary>The octet of the option (counted from 1 at its type) where the next address is.</summary>
    [Field(0)]
    public byte Pointer;

    /// <summary>The addresses recorded or still to visit.</summary>
    [Field(1), Remaining]
    public MessageList<Ipv4RouteAddress> Addresses;
}
