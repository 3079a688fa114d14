namespace Codec.Protocols.Capture;

/// <summary>Classic pcap: a file header, then records of a 16-byte header and the captured bytes.</summary>
public sealed partial class CaptureReader
{
    private bool _pcapBigEndian;
    private ulong _pcapUnitsPerSecond;
    private LinkLayerType _pcapLinkType;

    /// <summary>The file's snapshot length (classic pcap), or the first interface's (pcapng).</summary>
    public uint SnapLength { get; private set; }

    private CaptureReadStatus ReadPcapHeader()
    {
        int available = Fill(PcapFileHeader.Size);
        if (available < PcapFileHeader.Size)
        {
            return Fail(CaptureReadStatus.Truncated, 0, $"the pcap file header needs {PcapFileHeader.Size} bytes, the file has {available}");
        }

        ReadOnlySpan<byte> bytes = _buffer.AsSpan(_start, PcapFileHeader.Size);
        uint magic = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        _pcapBigEndian = magic is PcapMagic.MicrosecondsSwapped or PcapMagic.NanosecondsSwapped;
        ushort major;
        uint snapLength;
        uint linkType;
        if (_pcapBigEndian)
        {
            PcapFileHeaderBigEndian.TryRead(bytes, out var header);
            (major, snapLength, linkType, magic) = (header.MajorVersion, header.SnapLen, header.LinkType, header.MagicNumber);
        }
        else
        {
            PcapFileHeader.TryRead(bytes, out var header);
            (major, snapLength, linkType) = (header.MajorVersion, header.SnapLen, header.LinkType);
        }

        if (major != 2)
        {
            return Fail(CaptureReadStatus.Invalid, 4, $"pcap major version {major} (only 2 exists)");
        }

        _pcapUnitsPerSecond = magic == PcapMagic.Nanoseconds ? 1_000_000_000UL : 1_000_000UL;
        _pcapLinkType = (LinkLayerType)(linkType & 0xFFFF);
        SnapLength = snapLength;
        Consume(PcapFileHeader.Size);
        IsHeaderRead = true;
        return CaptureReadStatus.Packet;
    }

    private CaptureReadStatus ReadPcapRecord(out CapturePacket packet)
    {
        packet = default;
        long offset = Position;
        int available = Fill(PcapRecordHeader.Size);
        if (available == 0)
        {
            return CaptureReadStatus.EndOfFile;
        }

        if (available < PcapRecordHeader.Size)
        {
            return Fail(CaptureReadStatus.Truncated, offset, $"the last record's header has {available} of {PcapRecordHeader.Size} bytes");
        }

        ReadOnlySpan<byte> bytes = _buffer.AsSpan(_start, PcapRecordHeader.Size);
        uint seconds, fraction, captured, original;
        if (_pcapBigEndian)
        {
            PcapRecordHeaderBigEndian.TryRead(bytes, out var header);
            (seconds, fraction, captured, original) = (header.TimestampSeconds, header.TimestampFraction, header.CapturedPacketLength, header.OriginalPacketLength);
        }
        else
        {
            PcapRecordHeader.TryRead(bytes, out var header);
            (seconds, fraction, captured, original) = (header.TimestampSeconds, header.TimestampFraction, header.CapturedPacketLength, header.OriginalPacketLength);
        }

        if (captured > MaximumRecordSize - PcapRecordHeader.Size)
        {
            return Fail(CaptureReadStatus.Invalid, offset, $"record {PacketCount + 1} claims {captured} captured bytes (more than {MaximumRecordSize - PcapRecordHeader.Size})");
        }

        int size = PcapRecordHeader.Size + (int)captured;
        available = Fill(size);
        if (available < size)
        {
            return Fail(CaptureReadStatus.Truncated, offset, $"the last record (packet {PacketCount + 1}) has {available - PcapRecordHeader.Size} of its {captured} captured bytes");
        }

        ReadOnlySpan<byte> data = _buffer.AsSpan(_start + PcapRecordHeader.Size, (int)captured);
        ulong timestamp = ((ulong)seconds * _pcapUnitsPerSecond) + fraction;
        packet = new CapturePacket(data, (int)Math.Min(original, int.MaxValue), _pcapLinkType, 0, timestamp, _pcapUnitsPerSecond, offset);
        Consume(size);
        return CaptureReadStatus.Packet;
    }
}
