using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Codec.Protocols.Dns;
using Codec.Protocols.Udp;
using Codec.Transport.Framing;
using Codec.Transport.Protocols;
using Codec.Transport.Tests.Connections;

namespace Codec.Transport.Tests.Protocols;

/// <summary>
/// <see cref="ProtocolReader.ReadAsync{TMessage, THandler}(THandler, int?, CancellationToken)"/> and its framed overload
/// with a real generated variable-length message (<see cref="DnsMessage"/>, a ref struct) and a fixed one.
/// </summary>
public class ProtocolReaderInPlaceTests
{
    private static readonly byte[] TwoFrames = DnsSamples.Framed(DnsSamples.Query, DnsSamples.Response);

    private static readonly string[] Expected = [DnsSamples.Describe(DnsSamples.Query), DnsSamples.Describe(DnsSamples.Response)];

    [Fact]
    public void The_expected_descriptions_hold_every_field_the_test_compares()
    {
        // Guards the test itself: the descriptions must tell the messages apart and include decompressed names.
        Assert.Equal("1234 qr=False rcode=NoError | Q example.com. A IN", Expected[0]);
        Assert.Equal("BEEF qr=True rcode=NoError | Q www.example.org. A IN | A www.example.org. A 3600 C0000201", Expected[1]);
    }

    [Fact]
    public async Task Framed_dns_messages_split_at_every_byte_boundary_are_handled_in_place()
    {
        for (int cut = 0; cut <= TwoFrames.Length; cut++)
        {
            var input = new ChunkedPipeReader(TwoFrames, cut);
            (List<string> seen, ProtocolReadResult end) = await HandleFramedAsync(new ProtocolReader(input));

            Assert.Equal(Expected, seen);
            Assert.True(end.IsCompleted, $"cut {cut}");
            Assert.Equal(ProtocolErrorKind.None, end.Error.Kind);
        }
    }

    [Fact]
    public async Task Framed_dns_messages_split_at_every_pair_of_cuts_are_handled_in_place()
    {
        for (int first = 1; first < TwoFrames.Length; first++)
        {
            for (int second = first + 1; second < TwoFrames.Length; second++)
            {
                (List<string> seen, _) = await HandleFramedAsync(new ProtocolReader(new ChunkedPipeReader(TwoFrames, first, second)));
                Assert.Equal(Expected, seen);
            }
        }
    }

    [Fact]
    public async Task Framed_dns_messages_delivered_one_byte_per_read_are_handled_in_place()
    {
        var input = ChunkedPipeReader.ByteByByte(TwoFrames);
        (List<string> seen, ProtocolReadResult end) = await HandleFramedAsync(new ProtocolReader(input));

        Assert.Equal(Expected, seen);
        Assert.True(end.IsCompleted);
        Assert.Equal(TwoFrames.Length, input.Reads);
    }

    [Fact]
    public async Task Self_delimited_dns_messages_split_at_every_byte_boundary_are_handled_in_place()
    {
        byte[] both = [.. DnsSamples.Query, .. DnsSamples.Response];
        for (int cut = 0; cut <= both.Length; cut++)
        {
            var reader = new ProtocolReader(new ChunkedPipeReader(both, cut));
            var handler = new DnsRecorder();
            ProtocolReadResult read;
            while ((read = await reader.ReadAsync<DnsMessage, DnsRecorder>(handler)).HasMessage)
            {
            }

            Assert.Equal(Expected, handler.Seen);
            Assert.True(read.IsCompleted, $"cut {cut}");
            Assert.Equal(ProtocolErrorKind.None, read.Error.Kind);
        }
    }

    [Fact]
    public async Task Self_delimited_dns_messages_delivered_one_byte_per_read_are_handled_in_place()
    {
        byte[] both = [.. DnsSamples.Query, .. DnsSamples.Response];
        var reader = new ProtocolReader(ChunkedPipeReader.ByteByByte(both));
        var handler = new DnsRecorder();
        while ((await reader.ReadAsync<DnsMessage, DnsRecorder>(handler)).HasMessage)
        {
        }

        Assert.Equal(Expected, handler.Seen);
    }

