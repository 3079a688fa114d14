using System.Buffers.Binary;

namespace Codec.Benchmarks;

/// <summary>The fields of an IPv4 header in a plain struct, as someone without the generator would declare it.</summary>
internal struct HandIpv4Header
{
    public byte Version;
    public byte Ihl;
    public byte Dscp;
    public byte Ecn;
    public ushort TotalLength;
    public ushort Identification;
    public bool DontFragment;
    public bool MoreFragments;
    public ushort FragmentOffset;
    public byte Ttl;
    public byte Protocol;
    public ushort HeaderChecksum;
    public uint Source;
    public uint Destination;
}

/// <summary>
/// The baseline: a careful hand-written IPv4 header reader and writer with <see cref="BinaryPrimitives"/> and span
/// indexing, the practical limit of what a user writes by hand. Same contract as the generated code: the read
/// checks the length and that the version is 4; the write checks the length and rejects values too wide for
/// their fields (IHL, DSCP, ECN, fragment offset), writing version 4 and a zero reserved bit.
/// </summary>
internal static class HandWrittenIpv4
{
    public static bool TryRead(ReadOnlySpan<byte> source, out HandIpv4Header header)
    {
        if (source.Length < 20)
        {
            header = default;
            return false;
        }

        // Indexing at 19 first lets the JIT drop the bounds checks of the smaller indexes and slices below.
        uint destination = BinaryPrimitives.ReadUInt32BigEndian(source.Slice(16, 4));
        byte b0 = source[0];
        if ((b0 >> 4) != 4)
        {
            header = default;
            return false;
        }

        byte b1 = source[1];
        ushort flagsAndOffset = BinaryPrimitives.ReadUInt16BigEndian(source.Slice(6, 2));
        header.Version = 4;
        header.Ihl = (byte)(b0 & 0x0F);
        header.Dscp = (byte)(b1 >> 2);
        header.Ecn = (byte)(b1 & 0x03);
        header.TotalLength = BinaryPrimitives.ReadUInt16BigEndian(source.Slice(2, 2));
        header.Identification = BinaryPrimitives.ReadUInt16BigEndian(source.Slice(4, 2));
        header.DontFragment = (flagsAndOffset & 0x4000) != 0;
        header.MoreFragments = (flagsAndOffset & 0x2000) != 0;
        header.FragmentOffset = (ushort)(flagsAndOffset & 0x1FFF);
        header.Ttl = source[8];
        header.Protocol = source[9];
        header.HeaderChecksum = BinaryPrimitives.ReadUInt16BigEndian(source.Slice(10, 2));
        header.Source = BinaryPrimitives.ReadUInt32BigEndian(source.Slice(12, 4));
        header.Destination = destination;
        return true;
    }

    public static bool TryWrite(in HandIpv4Header header, Span<byte> destination)
    {
        if (destination.Length < 20
            || header.Ihl > 0x0F
            || header.Dscp > 0x3F
            || header.Ecn > 0x03
            || header.FragmentOffset > 0x1FFF)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(16, 4), header.Destination);
        destination[0] = (byte)(0x40 | header.Ihl);
        destination[1] = (byte)((header.Dscp << 2) | header.Ecn);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2, 2), header.TotalLength);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(4, 2), header.Identification);
        BinaryPrimitives.WriteUInt16BigEndian(
            destination.Slice(6, 2),
            (ushort)((header.DontFragment ? 0x4000 : 0) | (header.MoreFragments ? 0x2000 : 0) | header.FragmentOffset));
        destination[8] = header.Ttl;
        destination[9] = header.Protocol;
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(10, 2), header.HeaderChecksum);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(12, 4), header.Source);
        return true;
    }
}
