using System.Buffers;
using System.Runtime.CompilerServices;
using PipeReadResult = System.IO.Pipelines.ReadResult;

namespace Codec.Transport.Protocols;

/// <summary>The read loop every read method shares: buffered messages first, then the pipe, then the verdict on what is left.</summary>
public sealed partial class ProtocolReader
{
    /// <summary>What <see cref="Refill"/> found.</summary>
    private enum Step : byte
    {
        /// <summary>A pipe read is held, under the maximum: parse it.</summary>
        Parse,

        /// <summary>The input ended, or the read was canceled: <see cref="_end"/> says how.</summary>
        End,

        /// <summary>A pipe read is held that reaches the maximum: parse within a window (the general path).</summary>
        Window,

        /// <summary>The pipe has no data yet: <see cref="_pending"/> is its read, to await.</summary>
        Pending,
    }

    /// <summary>
    /// Reads the next message with <paramref name="parser"/>. Inlined into the caller's loop: a message already
    /// buffered costs no pipe call and no await, and one that the pipe has ready is fetched by a call that returns a
    /// byte, so that the result is built once, here. Only a wait for data, or a read as long as the maximum, goes the
    /// general way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ValueTask<ProtocolReadResult<TMessage>> ReadCore<TMessage, TParser>(TParser parser, int maximum, CancellationToken cancellationToken)
        where TParser : struct, IInputParser<TMessage>
    {
        while (true)
        {
            // A read under the maximum holds no message over it: no length to check.
            if (_state == State.Buffered && !_exhausted && _readLength < maximum)
            {
                ReadOnlySequence<byte> buffer = Unconsumed();
                SequencePosition consumed = buffer.Start;
                SequencePosition examined = buffer.End;
                if (parser.TryParse(buffer, ref consumed, ref examined, out TMessage? message))
                {
                    TookMessage(consumed);
                    return new(new ProtocolReadResult<TMessage>(message!));
                }

                if (NoMessage(ref parser, maximum, consumed, examined) is { } end)
                {
                    return new(Completed<TMessage>(end));
                }
            }

            switch (Refill(maximum, cancellationToken))
            {
                case Step.Parse:
                    continue;
                case Step.End:
                    return new(Completed<TMessage>(TakeEnd()));
                case Step.Window:
                    return ReadWindowed<TMessage, TParser>(parser, maximum, cancellationToken);
                default:
                    return ReadFromInputAsync<TMessage, TParser>(TakePending(), parser, maximum, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Gets the next pipe read when the buffer has no message to offer: checks the state, releases a buffer that is all
    /// consumed, and reads the pipe, synchronously when it has data.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Step Refill(int maximum, CancellationToken cancellationToken)
    {
        switch (_state)
        {
            case State.HasMessage:
                ThrowAdvanceFirst();
                break;
            case State.Disposed:
                ThrowDisposed();
                break;
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maximum, "maximumMessageSize");
        if (_state == State.Ended)
        {
            _end = ProtocolEnd.Clean;
            return Step.End;
        }

        if (_state == State.Buffered)
        {
            if (!_exhausted)
            {
                return Step.Window;
            }

            // Every byte of the buffer was a message: release it, then end or read on.
            if (NothingLeft() is { } end)
            {
                _end = end;
                return Step.End;
            }
        }

        ValueTask<PipeReadResult> pending = _input.ReadAsync(cancellationToken);
        if (!pending.IsCompletedSuccessfully)
        {
            _pending = pending;
            return Step.Pending;
        }

        if (Hold(pending.Result) is { } canceled)
        {
            _end = canceled;
            return Step.End;
        }

        return _readLength < maximum ? Step.Parse : Step.Window;
    }

    private ProtocolEnd TakeEnd()
    {
        ProtocolEnd end = _end!;
        _end = null;
        return end;
    }

    private ValueTask<PipeReadResult> TakePending()
    {
        ValueTask<PipeReadResult> pending = _pending;
        _pending = default;
        return pending;
    }

    /// <summary>The hot path found no message in the buffer: judge why; null when more input is needed (the pipe advanced).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ProtocolEnd? NoMessage<TParser>(ref TParser parser, int maximum, SequencePosition consumed, SequencePosition examined)
        where TParser : struct, IInputParserStatus
    {
        ReadOnlySequence<byte> buffer = Unconsumed();
        return Judge(ref parser, maximum, buffer, buffer, consumed, examined);
    }

    /// <summary>A message ends at <paramref name="consumed"/>: the unconsumed input starts there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void TookMessage(SequencePosition consumed)
    {
        object? segment = consumed.GetObject();
        int index = consumed.GetInteger();
        if (!ReferenceEquals(segment, _startSegment ?? _startObject))
        {
            MoveToSegment(segment);
        }

        _startIndex = index;
        _exhausted = index == _endIndex && ReferenceEquals(segment, _endObject);
        _state = State.HasMessage;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void MoveToSegment(object? segment)
    {
        if (_startSegment is not null)
        {
            _startSegment = (ReadOnlySequenceSegment<byte>)segment!;
        }
        else
        {
            _startObject = segment;
        }
    }

    /// <summary>What is left of the pipe's last read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySequence<byte> Unconsumed() =>
        _startSegment is { } start
            ? new ReadOnlySequence<byte>(start, _startIndex, _endSegment!, _endIndex)
            : _read.Slice(new SequencePosition(_startObject, _startIndex));

    /// <summary>Holds a pipe read, all of it unconsumed; <see cref="ProtocolEnd.Canceled"/> when the read was canceled.</summary>
    private ProtocolEnd? Hold(in PipeReadResult read)
    {
        ReadOnlySequence<byte> buffer = read.Buffer;
        _read = buffer;
        SequencePosition start = buffer.Start;
        SequencePosition end = buffer.End;
        _startIndex = start.GetInteger();
        _endIndex = end.GetInteger();
        _endObject = end.GetObject();
        if (start.GetObject() is ReadOnlySequenceSegment<byte> first && _endObject is ReadOnlySequenceSegment<byte> last)
        {
            _startSegment = first;
            _endSegment = last;
            _startObject = null;
        }
        else
        {
            _startSegment = null;
            _endSegment = null;
            _startObject = start.GetObject();
        }

        _readLength = buffer.Length;
        _exhausted = _readLength == 0;
        _state = State.Buffered;
        _inputCompleted = read.IsCompleted;

        // A canceled read keeps its buffer: the next ReadAsync parses it. A close request shows up as a canceled read
        // too; then a message in flight is finished and an idle connection ends (see Judge).
        return read.IsCanceled && !_closeRequested.IsCancellationRequested ? ProtocolEnd.Canceled : null;
    }

    /// <summary>Lets go of the pipe's read (it has been advanced).</summary>
    private void Release()
    {
        _read = default;
        _startSegment = null;
        _endSegment = null;
        _startObject = null;
        _endObject = null;
    }

    /// <summary>A pipe read as long as the maximum: parse within its first maximum bytes, then read on as needed.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ValueTask<ProtocolReadResult<TMessage>> ReadWindowed<TMessage, TParser>(TParser parser, int maximum, CancellationToken cancellationToken)
        where TParser : struct, IInputParser<TMessage> =>
        Parsed<TMessage, TParser>(ref parser, maximum, out ProtocolReadResult<TMessage> result)
            ? new(result)
            : ReadFromInput<TMessage, TParser>(parser, maximum, cancellationToken);

    /// <summary>Reads the pipe until a message or the end; synchronously while the pipe has data, so that no state machine runs.</summary>
    private ValueTask<ProtocolReadResult<TMessage>> ReadFromInput<TMessage, TParser>(TParser parser, int maximum, CancellationToken cancellationToken)
        where TParser : struct, IInputParser<TMessage>
    {
        while (true)
        {
            ValueTask<PipeReadResult> pending = _input.ReadAsync(cancellationToken);
            if (!pending.IsCompletedSuccessfully)
            {
                return ReadFromInputAsync<TMessage, TParser>(pending, parser, maximum, cancellationToken);
            }

            if (Took<TMessage, TParser>(pending.Result, ref parser, maximum, out ProtocolReadResult<TMessage> result))
            {
                return new(result);
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ProtocolReadResult<TMessage>> ReadFromInputAsync<TMessage, TParser>(ValueTask<PipeReadResult> pending, TParser parser, int maximum, CancellationToken cancellationToken)
        where TParser : struct, IInputParser<TMessage>
    {
        while (true)
        {
            if (Took<TMessage, TParser>(await pending.ConfigureAwait(false), ref parser, maximum, out ProtocolReadResult<TMessage> result))
            {
                return result;
            }

            pending = _input.ReadAsync(cancellationToken);
        }
    }

    /// <summary>Takes a pipe read: true with a message, an end, or a canceled read; false when more input is needed.</summary>
    private bool Took<TMessage, TParser>(in PipeReadResult read, ref TParser parser, int maximum, out ProtocolReadResult<TMessage> result)
        where TParser : struct, IInputParser<TMessage>
    {
        if (Hold(read) is { } canceled)
        {
            result = new ProtocolReadResult<TMessage>(canceled);
            return true;
        }

        return Parsed(ref parser, maximum, out result);
    }

    /// <summary>
    /// Parses the buffered input. True with a message, or with the end of the input (clean, truncated, violated, or
    /// closed on request); false when more input is needed, the pipe having been advanced past what was examined.
    /// </summary>
    private bool Parsed<TMessage, TParser>(ref TParser parser, int maximum, out ProtocolReadResult<TMessage> result)
        where TParser : struct, IInputParser<TMessage>
    {
        // The parser sees at most the maximum: a message that does not end within it can never be read.
        ReadOnlySequence<byte> buffer = Unconsumed();
        ReadOnlySequence<byte> window = _readLength > maximum && buffer.Length > maximum ? buffer.Slice(0, maximum) : buffer;
        SequencePosition consumed = window.Start;
        SequencePosition examined = window.End;
        if (parser.TryParse(window, ref consumed, ref examined, out TMessage? message))
        {
            TookMessage(consumed);
            result = new ProtocolReadResult<TMessage>(message!);
            return true;
        }

        if (Judge(ref parser, maximum, buffer, window, consumed, examined) is { } end)
        {
            result = Completed<TMessage>(end);
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>
    /// After the parser found no message in <paramref name="window"/> (the unconsumed <paramref name="buffer"/>, or its
    /// first maximum bytes): how the input ends (a violation, or its end), or null to wait for more, the pipe advanced.
    /// </summary>
    private ProtocolEnd? Judge<TParser>(ref TParser parser, int maximum, in ReadOnlySequence<byte> buffer, in ReadOnlySequence<byte> window, SequencePosition consumed, SequencePosition examined)
        where TParser : struct, IInputParserStatus
    {
        CodecError detail = default;
        ProtocolErrorKind violation =
            parser.IsInvalid(out detail) ? ProtocolErrorKind.InvalidData
            : _readLength >= maximum && buffer.Length >= maximum ? ProtocolErrorKind.MessageTooLarge

            // No message, yet the parser did not look at everything: more bytes cannot help (and waiting would spin).
            : !examined.Equals(window.End) && !window.Slice(examined).IsEmpty ? ProtocolErrorKind.InvalidData
            : ProtocolErrorKind.None;
        if (violation != ProtocolErrorKind.None)
        {
            return Violate(new ProtocolError(violation, buffer.Length, maximum, detail));
        }

        // Whether a message has begun matters only when the input may end here.
        bool mayEnd = _inputCompleted || _closeRequested.IsCancellationRequested;
        long partial = mayEnd ? buffer.Slice(consumed).Length : 0;
        _input.AdvanceTo(consumed, examined);
        _state = State.Empty;
        Release();

        if (_inputCompleted)
        {
            _state = State.Ended;
            if (partial == 0)
            {
                return ProtocolEnd.Clean;
            }

            var error = new ProtocolError(ProtocolErrorKind.Truncated, partial, maximum, default);
            ProtocolLog.EndedInsideMessage(_logger, ConnectionId, error);
            return new ProtocolEnd(error);
        }

        if (mayEnd && partial == 0)
        {
            _state = State.Ended;
            ProtocolLog.ClosingOnRequest(_logger, ConnectionId);
            return ProtocolEnd.Clean;
        }

        return null;
    }

    /// <summary>Every byte of the buffer was a message: release it, then end (input completed, close requested) or null to read on.</summary>
    private ProtocolEnd? NothingLeft()
    {
        _input.AdvanceTo(_read.End);
        Release();
        _state = State.Empty;
        if (_inputCompleted)
        {
            _state = State.Ended;
            return ProtocolEnd.Clean;
        }

        if (_closeRequested.IsCancellationRequested)
        {
            _state = State.Ended;
            ProtocolLog.ClosingOnRequest(_logger, ConnectionId);
            return ProtocolEnd.Clean;
        }

        return null;
    }

    private ProtocolEnd Violate(ProtocolError error)
    {
        ProtocolLog.ClosingOnViolation(_logger, ConnectionId, error);

        // Drop what is buffered (it will never be a message) and stop reading. The connection is not aborted: answers
        // already written to earlier messages still reach the peer when the handler returns and the connection closes.
        _input.AdvanceTo(_read.End);
        _input.Complete();
        Release();
        _state = State.Ended;
        return new ProtocolEnd(error);
    }

    private static ProtocolReadResult<TMessage> Completed<TMessage>(ProtocolEnd end) => new(end);
}
