namespace Codec;

/// <summary>The result of reading a message: a status, the bytes consumed, and on failure the error.</summary>
public readonly record struct ReadResult
{
    private ReadResult(CodecStatus status, int bytesConsumed, CodecError error)
    {
        Status = status;
        BytesConsumed = bytesConsumed;
        Error = error;
    }

    /// <summary>Done, NeedMoreData or InvalidData.</summary>
    public CodecStatus Status { get; }

    /// <summary>Bytes the message occupies when <see cref="Status"/> is Done; otherwise 0.</summary>
    public int BytesConsumed { get; }

    /// <summary>The error when <see cref="Status"/> is not Done.</summary>
    public CodecError Error { get; }

    /// <summary>Whether the message was read.</summary>
    public bool IsDone => Status == CodecStatus.Done;

    /// <summary>A successful read of <paramref name="bytesConsumed"/> bytes.</summary>
    public static ReadResult Done(int bytesConsumed) => new(CodecStatus.Done, bytesConsumed, default);

    /// <summary>The input ended inside <paramref name="field"/>: <paramref name="needed"/> bytes are needed, <paramref name="available"/> were given.</summary>
    public static ReadResult NeedMoreData(string? field, int bitOffset, int needed, int available) =>
        new(CodecStatus.NeedMoreData, 0, new CodecError(CodecErrorKind.Truncated, field, bitOffset, (ulong)needed, (ulong)available));

    /// <summary>The input breaks the format.</summary>
    public static ReadResult Invalid(CodecError error) => new(CodecStatus.InvalidData, 0, error);

    /// <summary>
    /// The same result for a message that starts <paramref name="bytes"/> into a larger one: error offsets (and, for
    /// NeedMoreData, the bytes needed and available) count from the start of the larger message.
    /// </summary>
    public ReadResult At(int bytes)
    {
        if (Status == CodecStatus.Done || bytes == 0)
        {
            return this;
        }

        CodecError e = Error;
        return Status == CodecStatus.NeedMoreData
            ? new(Status, 0, new CodecError(e.Kind, e.Field, e.BitOffset + (bytes * 8), e.Expected + (ulong)bytes, e.Actual + (ulong)bytes))
            : new(Status, 0, new CodecError(e.Kind, e.Field, e.BitOffset + (bytes * 8), e.Expected, e.Actual));
    }

    /// <summary>The same result, naming <paramref name="field"/> when the error names no field of its own.</summary>
    public ReadResult WithField(string field) =>
        Status == CodecStatus.Done || Error.Field is not null
            ? this
            : new(Status, BytesConsumed, new CodecError(Error.Kind, field, Error.BitOffset, Error.Expected, Error.Actual));

    /// <summary>A one-line description.</summary>
    public override string ToString() => IsDone ? $"Done ({BytesConsumed} bytes)" : $"{Status}: {Error}";
}
