using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace Codec.Benchmarks;

/// <summary>
/// Scenario 2: reading the 60-octet IPv4 + TCP SYN (<see cref="TcpSynSample"/>), IPv4 header checksum verified, every
/// header field and every option consumed (<see cref="TcpFold"/>). Hand-written baseline, ours (<see cref="GeneratedTcp"/>:
/// generated IPv4, TCP segment and option list), PacketDotNet 1.4.8. Times are per packet.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.CpuBound)]
public class TcpSynRead
{
    private byte[][] _packets = null!;

    [GlobalSetup]
    public void Setup()
    {
        _packets = TcpSynSample.CreatePackets();
        ulong first = Fold.Seed;
        if (!HandWrittenTcp.TryRead(_packets[0], ref first) || first == Fold.Seed)
        {
            throw new InvalidOperationException("The sample SYN does not read.");
        }

        Contestants.Agree(nameof(TcpSynRead), HandWritten(), ("Generated", Generated()), ("PacketDotNet", PacketDotNet()));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = TcpSynSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong HandWritten()
    {
        ulong acc = Fold.Seed;
        foreach (byte[] packet in _packets)
        {
            if (!HandWrittenTcp.TryRead(packet, ref acc))
            {
                return 0;
            }
        }

        return acc;
    }

    [Benchmark(OperationsPerInvoke = TcpSynSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong Generated()
    {
        ulong acc = Fold.Seed;
        foreach (byte[] packet in _packets)
        {
            if (!GeneratedTcp.TryRead(packet, ref acc))
            {
                return 0;
            }
        }

        return acc;
    }

    [Benchmark(OperationsPerInvoke = TcpSynSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong PacketDotNet()
    {
        ulong acc = Fold.Seed;
        foreach (byte[] packet in _packets)
        {
            if (!PacketDotNetTcp.TryRead(packet, ref acc))
            {
                return 0;
            }
        }

        return acc;
    }
}
