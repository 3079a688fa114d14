using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Codec.Transport.Connections;
using Codec.Transport.Tests.Protocols;
using Microsoft.AspNetCore.Connections;

namespace Codec.Transport.Tests.Connections;

public class TcpEchoTests
{
    [Fact]
    public async Task Echoes_a_generated_length_prefixed_message_over_TCP()
    {
        var logs = new RecordingLoggerFactory();
        await using Server server = ProbeEcho.EchoServer(logs).Build();
        await server.StartAsync();
        var endPoint = (IPEndPoint)Assert.Single(server.EndPoints);
        Assert.Equal(IPAddress.Loopback, endPoint.Address);
        Assert.NotEqual(0, endPoint.Port);
        using var timeout = TestTimeouts.Create();

        using Client client = new ClientBuilder(logs).Build();
        await using ConnectionContext connection = await client.ConnectAsync(endPoint, timeout.Token);
        Probe[] probes = [ProbeEcho.Numbered(1), ProbeEcho.Numbered(0xFFFF_FFFF), ProbeEcho.Numbered(77)];

        Assert.Equal(probes, await ProbeEcho.ExchangeAsync(connection, probes, timeout.Token));
        Assert.DoesNotContain(logs.Records, record => record.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    [Fact]
    public async Task Messages_split_at_every_byte_boundary_across_socket_reads_are_echoed()
    {
        var logs = new RecordingLoggerFactory();
        await using Server server = ProbeEcho.EchoServer(logs).Build();
        await server.StartAsync();
        using var timeout = TestTimeouts.Create(TimeSpan.FromSeconds(60));
        using Socket socket = await ProbeEcho.ConnectRawAsync(server.EndPoints[0], timeout.Token);
        byte[] frames = ProbeEcho.Frame(ProbeEcho.Numbered(1), ProbeEcho.Numbered(2));

        for (int cut = 1; cut < frames.Length; cut++)
        {
            // Two sends with a pause between them, so the server's reads see the bytes apart.
            await socket.SendAsync(frames.AsMemory(0, cut), SocketFlags.None, timeout.Token);
            await Task.Delay(5, timeout.Token);
            await socket.SendAsync(frames.AsMemory(cut), SocketFlags.None, timeout.Token);

            byte[] echoed = new byte[frames.Length];
            for (int received = 0; received < echoed.Length;)
            {
                int count = await socket.ReceiveAsync(echoed.AsMemory(received), SocketFlags.None, timeout.Token);
                Assert.NotEqual(0, count);
                received += count;
            }

            Assert.Equal(frames, echoed);
        }
    }

    [Fact]
    public async Task Middleware_runs_in_the_order_it_was_added_on_both_ends()
    {
        var logs = new RecordingLoggerFactory();
        var trace = new ConcurrentQueue<string>();
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using Server server = new ServerBuilder(logs)
            .Listen(new IPEndPoint(IPAddress.Loopback, 0), connection => connection
                .Use(Step(trace, "server A"))
                .Use(Step(trace, "server B"))
                .Run(async c =>
                {
                    trace.Enqueue("server handler");
                    await ProbeEcho.HandleAsync(c, logs.CreateLogger("echo"));
                    handled.TrySetResult();
                }))
            .Build();
        await server.StartAsync();
        using var timeout = TestTimeouts.Create();

        using Client client = new ClientBuilder(logs).Use(Step(trace, "client A")).Use(Step(trace, "client B")).Build();
        ConnectionContext connection = await client.ConnectAsync(server.EndPoints[0], timeout.Token);
        await ProbeEcho.ExchangeAsync(connection, [ProbeEcho.Numbered(5)], timeout.Token);
        await connection.DisposeAsync();
        await handled.Task.WaitAsync(timeout.Token);
        await server.StopAsync();

        string[] clientSteps = [.. trace.Where(step => step.StartsWith("client", StringComparison.Ordinal))];
        string[] serverSteps = [.. trace.Where(step => step.StartsWith("server", StringComparison.Ordinal))];
        Assert.Equal(["client A in", "client B in", "client B out", "client A out"], clientSteps);
        Assert.Equal(["server A in", "server B in", "server handler", "server B out", "server A out"], serverSteps);
    }

    private static Func<ConnectionDelegate, ConnectionDelegate> Step(ConcurrentQueue<string> trace, string name) => next => async connection =>
    {
        trace.Enqueue(name + " in");
        await next(connection);
        trace.Enqueue(name + " out");
    };
}
