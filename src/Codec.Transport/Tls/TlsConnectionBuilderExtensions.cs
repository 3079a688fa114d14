using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Codec.Transport.Connections;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace Codec.Transport.Tls;

/// <summary>
/// TLS middleware for server and client chains (for DNS over TLS, RFC 7858, say). Everything after it in the chain reads
/// and writes plaintext; <see cref="TlsConnectionFeature"/> describes the session.
/// </summary>
public static class TlsConnectionBuilderExtensions
{
    /// <summary>How long a handshake may take unless told otherwise.</summary>
    public static readonly TimeSpan DefaultHandshakeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Server side: authenticates with <paramref name="certificate"/> (which must hold its private key).</summary>
    /// <param name="builder">A server's chain.</param>
    /// <param name="certificate">The server certificate.</param>
    /// <param name="handshakeTimeout">How long a handshake may take; a slower one is logged and the connection closed.</param>
    public static IConnectionBuilder UseTls(this IConnectionBuilder builder, X509Certificate2 certificate, TimeSpan? handshakeTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!certificate.HasPrivateKey)
        {
            throw new ArgumentException("The server certificate has no private key.", nameof(certificate));
        }

        return builder.UseTls(new SslServerAuthenticationOptions { ServerCertificate = certificate }, handshakeTimeout);
    }

    /// <summary>Server side: authenticates with <paramref name="options"/>. A failed handshake is logged and the connection closed; the server goes on.</summary>
    /// <param name="builder">A server's chain.</param>
    /// <param name="options">The server's TLS options (certificate, protocols, client certificates, ALPN).</param>
    /// <param name="handshakeTimeout">How long a handshake may take; a slower one is logged and the connection closed.</param>
    public static IConnectionBuilder UseTls(this IConnectionBuilder builder, SslServerAuthenticationOptions options, TimeSpan? handshakeTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Add(builder, options, null, handshakeTimeout);
    }

    /// <summary>Client side: authenticates the server with <paramref name="options"/>. A failed handshake fails the connect.</summary>
    /// <param name="builder">A client's chain (<see cref="ClientBuilder.Configure"/>).</param>
    /// <param name="options">The client's TLS options (target host, certificate validation, protocols, ALPN).</param>
    /// <param name="handshakeTimeout">How long a handshake may take; a slower one fails with <see cref="TimeoutException"/>.</param>
    public static IConnectionBuilder UseTls(this IConnectionBuilder builder, SslClientAuthenticationOptions options, TimeSpan? handshakeTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Add(builder, null, options, handshakeTimeout);
    }

    private static IConnectionBuilder Add(IConnectionBuilder builder, SslServerAuthenticationOptions? server, SslClientAuthenticationOptions? client, TimeSpan? handshakeTimeout)
    {
        ArgumentNullException.ThrowIfNull(builder);
        TimeSpan timeout = handshakeTimeout ?? DefaultHandshakeTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero, nameof(handshakeTimeout));
        ILogger logger = builder.ApplicationServices.GetLoggerFactory().CreateLogger("Codec.Transport.Tls.TlsMiddleware");
        return builder.Use(next => new TlsMiddleware(next, server, client, timeout, logger).OnConnectionAsync);
    }
}
