using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Codec.Transport.Connections;
using Codec.Transport.InMemory;
using Codec.Transport.Tests.Connections;
using Codec.Transport.Tests.Protocols;
using Codec.Transport.Tls;
using Microsoft.AspNetCore.Connections;

namespace Codec.Transport.Tests.Tls;

public class TlsTests
{
    private static SslClientAuthenticationOptions TrustingTestServer() => new()
    {
        TargetHost = "localhost",

        // Self-signed: trust exactly the test certificate.
        RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && certificate.GetCertHashString() == TestCertificates.Server.GetCertHashString(),
    };

    private static ServerBuilder TlsEchoServer(RecordingLoggerFactory logs, IConnectionListenerFactory? transport = null, EndPoint? endPoint = null)
    {
        var builder = new ServerBuilder(logs);
        Action<IConnectionBuilder> chain = connection => connection
            .UseTls(TestCertificates.Server, TimeSpan.FromSeconds(5))
            .Run(async c =>
            {
                Assert.NotNull(c.Features.Get<TlsConnectionFeature>());
                await ProbeEcho.HandleAsync(c, logs.CreateLogger("echo"));
            });
        return transport is null
            ? builder.Listen(new IPEndPoint(IPAddress.Loopback, 0), chain)
            : builder.Listen(transport, endPoint!, chain);
    }

    [Fact]
    public async Task Echoes_over_TLS_on_TCP()
    {
        var logs = new RecordingLoggerFactory();
        await using Server server = TlsEchoServer(logs).Build();
        await server.StartAsync();
        using var timeout = TestTimeouts.Create();
        using Client client = new ClientBuilder(logs).Configure(connection => connection.UseTls(TrustingTestServer())).Build();

        await using ConnectionContext connection = await client.ConnectAsync(server.EndPoints[0], timeout.Token);
        Probe[] probes = [.. Enumerable.Range(0, 50).Select(i => ProbeEcho.Numbered((uint)i))];

        Assert.Equal(probes, await ProbeEcho.ExchangeAsync(connection, probes, timeout.Token));
        TlsConnectionFeature? tls = connection.Features.Get<TlsConnectionFeature>();
        Assert.NotNull(tls);
        Assert.True(tls.Protocol is SslProtocols.Tls12 or SslProtocols.Tls13, tls.Protocol.ToString());
        Assert.Equal("localhost", tls.TargetHostName);
        Assert.Equal(TestCertificates.Server.GetCertHashString(), tls.RemoteCertificate?.GetCertHashString());
    }

    [Fact]
    public async Task Echoes_over_TLS_on_the_in_memory_transport()
    {
        var logs = new RecordingLoggerFactory();
        var transport = new InMemoryTransport();
        var endPoint = new InMemoryEndPoint("dot");
        await using Server server = TlsEchoServer(logs, transport, endPoint).Build();
        await server.StartAsync();
        using var timeout = TestTimeouts.Create();
        using Client client = new ClientBuilder(logs).UseTransport(transport).Configure(connection => connection.UseTls(TrustingTestServer())).Build();

        await using ConnectionContext connection = await client.ConnectAsync(endPoint, timeout.Token);

        Assert.Equal([ProbeEcho.Numbered(853)], await ProbeEcho.ExchangeAsync(connection, [ProbeEcho.Numbered(853)], timeout.Token));
    }

    [Fact]
    public async Task A_plaintext_client_fails_the_handshake_which_is_logged_and_the_server_keeps_serving()
    {
        var logs = new RecordingLoggerFactory();
        await using Server server = TlsEchoServer(logs).Build();
        await server.StartAsync();
        using var timeout = TestTimeouts.Create();

        using (Socket plaintext = await ProbeEcho.ConnectRawAsync(server.EndPoints[0], timeout.Token))
        {
            await plaintext.SendAsync(ProbeEcho.Frame(ProbeEcho.Numbered(1), ProbeEcho.Numbered(2)), SocketFlags.None, timeout.Token);
            await ProbeEcho.ReadToEndAsync(plaintext, timeout.Token);
        }

        await logs.WaitForEventAsync(301);
        using Client client = new ClientBuilder(logs).Configure(connection => connection.UseTls(TrustingTestServer())).Build();
        await using ConnectionContext connection = await client.ConnectAsync(server.EndPoints[0], timeout.Token);
        Assert.Single(await ProbeEcho.ExchangeAsync(connection, [ProbeEcho.Numbered(3)], timeout.Token));
    }

    [Fact]
    public async Task A_client_that_rejects_the_certificate_fails_to_connect()
    {
        var logs = new RecordingLoggerFactory();
        await using Server server = TlsEchoServer(logs).Build();
        await server.StartAsync();
        using var timeout = TestTimeouts.Create();
        var distrustful = new SslClientAuthenticationOptions { TargetHost = "localhost", RemoteCertificateValidationCallback = (_, _, _, _) => false };
        using Client client = new ClientBuilder(logs).Configure(connection => connection.UseTls(distrustful)).Build();

        await Assert.ThrowsAsync<AuthenticationException>(async () => await client.ConnectAsync(server.EndPoints[0], timeout.Token));

        // With TLS 1.3 the server may finish its side of the handshake before the client refuses; either way it closes.
        await logs.WaitForEventAsync(203);
        Assert.Equal(0, server.ConnectionCount);
    }

    [Fact]
    public async Task A_silent_client_times_out_the_handshake()
    {
        var logs = new RecordingLoggerFactory();
        await using Server server = new ServerBuilder(logs)
            .Listen(new IPEndPoint(IPAddress.Loopback, 0), connection => connection
                .UseTls(TestCertificates.Server, TimeSpan.FromMilliseconds(300))
                .Run(_ => Task.CompletedTask))
            .Build();
        await server.StartAsync();
        using var timeout = TestTimeouts.Create();
        using Socket silent = await ProbeEcho.ConnectRawAsync(server.EndPoints[0], timeout.Token);

        Assert.Empty(await ProbeEcho.ReadToEndAsync(silent, timeout.Token));
        Assert.Contains("timed out", (await logs.WaitForEventAsync(302)).Message);
    }
}
