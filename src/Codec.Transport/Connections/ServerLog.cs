using System.Net;
using Microsoft.Extensions.Logging;

namespace Codec.Transport.Connections;

/// <summary>What <see cref="Server"/> logs (source-generated, nothing allocated when the level is off).</summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Listening on {EndPoint}")]
    public static partial void Listening(ILogger logger, EndPoint endPoint);

    [LoggerMessage(EventId = 202, Level = LogLevel.Debug, Message = "Connection {ConnectionId} accepted from {RemoteEndPoint}")]
    public static partial void Accepted(ILogger logger, string connectionId, EndPoint? remoteEndPoint);

    [LoggerMessage(EventId = 203, Level = LogLevel.Debug, Message = "Connection {ConnectionId} closed")]
    public static partial void Closed(ILogger logger, string connectionId);

    [LoggerMessage(EventId = 204, Level = LogLevel.Warning, Message = "Connection limit of {Maximum} reached; closing connection {ConnectionId} from {RemoteEndPoint}")]
    public static partial void LimitReached(ILogger logger, int maximum, string connectionId, EndPoint? remoteEndPoint);

    [LoggerMessage(EventId = 205, Level = LogLevel.Information, Message = "Closing connection {ConnectionId}: no input for more than {IdleTimeout}")]
    public static partial void IdleTimeout(ILogger logger, string connectionId, TimeSpan idleTimeout);

    [LoggerMessage(EventId = 206, Level = LogLevel.Debug, Message = "Connection {ConnectionId} was reset by the peer")]
    public static partial void Reset(ILogger logger, string connectionId);

    [LoggerMessage(EventId = 207, Level = LogLevel.Debug, Message = "Connection {ConnectionId} was aborted: {Reason}")]
    public static partial void Aborted(ILogger logger, string connectionId, string reason);

    [LoggerMessage(EventId = 208, Level = LogLevel.Information, Message = "Connection {ConnectionId} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string connectionId, string reason);

    [LoggerMessage(EventId = 209, Level = LogLevel.Error, Message = "Unhandled exception in the handler of connection {ConnectionId}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string connectionId);

    [LoggerMessage(EventId = 210, Level = LogLevel.Critical, Message = "Stopped accepting connections on {EndPoint}")]
    public static partial void AcceptFailed(ILogger logger, Exception exception, EndPoint endPoint);

    [LoggerMessage(EventId = 211, Level = LogLevel.Information, Message = "Stopping: waiting up to {Timeout} for {Count} connections to close")]
    public static partial void Draining(ILogger logger, TimeSpan timeout, int count);

    [LoggerMessage(EventId = 212, Level = LogLevel.Warning, Message = "Aborting {Count} connections still open after the shutdown timeout")]
    public static partial void AbortingRemaining(ILogger logger, int count);

    [LoggerMessage(EventId = 213, Level = LogLevel.Error, Message = "{Count} connection handlers had not ended {Grace} after being aborted")]
    public static partial void HandlersIgnoredAbort(ILogger logger, int count, TimeSpan grace);

    [LoggerMessage(EventId = 214, Level = LogLevel.Information, Message = "Stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 215, Level = LogLevel.Debug, Message = "Disposing connection {ConnectionId} failed")]
    public static partial void DisposeFailed(ILogger logger, Exception exception, string connectionId);
}
