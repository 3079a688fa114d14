using System.Buffers;
using System.Runtime.CompilerServices;

namespace Codec.Transport.Protocols;

/// <summary>In-place reads: the message is handled where it lies, so it may be a ref struct that points into the input.</summary>
public sealed partial class ProtocolReader
{
    /// <summary>
    /// Reads the next generated message, which delimits itself (its fields say where it ends), and calls
    /// <paramref name="handler"/> with it while its bytes are still buffered; then moves past it (no
    /// <see cref="Advance"/> needed). Works for every generated message, fixed (struct) or variable-length (ref struct),
    /// through its static abstract members: no adapter, no reflection, no boxing.
    /// </summary>
    /// <remarks>
    /// A message that straddles buffer segments is copied to a scratch buffer first (rented once per reader, at most the
    /// maximum message size). The message's <c>TryRead</c> must report a message cut short as
    /// <see cref="CodecStatus.NeedMoreData"/>; for formats that need their length first (DNS over TCP) use the
    /// framed overload. Input the message rejects, or a maximum message size without a whole message, ends the read as
    /// in <see cref="ReadAsync{TMessage}(IMessageReader{TMessage}, int?, CancellationToken)"/>. If the handler throws,
    /// the exception propagates and the message stays unread.
    /// </remarks>
    /// <typeparam name="TMessage">A generated message.</typeparam>
    /// <typeparam name="THandler">The handler (a struct is compiled in, a class is called through its interface).</typeparam>
    /// <param name="handler">Called once with the message.</param>
    /// <param name="maximumMessageSize">The most bytes a message may span; null for the reader's default.</param>
    /// <param name="cancellationToken">Cancels the wait for input (throws <see cref="OperationCanceledException"/>).</param>
    /// <example>
    /// <code>
    /// struct Echo(PipeWriter output) : IMessageHandler&lt;UdpHeader&gt;
    /// {
    ///     public void Handle(scoped in UdpHeader header) { /* write an answer to output */ }
    /// }
    ///
    /// while (true)
    /// {
    ///     ProtocolReadResult read = await reader.ReadAsync&lt;UdpHeader, Echo&gt;(new Echo(output));
    ///     if (!read.HasMessage) break;           // completed (read.Error says why) or canceled
    ///     await output.FlushAsync();
    /// }
    /// </code>
    /// </example>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ValueTask<ProtocolReadResult> ReadAsync<TMessage, THandler>(THandler handler, int? maximumMessageSize = null, CancellationToken cancellationToken = default)
        where TMessage : IWireMessage<TMessage>, allows ref struct
        where THandler : IMessageHandler<TMessage> =>
        AfterHandling(ReadCore<Handled, InPlaceParser<TMessage, THandler>>(new(this, handler), maximumMessageSize ?? _maximumMessageSize, cancellationToken));

    /// <summary>
    /// Reads the next frame with <paramref name="framing"/> (<see cref="Framing.LengthPrefixedPayloadReader"/> for DNS
    /// over TCP, RFC 1035 §4.2.2 / RFC 7766 §8; <see cref="Framing.DelimitedReader"/>), reads the generated message
    /// from its payload and calls <paramref name="handler"/> with it while the bytes are still buffered; then moves past
    /// the frame (no <see cref="Advance"/> needed). No adapter, no reflection, no boxing.
    /// </summary>
    /// <remarks>
    /// A payload that is not a whole message (the message reports InvalidData, or needs more bytes than the frame holds)
    /// ends the read with <see cref="ProtocolErrorKind.InvalidData"/>, logged, as the framing's own violations do. A
    /// payload that straddles buffer segments is copied to a scratch buffer first. If the handler throws, the exception
    /// propagates and the frame stays unread.
    /// </remarks>
    /// <typeparam name="TMessage">A generated message.</typeparam>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="framing">Cuts one frame and returns its payload; holds per-read state, so one per connection.</param>
    /// <param name="handler">Called once with the message.</param>
    /// <param name="maximumMessageSize">The most bytes a frame may span; null for the reader's default.</param>
    /// <param name="cancellationToken">Cancels the wait for input (throws <see cref="OperationCanceledException"/>).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ValueTask<ProtocolReadResult> ReadAsync<TMessage, THandler>(IMessageReader<ReadOnlySequence<byte>> framing, THandler handler, int? maximumMessageSize = null, CancellationToken cancellationToken = default)
        where TMessage : IWireMessage<TMessage>, allows ref struct
        where THandler : IMessageHandler<TMessage>
    {
        ArgumentNullException.ThrowIfNull(framing);
        return AfterHandling(ReadCore<Handled, FramedInPlaceParser<TMessage, THandler>>(new(this, framing, handler), maximumMessageSize ?? _maximumMessageSize, cancellationToken));
    }

    /// <summary>
    /// <paramref name="input"/> (at most the maximum message size) as one span: copied into the reader's scratch buffer,
    /// valid until the next copy.
    /// </summary>
    internal ReadOnlySpan<byte> Contiguous(in ReadOnlySequence<byte> input)
    {
        int length = checked((int)input.Length);
        byte[]? scratch = _scratch;
        if (scratch is null || scratch.Length < length)
        {
            if (scratch is not null)
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }

            _scratch = scratch = ArrayPool<byte>.Shared.Rent(length);
        }

        Span<byte> copy = scratch.AsSpan(0, length);
        input.CopyTo(copy);
        return copy;
    }

    /// <summary>An in-place parser found input its message rejects (read by the parser's IsInvalid, once, after it failed).</summary>
    internal void SetPayloadResult(bool invalid, CodecError error)
    {
        _payloadInvalid = invalid;
        _payloadError = error;
    }

    /// <summary>Whether the last in-place parse found invalid input; clears it.</summary>
    internal bool IsPayloadInvalid(out CodecError detail)
    {
        detail = _payloadError;
        bool invalid = _payloadInvalid;
        _payloadInvalid = false;
        _payloadError = default;
        return invalid;
    }

    /// <summary>The handler has run: release the message at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ValueTask<ProtocolReadResult> AfterHandling(ValueTask<ProtocolReadResult<Handled>> pending)
    {
        if (pending.IsCompletedSuccessfully)
        {
            ProtocolEnd? end = pending.Result.End;
            Advance();
            return new(new ProtocolReadResult(end));
        }

        return AfterHandlingAsync(pending);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ProtocolReadResult> AfterHandlingAsync(ValueTask<ProtocolReadResult<Handled>> pending)
    {
        ProtocolEnd? end = (await pending.ConfigureAwait(false)).End;
        Advance();
        return new ProtocolReadResult(end);
    }
}
