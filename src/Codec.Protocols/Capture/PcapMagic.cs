namespace Codec.Protocols.Capture;

/// <summary>Magic numbers of classic pcap (draft-ietf-opsawg-pcap §4), as read little-endian from a file's first 4 bytes.</summary>
public static class PcapMagic
{
    /// <summary>Microsecond timestamps, written little-endian.</summary>
    public const uint Microseconds = 0xA1B2C3D4;

    /// <summary>Nanosecond timestamps, written little-endian.</summary>
    public const uint Nanoseconds = 0xA1B23C4D;

    /// <summary>Microsecond timestamps, written big-endian.</summary>
    public const uint MicrosecondsSwapped = 0xD4C3B2A1;

    /// <summary>Nanosecond timestamps, written big-endian.</summary>
    public const uint NanosecondsSwapped = 0x4D3CB2A1;
}
