namespace Codec.Transport.Datagrams;

/// <summary>A snapshot of a <see cref="DatagramListener"/>'s counters.</summary>
/// <param name="Received">Datagrams received.</param>
/// <param name="Sent">Replies sent.</param>
/// <param name="Dropped">Datagrams not answered: the handler declined, or the datagram was longer than the maximum.</param>
/// <param name="HandlerErrors">Datagrams whose handler threw (they are dropped too, but counted here only).</param>
/// <param name="ReceiveErrors">Receive operations that failed with a socket error.</param>
/// <param name="SendErrors">Replies that could not be sent.</param>
public readonly record struct DatagramCounters(long Received, long Sent, long Dropped, long HandlerErrors, long ReceiveErrors, long SendErrors)
{
    /// <summary>The sum of two snapshots.</summary>
    public static DatagramCounters operator +(DatagramCounters a, DatagramCounters b) =>
        new(a.Received + b.Received, a.Sent + b.Sent, a.Dropped + b.Dropped, a.HandlerErrors + b.HandlerErrors, a.ReceiveErrors + b.ReceiveErrors, a.SendErrors + b.SendErrors);
}
