namespace Codec.Dns.Authority;

/// <summary>What the authoritative lookup made of a question.</summary>
internal enum AuthoritativeOutcome
{
    /// <summary>The name is in none of our zones.</summary>
    NotOurs,

    /// <summary>Answered (records, a referral or a negative answer): see the RCODE and AA.</summary>
    Answered,

    /// <summary>Answer or authority did not fit: send TC.</summary>
    Truncated,
}
