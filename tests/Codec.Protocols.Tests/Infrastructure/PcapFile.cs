using System.Buffers.Binary;

namespace Codec.Protocols.Tests.Infrastructure;

/// <summary>
/// A minimal classic-pcap reader for test captures: a 24-byte global header (magic, version, zone, sigfigs, snaplen,
/// link type) then per packet a 16-byte record header (seconds, sub-seconds, captured length, original length) and
/// the captured bytes. Either byte order, micro- or nanosecond magic. Not pcapng.
/// </summary>
internal sealed class PcapFile
{
    private PcapFile(int linkType, List<byte[]> frames)
    {
        LinkType = linkType;
        Frames = frames;
    }

    /// <summary>The link type (LINKTYPE_*), without the FCS bits some writers put in the upper 16 bits.</summary>
    public int LinkType { get; }

    /// <summary>The captured bytes of each packet; frame number n (as tshark counts) is index n - 1.</summary>
    public List<byte[]> Frames { get; }

    public static PcapFile Read(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        if (file.Length < 24)
        {
            throw new InvalidDataException($"{path}: shorter than a pcap header");
        }

        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(file);
        bool littleEndian = magic switch
        {
            0xA1B2C3D4 or 0xA1B23C4D => true,
            0xD4C3B2A1 or 0x4D3CB2A1 => false,
            _ => throw new InvalidDataException($"{path}: not a classic pcap (magic 0x{magic:X8})"),
        };

        uint U32(int at) => littleEndian
            ? BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at))
            : BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at));

        int linkType = (int)(U32(20) & 0xFFFF);
        var frames = new List<byte[]>();
        int offset = 24;
        while (offset + 16 <= file.Length)
        {
            int captured = (int)U32(offset + 8);
            if (captured < 0 || offset + 16 + captured > file.Length)
            {
                break; // a truncated last record, as tshark also stops there
            }

            frames.Add(file.AsSpan(offset + 16, captured).ToArray());
            offset += 16 + captured;
        }

        return new PcapFile(linkType, frames);
    }

    /// <summary>
    /// Where the IP packet starts in a frame: Ethernet (802.1Q/802.1ad tags skipped), BSD loopback (DLT_NULL), raw IP,
    /// Linux cooked (SLL) and FDDI with LLC/SNAP. False for other link types and non-IP frames.
    /// </summary>
    public bool TryGetIPPacket(byte[] frame, out ReadOnlySpan<byte> ip)
    {
        ip = default;
        int offset;
        int etherType;
        switch (LinkType)
        {
            case 1: // Ethernet
                offset = 12;
                if (frame.Length < offset + 2)
                {
                    return false;
                }

                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(offset));
                while (etherType is 0x8100 or 0x88A8 && frame.Length >= offset + 6)
                {
                    offset += 4;
                    etherType = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(offset));
                }

                offset += 2;
                break;
            case 0: // DLT_NULL: a 4-byte address family in the writer's byte order
                offset = 4;
                etherType = -1;
                break;
            case 12 or 14 or 101 or 228 or 229: // raw IP (IPv4 or IPv6)
                offset = 0;
                etherType = -1;
                break;
            case 113: // Linux cooked capture (SLL): the protocol type is at 14
                offset = 16;
                if (frame.Length < offset)
                {
                    return false;
                }

                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(14));
                break;
            case 10: // FDDI: frame control, two addresses, then LLC/SNAP AA AA 03 + OUI + type
                offset = 21;
                if (frame.Length < offset || frame[13] != 0xAA || frame[14] != 0xAA || frame[15] != 0x03)
                {
                    return false;
                }

                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(19));
                break;
            default:
                return false;
        }

        if (etherType is not (-1 or 0x0800 or 0x86DD) || frame.Length <= offset)
        {
            return false;
        }

        ip = frame.AsSpan(offset);
        return true;
    }
}
