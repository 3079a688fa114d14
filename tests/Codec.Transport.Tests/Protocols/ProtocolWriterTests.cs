using System.Buffers;
using System.IO.Pipelines;
using Codec.Transport.Framing;
using Codec.Transport.Protocols;
using Codec.Transport.Tests.Connections;

namespace Codec.Transport.Tests.Protocols;

public class ProtocolWriterTests
{
    [Fact]
    public async Task Writes_and_flushes_each_message()
    {
        var pipe = new Pipe();
        var writer = new ProtocolWriter(pipe.Writer);

        Assert.True(await writer.WriteAsync(ProbeEcho.Writer, ProbeEcho.Numbered(1)));
        Assert.True(await writer.WriteAsync(ProbeEcho.Writer, ProbeEcho.Numbered(2)));

        Assert.True(pipe.Reader.TryRead(out System.IO.Pipelines.ReadResult read));
        Assert.Equal(ProbeEcho.Frame(ProbeEcho.Numbered(1), ProbeEcho.Numbered(2)), read.Buffer.ToArray());
    }

    [Fact]
    public async Task Concurrent_writers_never_interleave_messages()
    {
        const int Writers = 8;
        const int PerWriter = 500;

        // A small pause threshold makes flushes wait, so that writers queue at the gate.
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 256, resumeWriterThreshold: 128, useSynchronizationContext: false));
        var writer = new ProtocolWriter(pipe.Writer);
        var big = new LengthPrefixedPayloadWriter();
        Task writing = Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            byte[] payload = Enumerable.Repeat((byte)w, 20 + (w * 7)).ToArray();
            for (int i = 0; i < PerWriter; i++)
            {
                await writer.WriteAsync<ReadOnlyMemory<byte>>(big, payload);
            }
        })));
        Task completing = writing.ContinueWith(_ => pipe.Writer.Complete(), TaskScheduler.Default);

        using var timeout = TestTimeouts.Create();
        var reader = new ProtocolReader(pipe.Reader);
        var frames = new LengthPrefixedPayloadReader();
        var counts = new int[Writers];
        while (true)
        {
            ProtocolReadResult<ReadOnlySequence<byte>> result = await reader.ReadAsync(frames, timeout.Token);
            if (result.IsCompleted)
            {
                Assert.Equal(ProtocolErrorKind.None, result.Error.Kind);
                break;
            }

            byte[] payload = result.Message.ToArray();
            int w = payload[0];
            Assert.Equal(20 + (w * 7), payload.Length);
            Assert.All(payload, b => Assert.Equal(w, b));
            counts[w]++;
            reader.Advance();
        }

        await writing;
        await completing;
        Assert.All(counts, count => Assert.Equal(PerWriter, count));
    }

    [Fact]
    public async Task Reports_false_once_the_other_end_stopped_reading()
    {
        var pipe = new Pipe();
        var writer = new ProtocolWriter(pipe.Writer);
        pipe.Reader.Complete();

        Assert.False(await writer.WriteAsync(ProbeEcho.Writer, ProbeEcho.Numbered(1)));
    }

    [Fact]
    public async Task A_failing_message_writer_writes_nothing_and_leaves_the_writer_usable()
    {
        var pipe = new Pipe();
        var writer = new ProtocolWriter(pipe.Writer);

        await Assert.ThrowsAsync<CodecException>(async () => await writer.WriteAsync(ProbeEcho.Writer, new Probe { Kind = 16 }));
        Assert.True(await writer.WriteAsync(ProbeEcho.Writer, ProbeEcho.Numbered(7)));

        Assert.True(pipe.Reader.TryRead(out System.IO.Pipelines.ReadResult read));
        Assert.Equal(ProbeEcho.Frame(ProbeEcho.Numbered(7)), read.Buffer.ToArray());
    }
}
