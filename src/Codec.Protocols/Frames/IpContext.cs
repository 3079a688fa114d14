namespace Codec.Protocols.Frames;

/// <summary>
/// What a transport layer needs from the IP header around it: the addresses for the checksum's pseudo-header, and
/// whether the IP payload is whole: not a fragment (<paramref name="Fragment"/>), not cut short by the capture or a
/// wrong length (<paramref name="CutShort"/>). A transport message that is not whole cannot have its checksum verified.
/// </summary>
internal readonly record struct IpContext(int Version, IPv4Address Source4, IPv4Address Destination4, IPv6Address Source6, IPv6Address Destination6, bool Fragment, bool CutShort)
{
    /// <summary>Whether the IP payload is all here.</summary>
    public bool Complete => !Fragment && !CutShort;

    public static IpContext V4(IPv4Address source, IPv4Address destination, bool fragment, bool cutShort) => new(4, source, destination, default, default, fragment, cutShort);

    public static IpContext V6(IPv6Address source, IPv6Address destination, bool fragment, bool cutShort) => new(6, default, default, source, destination, fragment, cutShort);

    /// <summary>"good", "bad", or why it was not verified. RFC 768, RFC 9293 §3.1, RFC 8200 §8.1: the pseudo-header, then the message.</summary>
    public string ChecksumStatus(byte protocol, ReadOnlySpan<byte> message)
    {
        if (Version == 0)
        {
            return "unverified: no IP header";
        }

        if (!Complete)
        {
            return "unverified: the message is not whole in this frame";
        }

        bool good = Version == 4
            ? InternetChecksum.IsValidTransport(Source4, Destination4, protocol, message)
            : InternetChecksum.IsValidTransport(Source6, Destination6, protocol, message);
        return good ? "good" : "bad";
    }
}
