namespace Codec;

/// <summary>
/// This 16-bit field holds the Internet checksum (RFC 1071) of the message from its first byte through the end of the
/// member named <see cref="Through"/> (default: the message's fixed fields), the field itself taken as zero. Reading
/// verifies it (<see cref="CodecErrorKind.ChecksumMismatch"/>, unless <see cref="ReadOptions.SkipChecksums"/>); writing
/// computes it when the field is 0 and writes it as set otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class InternetChecksumAttribute : Attribute
{
    /// <summary>The last member the checksum covers (IPv4: <c>nameof(Options)</c>, so the whole header).</summary>
    public string? Through { get; set; }
}
