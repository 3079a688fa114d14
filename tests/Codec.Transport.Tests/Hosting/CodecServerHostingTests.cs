using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Codec.Transport.Datagrams;
using Codec.Transport.Hosting;
using Codec.Transport.Tests.Connections;
using Codec.Transport.Tests.Protocols;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Codec.Transport.Tests.Hosting;

[Collection(SerialNetworkTests.Name)]
public class CodecServerHostingTests
{
    [Fact]
    public async Task A_hosted_server_answers_on_udp_and_tcp_and_stops_with_the_host()
    {
        var logs = new RecordingLoggerFactory();
        using IHost host = BuildHost(logs, (_, server) => server
            .ConfigureLimits(limits => limits.IdleTimeout = TimeSpan.FromSeconds(30))
            .Listen(new IPEndPoint(IPAddress.Loopback, 0), connection => connection.UseConnectionHandler<MiniDns.TcpHandler>())
            .ListenDatagrams<MiniDns.DatagramHandler>(new DatagramListenerOptions { EndPoints = [new IPEndPoint(IPAddress.Loopback, 0)], ReceiveLoops = 2 }));
        using var timeout = TestTimeouts.Create();

        await host.StartAsync(timeout.Token);
        CodecServerHost dns = host.Services.GetRequiredKeyedService<CodecServerHost>("dns");
        IPEndPoint udp = Assert.Single(dns.DatagramEndPoints);
        var tcp = (IPEndPoint)Assert.Single(dns.StreamEndPoints);
        Assert.NotEqual(0, udp.Port);
        Assert.NotEqual(0, tcp.Port);

        // UDP: the answer is the query with QR and RCODE 4.
        using (var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            await client.ConnectAsync(udp, timeout.Token);
            await client.SendAsync(DnsSamples.Query, SocketFlags.None, timeout.Token);
            byte[] answer = new byte[512];
            int length = await client.ReceiveAsync(answer, SocketFlags.None, timeout.Token);
            Assert.Equal(DnsSamples.Query.Length, length);
            Assert.Equal(0x1234, BinaryPrimitives.ReadUInt16BigEndian(answer));
            Assert.Equal(0x81, answer[2]);
            Assert.Equal(0x04, answer[3]);
        }

        // TCP: two framed queries, the first split across two sends; two framed answers.
        using (Socket client = await ProbeEcho.ConnectRawAsync(tcp, timeout.Token))
        {
            byte[] frames = DnsSamples.Framed(DnsSamples.Query, ResponseAsQuery());
            await client.SendAsync(frames.AsMemory(0, 5), SocketFlags.None, timeout.Token);
            await Task.Delay(20, timeout.Token);
            await client.SendAsync(frames.AsMemory(5), SocketFlags.None, timeout.Token);
            byte[] answers = new byte[2 * 14];
            for (int received = 0; received < answers.Length;)
            {
                int count = await client.ReceiveAsync(answers.AsMemory(received), SocketFlags.None, timeout.Token);
                Assert.NotEqual(0, count);
                received += count;
            }

            Assert.Equal(12, BinaryPrimitives.ReadUInt16BigEndian(answers));
            Assert.Equal(0x1234, BinaryPrimitives.ReadUInt16BigEndian(answers.AsSpan(2)));
            Assert.Equal(0xBEEF, BinaryPrimitives.ReadUInt16BigEndian(answers.AsSpan(16)));
            Assert.Equal(0x81, answers[18]);
        }

        await host.StopAsync(timeout.Token);

        // Stopped with the host: the listener ended, the TCP port refuses, both logged through the host's logger factory.
        Assert.Empty(dns.DatagramListeners);
        Assert.Null(dns.Server);
        await Assert.ThrowsAnyAsync<SocketException>(async () => (await ProbeEcho.ConnectRawAsync(tcp, timeout.Token)).Dispose());
        Assert.Single(logs.WithEvent(201));
        Assert.Single(logs.Records, record => record.Category.EndsWith(nameof(DatagramListener), StringComparison.Ordinal) && record.Message.StartsWith("Serving datagrams on 127.0.0.1:", StringComparison.Ordinal));
        Assert.Single(logs.WithEvent(214));
        Assert.DoesNotContain(logs.Records, record => record.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_bind_failure_fails_the_start_and_stops_what_had_started()
    {
        var logs = new RecordingLoggerFactory();
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using IHost host = BuildHost(logs, (_, server) => server
            .Listen(new IPEndPoint(IPAddress.Loopback, 0), connection => connection.UseConnectionHandler<MiniDns.TcpHandler>())
            .ListenDatagrams(new DatagramListenerOptions { EndPoints = [(IPEndPoint)taken.LocalEndPoint!] }, new MiniDns.DatagramHandler()));
        using var timeout = TestTimeouts.Create();

        await Assert.ThrowsAnyAsync<SocketException>(() => host.StartAsync(timeout.Token));

        // The TCP listener that had started is stopped again.
        Assert.Single(logs.WithEvent(201));
        Assert.Single(logs.WithEvent(214));
        Assert.Null(host.Services.GetRequiredKeyedService<CodecServerHost>("dns").Server);
    }

    [Fact]
    public void Servers_are_told_apart_by_name_and_a_name_is_taken_once()
    {
        var services = new ServiceCollection();
        services.AddCodecServer("dns", (_, _) => { });
        services.AddCodecServer(server => server.Listen(new IPEndPoint(IPAddress.Loopback, 0), _ => { }));

        Assert.Throws<InvalidOperationException>(() => services.AddCodecServer("dns", (_, _) => { }));
        using ServiceProvider provider = services.BuildServiceProvider();
        Assert.Equal(2, provider.GetServices<IHostedService>().Count());
        Assert.Equal("dns", provider.GetRequiredKeyedService<CodecServerHost>("dns").Name);
        Assert.Equal(CodecServerServiceCollectionExtensions.DefaultName, provider.GetRequiredKeyedService<CodecServerHost>(CodecServerServiceCollectionExtensions.DefaultName).Name);
    }

    [Fact]
    public async Task A_server_without_endpoints_fails_the_start()
    {
        using IHost host = BuildHost(new RecordingLoggerFactory(), (_, _) => { });

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());
    }

    private static IHost BuildHost(RecordingLoggerFactory logs, Action<IServiceProvider, CodecServerBuilder> configure)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<ILoggerFactory>(logs);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddSingleton<MiniDns.DatagramHandler>();
        builder.Services.AddCodecServer("dns", configure);
        return builder.Build();
    }

    /// <summary>The response sample's header and question, as a query (QR clear, no answer).</summary>
    private static byte[] ResponseAsQuery()
    {
        byte[] query = DnsSamples.Response[..(12 + 17 + 4)];
        query[2] = 0x01;
        query[3] = 0x00;
        query[7] = 0;
        return query;
    }
}
