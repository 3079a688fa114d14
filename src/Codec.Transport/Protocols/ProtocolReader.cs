using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PipeReadResult = System.IO.Pipelines.ReadResult;

namespace Codec.Transport.Protocols;

/// <summary>
/// Reads messages from a connection's input with an <see cref="IMessageReader{TMessage}"/> (Bedrock.Framework's shape):
/// each <see cref="ReadAsync{TMessage}(IMessageReader{TMessage}, int?, CancellationToken)"/> returns one message, and
/// <see cref="Advance"/> releases it before the next read. Messages already buffered are returned without touching the
/// pipe; nothing is allocated per message. <see cref="TryRead{TMessage}"/> takes a buffered message without the
/// <see cref="ValueTask{TResult}"/>, for loops that drain pipelined messages.
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
public sealed class ProtocolReader : IDisposable
{
    /// <summary>The largest frame a 2-byte length prefix can describe (2 + 65,535 bytes): the default maximum message size.</summary>
    public const int DefaultMaximumMessageSize = 2 + ushort.MaxValue;

    private readonly PipeReader _input;
    private readonly ConnectionContext? _connection;
    private readonly ILogger _logger;
    private readonly int _maximumMessageSize;
    private readonly CancellationToken _closeRequested;
    private readonly CancellationTokenRegistration _closeRegistration;

    // The pipe's last read (valid while State is Buffered or HasMessage) and how far into it messages were returned:
    // releasing a message only moves the state on, the next read slices from there.
    private ReadOnlySequence<byte> _read;
    private object? _consumedObject;
    private int _consumedInteger;

    // The length of the buffer when the pipe returned it: what is left of it is shorter, so when this is under the
    // maximum no message can exceed it and the hot path needs no length check.
    private long _readLength;

    // The last message ended where the read does: the next read goes to the pipe without asking the reader first.
    private bool _exhausted;
    private State _state;
    private bool _inputCompleted;

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
        // The hot path, small enough to inline into the caller's loop: the next message is already buffered. No pipe
        // call, no await, no length computed (a buffer read under the maximum holds no message over it).
        if (_state == State.Buffered && !_exhausted && reader is not null && _readLength < (maximumMessageSize ?? _maximumMessageSize))
        {
            ReadOnlySequence<byte> buffer = _read.Slice(Consumed);
            SequencePosition consumed = buffer.Start;
            SequencePosition examined = buffer.End;
            if (reader.TryParseMessage(buffer, ref consumed, ref examined, out TMessage? message))
            {
                SetConsumed(consumed);
                _exhausted = IsEnd(consumed, buffer);
                _state = State.HasMessage;
                return new(new ProtocolReadResult<TMessage>(message));
            }

            return AfterNoMessage(reader, maximumMessageSize ?? _maximumMessageSize, buffer, consumed, examined, cancellationToken);
        }

