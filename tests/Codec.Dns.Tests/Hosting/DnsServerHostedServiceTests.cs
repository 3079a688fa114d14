using System.Collections.Concurrent;
using System.Net;
using Codec.Dns.Hosting;
using Codec.Dns.Tests.Server;
using Codec.Protocols.Dns;
using Codec.Transport.Datagrams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Codec.Dns.Tests.Hosting;

/// <summary>The hosted service logs the counters periodically and once more when it stops.</summary>
public class DnsServerHostedServiceTests
{
    [Fact]
    public async Task Counters_are_logged_periodically_and_at_stop()
    {
        var network = new InMemoryDatagramNetwork();
        var endPoint = new IPEndPoint(IPAddress.Loopback, 53);
        var log = new CapturingLoggerProvider();
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddProvider(log);
        builder.Services.AddDnsServer(options =>
        {
            options.DatagramSockets = network;
            options.Tcp = false;
            options.ReceiveLoops = 1;
            options.CounterLogInterval = TimeSpan.FromMilliseconds(50);
            options.Listen.Add(endPoint);
            options.Zones.Add(DnsResponderTests.ExampleZone());
        });
        using IHost host = builder.Build();
        await host.StartAsync();
        using var client = new DatagramClient(factory: network);
        await DnsServerTests.AskUdpAsync(client, DnsWireHelpers.Query("nope.example.com", DnsType.A), endPoint);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!log.Messages.Any(m => m.Contains("queries=1 nxdomain=1", StringComparison.Ordinal)) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        int periodic = log.Messages.Count(m => m.StartsWith("Counters: ", StringComparison.Ordinal));
        await host.StopAsync();

        Assert.Contains(log.Messages, m => m.StartsWith("Counters: queries=1 nxdomain=1 truncated=0 malformed=0", StringComparison.Ordinal));
        Assert.True(periodic >= 1);
        Assert.True(log.Messages.Count(m => m.StartsWith("Counters: ", StringComparison.Ordinal)) > periodic, "no counters logged at stop");
        Assert.StartsWith("Counters: queries=1 ", log.Messages.Last(m => m.StartsWith("Counters: ", StringComparison.Ordinal)));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}
