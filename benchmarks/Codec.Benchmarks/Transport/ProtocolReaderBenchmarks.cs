using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Codec.Protocols.Udp;
using Codec.Transport.Framing;
using Codec.Transport.Protocols;
using PipeReadResult = System.IO.Pipelines.ReadResult;

namespace Codec.Benchmarks.Transport;

/// <summary>
/// The overhead of <see cref="ProtocolReader"/> over the bare <see cref="PipeReader"/> loop it replaces, in the same
/// run: both parse the same length-prefixed messages (RFC 1035 §4.2.2 framing around a generated
/// <see cref="UdpHeader"/>) with the same <see cref="IMessageReader{TMessage}"/> from the same free in-memory input
/// (<see cref="ReplayPipeReader"/>), so the ratio is the reader's own cost. <c>MessagesPerRead</c> = 1: each pipe read
/// brings one message (a DNS-over-TCP query at a time); 1000: all are buffered (a pipelining client).
/// Times are per message. Target: ProtocolReader ≤ 1.1× the bare loop (Bedrock.Framework measured 1.18×), 0 B.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.CpuBound)]
public class ProtocolReaderBenchmarks
{
    internal const int Messages = 1000;
    internal const int FrameSize = 2 + UdpHeader.Size;

    private readonly LengthPrefixedReader<UdpHeader> _bareMessages = new(new WireMessageReader<UdpHeader>());
    private readonly LengthPrefixedReader<UdpHeader> _protocolMessages = new(new WireMessageReader<UdpHeader>());
    private ReplayPipeReader _bareInput = null!;
    private readonly LengthPrefixedReader<UdpHeader> _tryReadMessages = new(new WireMessageReader<UdpHeader>());
    private ProtocolReader _protocolReader = null!;
    private ProtocolReader _tryReadReader = null!;

    [Params(1, Messages)]
    public int MessagesPerRead { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        byte[] data = Frames();
        _bareInput = new ReplayPipeReader(data, MessagesPerRead * FrameSize);
        _protocolReader = new ProtocolReader(new ReplayPipeReader(data, MessagesPerRead * FrameSize));
        _tryReadReader = new ProtocolReader(new ReplayPipeReader(data, MessagesPerRead * FrameSize));

        // Cross-check: both loops read every message once, in order.
        const long expected = (long)Messages * (Messages - 1) / 2;
        long bare = BarePipeReaderLoop().AsTask().GetAwaiter().GetResult();
        long protocol = ProtocolReaderLoop().AsTask().GetAwaiter().GetResult();
        long tryRead = ProtocolReaderTryReadLoop().AsTask().GetAwaiter().GetResult();
        if (bare != expected || protocol != expected || tryRead != expected)
        {
            throw new InvalidOperationException($"Sums differ: bare {bare}, ProtocolReader {protocol}, TryRead {tryRead}, expected {expected}.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<long> BarePipeReaderLoop()
    {
        PipeReader input = _bareInput;
        long sum = 0;
        int read = 0;
        while (read < Messages)
        {
            PipeReadResult result = await input.ReadAsync().ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;
            SequencePosition end = buffer.End;
            SequencePosition consumed = buffer.Start;
            SequencePosition examined = end;
            while (read < Messages)
            {
                SequencePosition messageEnd = buffer.Start;
                SequencePosition looked = end;
                if (!_bareMessages.TryParseMessage(buffer, ref messageEnd, ref looked, out UdpHeader header))
                {
                    examined = looked;
                    break;
                }

                sum += header.SourcePort;
                read++;
                consumed = messageEnd;
                examined = messageEnd;

                // All of the buffer was messages: read the pipe rather than ask the reader to find one in nothing.
                if (SamePosition(messageEnd, end))
                {
                    break;
                }

                buffer = buffer.Slice(messageEnd);
            }

            input.AdvanceTo(consumed, examined);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<long> ProtocolReaderLoop()
    {
        ProtocolReader reader = _protocolReader;
        long sum = 0;
        for (int i = 0; i < Messages; i++)
        {
            ProtocolReadResult<UdpHeader> result = await reader.ReadAsync(_protocolMessages).ConfigureAwait(false);
            sum += result.Message.SourcePort;
            reader.Advance();
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<long> ProtocolReaderTryReadLoop()
    {
        ProtocolReader reader = _tryReadReader;
        long sum = 0;
        for (int i = 0; i < Messages; i++)
        {
            if (!reader.TryRead(_tryReadMessages, out UdpHeader header))
            {
                header = (await reader.ReadAsync(_tryReadMessages).ConfigureAwait(false)).Message;
            }

            sum += header.SourcePort;
            reader.Advance();
        }

        return sum;
    }

    /// <summary>The input of every loop: <see cref="Messages"/> length-prefixed UDP headers, source ports 0, 1, 2, ...</summary>
    internal static byte[] Frames()
    {
        var writer = new LengthPrefixedWriter<UdpHeader>(new WireMessageWriter<UdpHeader>());
        var frames = new ArrayBufferWriter<byte>();
        for (int i = 0; i < Messages; i++)
        {
            writer.WriteMessage(new UdpHeader { SourcePort = (ushort)i, DestinationPort = 53, Length = 8, Checksum = (ushort)(i * 7) }, frames);
        }

        return frames.WrittenSpan.ToArray();
    }

    /// <summary>Whether two positions are the same, in the representation a reader returns (no virtual Equals).</summary>
    internal static bool SamePosition(SequencePosition a, SequencePosition b) =>
        ReferenceEquals(a.GetObject(), b.GetObject()) && a.GetInteger() == b.GetInteger();
}
