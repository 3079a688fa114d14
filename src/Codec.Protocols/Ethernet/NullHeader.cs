namespace Codec.Protocols.Ethernet;

// BSD loopback encapsulation, LINKTYPE_NULL (0) (tcpdump.org/linktypes/LINKTYPE_NULL.html):
//
//    +---------------------------+
//    |        Family             |  4 octets, in the byte order of the host that wrote the capture
//    +---------------------------+
//    |        Payload            |  an IPv4 or IPv6 packet
//    .                           .
//
// AF_INET is 2 everywhere; AF_INET6 is 24 (NetBSD, OpenBSD), 28 (FreeBSD) or 30 (macOS). Little-endian writers are
// the common case; a value whose low two bytes are zero was written big-endian.

/// <summary>The 4-byte address family before a BSD loopback packet, as a little-endian host writes it.</summary>
[Message(Name = "Null/Loopback", ByteOrder = ByteOrder.LittleEndian)]
public partial struct NullHeader
{
    /// <summary>The BSD AF_* value of the payload.</summary>
    [Field(0)]
    public uint Family;

    /// <summary>The family whichever byte order wrote it.</summary>
    public readonly uint FamilyAnyOrder => (Family & 0xFFFF) == 0 ? System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(Family) : Family;

    /// <summary>Whether the payload is IPv4 (AF_INET).</summary>
    public readonly bool IsIPv4 => FamilyAnyOrder == 2;

    /// <summary>Whether the payload is IPv6 (AF_INET6 of NetBSD/OpenBSD, FreeBSD or macOS).</summary>
    public readonly bool IsIPv6 => FamilyAnyOrder is 24 or 28 or 30;
}