        return ReadSlow(reader, maximumMessageSize ?? _maximumMessageSize, cancellationToken);
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
            ReadOnlySequence<byte> buffer = _read.Slice(Consumed);
            SequencePosition consumed = buffer.Start;
            SequencePosition examined = buffer.End;
            if (reader.TryParseMessage(buffer, ref consumed, ref examined, out message))
            {
                SetConsumed(consumed);
                _exhausted = IsEnd(consumed, buffer);
                _state = State.HasMessage;
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
    public void Advance()
    {
        if (_state == State.HasMessage)
        {
            _state = State.Buffered;
        }
        else
        {
            ObjectDisposedException.ThrowIf(_state == State.Disposed, this);
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
            _input.AdvanceTo(Consumed);
        }

        _state = State.Disposed;
        _closeRegistration.Dispose();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ValueTask<ProtocolReadResult<TMessage>> ReadSlow<TMessage>(IMessageReader<TMessage>? reader, int maximum, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        switch (_state)
        {
            case State.HasMessage:
                ThrowAdvanceFirst();
                break;
            case State.Disposed:
                ObjectDisposedException.ThrowIf(true, this);
                break;
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maximum, "maximumMessageSize");
        if (_state == State.Ended)
        {
            return new(Completed<TMessage>(null));
        }

        if (_state == State.Buffered)
        {
            if (_exhausted)
            {
                // Nothing left to parse: release the read and end, or read on.
                ReadOnlySequence<byte> rest = _read.Slice(Consumed);
                return Judge(reader, maximum, rest, rest, rest.End, rest.End, out ProtocolReadResult<TMessage> end)
                    ? new(end)
                    : ReadFromInput(reader, maximum, cancellationToken);
            }

            // Buffered input as long as the maximum: parse within the window.
            if (Parsed(reader, maximum, out ProtocolReadResult<TMessage> result))
            {
                return new(result);
            }
        }

        return ReadFromInput(reader, maximum, cancellationToken);
    }

    /// <summary>The hot path found no message in the unconsumed buffer: judge why, then read the pipe if more input is needed.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ValueTask<ProtocolReadResult<TMessage>> AfterNoMessage<TMessage>(IMessageReader<TMessage> reader, int maximum, ReadOnlySequence<byte> buffer, SequencePosition consumed, SequencePosition examined, CancellationToken cancellationToken) =>
        Judge(reader, maximum, buffer, buffer, consumed, examined, out ProtocolReadResult<TMessage> result)
            ? new(result)
            : ReadFromInput(reader, maximum, cancellationToken);

    /// <summary>Reads the pipe until a message or the end; synchronously while the pipe has data, so that no state machine runs.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ValueTask<ProtocolReadResult<TMessage>> ReadFromInput<TMessage>(IMessageReader<TMessage> reader, int maximum, CancellationToken cancellationToken)
    {
        while (true)
        {
            ValueTask<PipeReadResult> pending = _input.ReadAsync(cancellationToken);
            if (!pending.IsCompletedSuccessfully)
            {
                return ReadFromInputAsync(pending, reader, maximum, cancellationToken);
            }

            if (Took(pending.Result, reader, maximum, out ProtocolReadResult<TMessage> result))
            {
                return new(result);
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ProtocolReadResult<TMessage>> ReadFromInputAsync<TMessage>(ValueTask<PipeReadResult> pending, IMessageReader<TMessage> reader, int maximum, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (Took(await pending.ConfigureAwait(false), reader, maximum, out ProtocolReadResult<TMessage> result))
            {
                return result;
            }

            pending = _input.ReadAsync(cancellationToken);
        }
    }

    /// <summary>Takes a pipe read: true with a message, an end, or a canceled read; false when more input is needed.</summary>
    private bool Took<TMessage>(in PipeReadResult read, IMessageReader<TMessage> reader, int maximum, out ProtocolReadResult<TMessage> result)
    {
        _read = read.Buffer;
        SetConsumed(_read.Start);
        _readLength = _read.Length;
        _exhausted = _readLength == 0;
        _state = State.Buffered;
        _inputCompleted = read.IsCompleted;

        // A canceled read keeps its buffer: the next ReadAsync parses it. A close request shows up as a canceled read
        // too; then a message in flight is finished and an idle connection ends (see Judge).
        if (read.IsCanceled && !_closeRequested.IsCancellationRequested)
        {
            result = new ProtocolReadResult<TMessage>(ProtocolEnd.Canceled);
            return true;
        }

        return Parsed(reader, maximum, out result);
    }

    /// <summary>
    /// Parses the buffered input. True with a message, or with the end of the input (clean, truncated, violated, or
    /// closed on request); false when more input is needed, the pipe having been advanced past what was examined.
    /// </summary>
    private bool Parsed<TMessage>(IMessageReader<TMessage> reader, int maximum, out ProtocolReadResult<TMessage> result)
    {
        // The reader sees at most the maximum: a message that does not end within it can never be read.
        ReadOnlySequence<byte> buffer = _read.Slice(Consumed);
        ReadOnlySequence<byte> window = _readLength > maximum && buffer.Length > maximum ? buffer.Slice(0, maximum) : buffer;
        SequencePosition consumed = window.Start;
        SequencePosition examined = window.End;
        if (reader.TryParseMessage(window, ref consumed, ref examined, out TMessage? message))
        {
            SetConsumed(consumed);
            _exhausted = IsEnd(consumed, buffer);
            _state = State.HasMessage;
            result = new ProtocolReadResult<TMessage>(message);
            return true;
        }

        return Judge(reader, maximum, buffer, window, consumed, examined, out result);
    }

    /// <summary>
    /// After the reader found no message in <paramref name="window"/> (the unconsumed <paramref name="buffer"/>, or its
    /// first maximum bytes): a violation, the end of the input, or (false) a wait for more.
    /// </summary>
    private bool Judge<TMessage>(IMessageReader<TMessage> reader, int maximum, in ReadOnlySequence<byte> buffer, in ReadOnlySequence<byte> window, SequencePosition consumed, SequencePosition examined, out ProtocolReadResult<TMessage> result)
    {
        ProtocolErrorKind violation =
            reader is IMessageReaderStatus { LastResult.Status: CodecStatus.InvalidData } ? ProtocolErrorKind.InvalidData
            : _readLength >= maximum && buffer.Length >= maximum ? ProtocolErrorKind.MessageTooLarge

            // No message, yet the reader did not look at everything: more bytes cannot help (and waiting would spin).
            : !examined.Equals(window.End) && !window.Slice(examined).IsEmpty ? ProtocolErrorKind.InvalidData
            : ProtocolErrorKind.None;
        if (violation != ProtocolErrorKind.None)
        {
            CodecError detail = violation == ProtocolErrorKind.InvalidData && reader is IMessageReaderStatus status ? status.LastResult.Error : default;
            result = Violate<TMessage>(new ProtocolError(violation, buffer.Length, maximum, detail));
            return true;
        }

        // Whether a message has begun matters only when the input may end here.
        bool mayEnd = _inputCompleted || _closeRequested.IsCancellationRequested;
        long partial = mayEnd ? buffer.Slice(consumed).Length : 0;
        _input.AdvanceTo(consumed, examined);
        _state = State.Empty;

        if (_inputCompleted)
        {
            _state = State.Ended;
            if (partial == 0)
            {
                result = Completed<TMessage>(null);
                return true;
            }

            var error = new ProtocolError(ProtocolErrorKind.Truncated, partial, maximum, default);
            ProtocolLog.EndedInsideMessage(_logger, ConnectionId, error);
            result = Completed<TMessage>(error);
            return true;
        }

        if (mayEnd && partial == 0)
        {
            _state = State.Ended;
            ProtocolLog.ClosingOnRequest(_logger, ConnectionId);
            result = Completed<TMessage>(null);
            return true;
        }

        result = default;
        return false;
    }

    private ProtocolReadResult<TMessage> Violate<TMessage>(ProtocolError error)
    {
        ProtocolLog.ClosingOnViolation(_logger, ConnectionId, error);

        // Drop what is buffered (it will never be a message) and stop reading. The connection is not aborted: answers
        // already written to earlier messages still reach the peer when the handler returns and the connection closes.
        _input.AdvanceTo(_read.End);
        _input.Complete();
        _state = State.Ended;
        return Completed<TMessage>(error);
    }

    private static ProtocolReadResult<TMessage> Completed<TMessage>(ProtocolError? error) =>
        new(error is { } reason ? new ProtocolEnd(reason) : ProtocolEnd.Clean);

    // Where the unconsumed input starts. Kept as its parts so that moving within a segment, the common case, writes no
    // object reference (and so costs no GC write barrier).
    private SequencePosition Consumed => new(_consumedObject, _consumedInteger);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetConsumed(SequencePosition position)
    {
        object? segment = position.GetObject();
        if (!ReferenceEquals(segment, _consumedObject))
        {
            _consumedObject = segment;
        }

        _consumedInteger = position.GetInteger();
    }

    /// <summary>Whether <paramref name="position"/> is the end of <paramref name="buffer"/>, in the representation the reader returns (no virtual Equals).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsEnd(SequencePosition position, in ReadOnlySequence<byte> buffer)
    {
        SequencePosition end = buffer.End;
        return ReferenceEquals(position.GetObject(), end.GetObject()) && position.GetInteger() == end.GetInteger();
    }

    private static PipeReader InputOf(ConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Transport.Input;
    }

    [DoesNotReturn]
    private static void ThrowAdvanceFirst() =>
        throw new InvalidOperationException($"Call {nameof(Advance)} after a message before reading the next one.");
}
