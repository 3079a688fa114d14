using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Codec.Protocols.Udp;
using Codec.Transport.Framing;
using Codec.Transport.Protocols;
using static Codec.Benchmarks.Transport.ProtocolReaderBenchmarks;
using PipeReadResult = System.IO.Pipelines.ReadResult;

namespace Codec.Benchmarks.Transport;

/// <summary>
/// The overhead of <see cref="ProtocolReader"/>'s in-place read (the API for ref-struct messages: the handler runs on
/// the message where it lies) over a bare <see cref="PipeReader"/> loop doing the same work: both cut the same
/// length-prefixed frames with a <see cref="LengthPrefixedPayloadReader"/> and read the generated
/// <see cref="UdpHeader"/> from the payload span, from the same free in-memory input. Times are per message.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.CpuBound)]
public class ProtocolReaderInPlaceBenchmarks
{
    private readonly LengthPrefixedPayloadReader _bareFrames = new();
    private readonly LengthPrefixedPayloadReader _inPlaceFrames = new();
    private readonly Sum _inPlaceSum = new();
    private ReplayPipeReader _bareInPlaceInput = null!;
    private ProtocolReader _inPlaceReader = null!;

    [Params(1, Messages)]
    public int MessagesPerRead { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        byte[] data = Frames();
        _bareInPlaceInput = new ReplayPipeReader(data, MessagesPerRead * FrameSize);
        _inPlaceReader = new ProtocolReader(new ReplayPipeReader(data, MessagesPerRead * FrameSize));

        // Cross-check: both loops read every message once, in order.
        const long expected = (long)Messages * (Messages - 1) / 2;
        long bare = BareInPlaceLoop().AsTask().GetAwaiter().GetResult();
        long inPlace = ProtocolReaderInPlaceLoop().AsTask().GetAwaiter().GetResult();
        if (bare != expected || inPlace != expected)
        {
            throw new InvalidOperationException($"Sums differ: bare {bare}, in place {inPlace}, expected {expected}.");
        }
    }

    /// <summary>
    /// The baseline of the in-place read: a bare loop that cuts each frame with the same framing reader and reads the
    /// generated message from the payload where it lies (<see cref="UdpHeader.TryRead"/> on the span).
    /// </summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<long> BareInPlaceLoop()
    {
        PipeReader input = _bareInPlaceInput;
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
                SequencePosition frameEnd = buffer.Start;
                SequencePosition looked = end;
                if (!_bareFrames.TryParseMessage(buffer, ref frameEnd, ref looked, out ReadOnlySequence<byte> payload))
                {
                    examined = looked;
                    break;
                }

                sum += SourcePortOf(payload);
                read++;
                consumed = frameEnd;
                examined = frameEnd;
                if (SamePosition(frameEnd, end))
                {
                    break;
                }

                buffer = buffer.Slice(frameEnd);
            }

            input.AdvanceTo(consumed, examined);
        }

        return sum;
    }

    /// <summary><see cref="ProtocolReader.ReadAsync{TMessage, THandler}(IMessageReader{ReadOnlySequence{byte}}, THandler, int?, CancellationToken)"/>: framed, handled in place.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<long> ProtocolReaderInPlaceLoop()
    {
        ProtocolReader reader = _inPlaceReader;
        Sum sum = _inPlaceSum;
        sum.Value = 0;
        var handler = new SumHandler(sum);
        for (int i = 0; i < Messages; i++)
        {
            await reader.ReadAsync<UdpHeader, SumHandler>(_inPlaceFrames, handler).ConfigureAwait(false);
        }

        return sum.Value;
    }

    private static long SourcePortOf(in ReadOnlySequence<byte> payload)
    {
        Span<byte> copy = stackalloc byte[UdpHeader.Size];
        ReadOnlySpan<byte> span = payload.IsSingleSegment ? payload.FirstSpan : Copy(payload, copy);
        return UdpHeader.TryRead(span, out UdpHeader header).IsDone ? header.SourcePort : throw new InvalidOperationException("Not a UDP header.");
    }

    private static ReadOnlySpan<byte> Copy(in ReadOnlySequence<byte> payload, Span<byte> copy)
    {
        payload.CopyTo(copy);
        return copy[..(int)payload.Length];
    }

    private sealed class Sum
    {
        public long Value;
    }

    private readonly struct SumHandler(Sum sum) : IMessageHandler<UdpHeader>
    {
        public void Handle(scoped in UdpHeader message) => sum.Value += message.SourcePort;
    }
}
