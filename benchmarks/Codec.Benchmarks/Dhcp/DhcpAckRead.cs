using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace Codec.Benchmarks;

/// <summary>
/// Scenario 3: reading the IPv4 + UDP + DHCPACK (<see cref="DhcpAckSample"/>), IPv4 header checksum verified, every
/// field PacketDotNet exposes and every option consumed (<see cref="DhcpFold"/>). Hand-written baseline and
/// ours (<see cref="GeneratedDhcp"/>: generated IPv4, UDP, <c>DhcpMessage</c> and <c>DhcpOptions</c>) and PacketDotNet 1.4.8.
/// Times are per packet.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.CpuBound)]
public class DhcpAckRead
{
    private byte[][] _packets = null!;

    [GlobalSetup]
    public void Setup()
    {
        _packets = DhcpAckSample.CreatePackets();
        Contestants.Agree(nameof(DhcpAckRead), HandWritten(), ("Generated", Generated()), ("PacketDotNet", PacketDotNet()));
        if (HandWritten() == 0)
        {
            throw new InvalidOperationException("The sample DHCPACK does not read.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = DhcpAckSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong HandWritten()
    {
        ulong acc = Fold.Seed;
        foreach (byte[] packet in _packets)
        {
            if (!HandWrittenPackets.TryReadIpv4(packet, ref acc, out ReadOnlySpan<byte> payload)
                || !HandWrittenPackets.TryReadUdp(payload, ref acc, out ReadOnlySpan<byte> dhcp)
                || !DhcpFold.TryReadHandWritten(dhcp, ref acc))
            {
                return 0;
            }
        }

        return acc;
    }

    [Benchmark(OperationsPerInvoke = DhcpAckSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong Generated()
    {
        ulong acc = Fold.Seed;
        foreach (byte[] packet in _packets)
        {
            if (!GeneratedPackets.TryReadIpv4(packet, ref acc, out ReadOnlySpan<byte> payload)
                || !GeneratedPackets.TryReadUdp(payload, ref acc, out ReadOnlySpan<byte> dhcp)
                || !GeneratedDhcp.TryRead(dhcp, ref acc))
            {
                return 0;
            }
        }

        return acc;
    }

    [Benchmark(OperationsPerInvoke = DhcpAckSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong PacketDotNet()
    {
        ulong acc = Fold.Seed;
        foreach (byte[] packet in _packets)
        {
            if (!PacketDotNetDhcp.TryRead(packet, ref acc))
            {
                return 0;
            }
        }

        return acc;
    }
}
