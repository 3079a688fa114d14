namespace Codec;

/// <summary>Choices a reader can make about what to verify.</summary>
[Flags]
public enum ReadOptions
{
    /// <summary>Verify everything.</summary>
    None = 0,

    /// <summary>
    /// Do not verify checksums (captures taken on the sending host often carry checksums the NIC fills in later).
    /// </summary>
    SkipChecksums = 1,
}
