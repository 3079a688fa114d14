namespace Codec.Protocols.Capture;

/// <summary>The outcome of asking a <see cref="CaptureReader"/> for the next packet.</summary>
public enum CaptureReadStatus
{
    /// <summary>A packet was read.</summary>
    Packet,

    /// <summary>The file ended cleanly after the last record.</summary>
    EndOfFile,

    /// <summary>The file ends inside its header or inside a record: the last record is incomplete.</summary>
    Truncated,

    /// <summary>The input is not a capture file, or a header or record breaks the format.</summary>
    Invalid,
}
