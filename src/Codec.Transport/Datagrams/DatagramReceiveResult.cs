namespace Codec.Transport.Datagrams;

/// <summary>The outcome of a receive with a timeout: a datagram of <see cref="Length"/> bytes, or none in time.</summary>
/// <param name="Length">Bytes received; 0 when <see cref="TimedOut"/>.</param>
/// <param name="TimedOut">Whether the timeout passed before a datagram came.</param>
public readonly record struct DatagramReceiveResult(int Length, bool TimedOut)
{
    /// <summary>No datagram came in time.</summary>
    public static DatagramReceiveResult Timeout => new(0, true);

    /// <summary>Whether a datagram was received.</summary>
    public bool Received => !TimedOut;
}
