namespace Codec.Protocols.Capture;

/// <summary>
/// Writes a classic pcap file, little-endian, with microsecond or nanosecond timestamps: the file header at once, then
/// one record per packet.
/// </summary>
public sealed class PcapWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly ulong _unitsPerSecond;

    /// <summary>Writes the file header of a capture of <paramref name="linkType"/> packets to <paramref name="stream"/>.</summary>
    public PcapWriter(Stream stream, LinkLayerType linkType, uint snapLength = 262_144, bool nanoseconds = false, bool leaveOpen = false)
        : this(stream, new PcapFileHeader
        {
            MagicNumber = nanoseconds ? PcapMagic.Nanoseconds : PcapMagic.Microseconds,
            MajorVersion = 2,
            MinorVersion = 4,
            SnapLen = snapLength,
            LinkType = (ushort)linkType,
        }, leaveOpen)
    {
    }

    /// <summary>
    /// Writes <paramref name="header"/> as given (a header read from another file, to copy it exactly); its magic number
    /// must be <see cref="PcapMagic.Microseconds"/> or <see cref="PcapMagic.Nanoseconds"/>.
    /// </summary>
    public PcapWriter(Stream stream, PcapFileHeader header, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (header.MagicNumber is not (PcapMagic.Microseconds or PcapMagic.Nanoseconds))
        {
            throw new ArgumentOutOfRangeException(nameof(header), $"magic number 0x{header.MagicNumber:x8} is neither pcap magic");
        }

        _stream = stream;
        _leaveOpen = leaveOpen;
        _unitsPerSecond = header.MagicNumber == PcapMagic.Nanoseconds ? 1_000_000_000UL : 1_000_000UL;
        Span<byte> bytes = stackalloc byte[PcapFileHeader.Size];
        header.TryWrite(bytes);
        _stream.Write(bytes);
    }

    /// <summary>
    /// Writes one record. The timestamp, in units of 1/<paramref name="unitsPerSecond"/> s, is converted to the file's
    /// resolution (0 units: no timestamp, written as 0). An original length below the captured one is written as given,
    /// so that a copy of a file keeps what it had.
    /// </summary>
    public void WritePacket(ReadOnlySpan<byte> data, int originalLength, ulong timestamp, ulong unitsPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(originalLength);
        ulong seconds = unitsPerSecond == 0 ? 0 : timestamp / unitsPerSecond;
        ulong fraction = unitsPerSecond == 0 ? 0 : (ulong)((UInt128)(timestamp % unitsPerSecond) * _unitsPerSecond / unitsPerSecond);
        if (seconds > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(timestamp), "the timestamp is past the year 2106, which classic pcap cannot hold");
        }

        var header = new PcapRecordHeader
        {
            TimestampSeconds = (uint)seconds,
            TimestampFraction = (uint)fraction,
            CapturedPacketLength = (uint)data.Length,
            OriginalPacketLength = (uint)originalLength,
        };
        Span<byte> bytes = stackalloc byte[PcapRecordHeader.Size];
        header.TryWrite(bytes);
        _stream.Write(bytes);
        _stream.Write(data);
    }

    /// <summary>Writes <paramref name="packet"/> as read from another capture.</summary>
    public void WritePacket(in CapturePacket packet) =>
        WritePacket(packet.Data, packet.OriginalLength, packet.Timestamp, packet.TimestampUnitsPerSecond);

    /// <summary>Flushes and closes the stream unless asked to leave it open.</summary>
    public void Dispose()
    {
        _stream.Flush();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}
