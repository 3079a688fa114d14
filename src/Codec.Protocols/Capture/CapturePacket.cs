namespace Codec.Protocols.Capture;

/// <summary>
/// One packet of a capture file as the reader found it. <see cref="Data"/> points into the reader's buffer: it is
/// valid until the next read, and nothing is copied.
/// </summary>
public readonly ref struct CapturePacket
{
    /// <summary>Creates a packet.</summary>
    public CapturePacket(ReadOnlySpan<byte> data, int originalLength, LinkLayerType linkType, int interfaceId, ulong timestamp, ulong timestampUnitsPerSecond, long fileOffset)
    {
        Data = data;
        OriginalLength = originalLength;
        LinkType = linkType;
        InterfaceId = interfaceId;
        Timestamp = timestamp;
        TimestampUnitsPerSecond = timestampUnitsPerSecond;
        FileOffset = fileOffset;
    }

    /// <summary>The captured bytes (possibly fewer than <see cref="OriginalLength"/>).</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Bytes the packet had on the wire.</summary>
    public int OriginalLength { get; }

    /// <summary>What the packet starts with.</summary>
    public LinkLayerType LinkType { get; }

    /// <summary>The interface it was captured on (pcapng IDB number; 0 in classic pcap).</summary>
    public int InterfaceId { get; }

    /// <summary>Time since 1970-01-01 UTC in units of 1/<see cref="TimestampUnitsPerSecond"/> seconds.</summary>
    public ulong Timestamp { get; }

    /// <summary>Timestamp units per second (10^6 or 10^9 in pcap; the interface's if_tsresol in pcapng); 0 when the packet has no timestamp (a Simple Packet Block).</summary>
    public ulong TimestampUnitsPerSecond { get; }

    /// <summary>Where the packet's record or block starts in the file.</summary>
    public long FileOffset { get; }

    /// <summary>Whether fewer bytes were captured than the packet had.</summary>
    public bool IsSnapped => Data.Length < OriginalLength;

    /// <summary>The timestamp in nanoseconds since 1970-01-01 UTC (0 without a timestamp).</summary>
    public long TimestampNanoseconds => TimestampUnitsPerSecond == 0
        ? 0
        : (long)(Timestamp / TimestampUnitsPerSecond * 1_000_000_000UL)
          + (long)((UInt128)(Timestamp % TimestampUnitsPerSecond) * 1_000_000_000UL / TimestampUnitsPerSecond);
}
