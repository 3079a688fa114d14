using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Codec.Transport.Connections;
using Microsoft.AspNetCore.Connections;

namespace Codec.Transport.Tests.Connections;

[Collection(SerialNetworkTests.Name)]
public class GracefulShutdownTests
{
    [Fact]
    public async Task Stopping_closes_idle_connections_gracefully_at_once()
    {
        var logs = new RecordingLoggerFactory();
        Server server = ProbeEcho.EchoServer(logs).ConfigureLimits(limits => limits.ShutdownTimeout = TimeSpan.FromSeconds(30)).Build();
        await server.StartAsync();
        using var timeout = TestTimeouts.Create();
        Socket[] clients = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => ProbeEcho.ConnectRawAsync(server.EndPoints[0], timeout.Token)));
        await WaitUntilAsync(() => server.ConnectionCount == 5, timeout.Token);

        var stopwatch = Stopwatch.StartNew();
        await server.StopAsync();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(15), $"Stopping took {stopwatch.Elapsed}");
        foreach (Socket client in clients)
        {
            Assert.Empty(await ProbeEcho.ReadToEndAsync(client, timeout.Token));
            client.Dispose();
        }

        Assert.Equal(5, logs.WithEvent(103).Count());
        Assert.Empty(logs.WithEvent(212));
        Assert.Equal(0, server.ConnectionCount);
    }

    [Fact]
    public async Task Stopping_lets_a_message_in_flight_finish_first()
    {
        var logs = new RecordingLoggerFactory();
        Server server = ProbeEcho.EchoServer(logs).ConfigureLimits(limits => limits.ShutdownTimeout = TimeSpan.FromSeconds(30)).Build();
        await server.StartAsync();
        using var timeout = TestTimeouts.Create();
        using Socket socket = await ProbeEcho.ConnectRawAsync(server.EndPoints[0], timeout.Token);
        byte[] frame = ProbeEcho.Frame(ProbeEcho.Numbered(9));
        await socket.SendAsync(frame.AsMemory(0, 4), SocketFlags.None, timeout.Token);
        await logs.WaitForEventAsync(202);
        await Task.Delay(50, timeout.Token);

        Task stopping = server.StopAsync();
        await logs.WaitForEventAsync(211);
        await Task.Delay(100, timeout.Token);
        Assert.False(stopping.IsCompleted);
        await socket.SendAsync(frame.AsMemory(4), SocketFlags.None, timeout.Token);

        Assert.Equal(frame, await ProbeEcho.ReadToEndAsync(socket, timeout.Token));
        await stopping.WaitAsync(timeout.Token);
        Assert.Empty(logs.WithEvent(212));
    }

    [Fact]
    public async Task Connections_that_ignore_the_close_request_are_aborted_after_the_timeout()
    {
        var logs = new RecordingLoggerFactory();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Server server = new ServerBuilder(logs)
            .ConfigureLimits(limits => limits.ShutdownTimeout = TimeSpan.FromMilliseconds(300))
            .Listen(new IPEndPoint(IPAddress.Loopback, 0), connection => connection.Run(async c =>
            {
                started.TrySetResult();

                // Reads the raw pipe, deaf to close requests; only the abort ends it.
                while (true)
                {
                    System.IO.Pipelines.ReadResult read = await c.Transport.Input.ReadAsync();
                    c.Transport.Input.AdvanceTo(read.Buffer.End);
                    if (read.IsCompleted)
                    {
                        return;
                    }
                }
            }))
            .Build();
        await server.StartAsync();
        using var timeout = TestTimeouts.Create();
        using Socket socket = await ProbeEcho.ConnectRawAsync(server.EndPoints[0], timeout.Token);
        await started.Task.WaitAsync(timeout.Token);

        var stopwatch = Stopwatch.StartNew();
        await server.StopAsync().WaitAsync(timeout.Token);

        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(250), $"Stopped after {stopwatch.Elapsed}");
        Assert.Contains("Aborting 1 connections", (await logs.WaitForEventAsync(212)).Message);
        await logs.WaitForEventAsync(207);
        await ProbeEcho.ReadToEndAsync(socket, timeout.Token);
    }

    [Fact]
    public async Task A_stopped_server_refuses_new_connections()
    {
        var logs = new RecordingLoggerFactory();
        Server server = ProbeEcho.EchoServer(logs).Build();
        await server.StartAsync();
        EndPoint endPoint = server.EndPoints[0];
        await server.StopAsync();
        await server.DisposeAsync();
        using var timeout = TestTimeouts.Create();

        await Assert.ThrowsAnyAsync<SocketException>(async () => await ProbeEcho.ConnectRawAsync(endPoint, timeout.Token));
        Assert.Single(logs.WithEvent(214));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(10, cancellationToken);
        }
    }
}
