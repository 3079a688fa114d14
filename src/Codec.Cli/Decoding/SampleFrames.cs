namespace Codec.Cli.Decoding;

/// <summary>Frames built into the command so that a new user sees output at once.</summary>
internal static class SampleFrames
{
    /// <summary>
    /// A DNS query for example.com/A with an EDNS0 OPT record, from 192.0.2.10:53211 to 192.0.2.53:53 (RFC 5737
    /// documentation addresses), over UDP, IPv4 and Ethernet II; both checksums are correct.
    /// </summary>
    public static byte[] DnsQuery { get; } = Convert.FromHexString(
        "02005e0000350200c0a8000a0800" +
        "450000441c46400040119a23c000020ac0000235" +
        "cfdb0035003091293a5c01200001000000000001076578616d706c6503636f6d00000100010000291000000000000000");
}
