using System.Net;
using Microsoft.Extensions.Logging;

namespace Codec.Transport.Datagrams;

/// <summary>The log messages of the datagram transport, defined once so that logging them does not parse templates.</summary>
internal static class DatagramLog
{
    private static readonly Action<ILogger, IPEndPoint, Exception?> s_handlerFailed = LoggerMessage.Define<IPEndPoint>(
        LogLevel.Warning, new EventId(1, "DatagramHandlerFailed"), "The datagram handler on {LocalEndPoint} threw; the datagram was dropped");

    private static readonly Action<ILogger, IPEndPoint, Exception?> s_receiveFailed = LoggerMessage.Define<IPEndPoint>(
        LogLevel.Warning, new EventId(2, "DatagramReceiveFailed"), "Receiving on {LocalEndPoint} failed");

    private static readonly Action<ILogger, IPEndPoint, Exception?> s_sendFailed = LoggerMessage.Define<IPEndPoint>(
        LogLevel.Debug, new EventId(3, "DatagramSendFailed"), "Sending a reply from {LocalEndPoint} failed");

    private static readonly Action<ILogger, string, Exception?> s_listening = LoggerMessage.Define<string>(
        LogLevel.Information, new EventId(4, "DatagramListening"), "Serving datagrams on {EndPoints}");

    private static readonly Action<ILogger, int, Exception?> s_oversized = LoggerMessage.Define<int>(
        LogLevel.Debug, new EventId(5, "DatagramTooLong"), "Dropped a datagram longer than {MaxDatagramSize} bytes");

    public static void HandlerFailed(ILogger logger, IPEndPoint localEndPoint, Exception exception) => s_handlerFailed(logger, localEndPoint, exception);

    public static void ReceiveFailed(ILogger logger, IPEndPoint localEndPoint, Exception exception) => s_receiveFailed(logger, localEndPoint, exception);

    public static void SendFailed(ILogger logger, IPEndPoint localEndPoint, Exception exception) => s_sendFailed(logger, localEndPoint, exception);

    public static void Listening(ILogger logger, string endPoints) => s_listening(logger, endPoints, null);

    public static void Oversized(ILogger logger, int maxDatagramSize)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            s_oversized(logger, maxDatagramSize, null);
        }
    }
}
