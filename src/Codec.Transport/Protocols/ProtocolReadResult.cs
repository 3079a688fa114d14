namespace Codec.Transport.Protocols;

/// <summary>
/// One outcome of <see cref="ProtocolReader.ReadAsync{TMessage}(IMessageReader{TMessage}, int?, CancellationToken)"/>:
/// a message, or the end of the input (<see cref="IsCompleted"/>, with <see cref="Error"/> when the input broke the
/// protocol), or a canceled pending read (<see cref="IsCanceled"/>). Small, so that returning a message copies little.
/// </summary>
/// <typeparam name="TMessage">The message type.</typeparam>
public readonly struct ProtocolReadResult<TMessage>
{
    private readonly TMessage _message;

    // Null with a message; else how the read ended (or ProtocolEnd.Canceled).
    private readonly ProtocolEnd? _end;

    internal ProtocolReadResult(TMessage message)
    {
        _message = message;
        _end = null;
    }

    internal ProtocolReadResult(ProtocolEnd end)
    {
        _message = default!;
        _end = end;
    }

    /// <summary>
    /// The message, when neither <see cref="IsCompleted"/> nor <see cref="IsCanceled"/> is set. Memory it refers to stays
    /// valid until <see cref="ProtocolReader.Advance"/>.
    /// </summary>
    public TMessage Message => _message;

    /// <summary>The input ended: the peer closed its side, a close was requested, or <see cref="Error"/> says why.</summary>
    public bool IsCompleted => _end is not null && _end != ProtocolEnd.Canceled;

    /// <summary>The pending read was canceled (<see cref="System.IO.Pipelines.PipeReader.CancelPendingRead"/>); read again to go on.</summary>
    public bool IsCanceled => _end == ProtocolEnd.Canceled;

    /// <summary>When <see cref="IsCompleted"/>: why the reader stopped; <see cref="ProtocolErrorKind.None"/> after a clean end.</summary>
    public ProtocolError Error => _end?.Error ?? default;

    /// <summary>Whether <see cref="Message"/> holds a message.</summary>
    public bool HasMessage => _end is null;

    /// <summary>Null with a message; else how the read ended.</summary>
    internal ProtocolEnd? End => _end;
}

/// <summary>How a read ended without a message: shared instances for a clean end and a canceled read, so only a broken input allocates (once per connection).</summary>
internal sealed class ProtocolEnd(ProtocolError error)
{
    public static readonly ProtocolEnd Clean = new(default);

    public static readonly ProtocolEnd Canceled = new(default);

    public ProtocolError Error { get; } = error;
}
