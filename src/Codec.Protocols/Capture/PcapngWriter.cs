using System.Buffers;
using System.Buffers.Binary;

namespace Codec.Protocols.Capture;

/// <summary>
/// Writes a pcapng file, little-endian: a Section Header Block at once, an Interface Description Block per
/// <see cref="AddInterface"/>, then Enhanced (or Simple) Packet Blocks.
/// </summary>
public sealed class PcapngWriter : IDisposable
{
    private const int OptionHeaderSize = 4;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly List<PcapngInterface> _interfaces = [];

    /// <summary>Writes the Section Header Block to <paramref name="stream"/>.</summary>
    public PcapngWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        var shb = new PcapngSectionHeader
        {
            BlockTotalLength = PcapngSectionHeader.FixedSize,
            ByteOrderMagic = PcapngBlockType.ByteOrderMagic,
            MajorVersion = 1,
            MinorVersion = 0,
            SectionLength = -1,
        };
        Span<byte> bytes = stackalloc byte[PcapngSectionHeader.FixedSize];
        shb.TryWrite(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[^4..], PcapngSectionHeader.FixedSize);
        _stream.Write(bytes);
    }

    /// <summary>The interfaces described so far; packets name them by index.</summary>
    public IReadOnlyList<PcapngInterface> Interfaces => _interfaces;

    /// <summary>
    /// Writes an Interface Description Block and returns the interface's number. A timestamp resolution other than
    /// microseconds is written as an if_tsresol option; it must be a power of 10 or of 2.
    /// </summary>
    public int AddInterface(LinkLayerType linkType, uint snapLength = 0, ulong timestampUnitsPerSecond = 1_000_000)
    {
        if (!PcapngInterface.TryGetResolution(timestampUnitsPerSecond, out byte tsresol))
        {
            throw new ArgumentOutOfRangeException(nameof(timestampUnitsPerSecond), "if_tsresol can only express powers of 10 and of 2");
        }

        bool withResolution = timestampUnitsPerSecond != 1_000_000;

        // if_tsresol: code, length 1, the value padded to 4 bytes; then opt_endofopt (4 zero bytes).
        int optionsSize = withResolution ? (2 * OptionHeaderSize) + 4 : 0;
        int size = PcapngInterfaceDescription.FixedSize + optionsSize;
        var idb = new PcapngInterfaceDescription { BlockTotalLength = (uint)size, LinkType = (ushort)linkType, SnapLen = snapLength };
        Span<byte> bytes = stackalloc byte[size];
        bytes.Clear();
        idb.TryWrite(bytes);
        if (withResolution)
        {
            Span<byte> option = bytes[(PcapngInterfaceDescription.FixedSize - 4)..];
            BinaryPrimitives.WriteUInt16LittleEndian(option, PcapngInterface.TimestampResolutionOption);
            BinaryPrimitives.WriteUInt16LittleEndian(option[2..], 1);
            option[4] = tsresol;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(bytes[^4..], (uint)size);
        _stream.Write(bytes);
        _interfaces.Add(new PcapngInterface(linkType, snapLength, timestampUnitsPerSecond));
        return _interfaces.Count - 1;
    }

    /// <summary>Writes an Enhanced Packet Block; the timestamp is in the interface's units (see <see cref="AddInterface"/>).</summary>
    public void WritePacket(int interfaceId, ReadOnlySpan<byte> data, int originalLength, ulong timestamp)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(interfaceId);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(interfaceId, _interfaces.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(originalLength);
        int padded = (data.Length + 3) & ~3;
        int size = PcapngEnhancedPacket.FixedSize + padded;
        var epb = new PcapngEnhancedPacket
        {
            BlockTotalLength = (uint)size,
            InterfaceId = (uint)interfaceId,
            TimestampHigh = (uint)(timestamp >> 32),
            TimestampLow = (uint)timestamp,
            CapturedPacketLength = (uint)data.Length,
            OriginalPacketLength = (uint)originalLength,
        };
        Span<byte> header = stackalloc byte[PcapngEnhancedPacket.Size];
        epb.TryWrite(header);
        WriteBlock(size, header, data);
    }

    /// <summary>Writes <paramref name="packet"/> on interface <paramref name="interfaceId"/>, converting its timestamp to the interface's units.</summary>
    public void WritePacket(int interfaceId, in CapturePacket packet)
    {
        ulong units = _interfaces[interfaceId].TimestampUnitsPerSecond;
        ulong timestamp = packet.TimestampUnitsPerSecond == units || packet.TimestampUnitsPerSecond == 0
            ? packet.Timestamp
            : (ulong)((UInt128)packet.Timestamp * units / packet.TimestampUnitsPerSecond);
        WritePacket(interfaceId, packet.Data, packet.OriginalLength, timestamp);
    }

    /// <summary>Writes a Simple Packet Block (interface 0, no timestamp; the captured bytes are the original ones up to the snap length).</summary>
    public void WriteSimplePacket(ReadOnlySpan<byte> data, int originalLength)
    {
        if (_interfaces.Count == 0)
        {
            throw new InvalidOperationException("a Simple Packet Block needs interface 0: call AddInterface first");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(originalLength, data.Length);
        int padded = (data.Length + 3) & ~3;
        int size = PcapngSimplePacket.FixedSize + padded;
        var spb = new PcapngSimplePacket { BlockTotalLength = (uint)size, OriginalPacketLength = (uint)originalLength };
        Span<byte> header = stackalloc byte[PcapngSimplePacket.Size];
        spb.TryWrite(header);
        WriteBlock(size, header, data);
    }

    /// <summary>Flushes and closes the stream unless asked to leave it open.</summary>
    public void Dispose()
    {
        _stream.Flush();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    /// <summary>Writes a block of <paramref name="size"/> bytes: the fixed header, the data padded to 32 bits, the trailing length.</summary>
    private void WriteBlock(int size, ReadOnlySpan<byte> header, ReadOnlySpan<byte> data)
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            Span<byte> block = rented.AsSpan(0, size);
            block.Clear();
            header.CopyTo(block);
            data.CopyTo(block[header.Length..]);
            BinaryPrimitives.WriteUInt32LittleEndian(block[^4..], (uint)size);
            _stream.Write(block);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
