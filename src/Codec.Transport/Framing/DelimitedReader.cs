using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Codec.Transport.Protocols;

namespace Codec.Transport.Framing;

/// <summary>
/// Reads messages that end with a delimiter (a line ending, a NUL, ...): each message is the bytes before the
/// delimiter, as they lie in the pipe's buffer (valid until <see cref="ProtocolReader.Advance"/>); the delimiter is
/// consumed with it and not returned.
/// </summary>
/// <remarks>
/// The search never looks further than the maximum length plus the delimiter, so input without a delimiter there is
/// rejected as soon as it arrives. Holds per-read state (<see cref="IMessageReaderStatus"/>): one per connection.
/// </remarks>
public sealed class DelimitedReader : IMessageReader<ReadOnlySequence<byte>>, IMessageReaderStatus
{
    private readonly byte[] _delimiter;

    /// <summary>Creates the reader.</summary>
    /// <param name="delimiter">The bytes that end each message; not empty.</param>
    /// <param name="maximumLength">The longest message accepted, without its delimiter.</param>
    public DelimitedReader(ReadOnlySpan<byte> delimiter, int maximumLength)
    {
        if (delimiter.IsEmpty)
        {
            throw new ArgumentException("The delimiter must not be empty.", nameof(delimiter));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(maximumLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maximumLength, int.MaxValue - delimiter.Length);
        _delimiter = delimiter.ToArray();
        MaximumLength = maximumLength;
    }

    /// <summary>The bytes that end each message.</summary>
    public ReadOnlyMemory<byte> Delimiter => _delimiter;

    /// <summary>The longest message accepted, without its delimiter.</summary>
    public int MaximumLength { get; }

    /// <inheritdoc/>
    public ReadResult LastResult { get; private set; }

    /// <inheritdoc/>
    public bool TryParseMessage(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, [MaybeNullWhen(false)] out ReadOnlySequence<byte> message)
    {
        // A message within the maximum has its delimiter within this window.
        long limit = (long)MaximumLength + _delimiter.Length;
        ReadOnlySequence<byte> window = input.Length > limit ? input.Slice(0, limit) : input;
        var reader = new SequenceReader<byte>(window);
        if (reader.TryReadTo(out message, _delimiter, advancePastDelimiter: true))
        {
            LastResult = ReadResult.Done((int)reader.Consumed);
            consumed = reader.Position;
            examined = consumed;
            return true;
        }

        message = default;
        examined = window.End;
        int available = (int)Math.Min(input.Length, int.MaxValue);
        LastResult = input.Length >= limit
            ? ReadResult.Invalid(new CodecError(CodecErrorKind.ValueOutOfRange, "Delimiter", 0, (ulong)MaximumLength, (ulong)input.Length))
            : ReadResult.NeedMoreData("Delimiter", 0, available + 1, available);
        return false;
    }
}
