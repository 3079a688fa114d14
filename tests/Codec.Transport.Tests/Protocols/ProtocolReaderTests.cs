using System.Buffers;
using System.IO.Pipelines;
using Codec.Transport.Framing;
using Codec.Transport.Protocols;
using Codec.Transport.Tests.Connections;
using Microsoft.AspNetCore.Connections.Features;

namespace Codec.Transport.Tests.Protocols;

public class ProtocolReaderTests
{
    private static readonly Probe[] Three = [ProbeEcho.Numbered(1), ProbeEcho.Numbered(2), ProbeEcho.Numbered(3)];

    private static readonly byte[] ThreeFrames = ProbeEcho.Frame(Three);

    [Fact]
    public async Task Reads_messages_split_at_every_byte_boundary_across_reads()
    {
        for (int cut = 0; cut <= ThreeFrames.Length; cut++)
        {
            var input = new ChunkedPipeReader(ThreeFrames, cut);
            List<Probe> read = await ReadAllAsync(new ProtocolReader(input));

            Assert.Equal(Three, read);
            Assert.True(input.Reads <= 4, $"cut {cut}: {input.Reads} reads of the pipe");
        }
    }

    [Fact]
    public async Task Reads_messages_delivered_one_byte_per_read()
    {
        var input = ChunkedPipeReader.ByteByByte(ThreeFrames);
        List<Probe> read = await ReadAllAsync(new ProtocolReader(input));

        Assert.Equal(Three, read);
        Assert.Equal(ThreeFrames.Length, input.Reads);
    }

    [Fact]
    public async Task Reads_every_pair_of_cuts()
    {
        for (int first = 1; first < ThreeFrames.Length; first++)
        {
            for (int second = first + 1; second < ThreeFrames.Length; second += 3)
            {
                Assert.Equal(Three, await ReadAllAsync(new ProtocolReader(new ChunkedPipeReader(ThreeFrames, first, second))));
            }
        }
    }

    [Fact]
    public async Task Buffered_messages_are_returned_without_reading_the_pipe_again()
    {
        var input = new ChunkedPipeReader(ThreeFrames);
        var reader = new ProtocolReader(input);
        LengthPrefixedReader<Probe> messages = ProbeEcho.NewReader();

        for (int i = 0; i < 3; i++)
        {
            ValueTask<ProtocolReadResult<Probe>> pending = reader.ReadAsync(messages);
            Assert.True(pending.IsCompletedSuccessfully);
            Assert.Equal(Three[i], (await pending).Message);
            reader.Advance();
        }

        Assert.Equal(1, input.Reads);
    }

    [Fact]
    public async Task TryRead_returns_buffered_messages_and_ReadAsync_takes_over_at_every_boundary()
    {
        for (int cut = 0; cut <= ThreeFrames.Length; cut++)
        {
            var reader = new ProtocolReader(new ChunkedPipeReader(ThreeFrames, cut));
            LengthPrefixedReader<Probe> messages = ProbeEcho.NewReader();
            var read = new List<Probe>();
            while (true)
            {
                if (!reader.TryRead(messages, out Probe probe))
                {
                    ProtocolReadResult<Probe> result = await reader.ReadAsync(messages);
                    if (result.IsCompleted)
                    {
                        break;
                    }

                    probe = result.Message;
                }

                read.Add(probe);
                reader.Advance();
            }

            Assert.Equal(Three, read);
        }
    }

    [Fact]
    public async Task TryRead_never_waits_and_needs_Advance_between_messages()
    {
        var pipe = new Pipe();
        var reader = new ProtocolReader(pipe.Reader);
        LengthPrefixedReader<Probe> messages = ProbeEcho.NewReader();
        Assert.False(reader.TryRead(messages, out _));

        await pipe.Writer.WriteAsync(ThreeFrames);
        Assert.Equal(Three[0], (await reader.ReadAsync(messages)).Message);
        Assert.Throws<InvalidOperationException>(() => reader.TryRead(messages, out _));
        reader.Advance();
        Assert.True(reader.TryRead(messages, out Probe second));
        Assert.Equal(Three[1], second);
    }

    [Fact]
    public async Task Dispose_hands_unread_input_back_to_the_pipe()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(ThreeFrames);
        var reader = new ProtocolReader(pipe.Reader);
        Assert.Equal(Three[0], (await reader.ReadAsync(ProbeEcho.NewReader())).Message);

        reader.Dispose();

