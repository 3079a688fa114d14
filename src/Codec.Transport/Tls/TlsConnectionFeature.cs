using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Codec.Transport.Tls;

/// <summary>What the TLS handshake settled, on a connection's features (<c>connection.Features.Get&lt;TlsConnectionFeature&gt;()</c>).</summary>
public sealed class TlsConnectionFeature
{
    internal TlsConnectionFeature(SslStream stream)
    {
        Protocol = stream.SslProtocol;
        CipherSuite = stream.NegotiatedCipherSuite;
        ApplicationProtocol = stream.NegotiatedApplicationProtocol;
        TargetHostName = stream.TargetHostName;
        LocalCertificate = stream.LocalCertificate;
        RemoteCertificate = stream.RemoteCertificate;
    }

    /// <summary>The TLS version.</summary>
    public SslProtocols Protocol { get; }

    /// <summary>The cipher suite.</summary>
    public TlsCipherSuite CipherSuite { get; }

    /// <summary>The ALPN protocol, when one was negotiated (for DNS over TLS, RFC 7858 needs none).</summary>
    public SslApplicationProtocol ApplicationProtocol { get; }

    /// <summary>The server name the client asked for (SNI), or the one it connected to.</summary>
    public string TargetHostName { get; }

    /// <summary>This end's certificate, if it sent one.</summary>
    public X509Certificate? LocalCertificate { get; }

    /// <summary>The peer's certificate, if it sent one.</summary>
    public X509Certificate? RemoteCertificate { get; }
}
