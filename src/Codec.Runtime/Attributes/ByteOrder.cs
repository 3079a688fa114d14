namespace Codec;

/// <summary>The order in which the bytes (and, for sub-byte fields, the bits) of a field appear on the wire.</summary>
public enum ByteOrder
{
    /// <summary>On a field: the message's byte order. On a message: big-endian.</summary>
    Default = 0,

    /// <summary>Network byte order: most significant byte first; bits are numbered from the most significant bit of the first byte.</summary>
    BigEndian = 1,

    /// <summary>Least significant byte first; bits are numbered from the least significant bit of the first byte.</summary>
    LittleEndian = 2,
}
