using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Codec.Transport.Protocols;

/// <summary>
/// Reads messages from a connection's input with an <see cref="IMessageReader{TMessage}"/> (Bedrock.Framework's shape):
/// each <see cref="ReadAsync{TMessage}(IMessageReader{TMessage}, int?, CancellationToken)"/> returns one message, and
/// <see cref="Advance"/> releases it before the next read. Messages already buffered are returned without touching the
/// pipe; nothing is allocated per message. <see cref="TryRead{TMessage}"/> takes a buffered message without the
/// <see cref="ValueTask{TResult}"/>, for loops that drain pipelined messages. Messages that point into the input (ref
/// structs) are read and handled in place by <see cref="ReadAsync{TMessage, THandler}(THandler, int?, CancellationToken)"/>.
/// </summary>
/// <remarks>
/// <para>
/// Input never buffers without bound: when a maximum message size worth of bytes holds no whole message, the read ends
/// with <see cref="ProtocolErrorKind.MessageTooLarge"/>. Input the message reader rejects — reported through
/// <see cref="IMessageReaderStatus"/>, or by returning false without examining all of its input — ends it with
/// <see cref="ProtocolErrorKind.InvalidData"/>. Both are logged as warnings with the reason, what is buffered is
/// dropped and the input completed: the handler sees <see cref="ProtocolReadResult{TMessage}.IsCompleted"/> and returns,
/// and the connection closes once the answers it already wrote are sent. A peer that closes inside a message ends the
/// read with <see cref="ProtocolErrorKind.Truncated"/> (logged).
/// </para>
/// <para>
/// When the server asks the connection to close (<see cref="IConnectionLifetimeNotificationFeature"/>, during a graceful
/// shutdown), a read waiting for the next message ends with <see cref="ProtocolReadResult{TMessage}.IsCompleted"/>; a
/// message already begun is read to its end first. One reader at a time: the type is not thread-safe.
/// </para>
/// </remarks>
public sealed partial class ProtocolReader : IDisposable
{
    /// <summary>The largest frame a 2-byte length prefix can describe (2 + 65,535 bytes): the default maximum message size.</summary>
    public const int DefaultMaximumMessageSize = 2 + ushort.MaxValue;

    private readonly PipeReader _input;
    private readonly ConnectionContext? _connection;
    private readonly ILogger _logger;
    private readonly int _maximumMessageSize;
    private readonly CancellationToken _closeRequested;
    private readonly CancellationTokenRegistration _closeRegistration;

    // The pipe's last read (valid while State is Buffered or HasMessage) and where its unconsumed part starts: each
    // message returned moves the start on (usually by writing one int), the pipe is advanced only when it is read
    // again. A read made of segments, as every Pipe's is, is rebuilt from the segments without a bounds search.
    private ReadOnlySequence<byte> _read;
    private ReadOnlySequenceSegment<byte>? _startSegment;
    private object? _startObject;
    private int _startIndex;
    private ReadOnlySequenceSegment<byte>? _endSegment;
    private object? _endObject;
    private int _endIndex;

    // The length of the buffer when the pipe returned it: what is left of it is shorter, so when this is under the
    // maximum no message can exceed it and the hot path needs no length check.
    private long _readLength;

    // The last message ended where the read does: the next read goes to the pipe without asking the reader first.
    private bool _exhausted;
    private State _state;
    private bool _inputCompleted;

    // Handed from Refill to the read loop: how the input ended, or the pipe read to await.
    private ProtocolEnd? _end;
    private ValueTask<System.IO.Pipelines.ReadResult> _pending;

    // Why the last in-place read found no message, when its message rejected the input (see InPlaceParser).
    private CodecError _payloadError;
    private bool _payloadInvalid;

    // Where a message that straddles segments is made contiguous for an in-place read; rented on first need.
    private byte[]? _scratch;

    /// <summary>Creates a reader over a connection's input, honouring the server's close requests.</summary>
    /// <param name="connection">The connection; its current <see cref="ConnectionContext.Transport"/> is read (after middleware such as TLS).</param>
    /// <param name="logger">Where violations and truncations are logged; none when null.</param>
    /// <param name="maximumMessageSize">The maximum message size of reads that do not give one.</param>
    public ProtocolReader(ConnectionContext connection, ILogger? logger = null, int maximumMessageSize = DefaultMaximumMessageSize)
        : this(InputOf(connection), logger, maximumMessageSize)
    {
        _connection = connection;
        IConnectionLifetimeNotificationFeature? lifetime = connection.Features.Get<IConnectionLifetimeNotificationFeature>();
        if (lifetime is not null)
        {
            _closeRequested = lifetime.ConnectionClosedRequested;
            _closeRegistration = _closeRequested.UnsafeRegister(static input => ((PipeReader)input!).CancelPendingRead(), _input);
        }
    }

