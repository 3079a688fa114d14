namespace Codec;

/// <summary>The result of writing a message: a status, the bytes written, and on failure the error.</summary>
public readonly record struct WriteResult
{
    private WriteResult(CodecStatus status, int bytesWritten, CodecError error)
    {
        Status = status;
        BytesWritten = bytesWritten;
        Error = error;
    }

    /// <summary>Done, DestinationTooSmall or InvalidData (a value that does not fit its field).</summary>
    public CodecStatus Status { get; }

    /// <summary>Bytes written when <see cref="Status"/> is Done; otherwise 0.</summary>
    public int BytesWritten { get; }

    /// <summary>The error when <see cref="Status"/> is not Done.</summary>
    public CodecError Error { get; }

    /// <summary>Whether the message was written.</summary>
    public bool IsDone => Status == CodecStatus.Done;

    /// <summary>A successful write of <paramref name="bytesWritten"/> bytes.</summary>
    public static WriteResult Done(int bytesWritten) => new(CodecStatus.Done, bytesWritten, default);

    /// <summary>The destination holds <paramref name="available"/> bytes; <paramref name="needed"/> are needed.</summary>
    public static WriteResult DestinationTooSmall(int needed, int available) =>
        new(CodecStatus.DestinationTooSmall, 0, new CodecError(CodecErrorKind.DestinationTooSmall, null, 0, (ulong)needed, (ulong)available));

    /// <summary>A value that cannot be written.</summary>
    public static WriteResult Invalid(CodecError error) => new(CodecStatus.InvalidData, 0, error);

    /// <summary>A one-line description.</summary>
    public override string ToString() => IsDone ? $"Done ({BytesWritten} bytes)" : $"{Status}: {Error}";
}
