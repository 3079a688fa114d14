namespace Codec.Protocols.Capture;

/// <summary>The container format of a capture file.</summary>
public enum CaptureFormat
{
    /// <summary>Not known yet, or neither format.</summary>
    Unknown,

    /// <summary>Classic libpcap format (draft-ietf-opsawg-pcap).</summary>
    Pcap,

    /// <summary>pcapng (draft-ietf-opsawg-pcapng).</summary>
    Pcapng,
}
