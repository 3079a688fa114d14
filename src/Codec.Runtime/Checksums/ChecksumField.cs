namespace Codec;

/// <summary>What generated code calls to verify and fill a message's Internet checksum field.</summary>
public static class ChecksumField
{
    /// <summary>
    /// The value the 16-bit checksum field at <paramref name="fieldOffset"/> (an even offset) should hold for
    /// <paramref name="data"/>: the checksum of the data with the field taken as zero.
    /// </summary>
    public static ushort Expected(ReadOnlySpan<byte> data, int fieldOffset) =>
        InternetChecksum.Fold(InternetChecksum.Add(InternetChecksum.Add(0, data[..fieldOffset]), data[(fieldOffset + 2)..]));
}
