using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using Codec.Transport.Connections;
using Codec.Transport.InMemory;
using Codec.Transport.Tests.Connections;
using Codec.Transport.Tests.Protocols;
using Microsoft.AspNetCore.Connections;

namespace Codec.Transport.Tests.InMemory;

public class InMemoryTransportTests
{
    [Fact]
    public async Task Server_code_runs_unchanged_over_the_in_memory_transport()
    {
        var logs = new RecordingLoggerFactory();
        var transport = new InMemoryTransport();
        var endPoint = new InMemoryEndPoint("echo");
        await using Server server = new ServerBuilder(logs)
            .Listen(transport, endPoint, connection => connection.Run(c => ProbeEcho.HandleAsync(c, logs.CreateLogger("echo"))))
            .Build();
        await server.StartAsync();
        using var timeout = TestTimeouts.Create();
        using Client client = new ClientBuilder().UseTransport(transport).Build();

        Probe[] probes = [.. Enumerable.Range(1, 100).Select(i => ProbeEcho.Numbered((uint)i))];
        await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            await using ConnectionContext connection = await client.ConnectAsync(endPoint, timeout.Token);
            Assert.Equal(probes, await ProbeEcho.ExchangeAsync(connection, probes, timeout.Token));
        }));
    }

    [Fact]
    public async Task Bytes_arrive_in_order_and_complete_with_back_pressure()
    {
        (ConnectionContext client, ConnectionContext server) = InMemoryTransport.CreatePair();
        byte[] data = new byte[1 << 20];
        new Random(7).NextBytes(data);
        using var timeout = TestTimeouts.Create();

        Task sending = Task.Run(async () =>
        {
            for (int offset = 0; offset < data.Length; offset += 10_000)
            {
                await client.Transport.Output.WriteAsync(data.AsMemory(offset, Math.Min(10_000, data.Length - offset)), timeout.Token);
            }

            await client.Transport.Output.CompleteAsync();
        });

        byte[] received = await ReadToEndAsync(server.Transport.Input, timeout.Token);
        await sending;
        Assert.Equal(data, received);
    }

    [Fact]
    public async Task Completing_the_output_is_a_half_close()
    {
        (ConnectionContext client, ConnectionContext server) = InMemoryTransport.CreatePair();
        using var timeout = TestTimeouts.Create();

        await client.Transport.Output.WriteAsync(new byte[] { 1, 2, 3 }, timeout.Token);
        await client.Transport.Output.CompleteAsync();

        Assert.Equal(new byte[] { 1, 2, 3 }, await ReadToEndAsync(server.Transport.Input, timeout.Token));

        // The other direction still works.
        await server.Transport.Output.WriteAsync(new byte[] { 4 }, timeout.Token);
        System.IO.Pipelines.ReadResult reply = await client.Transport.Input.ReadAsync(timeout.Token);
        Assert.Equal(new byte[] { 4 }, reply.Buffer.ToArray());
    }

    [Fact]
    public async Task Abort_is_a_reset_for_the_peer()
    {
        (ConnectionContext client, ConnectionContext server) = InMemoryTransport.CreatePair();
        using var timeout = TestTimeouts.Create();
        ValueTask<System.IO.Pipelines.ReadResult> serverRead = server.Transport.Input.ReadAsync(timeout.Token);

        client.Abort(new ConnectionAbortedException("test abort"));

        await Assert.ThrowsAsync<ConnectionResetException>(async () => await serverRead);
        ConnectionAbortedException own = await Assert.ThrowsAsync<ConnectionAbortedException>(async () => await client.Transport.Input.ReadAsync(timeout.Token));
        Assert.Equal("test abort", own.Message);
        await WaitCanceledAsync(client.ConnectionClosed, timeout.Token);
        await WaitCanceledAsync(server.ConnectionClosed, timeout.Token);

        // Writes after the reset go nowhere, and say so.
        FlushResult flush = await server.Transport.Output.WriteAsync(new byte[] { 1 }, timeout.Token);
        Assert.True(flush.IsCompleted);
    }

    [Fact]
    public async Task Dispose_closes_like_a_socket_close()
    {
        (ConnectionContext client, ConnectionContext server) = InMemoryTransport.CreatePair();
        using var timeout = TestTimeouts.Create();
        await client.Transport.Output.WriteAsync(new byte[] { 9 }, timeout.Token);

        await client.DisposeAsync();

        Assert.Equal(new byte[] { 9 }, await ReadToEndAsync(server.Transport.Input, timeout.Token));
        await WaitCanceledAsync(server.ConnectionClosed, timeout.Token);
    }

    [Fact]
    public async Task Endpoints_are_bound_once_and_refuse_connections_once_unbound()
    {
        var transport = new InMemoryTransport();
        var endPoint = new InMemoryEndPoint("dns");
        IConnectionListener listener = await transport.BindAsync(endPoint);
        await Assert.ThrowsAsync<AddressInUseException>(async () => await transport.BindAsync(new InMemoryEndPoint("dns")));

        ConnectionContext pending = await transport.ConnectAsync(endPoint);
        await listener.UnbindAsync();

        Assert.Null(await listener.AcceptAsync());
        SocketException refused = await Assert.ThrowsAsync<SocketException>(async () => await transport.ConnectAsync(endPoint));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        using var timeout = TestTimeouts.Create();
        await Assert.ThrowsAsync<ConnectionResetException>(async () => await pending.Transport.Input.ReadAsync(timeout.Token));
    }

    private static async Task<byte[]> ReadToEndAsync(PipeReader input, CancellationToken cancellationToken)
    {
        var received = new ArrayBufferWriter<byte>();
        while (true)
        {
            System.IO.Pipelines.ReadResult read = await input.ReadAsync(cancellationToken);
            foreach (ReadOnlyMemory<byte> segment in read.Buffer)
            {
                received.Write(segment.Span);
            }

            input.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                return received.WrittenSpan.ToArray();
            }
        }
    }

    private static Task WaitCanceledAsync(CancellationToken token, CancellationToken timeout)
    {
        var canceled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => canceled.TrySetResult());
        return canceled.Task.WaitAsync(timeout);
    }
}
