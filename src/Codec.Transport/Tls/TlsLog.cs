using Microsoft.Extensions.Logging;

namespace Codec.Transport.Tls;

/// <summary>What the TLS middleware logs.</summary>
internal static partial class TlsLog
{
    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "TLS handshake with connection {ConnectionId} failed: {Reason}")]
    public static partial void HandshakeFailed(ILogger logger, string connectionId, string reason);

    [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "TLS handshake with connection {ConnectionId} timed out after {Timeout}")]
    public static partial void HandshakeTimedOut(ILogger logger, string connectionId, TimeSpan timeout);

    [LoggerMessage(EventId = 303, Level = LogLevel.Debug, Message = "Connection {ConnectionId}: TLS {Protocol} established")]
    public static partial void Established(ILogger logger, string connectionId, System.Security.Authentication.SslProtocols protocol);

    [LoggerMessage(EventId = 304, Level = LogLevel.Debug, Message = "Connection {ConnectionId}: closing the TLS session failed")]
    public static partial void CloseFailed(ILogger logger, Exception exception, string connectionId);
}
