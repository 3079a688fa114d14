using System.Net;
using System.Net.Sockets;
using Codec.Transport.Connections;
using Microsoft.AspNetCore.Connections;

namespace Codec.Transport.Tests.Connections;

[Collection(SerialNetworkTests.Name)]
public class ConnectionLimitsTests
{
    [Fact]
    public async Task Connections_over_the_maximum_are_closed_and_logged()
    {
        var logs = new RecordingLoggerFactory();
        await using Server server = ProbeEcho.EchoServer(logs).ConfigureLimits(limits => limits.MaximumConnections = 2).Build();
        await server.StartAsync();
        using var timeout = TestTimeouts.Create();
        using Client client = new ClientBuilder().Build();
        ConnectionContext first = await client.ConnectAsync(server.EndPoints[0], timeout.Token);
        ConnectionContext second = await client.ConnectAsync(server.EndPoints[0], timeout.Token);
        await ProbeEcho.ExchangeAsync(first, [ProbeEcho.Numbered(1)], timeout.Token);
        await ProbeEcho.ExchangeAsync(second, [ProbeEcho.Numbered(2)], timeout.Token);

        using (Socket third = await ProbeEcho.ConnectRawAsync(server.EndPoints[0], timeout.Token))
        {
            await third.SendAsync(ProbeEcho.Frame(ProbeEcho.Numbered(3)), SocketFlags.None, timeout.Token);
            Assert.Empty(await ProbeEcho.ReadToEndAsync(third, timeout.Token));
        }

        Assert.Contains("Connection limit of 2 reached", (await logs.WaitForEventAsync(204)).Message);

        // A place frees up, and is taken.
        await first.DisposeAsync();
        await WaitUntilAsync(() => server.ConnectionCount == 1, timeout.Token);
        await ProbeEcho.AssertServesAsync(server.EndPoints[0], timeout.Token);
        await second.DisposeAsync();
    }

    [Fact]
    public async Task Idle_connections_are_closed_and_logged_while_active_ones_stay()
    {
        var logs = new RecordingLoggerFactory();
        await using Server server = ProbeEcho.EchoServer(logs).ConfigureLimits(limits => limits.IdleTimeout = TimeSpan.FromSeconds(1)).Build();
        await server.StartAsync();
        using var timeout = TestTimeouts.Create();
        EndPoint endPoint = server.EndPoints[0];
        using Socket idle = await ProbeEcho.ConnectRawAsync(endPoint, timeout.Token);

        // The active peer talks every 100 ms, for well past the idle timeout, on its own thread: its pace does not
        // depend on a thread pool that a loaded machine may starve.
        int exchanges = await Task.Factory.StartNew(
            () =>
            {
                using var active = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                active.Connect(endPoint);
                var started = System.Diagnostics.Stopwatch.StartNew();
                var echo = new byte[10];
                int count = 0;
                while (started.Elapsed < TimeSpan.FromSeconds(2.5))
                {
                    byte[] frame = ProbeEcho.Frame(ProbeEcho.Numbered((uint)count));
                    active.Send(frame);
                    for (int received = 0; received < echo.Length;)
                    {
                        int n = active.Receive(echo, received, echo.Length - received, SocketFlags.None);
                        Assert.NotEqual(0, n);
                        received += n;
                    }

                    Assert.Equal(frame, echo);
                    count++;
                    Thread.Sleep(100);
                }

                return count;
            },
            timeout.Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        Assert.True(exchanges > 5);
        Assert.Empty(await ProbeEcho.ReadToEndAsync(idle, timeout.Token));
        LogRecord closed = Assert.Single(logs.WithEvent(205));
        Assert.Contains("no input for more than 00:00:01", closed.Message);
    }

    [Fact]
    public async Task Time_spent_in_the_handler_is_not_idle_time()
    {
        var logs = new RecordingLoggerFactory();
        await using Server server = new ServerBuilder(logs)
            .ConfigureLimits(limits => limits.IdleTimeout = TimeSpan.FromMilliseconds(500))
            .Listen(new IPEndPoint(IPAddress.Loopback, 0), connection => connection.Run(async c =>
            {
                // Read one byte, think for much longer than the idle timeout, answer.
                System.IO.Pipelines.ReadResult read = await c.Transport.Input.ReadAsync();
                c.Transport.Input.AdvanceTo(read.Buffer.End);
                await Task.Delay(2000);
                await c.Transport.Output.WriteAsync(new byte[] { 42 });
            }))
            .Build();
        await server.StartAsync();
        using var timeout = TestTimeouts.Create();

        // Connect and send at once, synchronously: the byte is there before the server even starts reading.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(server.EndPoints[0]);
        socket.Send([1]);

        Assert.Equal(new byte[] { 42 }, await ProbeEcho.ReadToEndAsync(socket, timeout.Token));
        Assert.Empty(logs.WithEvent(205));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(10, cancellationToken);
        }
    }
}