    [Fact]
    public async Task A_fixed_message_is_handled_in_place_by_a_struct_handler()
    {
        byte[] headers = [0x00, 0x35, 0xC0, 0x01, 0x00, 0x08, 0x12, 0x34, 0x04, 0xD2, 0x00, 0x35, 0x00, 0x08, 0x00, 0x00];
        for (int cut = 0; cut <= headers.Length; cut++)
        {
            var reader = new ProtocolReader(new ChunkedPipeReader(headers, cut));
            var ports = new List<(ushort, ushort)>();
            while ((await reader.ReadAsync<UdpHeader, PortRecorder>(new PortRecorder(ports))).HasMessage)
            {
            }

            Assert.Equal([(53, 49153), (1234, 53)], ports);
        }
    }

    [Fact]
    public async Task A_frame_whose_payload_is_no_dns_message_closes_the_input_with_a_logged_reason()
    {
        var logs = new RecordingLoggerFactory();

        // The second frame holds 5 bytes: a DNS header needs 12.
        byte[] input = [.. DnsSamples.Framed(DnsSamples.Query), 0x00, 0x05, 1, 2, 3, 4, 5, .. DnsSamples.Framed(DnsSamples.Response)];
        var pipe = new ChunkedPipeReader(input, 3);
        var reader = new ProtocolReader(pipe, logs.CreateLogger("test"));
        var handler = new DnsRecorder();

        Assert.True((await reader.ReadAsync<DnsMessage, DnsRecorder>(new LengthPrefixedPayloadReader(), handler)).HasMessage);
        ProtocolReadResult end = await reader.ReadAsync<DnsMessage, DnsRecorder>(new LengthPrefixedPayloadReader(), handler);

        Assert.True(end.IsCompleted);
        Assert.Equal(ProtocolErrorKind.InvalidData, end.Error.Kind);
        Assert.Equal(CodecErrorKind.Truncated, end.Error.Detail.Kind);
        Assert.Equal([Expected[0]], handler.Seen);
        Assert.True(pipe.IsReaderCompleted);
        Assert.Contains("invalid data", Assert.Single(logs.WithEvent(101)).Message);
        Assert.True((await reader.ReadAsync<DnsMessage, DnsRecorder>(new LengthPrefixedPayloadReader(), handler)).IsCompleted);
    }

    [Fact]
    public async Task Garbage_that_is_no_dns_message_ends_a_self_delimited_read_as_invalid()
    {
        // A header that announces a question, then a label length that runs past any name (0x41 = 65 > 63).
        byte[] garbage = [0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x41, .. new byte[80]];
        var reader = new ProtocolReader(new ChunkedPipeReader(garbage, 20));

        ProtocolReadResult end = await reader.ReadAsync<DnsMessage, DnsRecorder>(new DnsRecorder());

        Assert.True(end.IsCompleted);
        Assert.Equal(ProtocolErrorKind.InvalidData, end.Error.Kind);
        Assert.NotEqual(CodecErrorKind.None, end.Error.Detail.Kind);
    }

    [Fact]
    public async Task A_frame_over_the_maximum_message_size_ends_the_read()
    {
        var reader = new ProtocolReader(new ChunkedPipeReader(TwoFrames, 10));

        ProtocolReadResult end = await reader.ReadAsync<DnsMessage, DnsRecorder>(new LengthPrefixedPayloadReader(), new DnsRecorder(), maximumMessageSize: 20);

        Assert.True(end.IsCompleted);
        Assert.Equal(ProtocolErrorKind.MessageTooLarge, end.Error.Kind);
    }

    [Fact]
    public async Task A_handler_that_throws_leaves_the_message_unread()
    {
        var reader = new ProtocolReader(new ChunkedPipeReader(TwoFrames));
        var framing = new LengthPrefixedPayloadReader();
        var handler = new DnsRecorder { ThrowOnce = true };

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await reader.ReadAsync<DnsMessage, DnsRecorder>(framing, handler));
        while ((await reader.ReadAsync<DnsMessage, DnsRecorder>(framing, handler)).HasMessage)
        {
        }

