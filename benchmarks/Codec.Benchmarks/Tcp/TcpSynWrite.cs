using System.Net;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace Codec.Benchmarks;

/// <summary>
/// Scenario 4 for TCP: writing the SYN into a caller's buffer, both checksums computed. Hand-written
/// (<see cref="TcpSynSample.Write"/>), ours (<see cref="GeneratedTcp.Write"/>), PacketDotNet. Every writer's output must
/// equal the sample octet for octet (checked in <c>[GlobalSetup]</c>). Times are per packet.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.CpuBound)]
public class TcpSynWrite
{
    private readonly byte[] _destination = new byte[TcpSynSample.Length];
    private byte[][] _expected = null!;
    private IPAddress _source = null!;
    private IPAddress _target = null!;

    [GlobalSetup]
    public void Setup()
    {
        _expected = TcpSynSample.CreatePackets();
        _source = PacketDotNetPackets.Address(TcpSynSample.Source);
        _target = PacketDotNetPackets.Address(TcpSynSample.Destination);
        Check("HandWritten", HandWritten);
        Check("Generated", Generated);
        Check("PacketDotNet", PacketDotNet);
    }

    private void Check(string name, Func<int> write)
    {
        Array.Clear(_destination);
        int total = write();
        if (total != TcpSynSample.Length * TcpSynSample.BatchSize || !_destination.AsSpan().SequenceEqual(_expected[TcpSynSample.BatchSize - 1]))
        {
            throw new InvalidOperationException(
                $"{name} wrote {total} octets; last packet {Convert.ToHexString(_destination)}, expected {Convert.ToHexString(_expected[TcpSynSample.BatchSize - 1])}.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = TcpSynSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int HandWritten()
    {
        Span<byte> destination = _destination;
        int total = 0;
        for (int i = 0; i < TcpSynSample.BatchSize; i++)
        {
            total += TcpSynSample.Write(destination, i);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = TcpSynSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Generated()
    {
        Span<byte> destination = _destination;
        int total = 0;
        for (int i = 0; i < TcpSynSample.BatchSize; i++)
        {
            total += GeneratedTcp.Write(destination, i);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = TcpSynSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int PacketDotNet()
    {
        int total = 0;
        for (int i = 0; i < TcpSynSample.BatchSize; i++)
        {
            total += PacketDotNetTcp.Write(_destination, i, _source, _target);
        }

        return total;
    }
}
