using System.Buffers;
using System.Buffers.Binary;

namespace Codec.Transport.Framing;

/// <summary>
/// The 2-byte big-endian length prefix of DNS over TCP (RFC 1035 §4.2.2, RFC 7766 §8): "a two byte length field which
/// gives the message length, excluding the two byte length field".
/// </summary>
/// <remarks>
/// <code>
///   0                   1
///   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5
///  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///  |            LENGTH             |   payload bytes that follow
///  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///  |   PAYLOAD (LENGTH bytes) ...  |
/// </code>
/// </remarks>
internal static class LengthPrefix
{
    /// <summary>Bytes of the prefix.</summary>
    public const int Size = 2;

    /// <summary>Bit offset of the payload from the start of the frame, for error positions.</summary>
    public const int PayloadBitOffset = Size * 8;

    /// <summary>Finds the frame at the start of <paramref name="input"/>; on Done, <paramref name="payload"/> is its content.</summary>
    public static ReadResult TryReadFrame(in ReadOnlySequence<byte> input, int maximumLength, out ReadOnlySequence<byte> payload)
    {
        payload = default;
        if (input.Length < Size)
        {
            return ReadResult.NeedMoreData("Length", 0, Size, (int)input.Length);
        }

        int length = ReadLength(input);
        if (length > maximumLength)
        {
            // Rejected on the prefix alone: the payload is never waited for, let alone buffered.
            return ReadResult.Invalid(new CodecError(CodecErrorKind.ValueOutOfRange, "Length", 0, (ulong)maximumLength, (ulong)length));
        }

        if (input.Length - Size < length)
        {
            return ReadResult.NeedMoreData("Payload", PayloadBitOffset, Size + length, (int)input.Length);
        }

        payload = input.Slice(Size, length);
        return ReadResult.Done(Size + length);
    }

    /// <summary>Where a reader that failed on <paramref name="result"/> has looked: everything when it needs more data.</summary>
    public static SequencePosition Examined(in ReadOnlySequence<byte> input, ReadResult result) =>
        result.Status == CodecStatus.NeedMoreData ? input.End : input.GetPosition(Math.Min(Size, input.Length));

    /// <summary>Writes the prefix and <paramref name="payload"/>.</summary>
    public static void Write(ReadOnlySpan<byte> payload, int maximumLength, IBufferWriter<byte> output)
    {
        CheckLength(payload.Length, maximumLength);
        Span<byte> destination = output.GetSpan();
        if (destination.Length >= Size + payload.Length)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)payload.Length);
            payload.CopyTo(destination[Size..]);
            output.Advance(Size + payload.Length);
            return;
        }

        WritePrefix(payload.Length, output);
        output.Write(payload);
    }

    /// <summary>Writes the prefix and <paramref name="payload"/>, segment by segment.</summary>
    public static void Write(in ReadOnlySequence<byte> payload, int maximumLength, IBufferWriter<byte> output)
    {
        if (payload.IsSingleSegment)
        {
            Write(payload.FirstSpan, maximumLength, output);
            return;
        }

        CheckLength(payload.Length, maximumLength);
        WritePrefix((int)payload.Length, output);
        foreach (ReadOnlyMemory<byte> segment in payload)
        {
            output.Write(segment.Span);
        }
    }

    private static void WritePrefix(int length, IBufferWriter<byte> output)
    {
        BinaryPrimitives.WriteUInt16BigEndian(output.GetSpan(Size), (ushort)length);
        output.Advance(Size);
    }

    private static void CheckLength(long length, int maximumLength)
    {
        if (length > maximumLength)
        {
            ThrowHelper.ThrowWriteFailed(WriteResult.Invalid(new CodecError(CodecErrorKind.ValueOutOfRange, "Length", 0, (ulong)maximumLength, (ulong)length)));
        }
    }

    private static int ReadLength(in ReadOnlySequence<byte> input)
    {
        ReadOnlySpan<byte> first = input.FirstSpan;
        if (first.Length >= Size)
        {
            return BinaryPrimitives.ReadUInt16BigEndian(first);
        }

        // The prefix straddles segments.
        Span<byte> prefix = stackalloc byte[Size];
        input.Slice(0, Size).CopyTo(prefix);
        return BinaryPrimitives.ReadUInt16BigEndian(prefix);
    }

    /// <summary>Checks a configured maximum payload length.</summary>
    public static int ValidMaximum(int maximumLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maximumLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maximumLength, (int)ushort.MaxValue);
        return maximumLength;
    }
}