        Assert.Equal(Expected, handler.Seen);
    }

    [Fact]
    public async Task In_place_and_message_reads_can_alternate_on_one_reader()
    {
        byte[] input = DnsSamples.Framed(DnsSamples.Query, DnsSamples.Response, DnsSamples.Query);
        var reader = new ProtocolReader(new ChunkedPipeReader(input, 7, 40));
        var handler = new DnsRecorder();
        var payloads = new LengthPrefixedPayloadReader();

        Assert.True((await reader.ReadAsync<DnsMessage, DnsRecorder>(payloads, handler)).HasMessage);
        ProtocolReadResult<ReadOnlySequence<byte>> raw = await reader.ReadAsync(payloads);
        Assert.Equal(DnsSamples.Response, raw.Message.ToArray());
        reader.Advance();
        Assert.True((await reader.ReadAsync<DnsMessage, DnsRecorder>(payloads, handler)).HasMessage);

        Assert.Equal([Expected[0], Expected[0]], handler.Seen);
    }

    [Fact]
    public async Task Steady_state_in_place_reads_allocate_nothing_per_message()
    {
        // Framed DNS queries in a Pipe's 4 KiB segments: many straddle two and go through the scratch copy.
        const int Count = 20_000;
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0, useSynchronizationContext: false));
        byte[] frame = DnsSamples.Framed(DnsSamples.Query);
        for (int i = 0; i < Count; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)i);
            pipe.Writer.Write(frame);
        }

        await pipe.Writer.FlushAsync();
        var reader = new ProtocolReader(pipe.Reader);
        var framing = new LengthPrefixedPayloadReader();
        var sum = new IdSum();
        HandleSynchronously(reader, framing, sum, 1_000);

        long before = GC.GetAllocatedBytesForCurrentThread();
        HandleSynchronously(reader, framing, sum, Count - 1_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal((ulong)Count * (Count - 1) / 2, sum.Value);

        // Nothing per message (one object each would be at least 24 B × 19,000); see the same test of ReadAsync.
        Assert.True(allocated < Count - 1_000, $"{allocated} B allocated over {Count - 1_000} messages");
    }

    private static void HandleSynchronously(ProtocolReader reader, LengthPrefixedPayloadReader framing, IdSum sum, int count)
    {
        for (int i = 0; i < count; i++)
        {
            ValueTask<ProtocolReadResult> read = reader.ReadAsync<DnsMessage, IdAdder>(framing, new IdAdder(sum));
            Assert.True(read.IsCompletedSuccessfully);
            Assert.True(read.Result.HasMessage);
        }
    }

    private static async Task<(List<string> Seen, ProtocolReadResult End)> HandleFramedAsync(ProtocolReader reader)
    {
        var framing = new LengthPrefixedPayloadReader();
        var handler = new DnsRecorder();
        ProtocolReadResult read;
        while ((read = await reader.ReadAsync<DnsMessage, DnsRecorder>(framing, handler)).HasMessage)
        {
        }

        return (handler.Seen, read);
    }

    /// <summary>A class handler: records what it saw of each message while the message still points into the input.</summary>
    private sealed class DnsRecorder : IMessageHandler<DnsMessage>
    {
        public List<string> Seen { get; } = [];

        public bool ThrowOnce { get; set; }

        public void Handle(scoped in DnsMessage message)
        {
            if (ThrowOnce)
            {
                ThrowOnce = false;
                throw new InvalidOperationException("handler failed");
            }

            Seen.Add(DnsSamples.Describe(message));
        }
    }

    /// <summary>A struct handler holding a reference to where it records.</summary>
    private readonly struct PortRecorder(List<(ushort, ushort)> ports) : IMessageHandler<UdpHeader>
    {
        public void Handle(scoped in UdpHeader message) => ports.Add((message.SourcePort, message.DestinationPort));
    }

    private sealed class IdSum
    {
        public ulong Value;
    }

    /// <summary>Adds each query's ID and checks that its question was read (so the whole message was parsed in place).</summary>
    private readonly struct IdAdder(IdSum sum) : IMessageHandler<DnsMessage>
    {
        public void Handle(scoped in DnsMessage message)
        {
            if (message.Questions.Count != 1)
            {
                throw new InvalidOperationException("The question was not read.");
            }

            sum.Value += message.Id;
        }
    }
}
