namespace Codec.Protocols.Capture;

/// <summary>Why a capture file could not be read further, and where.</summary>
/// <param name="Status"><see cref="CaptureReadStatus.Truncated"/> or <see cref="CaptureReadStatus.Invalid"/>.</param>
/// <param name="FileOffset">Byte offset in the file of the header, record or block that failed.</param>
/// <param name="Reason">What is wrong, in one line.</param>
public sealed record CaptureError(CaptureReadStatus Status, long FileOffset, string Reason)
{
    /// <summary>"truncated at byte N: reason".</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(Status == CaptureReadStatus.Truncated ? "truncated" : "invalid")} at byte {FileOffset}: {Reason}");
}
