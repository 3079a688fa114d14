using System.Net;
using System.Net.Sockets;
using System.Text;
using Codec.Transport.Connections;

namespace Codec.Transport.Tests.Connections;

/// <summary>Peers that break the protocol or the connection: each is logged and closed, and the server keeps serving.</summary>
public class MisbehavingPeerTests
{
    [Fact]
    public async Task An_over_limit_message_is_logged_and_closed_before_its_payload_arrives()
    {
        var logs = new RecordingLoggerFactory();
        await using Server server = ProbeEcho.EchoServer(logs).Build();
        await server.StartAsync();
        using var timeout = TestTimeouts.Create();

        // A prefix announcing 4,096 bytes where the server allows 64; the payload never comes.
        using Socket socket = await ProbeEcho.ConnectRawAsync(server.EndPoints[0], timeout.Token);
        await socket.SendAsync(new byte[] { 0x10, 0x00, 0xC0, 0xDE }, SocketFlags.None, timeout.Token);

        Assert.Empty(await ProbeEcho.ReadToEndAsync(socket, timeout.Token));
        LogRecord record = await logs.WaitForEventAsync(101);
        Assert.Contains("value out of range in field 'Length'", record.Message);
        Assert.Contains("maximum 64, got 4096", record.Message);
        await ProbeEcho.AssertServesAsync(server.EndPoints[0], timeout.Token);
    }

    [Fact]
    public async Task Garbage_bytes_are_logged_and_closed()
    {
        var logs = new RecordingLoggerFactory();
        await using Server server = ProbeEcho.EchoServer(logs).Build();
        await server.StartAsync();
        using var timeout = TestTimeouts.Create();

        // Text where a length prefix belongs.
        using (Socket http = await ProbeEcho.ConnectRawAsync(server.EndPoints[0], timeout.Token))
        {
            await http.SendAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n"), SocketFlags.None, timeout.Token);
            Assert.Empty(await ProbeEcho.ReadToEndAsync(http, timeout.Token));
        }

        // A well-formed frame whose content is not a Probe.
        using (Socket bad = await ProbeEcho.ConnectRawAsync(server.EndPoints[0], timeout.Token))
        {
            byte[] frames = [.. ProbeEcho.Frame(ProbeEcho.Numbered(1)), .. Convert.FromHexString("0008BADC0FFEE0DDF00D")];
            await bad.SendAsync(frames, SocketFlags.None, timeout.Token);

            // The good message before the garbage is still answered.
            Assert.Equal(ProbeEcho.Frame(ProbeEcho.Numbered(1)), await ProbeEcho.ReadToEndAsync(bad, timeout.Token));
        }

        await logs.WaitForAsync(record => record.EventId == 101 && record.Message.Contains("value out of range in field 'Length'", StringComparison.Ordinal));
        await logs.WaitForAsync(record => record.EventId == 101 && record.Message.Contains("constant mismatch in field 'Magic'", StringComparison.Ordinal));
        await ProbeEcho.AssertServesAsync(server.EndPoints[0], timeout.Token);
    }

    [Fact]
    public async Task A_half_close_between_messages_gets_every_answer_then_a_clean_close()
    {
        var logs = new RecordingLoggerFactory();
        await using Server server = ProbeEcho.EchoServer(logs).Build();
        await server.StartAsync();
        using var timeout = TestTimeouts.Create();
        using Socket socket = await ProbeEcho.ConnectRawAsync(server.EndPoints[0], timeout.Token);
        byte[] frames = ProbeEcho.Frame(ProbeEcho.Numbered(1), ProbeEcho.Numbered(2));

        await socket.SendAsync(frames, SocketFlags.None, timeout.Token);
        socket.Shutdown(SocketShutdown.Send);

        Assert.Equal(frames, await ProbeEcho.ReadToEndAsync(socket, timeout.Token));
        await logs.WaitForEventAsync(203);
        Assert.DoesNotContain(logs.Records, record => record.Level >= Microsoft.Extensions.Logging.LogLevel.Information && record.EventId is 101 or 102 or 209);
    }

    [Fact]
    public async Task A_half_close_inside_a_message_is_logged_and_closed()
    {
        var logs = new RecordingLoggerFactory();
        await using Server server = ProbeEcho.EchoServer(logs).Build();
        await server.StartAsync();
        using var timeout = TestTimeouts.Create();
        using Socket socket = await ProbeEcho.ConnectRawAsync(server.EndPoints[0], timeout.Token);
        byte[] whole = ProbeEcho.Frame(ProbeEcho.Numbered(1));

        byte[] andAHalf = [.. whole, .. whole.AsSpan(0, 5)];
        await socket.SendAsync(andAHalf, SocketFlags.None, timeout.Token);
        socket.Shutdown(SocketShutdown.Send);

        Assert.Equal(whole, await ProbeEcho.ReadToEndAsync(socket, timeout.Token));
        LogRecord record = await logs.WaitForEventAsync(102);
        Assert.Contains("inside a message (5 bytes buffered)", record.Message);
        await ProbeEcho.AssertServesAsync(server.EndPoints[0], timeout.Token);
    }

    [Fact]
    public async Task A_reset_connection_is_logged_and_closed()
    {
        var logs = new RecordingLoggerFactory();
        await using Server server = ProbeEcho.EchoServer(logs).Build();
        await server.StartAsync();
        using var timeout = TestTimeouts.Create();

        using (Socket socket = await ProbeEcho.ConnectRawAsync(server.EndPoints[0], timeout.Token))
        {
            await socket.SendAsync(ProbeEcho.Frame(ProbeEcho.Numbered(1)).AsMemory(0, 5), SocketFlags.None, timeout.Token);
            await logs.WaitForEventAsync(202);
            await Task.Delay(50, timeout.Token);

            // Linger 0: closing sends a RST instead of a FIN.
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }

        await logs.WaitForEventAsync(206);
        await logs.WaitForEventAsync(203);
        Assert.Equal(0, server.ConnectionCount);
        await ProbeEcho.AssertServesAsync(server.EndPoints[0], timeout.Token);
    }

    [Fact]
    public async Task Many_bad_peers_at_once_do_not_disturb_good_ones()
    {
        var logs = new RecordingLoggerFactory();
        await using Server server = ProbeEcho.EchoServer(logs).Build();
        await server.StartAsync();
        using var timeout = TestTimeouts.Create(TimeSpan.FromSeconds(40));
        EndPoint endPoint = server.EndPoints[0];

        Task bad = Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using Socket socket = await ProbeEcho.ConnectRawAsync(endPoint, timeout.Token);
            byte[] garbage = new byte[64];
            new Random(i).NextBytes(garbage);
            garbage[0] = 0xFF;
            await socket.SendAsync(garbage, SocketFlags.None, timeout.Token);
            await ProbeEcho.ReadToEndAsync(socket, timeout.Token);
        }));
        Task good = Task.WhenAll(Enumerable.Range(0, 20).Select(i => ProbeEcho.AssertServesAsync(endPoint, timeout.Token, (uint)i)));

        await Task.WhenAll(bad, good);
        Assert.Equal(20, logs.WithEvent(101).Count());
    }
}
