using Microsoft.Extensions.Logging;

namespace Codec.Transport.Protocols;

/// <summary>What <see cref="ProtocolReader"/> logs (source-generated, nothing allocated when the level is off).</summary>
internal static partial class ProtocolLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Closing connection {ConnectionId}: {Reason}")]
    public static partial void ClosingOnViolation(ILogger logger, string connectionId, ProtocolError reason);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Connection {ConnectionId} ended: {Reason}")]
    public static partial void EndedInsideMessage(ILogger logger, string connectionId, ProtocolError reason);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "Connection {ConnectionId}: closing on request, no message in flight")]
    public static partial void ClosingOnRequest(ILogger logger, string connectionId);
}
