using System.Globalization;

namespace Codec.Transport.Protocols;

/// <summary>
/// Why a <see cref="ProtocolReader"/> ended a connection: the kind, the bytes it held at that moment, and for invalid
/// data the codec error (field and offset). A plain value; <see cref="ToString"/> is the logged reason.
/// </summary>
public readonly record struct ProtocolError
{
    internal ProtocolError(ProtocolErrorKind kind, long bufferedBytes, int maximumMessageSize, CodecError detail)
    {
        Kind = kind;
        BufferedBytes = bufferedBytes;
        MaximumMessageSize = maximumMessageSize;
        Detail = detail;
    }

    /// <summary>What went wrong; <see cref="ProtocolErrorKind.None"/> when nothing did.</summary>
    public ProtocolErrorKind Kind { get; }

    /// <summary>The unconsumed bytes the reader held when it stopped.</summary>
    public long BufferedBytes { get; }

    /// <summary>The maximum message size in force for the read.</summary>
    public int MaximumMessageSize { get; }

    /// <summary>For <see cref="ProtocolErrorKind.InvalidData"/>: the reader's error, when it reported one.</summary>
    public CodecError Detail { get; }

    /// <summary>A one-line reason, for logs.</summary>
    public override string ToString() => Kind switch
    {
        ProtocolErrorKind.None => "no error",
        ProtocolErrorKind.MessageTooLarge => string.Create(CultureInfo.InvariantCulture, $"message too large: {BufferedBytes} bytes buffered without a whole message (maximum {MaximumMessageSize})"),
        ProtocolErrorKind.InvalidData when Detail.Kind == CodecErrorKind.None => string.Create(CultureInfo.InvariantCulture, $"invalid data: the message reader rejected the input ({BufferedBytes} bytes buffered)"),
        ProtocolErrorKind.InvalidData => string.Create(CultureInfo.InvariantCulture, $"invalid data: {Detail}"),
        ProtocolErrorKind.Truncated => string.Create(CultureInfo.InvariantCulture, $"the peer closed the connection inside a message ({BufferedBytes} bytes buffered)"),
        _ => Kind.ToString(),
    };
}