    /// <summary>Creates a reader over a pipe.</summary>
    /// <param name="input">The input.</param>
    /// <param name="logger">Where violations and truncations are logged; none when null.</param>
    /// <param name="maximumMessageSize">The maximum message size of reads that do not give one.</param>
    public ProtocolReader(PipeReader input, ILogger? logger = null, int maximumMessageSize = DefaultMaximumMessageSize)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maximumMessageSize);
        _input = input;
        _logger = logger ?? NullLogger.Instance;
        _maximumMessageSize = maximumMessageSize;
    }

    private enum State : byte
    {
        /// <summary>No pipe read is held: the next read waits on the pipe.</summary>
        Empty,

        /// <summary>A pipe read is held; the next message may already be in it.</summary>
        Buffered,

        /// <summary>A message was returned; <see cref="Advance"/> releases it (messages lie in the read until the pipe is advanced).</summary>
        HasMessage,

        /// <summary>The input ended (or broke the protocol): every read completes.</summary>
        Ended,

        /// <summary>Disposed.</summary>
        Disposed,
    }

    /// <summary>The connection's id, for logs ("(pipe)" for a reader over a bare pipe).</summary>
    public string ConnectionId => _connection?.ConnectionId ?? "(pipe)";

    /// <summary>Reads the next message, with the reader's default maximum message size.</summary>
    /// <typeparam name="TMessage">The message type.</typeparam>
    /// <param name="reader">Parses one message.</param>
    /// <param name="cancellationToken">Cancels the wait for input (throws <see cref="OperationCanceledException"/>).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ValueTask<ProtocolReadResult<TMessage>> ReadAsync<TMessage>(IMessageReader<TMessage> reader, CancellationToken cancellationToken = default) =>
        ReadAsync(reader, null, cancellationToken);

    /// <summary>Reads the next message. Call <see cref="Advance"/> after using it and before reading again.</summary>
    /// <typeparam name="TMessage">The message type.</typeparam>
    /// <param name="reader">Parses one message.</param>
    /// <param name="maximumMessageSize">The most bytes a message may span; null for the reader's default.</param>
    /// <param name="cancellationToken">Cancels the wait for input (throws <see cref="OperationCanceledException"/>).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ValueTask<ProtocolReadResult<TMessage>> ReadAsync<TMessage>(IMessageReader<TMessage> reader, int? maximumMessageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadCore<TMessage, MessageReaderParser<TMessage>>(new(reader), maximumMessageSize ?? _maximumMessageSize, cancellationToken);
    }

    /// <summary>
    /// Returns the next message if it is already buffered, without waiting and without reading the pipe (as
    /// <see cref="PipeReader.TryRead"/> does for bytes): the cheapest way through a burst of pipelined messages. False
    /// when no whole message is buffered; then <see cref="ReadAsync{TMessage}(IMessageReader{TMessage}, int?, CancellationToken)"/>
    /// waits for one and reports the end of the input or a violation. Call <see cref="Advance"/> after the message.
    /// </summary>
    /// <typeparam name="TMessage">The message type.</typeparam>
    /// <param name="reader">Parses one message.</param>
    /// <param name="message">The message, valid until <see cref="Advance"/>.</param>
    /// <param name="maximumMessageSize">The most bytes a message may span; null for the reader's default.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryRead<TMessage>(IMessageReader<TMessage> reader, [MaybeNullWhen(false)] out TMessage message, int? maximumMessageSize = null)
    {
        if (_state == State.Buffered && !_exhausted && reader is not null && _readLength < (maximumMessageSize ?? _maximumMessageSize))
        {
            ReadOnlySequence<byte> buffer = Unconsumed();
            SequencePosition consumed = buffer.Start;
            SequencePosition examined = buffer.End;
            if (reader.TryParseMessage(buffer, ref consumed, ref examined, out message))
            {
                TookMessage(consumed);
                return true;
            }
        }
        else if (_state == State.HasMessage)
        {
            ThrowAdvanceFirst();
        }

        message = default;
        return false;
    }

    /// <summary>Releases the message the last read returned; the next read starts after it. Does nothing without one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Advance()
    {
        if (_state == State.HasMessage)
        {
            _state = State.Buffered;
        }
        else if (_state == State.Disposed)
        {
            ThrowDisposed();
        }
    }

    /// <summary>Hands buffered, unread input back to the pipe (so the connection can be read otherwise) and stops listening for close requests.</summary>
    public void Dispose()
    {
        if (_state == State.Disposed)
        {
            return;
        }

        if (_state is State.Buffered or State.HasMessage)
        {
            _input.AdvanceTo(Unconsumed().Start);
        }

        _state = State.Disposed;
        Release();
        _closeRegistration.Dispose();
        if (_scratch is { } scratch)
        {
            _scratch = null;
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private static PipeReader InputOf(ConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Transport.Input;
    }

    [DoesNotReturn]
    private static void ThrowAdvanceFirst() =>
        throw new InvalidOperationException($"Call {nameof(Advance)} after a message before reading the next one.");

    [DoesNotReturn]
    private void ThrowDisposed() => throw new ObjectDisposedException(GetType().FullName);
}
