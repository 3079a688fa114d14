namespace Codec;

/// <summary>Thrown only by the convenience APIs (<c>Read</c>, view setters); the Try APIs never throw on input.</summary>
public sealed class CodecException : Exception
{
    /// <summary>Creates the exception for <paramref name="error"/>.</summary>
    public CodecException(CodecStatus status, CodecError error)
        : base($"{status}: {error}")
    {
        Status = status;
        Error = error;
    }

    /// <summary>The status of the failed operation.</summary>
    public CodecStatus Status { get; }

    /// <summary>Where and why it failed.</summary>
    public CodecError Error { get; }
}
