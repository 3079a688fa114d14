using System.Collections.Concurrent;
using Codec.Transport.Connections;
using Codec.Transport.Tests.Protocols;
using Microsoft.AspNetCore.Connections;

namespace Codec.Transport.Tests.Connections;

[Collection(SerialNetworkTests.Name)]
public class ConcurrentConnectionsTests
{
    private const int Connections = 1_000;
    private const int Batch = 50;
    private const int MessagesPerConnection = 3;

    [Fact]
    public async Task A_thousand_concurrent_connections_lose_and_duplicate_nothing()
    {
        var logs = new RecordingLoggerFactory();
        var seenByServer = new ConcurrentDictionary<uint, int>();
        await using Server server = ProbeEcho.EchoServer(logs, onMessage: probe => seenByServer.AddOrUpdate(probe.Sequence, 1, (_, count) => count + 1))
            .ConfigureSockets(options => options.Backlog = 2048)
            .Build();
        await server.StartAsync();
        using var timeout = TestTimeouts.Create(TimeSpan.FromSeconds(90));
        using Client client = new ClientBuilder().Build();
        var connections = new ConnectionContext[Connections];
        try
        {
            // Connect in batches (a loaded 2-core machine, a finite backlog), and keep every connection open.
            for (int start = 0; start < Connections; start += Batch)
            {
                await Task.WhenAll(Enumerable.Range(start, Batch).Select(async i => connections[i] = await client.ConnectAsync(server.EndPoints[0], timeout.Token)));
            }

            await WaitUntilAsync(() => server.ConnectionCount == Connections, timeout.Token);

            // Every connection talks at once; each gets exactly its own messages back, in order.
            List<Probe>[] echoes = await Task.WhenAll(Enumerable.Range(0, Connections).Select(i =>
                ProbeEcho.ExchangeAsync(connections[i], ProbesOf(i), timeout.Token)));

            for (int i = 0; i < Connections; i++)
            {
                Assert.Equal(ProbesOf(i), echoes[i]);
            }

            Assert.Equal(Connections * MessagesPerConnection, seenByServer.Count);
            Assert.All(seenByServer, pair => Assert.Equal(1, pair.Value));
            Assert.Equal(Connections, server.ConnectionCount);
        }
        finally
        {
            await Task.WhenAll(connections.Where(connection => connection is not null).Select(connection => connection.DisposeAsync().AsTask()));
        }

        await WaitUntilAsync(() => server.ConnectionCount == 0, timeout.Token);
        Assert.DoesNotContain(logs.Records, record => record.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    private static Probe[] ProbesOf(int connection) =>
        [.. Enumerable.Range(0, MessagesPerConnection).Select(k => ProbeEcho.Numbered((uint)((connection * MessagesPerConnection) + k)))];

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(10, cancellationToken);
        }
    }
}
