namespace Codec.Transport.Protocols;

/// <summary>
/// One outcome of an in-place read (<see cref="ProtocolReader.ReadAsync{TMessage, THandler}(THandler, int?, CancellationToken)"/>):
/// a message was handled (<see cref="HasMessage"/>), or the input ended (<see cref="IsCompleted"/>, with
/// <see cref="Error"/> when it broke the protocol), or the pending read was canceled (<see cref="IsCanceled"/>).
/// </summary>
public readonly struct ProtocolReadResult
{
    // Null after a handled message; else how the read ended (or ProtocolEnd.Canceled).
    private readonly ProtocolEnd? _end;

    internal ProtocolReadResult(ProtocolEnd? end) => _end = end;

    /// <summary>The handler ran on a message (and the reader has moved past it).</summary>
    public bool HasMessage => _end is null;

    /// <summary>The input ended: the peer closed its side, a close was requested, or <see cref="Error"/> says why.</summary>
    public bool IsCompleted => _end is not null && _end != ProtocolEnd.Canceled;

    /// <summary>The pending read was canceled (<see cref="System.IO.Pipelines.PipeReader.CancelPendingRead"/>); read again to go on.</summary>
    public bool IsCanceled => _end == ProtocolEnd.Canceled;

    /// <summary>When <see cref="IsCompleted"/>: why the reader stopped; <see cref="ProtocolErrorKind.None"/> after a clean end.</summary>
    public ProtocolError Error => _end?.Error ?? default;
}
