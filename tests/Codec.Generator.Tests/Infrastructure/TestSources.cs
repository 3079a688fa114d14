namespace Codec.Generator.Tests.Infrastructure;

/// <summary>Representative valid messages shared by the snapshot, compile and incremental tests.</summary>
public static class TestSources
{
    /// <summary>
    /// An RFC 791-like header: nibbles, a constant version, a reserved bit, two flags, a 13-bit fragment offset, an
    /// enum protocol and two IPv4 addresses. 160 bits = 20 bytes.
    /// </summary>
    public const string Ipv4Header = """
        using Codec;

        namespace Sample.Net;

        /// <summary>IP protocol numbers.</summary>
        public enum IpProtocol : byte
        {
            Icmp = 1,
            Tcp = 6,
            Udp = 17,
        }

        /// <summary>The fixed part of an IPv4 header.</summary>
        [Message(Name = "Internet Protocol Version 4")]
        [Reserved(5, 1, Policy = ReservedPolicy.Reject, Name = "Reserved Flag")]
        public partial struct Ipv4Header
        {
            [Field(0, Bits = 4), Constant(4)] public byte Version;
            [Field(1, Bits = 4, Name = "Header Length")] public byte Ihl;
            [Field(2, Name = "Type of Service")] public byte TypeOfService;
            [Field(3, Name = "Total Length")] public ushort TotalLength;
            [Field(4)] public ushort Identification;
            [Field(6, Name = "Don't Fragment")] public bool DontFragment;
            [Field(7, Name = "More Fragments")] public bool MoreFragments;
            [Field(8, Bits = 13, Name = "Fragment Offset")] public ushort FragmentOffset;
            [Field(9, Name = "Time to Live")] public byte TimeToLive;
            [Field(10)] public IpProtocol Protocol;
            [Field(11, Name = "Header Checksum")] public ushort HeaderChecksum;
            [Field(12, Name = "Source Address")] public IPv4Address Source;
            [Field(13, Name = "Destination Address")] public IPv4Address Destination;
        }
        """;

    /// <summary>The libpcap global header: a little-endian message with a constant magic number. 24 bytes.</summary>
    public const string PcapGlobalHeader = """
        using Codec;

        namespace Sample.Capture;

        /// <summary>Link-layer header types.</summary>
        public enum LinkType : uint
        {
            Null = 0,
            Ethernet = 1,
            Raw = 101,
        }

        /// <summary>The header at the start of a pcap file.</summary>
        [Message(ByteOrder = ByteOrder.LittleEndian, Name = "pcap global header")]
        public partial struct PcapGlobalHeader
        {
            [Field(0, Name = "Magic Number"), Constant(0xA1B2C3D4)] public uint MagicNumber;
            [Field(1, Name = "Major Version")] public ushort VersionMajor { get; set; }
            [Field(2, Name = "Minor Version")] public ushort VersionMinor { get; set; }
            [Field(3, Name = "Time Zone Offset")] public int ThisZone;
            [Field(4, Name = "Timestamp Accuracy")] public uint SigFigs;
            [Field(5, Name = "Snapshot Length")] public uint SnapLength;
            [Field(6, Name = "Link Type")] public LinkType Network;
        }
        """;

    /// <summary>
    /// Bool flags, a 9-bit [Flags] enum, [Reserved] bits (one rejecting non-zero), a MAC address, a 16-byte block and
    /// an IPv6 address. 8 + 16 + 8 + 48 + 128 + 128 = 336 bits = 42 bytes.
    /// </summary>
    public const string DeviceAnnouncement = """
        using System;
        using Codec;

        namespace Sample.Devices;

        /// <summary>What a device can do.</summary>
        [Flags]
        public enum Capabilities : ushort
        {
            None = 0,
            Routing = 1,
            Bridging = 2,
            Wireless = 4,
            Telephone = 8,
            Station = 256,
        }

        /// <summary>A device announcing itself.</summary>
        [Message(Name = "Device Announcement")]
        [Reserved(3, 5)]
        [Reserved(6, 8, Policy = ReservedPolicy.Reject, Name = "Must Be Zero")]
        public partial struct DeviceAnnouncement
        {
            [Field(0)] public bool Active;
            [Field(1)] public bool Preferred;
            [Field(2)] public bool Temporary;
            [Field(4, Bits = 9)] public Capabilities Capabilities;
            [Field(5, Bits = 7)] public byte Priority;
            [Field(7, Name = "Hardware Address")] public MacAddress HardwareAddress;
            [Field(8, Name = "Client Identifier")] public FixedBytes16 ClientId;
            [Field(9, Name = "Link-Local Address")] public IPv6Address LinkLocal;
        }
        """;

    /// <summary>Every byte-order and signedness combination the layout allows, with properties. 16 bytes.</summary>
    public const string SignedAndOverrides = """
        using Codec;

        namespace Sample.Misc;

        public enum Direction : sbyte
        {
            Back = -1,
            Stop = 0,
            Forward = 1,
        }

        [Message]
        public partial struct Telemetry
        {
            [Field(0, Bits = 3)] public sbyte Trim;
            [Field(1, Bits = 5)] public byte Mode;
            [Field(2)] public short Altitude { get; set; }
            [Field(3, ByteOrder = ByteOrder.LittleEndian)] public int Counter;
            [Field(4, Bits = 2)] public Direction Heading;
            [Field(5, Bits = 6), Constant(0x2A)] public long Marker;
            [Field(6, ByteOrder = ByteOrder.BigEndian)] public ulong Timestamp { get; set; }
        }
        """;

    /// <summary>A record struct nested in partial types in the global namespace. 4 bytes.</summary>
    public const string NestedRecordStruct = """
        using Codec;

        public static partial class Protocols
        {
            public partial class Icmp
            {
                [Message]
                public partial record struct EchoPrefix
                {
                    [Field(0)] public byte Type { get; set; }
                    [Field(1)] public byte Code { get; set; }
                    [Field(2)] public ushort Checksum { get; set; }
                }
            }
        }
        """;
}
