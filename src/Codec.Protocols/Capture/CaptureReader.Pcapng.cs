using System.Buffers.Binary;

namespace Codec.Protocols.Capture;

/// <summary>pcapng: sections of blocks; packets come from Enhanced and Simple Packet Blocks, unknown blocks are skipped.</summary>
public sealed partial class CaptureReader
{
    private readonly List<PcapngInterface> _interfaces = [];
    private bool _sectionBigEndian;

    /// <summary>The interfaces described so far in the current pcapng section (one per IDB).</summary>
    public IReadOnlyList<PcapngInterface> Interfaces => _interfaces;

    private CaptureReadStatus ReadPcapngPacket(out CapturePacket packet)
    {
        packet = default;
        while (true)
        {
            long offset = Position;
            int available = Fill(PcapngBlockHeader.Size);
            if (available == 0)
            {
                return CaptureReadStatus.EndOfFile;
            }

            if (available < PcapngBlockHeader.Size)
            {
                return Fail(CaptureReadStatus.Truncated, offset, $"the last block's header has {available} of 8 bytes");
            }

            uint type = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(_start));
            if (type == PcapngBlockType.SectionHeader)
            {
                // A new section may change the byte order: the Byte-Order Magic after the length tells.
                if (Fill(12) < 12)
                {
                    return Fail(CaptureReadStatus.Truncated, offset, "the Section Header Block ends before its Byte-Order Magic");
                }

                uint magic = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(_start + 8));
                if (magic == PcapngBlockType.ByteOrderMagic)
                {
                    _sectionBigEndian = false;
                }
                else if (BinaryPrimitives.ReverseEndianness(magic) == PcapngBlockType.ByteOrderMagic)
                {
                    _sectionBigEndian = true;
                }
                else
                {
                    return Fail(CaptureReadStatus.Invalid, offset + 8, $"bad Byte-Order Magic 0x{magic:x8} in the Section Header Block");
                }
            }
            else if (offset == 0)
            {
                return Fail(CaptureReadStatus.Invalid, 0, "a pcapng file must start with a Section Header Block");
            }
            else
            {
                type = U32(_buffer.AsSpan(_start));
            }

            uint length = U32(_buffer.AsSpan(_start + 4));
            if (length < 12 || length % 4 != 0 || length > MaximumRecordSize)
            {
                return Fail(CaptureReadStatus.Invalid, offset, $"block of type 0x{type:x8} has Block Total Length {length} (must be a multiple of 4 from 12 to {MaximumRecordSize})");
            }

            available = Fill((int)length);
            if (available < length)
            {
                return Fail(CaptureReadStatus.Truncated, offset, $"the last block (type 0x{type:x8}) has {available} of its {length} bytes");
            }

            ReadOnlySpan<byte> block = _buffer.AsSpan(_start, (int)length);
            if (U32(block[^4..]) != length)
            {
                return Fail(CaptureReadStatus.Invalid, offset + length - 4, $"block of type 0x{type:x8}: trailing Block Total Length {U32(block[^4..])} differs from the leading {length}");
            }

            CaptureReadStatus status = type switch
            {
                PcapngBlockType.SectionHeader => ReadSection(block, offset),
                PcapngBlockType.InterfaceDescription => ReadInterface(block, offset),
                PcapngBlockType.EnhancedPacket => ReadEnhancedPacket(block, offset, out packet),
                PcapngBlockType.SimplePacket => ReadSimplePacket(block, offset, out packet),
                _ => CaptureReadStatus.EndOfFile, // skipped
            };

            if (status is CaptureReadStatus.Invalid or CaptureReadStatus.Truncated)
            {
                return status;
            }