        Assert.True(pipe.Reader.TryRead(out System.IO.Pipelines.ReadResult rest));
        Assert.Equal(ThreeFrames[10..], rest.Buffer.ToArray());
        Assert.Throws<ObjectDisposedException>(() => reader.Advance());
    }

    [Fact]
    public async Task A_clean_end_between_messages_completes_without_error()
    {
        var reader = new ProtocolReader(new ChunkedPipeReader(ThreeFrames));
        LengthPrefixedReader<Probe> messages = ProbeEcho.NewReader();
        for (int i = 0; i < 3; i++)
        {
            Assert.True((await reader.ReadAsync(messages)).HasMessage);
            reader.Advance();
        }

        ProtocolReadResult<Probe> end = await reader.ReadAsync(messages);
        Assert.True(end.IsCompleted);
        Assert.Equal(ProtocolErrorKind.None, end.Error.Kind);

        // Reading after the end keeps reporting it.
        Assert.True((await reader.ReadAsync(messages)).IsCompleted);
    }

    [Fact]
    public async Task An_end_inside_a_message_is_truncated_and_logged()
    {
        var logs = new RecordingLoggerFactory();
        byte[] input = ThreeFrames[..^3];
        var reader = new ProtocolReader(new ChunkedPipeReader(input, 5), logs.CreateLogger("test"));
        LengthPrefixedReader<Probe> messages = ProbeEcho.NewReader();
        for (int i = 0; i < 2; i++)
        {
            Assert.True((await reader.ReadAsync(messages)).HasMessage);
            reader.Advance();
        }

        ProtocolReadResult<Probe> end = await reader.ReadAsync(messages);

        Assert.True(end.IsCompleted);
        Assert.Equal(ProtocolErrorKind.Truncated, end.Error.Kind);
        Assert.Equal(7, end.Error.BufferedBytes);
        Assert.Contains("inside a message (7 bytes buffered)", Assert.Single(logs.WithEvent(102)).Message);
    }

    [Fact]
    public async Task Input_over_the_maximum_ends_the_read_without_waiting_for_the_rest()
    {
        var logs = new RecordingLoggerFactory();

        // A frame that announces 1,000 bytes; the reader allows 100, and the bytes trickle in 30 at a time.
        byte[] frame = new byte[1002];
        frame[0] = 0x03;
        frame[1] = 0xE8;
        var input = new ChunkedPipeReader(frame, [.. Enumerable.Range(1, 33).Select(i => i * 30)]);
        var reader = new ProtocolReader(input, logs.CreateLogger("test"));

        ProtocolReadResult<ReadOnlySequence<byte>> result = await reader.ReadAsync(new LengthPrefixedPayloadReader(), maximumMessageSize: 100);

        Assert.True(result.IsCompleted);
        Assert.Equal(ProtocolErrorKind.MessageTooLarge, result.Error.Kind);
        Assert.Equal(120, result.Error.BufferedBytes);
        Assert.Equal(4, input.Reads);
        Assert.True(input.IsReaderCompleted);
        Assert.Contains("message too large: 120 bytes buffered without a whole message (maximum 100)", Assert.Single(logs.WithEvent(101)).Message);
    }

    [Fact]
    public async Task Input_the_message_reader_rejects_ends_the_read_with_its_error()
    {
        var logs = new RecordingLoggerFactory();
        byte[] garbage = Convert.FromHexString("0008BADC0FFEE0DDF00D");
        var input = new ChunkedPipeReader(garbage, 4);
        var reader = new ProtocolReader(input, logs.CreateLogger("test"));

        ProtocolReadResult<Probe> result = await reader.ReadAsync(ProbeEcho.NewReader());

        Assert.True(result.IsCompleted);
        Assert.Equal(ProtocolErrorKind.InvalidData, result.Error.Kind);
        Assert.Equal(CodecErrorKind.ConstantMismatch, result.Error.Detail.Kind);
        Assert.Equal("Magic", result.Error.Detail.Field);
        Assert.True(input.IsReaderCompleted);
        Assert.Contains("invalid data: constant mismatch in field 'Magic'", Assert.Single(logs.WithEvent(101)).Message);
    }

    [Fact]
    public async Task A_reader_that_stops_short_without_a_message_is_treated_as_rejecting_the_input()
    {
        var reader = new ProtocolReader(new ChunkedPipeReader([1, 2, 3, 4]));

        ProtocolReadResult<int> result = await reader.ReadAsync(new StopsShortReader());

        Assert.True(result.IsCompleted);
        Assert.Equal(ProtocolErrorKind.InvalidData, result.Error.Kind);
    }

    [Fact]
    public async Task ReadAsync_before_Advance_throws()
    {
        var reader = new ProtocolReader(new ChunkedPipeReader(ThreeFrames));
        LengthPrefixedReader<Probe> messages = ProbeEcho.NewReader();
        await reader.ReadAsync(messages);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await reader.ReadAsync(messages));
    }

    [Fact]
    public async Task A_canceled_pending_read_reports_it_and_the_next_read_goes_on()
    {
        var pipe = new Pipe();
        var reader = new ProtocolReader(pipe.Reader);
        LengthPrefixedReader<Probe> messages = ProbeEcho.NewReader();
        await pipe.Writer.WriteAsync(ThreeFrames.AsMemory(0, 5));

        ValueTask<ProtocolReadResult<Probe>> pending = reader.ReadAsync(messages);
        pipe.Reader.CancelPendingRead();
        ProtocolReadResult<Probe> canceled = await pending;
        Assert.True(canceled.IsCanceled);
        Assert.False(canceled.HasMessage);

        await pipe.Writer.WriteAsync(ThreeFrames.AsMemory(5));
        ProtocolReadResult<Probe> next = await reader.ReadAsync(messages);
        Assert.Equal(Three[0], next.Message);
    }

    [Fact]
    public async Task The_cancellation_token_cancels_the_wait()
    {
        var pipe = new Pipe();
        var reader = new ProtocolReader(pipe.Reader);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await reader.ReadAsync(ProbeEcho.NewReader(), cancel.Token));
    }

    [Fact]
    public async Task A_close_request_ends_a_read_waiting_for_the_next_message()
    {
        (var client, var server) = Transport.InMemory.InMemoryTransport.CreatePair();
        var lifetime = new Lifetime();
        server.Features.Set<IConnectionLifetimeNotificationFeature>(lifetime);
        using var reader = new ProtocolReader(server);
        LengthPrefixedReader<Probe> messages = ProbeEcho.NewReader();
        await client.Transport.Output.WriteAsync(ThreeFrames.AsMemory(0, 15));

        ProtocolReadResult<Probe> first = await reader.ReadAsync(messages);
        Assert.Equal(Three[0], first.Message);
        reader.Advance();

        // The second message has begun: a close request lets it finish, then ends the read.
        ValueTask<ProtocolReadResult<Probe>> pending = reader.ReadAsync(messages);
        lifetime.RequestClose();
        await Task.Delay(50);
        Assert.False(pending.IsCompleted);
        await client.Transport.Output.WriteAsync(ThreeFrames.AsMemory(15, 5));
        Assert.Equal(Three[1], (await pending).Message);
        reader.Advance();

        using var timeout = TestTimeouts.Create();
        ProtocolReadResult<Probe> end = await reader.ReadAsync(messages, timeout.Token);
        Assert.True(end.IsCompleted);
        Assert.Equal(ProtocolErrorKind.None, end.Error.Kind);
    }

    [Fact]
    public async Task Steady_state_reads_allocate_nothing_per_message()
    {
        const int Count = 20_000;
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0, useSynchronizationContext: false));
        for (int i = 0; i < Count; i++)
        {
            ProbeEcho.Writer.WriteMessage(ProbeEcho.Numbered((uint)i), pipe.Writer);
        }

        await pipe.Writer.FlushAsync();
        var reader = new ProtocolReader(pipe.Reader);
        LengthPrefixedReader<Probe> messages = ProbeEcho.NewReader();
        ulong sum = ReadSynchronously(reader, messages, 1_000);

        long before = GC.GetAllocatedBytesForCurrentThread();
        sum += ReadSynchronously(reader, messages, Count - 1_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal((ulong)Count * (Count - 1) / 2, sum);

        // Nothing per message: one object per message would be at least 24 B × 19,000. A one-off allocation of the
        // runtime's (seen once: 40 B in a Release run under CI) is not the reader's and does not scale with messages.
        Assert.True(allocated < Count - 1_000, $"{allocated} B allocated over {Count - 1_000} messages");
    }

    private static ulong ReadSynchronously(ProtocolReader reader, LengthPrefixedReader<Probe> messages, int count)
    {
        ulong sum = 0;
        for (int i = 0; i < count; i++)
        {
            ValueTask<ProtocolReadResult<Probe>> read = reader.ReadAsync(messages);
            Assert.True(read.IsCompletedSuccessfully);
            sum += read.Result.Message.Sequence;
            reader.Advance();
        }

        return sum;
    }

    private static async Task<List<Probe>> ReadAllAsync(ProtocolReader reader)
    {
        LengthPrefixedReader<Probe> messages = ProbeEcho.NewReader();
        var read = new List<Probe>();
        while (true)
        {
            ProtocolReadResult<Probe> result = await reader.ReadAsync(messages);
            if (result.IsCompleted)
            {
                Assert.Equal(ProtocolErrorKind.None, result.Error.Kind);
                return read;
            }

            read.Add(result.Message);
            reader.Advance();
        }
    }

    private sealed class StopsShortReader : IMessageReader<int>
    {
        public bool TryParseMessage(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, out int message)
        {
            examined = input.Start;
            message = 0;
            return false;
        }
    }

    private sealed class Lifetime : IConnectionLifetimeNotificationFeature
    {
        private readonly CancellationTokenSource _source = new();

        public Lifetime() => ConnectionClosedRequested = _source.Token;

        public CancellationToken ConnectionClosedRequested { get; set; }

        public void RequestClose() => _source.Cancel();
    }
}
