namespace Codec.Transport.Connections;

/// <summary>What a <see cref="Server"/> allows its connections: how many at once, how long idle, how long to drain.</summary>
public sealed class ConnectionLimits
{
    /// <summary>Connections served at once; one accepted beyond this is closed at once (and logged). Null: no limit.</summary>
    public int? MaximumConnections { get; set; }

    /// <summary>
    /// How long a connection may wait for input with none arriving before it is aborted (and logged). Time the handler
    /// spends on anything but waiting for input does not count. Null: no limit.
    /// </summary>
    /// <remarks>
    /// The wait ends when input reaches the handler, so a server too busy to get to input that has arrived counts that
    /// delay too: keep the timeout well above scheduling latency under load (seconds, not milliseconds).
    /// </remarks>
    public TimeSpan? IdleTimeout { get; set; }

    /// <summary>During a graceful shutdown, how long open connections get to finish before they are aborted.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(5);

    internal ConnectionLimits Validated()
    {
        if (MaximumConnections is int maximum)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maximum, nameof(MaximumConnections));
        }

        if (IdleTimeout is TimeSpan idle)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(idle, TimeSpan.Zero, nameof(IdleTimeout));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(ShutdownTimeout, TimeSpan.Zero, nameof(ShutdownTimeout));
        return new ConnectionLimits { MaximumConnections = MaximumConnections, IdleTimeout = IdleTimeout, ShutdownTimeout = ShutdownTimeout };
    }
}