            Consume((int)length);
            if (status == CaptureReadStatus.Packet)
            {
                return status;
            }
        }
    }

    private uint U32(ReadOnlySpan<byte> bytes) =>
        _sectionBigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    private ushort U16(ReadOnlySpan<byte> bytes) =>
        _sectionBigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes);

    private CaptureReadStatus ReadSection(ReadOnlySpan<byte> block, long offset)
    {
        if (block.Length < PcapngSectionHeader.FixedSize)
        {
            return Fail(CaptureReadStatus.Invalid, offset, $"Section Header Block of {block.Length} bytes (at least {PcapngSectionHeader.FixedSize})");
        }

        ushort major;
        if (_sectionBigEndian)
        {
            PcapngSectionHeaderBigEndian.TryRead(block, out var shb);
            major = shb.MajorVersion;
        }
        else
        {
            PcapngSectionHeader.TryRead(block, out var shb);
            major = shb.MajorVersion;
        }

        if (major != 1)
        {
            return Fail(CaptureReadStatus.Invalid, offset + 12, $"pcapng major version {major} (only 1 is read)");
        }

        _interfaces.Clear();
        IsHeaderRead = true;
        return CaptureReadStatus.EndOfFile;
    }

    private CaptureReadStatus ReadInterface(ReadOnlySpan<byte> block, long offset)
    {
        if (block.Length < PcapngInterfaceDescription.FixedSize)
        {
            return Fail(CaptureReadStatus.Invalid, offset, $"Interface Description Block of {block.Length} bytes (at least {PcapngInterfaceDescription.FixedSize})");
        }

        ushort linkType;
        uint snapLength;
        if (_sectionBigEndian)
        {
            PcapngInterfaceDescriptionBigEndian.TryRead(block, out var idb);
            (linkType, snapLength) = (idb.LinkType, idb.SnapLen);
        }
        else
        {
            PcapngInterfaceDescription.TryRead(block, out var idb);
            (linkType, snapLength) = (idb.LinkType, idb.SnapLen);
        }

        ulong unitsPerSecond = 1_000_000;
        ReadOnlySpan<byte> options = block[(PcapngInterfaceDescription.FixedSize - 4)..^4];
        while (options.Length >= 4)
        {
            ushort code = U16(options);
            ushort optionLength = U16(options[2..]);
            if (code == 0 || 4 + optionLength > options.Length)
            {
                break; // opt_endofopt, or an option that overruns the block: the rest is not options.
            }

            if (code == PcapngInterface.TimestampResolutionOption && optionLength >= 1)
            {
                unitsPerSecond = PcapngInterface.UnitsPerSecond(options[4]);
            }

            options = options[Math.Min(options.Length, 4 + ((optionLength + 3) & ~3))..];
        }

        if (_interfaces.Count == 0)
        {
            SnapLength = snapLength;
        }

        _interfaces.Add(new PcapngInterface((LinkLayerType)linkType, snapLength, unitsPerSecond));
        return CaptureReadStatus.EndOfFile;
    }

    private CaptureReadStatus ReadEnhancedPacket(ReadOnlySpan<byte> block, long offset, out CapturePacket packet)
    {
        packet = default;
        if (block.Length < PcapngEnhancedPacket.FixedSize)
        {
            return Fail(CaptureReadStatus.Invalid, offset, $"Enhanced Packet Block of {block.Length} bytes (at least {PcapngEnhancedPacket.FixedSize})");
        }

        uint interfaceId, high, low, captured, original;
        if (_sectionBigEndian)
        {
            PcapngEnhancedPacketBigEndian.TryRead(block, out var epb);
            (interfaceId, high, low, captured, original) = (epb.InterfaceId, epb.TimestampHigh, epb.TimestampLow, epb.CapturedPacketLength, epb.OriginalPacketLength);
        }
        else
        {
            PcapngEnhancedPacket.TryRead(block, out var epb);
            (interfaceId, high, low, captured, original) = (epb.InterfaceId, epb.TimestampHigh, epb.TimestampLow, epb.CapturedPacketLength, epb.OriginalPacketLength);
        }

        if (interfaceId >= _interfaces.Count)
        {
            return Fail(CaptureReadStatus.Invalid, offset + 8, $"Enhanced Packet Block names interface {interfaceId}, but the section describes {_interfaces.Count}");
        }

        if (captured > block.Length - PcapngEnhancedPacket.FixedSize)
        {
            return Fail(CaptureReadStatus.Invalid, offset + 20, $"Enhanced Packet Block claims {captured} captured bytes in a block of {block.Length}");
        }

        PcapngInterface link = _interfaces[(int)interfaceId];
        ReadOnlySpan<byte> data = block.Slice(PcapngEnhancedPacket.FixedSize - 4, (int)captured);
        packet = new CapturePacket(data, (int)Math.Min(original, int.MaxValue), link.LinkType, (int)interfaceId, ((ulong)high << 32) | low, link.TimestampUnitsPerSecond, offset);
        return CaptureReadStatus.Packet;
    }

    private CaptureReadStatus ReadSimplePacket(ReadOnlySpan<byte> block, long offset, out CapturePacket packet)
    {
        packet = default;
        if (block.Length < PcapngSimplePacket.FixedSize)
        {
            return Fail(CaptureReadStatus.Invalid, offset, $"Simple Packet Block of {block.Length} bytes (at least {PcapngSimplePacket.FixedSize})");
        }

        if (_interfaces.Count == 0)
        {
            return Fail(CaptureReadStatus.Invalid, offset, "Simple Packet Block before any Interface Description Block");
        }

        uint original = U32(block[8..]);
        PcapngInterface link = _interfaces[0];
        long captured = Math.Min(original, block.Length - PcapngSimplePacket.FixedSize);
        if (link.SnapLength != 0)
        {
            captured = Math.Min(captured, link.SnapLength);
        }

        packet = new CapturePacket(block.Slice(PcapngSimplePacket.FixedSize - 4, (int)captured), (int)Math.Min(original, int.MaxValue), link.LinkType, 0, 0, 0, offset);
        return CaptureReadStatus.Packet;
    }
}
