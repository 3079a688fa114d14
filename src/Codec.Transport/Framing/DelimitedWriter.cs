using System.Buffers;
using Codec.Transport.Protocols;

namespace Codec.Transport.Framing;

/// <summary>
/// Writes a payload followed by a delimiter. A payload that contains the delimiter would split into two messages at the
/// other end, so it throws <see cref="ArgumentException"/>, as does one longer than the maximum; nothing is written then.
/// Stateless: one instance serves every connection.
/// </summary>
public sealed class DelimitedWriter : IMessageWriter<ReadOnlyMemory<byte>>, IMessageWriter<ReadOnlySequence<byte>>
{
    private readonly byte[] _delimiter;

    /// <summary>Creates the writer.</summary>
    /// <param name="delimiter">The bytes that end each message; not empty.</param>
    /// <param name="maximumLength">The longest payload written, without its delimiter.</param>
    public DelimitedWriter(ReadOnlySpan<byte> delimiter, int maximumLength = int.MaxValue)
    {
        if (delimiter.IsEmpty)
        {
            throw new ArgumentException("The delimiter must not be empty.", nameof(delimiter));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(maximumLength);
        _delimiter = delimiter.ToArray();
        MaximumLength = maximumLength;
    }

    /// <summary>The bytes that end each message.</summary>
    public ReadOnlyMemory<byte> Delimiter => _delimiter;

    /// <summary>The longest payload written, without its delimiter.</summary>
    public int MaximumLength { get; }

    /// <inheritdoc/>
    public void WriteMessage(ReadOnlyMemory<byte> message, IBufferWriter<byte> output)
    {
        Check(message.Length, message.Span.IndexOf(_delimiter) >= 0);
        output.Write(message.Span);
        output.Write(_delimiter);
    }

    /// <inheritdoc/>
    public void WriteMessage(ReadOnlySequence<byte> message, IBufferWriter<byte> output)
    {
        var reader = new SequenceReader<byte>(message);
        Check(message.Length, reader.TryReadTo(out ReadOnlySequence<byte> _, _delimiter, advancePastDelimiter: false));
        foreach (ReadOnlyMemory<byte> segment in message)
        {
            output.Write(segment.Span);
        }

        output.Write(_delimiter);
    }

    private void Check(long length, bool containsDelimiter)
    {
        if (length > MaximumLength)
        {
            throw new ArgumentException($"The payload holds {length} bytes; the maximum is {MaximumLength}.", "message");
        }

        if (containsDelimiter)
        {
            throw new ArgumentException("The payload contains the delimiter.", "message");
        }
    }
}
