using System.Net;
using Codec.Dns.Hosting;
using Codec.Dns.Server;
using Codec.Dns.Tests.Server;
using Codec.Protocols.Dns;
using Codec.Transport.Datagrams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Codec.Dns.Tests.Hosting;

/// <summary><c>services.AddDnsServer(...)</c> in a generic host: the server starts and stops with the host.</summary>
public class DnsServiceCollectionExtensionsTests
{
    [Fact]
    public async Task The_host_starts_the_server_answers_and_stops_it()
    {
        var network = new InMemoryDatagramNetwork();
        var endPoint = new IPEndPoint(IPAddress.Loopback, 53);
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddDnsServer(options =>
        {
            options.DatagramSockets = network;
            options.Tcp = false;
            options.ReceiveLoops = 1;
            options.Listen.Add(endPoint);
            options.Zones.Add(DnsResponderTests.ExampleZone());
            options.Forwarders.Add(new IPEndPoint(IPAddress.Parse("10.9.9.9"), 53));
        });
        IHost host = builder.Build();

        await host.StartAsync();
        using var client = new DatagramClient(factory: network);
        DnsReply reply = await DnsServerTests.AskUdpAsync(client, DnsWireHelpers.Query("www.example.com", DnsType.A), endPoint);
        DnsServer server = host.Services.GetRequiredService<DnsServer>();
        Assert.Throws<System.Net.Sockets.SocketException>(() => network.Bind(endPoint, 1));
        await host.StopAsync();

        // Stopping, then disposing the container (which disposes the server again), goes quietly.
        host.Dispose();
        Assert.NotNull(server.Forwarder);
        Assert.Equal(["www.example.com. 3600 A 192.0.2.80"], reply.Answer);
        Assert.Equal(1, server.Counters.Queries);

        // Stopped: the endpoint is free again.
        network.Bind(endPoint, 1)[0].Dispose();
    }
}
