namespace Codec.Protocols.Capture;

// Classic pcap file header (draft-ietf-opsawg-pcap §4, "File Header"), in the byte order of the writing host, which
// the Magic Number tells apart (0xA1B2C3D4: microsecond timestamps, 0xA1B23C4D: nanosecond timestamps):
//
//                           1                   2                   3
//       0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//      +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    0 |                          Magic Number                         |
//      +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    4 |          Major Version        |         Minor Version         |
//      +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    8 |                           Reserved1                           |
//      +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   12 |                           Reserved2                           |
//      +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   16 |                            SnapLen                            |
//      +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   20 | FCS |f|0 0 0 0 0 0 0 0 0 0 0 0|         LinkType              |
//      +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Reserved1/Reserved2 were thiszone and sigfigs in libpcap; writers set them to 0. The upper 16 bits of the LinkType
// word carry the FCS length and other flags (some fuzzed files fill them with garbage): the link type is the low 16.

/// <summary>The 24-byte classic pcap file header, little-endian (written by little-endian hosts).</summary>
[Message(Name = "Pcap File Header", ByteOrder = ByteOrder.LittleEndian)]
public partial struct PcapFileHeader
{
    /// <summary>0xA1B2C3D4 (microseconds) or 0xA1B23C4D (nanoseconds), as read in this byte order.</summary>
    [Field(0, Name = "Magic Number")]
    public uint MagicNumber;

    /// <summary>2.</summary>
    [Field(1, Name = "Major Version")]
    public ushort MajorVersion;

    /// <summary>4.</summary>
    [Field(2, Name = "Minor Version")]
    public ushort MinorVersion;

    /// <summary>libpcap's thiszone: 0.</summary>
    [Field(3)]
    public uint Reserved1;

    /// <summary>libpcap's sigfigs: 0.</summary>
    [Field(4)]
    public uint Reserved2;

    /// <summary>The most bytes captured of any packet.</summary>
    [Field(5, Name = "SnapLen")]
    public uint SnapLen;

    /// <summary>LINKTYPE_* in the low 16 bits, FCS information above.</summary>
    [Field(6, Name = "LinkType")]
    public uint LinkType;
}

/// <summary>The 24-byte classic pcap file header, big-endian (written by big-endian hosts).</summary>
[Message(Name = "Pcap File Header", ByteOrder = ByteOrder.BigEndian)]
public partial struct PcapFileHeaderBigEndian
{
    /// <summary>0xA1B2C3D4 (microseconds) or 0xA1B23C4D (nanoseconds), as read in this byte order.</summary>
    [Field(0, Name = "Magic Number")]
    public uint MagicNumber;

    /// <summary>2.</summary>
    [Field(1, Name = "Major Version")]
    public ushort MajorVersion;

    /// <summary>4.</summary>
    [Field(2, Name = "Minor Version")]
    public ushort MinorVersion;

    /// <summary>libpcap's thiszone: 0.</summary>
    [Field(3)]
    public uint Reserved1;

    /// <summary>libpcap's sigfigs: 0.</summary>
    [Field(4)]
    public uint Reserved2;

    /// <summary>The most bytes captured of any packet.</summary>
    [Field(5, Name = "SnapLen")]
    public uint SnapLen;

    /// <summary>LINKTYPE_* in the low 16 bits, FCS information above.</summary>
    [Field(6, Name = "LinkType")]
    public uint LinkType;
}
