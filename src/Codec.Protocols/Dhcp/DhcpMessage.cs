namespace Codec.Protocols.Dhcp;

// RFC 2131 §2, Format of a DHCP message (the BOOTP layout of RFC 951 with the options field of RFC 1497):
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//    +---------------+---------------+---------------+---------------+
//    |     op (1)    |   htype (1)   |   hlen (1)    |   hops (1)    |
//    +---------------+---------------+---------------+---------------+
//    |                            xid (4)                            |
//    +-------------------------------+-------------------------------+
//    |           secs (2)            |           flags (2)           |
//    +-------------------------------+-------------------------------+
//    |                          ciaddr  (4)                          |
//    +---------------------------------------------------------------+
//    |                          yiaddr  (4)                          |
//    +---------------------------------------------------------------+
//    |                          siaddr  (4)                          |
//    +---------------------------------------------------------------+
//    |                          giaddr  (4)                          |
//    +---------------------------------------------------------------+
//    |                          chaddr  (16)                         |
//    +---------------------------------------------------------------+
//    |                          sname   (64)                         |
//    +---------------------------------------------------------------+
//    |                          file    (128)                        |
//    +---------------------------------------------------------------+
//    |                          options (variable)                   |
//    +---------------------------------------------------------------+
//
// flags (§2, figure 2): B (broadcast) then 15 bits that must be zero. RFC 2131 §3: the options field starts with the
// magic cookie 99.130.83.99 (RFC 2132 §2); option 52 (overload) continues the options in file, then sname (§4.1).

/// <summary>A DHCPv4 message (RFC 2131 §2): the BOOTP fixed part, the magic cookie and the options, read in place.</summary>
[Message(Name = "Dynamic Host Configuration Protocol")]
[Reserved(7, 15, Name = "Reserved flags")]
public ref partial struct DhcpMessage
{
    /// <summary>The magic cookie in front of the options (RFC 2132 §2): 99.130.83.99.</summary>
    public const uint MagicCookieValue = 0x63825363;

    /// <summary>op: BOOTREQUEST from a client, BOOTREPLY from a server.</summary>
    [Field(0, Name = "Message type")]
    public DhcpOpCode Op;

    /// <summary>htype: hardware address type (ARP's "Hardware Type", 1 for Ethernet).</summary>
    [Field(1, Name = "Hardware type")]
    public byte HardwareType;

    /// <summary>hlen: hardware address length (6 for Ethernet).</summary>
    [Field(2, Name = "Hardware address length")]
    public byte HardwareAddressLength;

    /// <summary>hops: relay agents crossed.</summary>
    [Field(3)]
    public byte Hops;

    /// <summary>xid: transaction ID chosen by the client.</summary>
    [Field(4, Name = "Transaction ID")]
    public uint TransactionId;

    /// <summary>secs: seconds since the client began acquiring or renewing.</summary>
    [Field(5, Name = "Seconds elapsed")]
    public ushort Seconds;

    /// <summary>B: the client wants replies broadcast.</summary>
    [Field(6, Bits = 1, Name = "Broadcast flag")]
    public bool Broadcast;

    /// <summary>ciaddr: the client's address when it already has one.</summary>
    [Field(8, Name = "Client IP address")]
    public IPv4Address ClientAddress;

    /// <summary>yiaddr: "your" (the client's) address, from the server.</summary>
    [Field(9, Name = "Your (client) IP address")]
    public IPv4Address YourAddress;

    /// <summary>siaddr: the next server to use in bootstrap.</summary>
    [Field(10, Name = "Next server IP address")]
    public IPv4Address ServerAddress;

    /// <summary>giaddr: the relay agent's address.</summary>
    [Field(11, Name = "Relay agent IP address")]
    public IPv4Address GatewayAddress;

    /// <summary>chaddr: the client's hardware address (its first hlen octets), padded to 16.</summary>
    [Field(12, Name = "Client hardware address")]
    public FixedBytes16 ClientHardwareAddress;

    /// <summary>sname: server host name (NUL-terminated), or options when overloaded.</summary>
    [Field(13, Name = "Server host name")]
    public FixedBytes64 ServerName;

    /// <summary>file: boot file name (NUL-terminated), or options when overloaded.</summary>
    [Field(14, Name = "Boot file name")]
    public FixedBytes128 File;

    /// <summary>The magic cookie 99.130.83.99.</summary>
    [Field(15, Name = "Magic cookie"), Constant(MagicCookieValue)]
    public uint MagicCookie;

    /// <summary>The options, up to the End option and its padding.</summary>
    [Field(16), Remaining]
    public DhcpOptions Options;
}
