using System.Net;
using System.Net.NetworkInformation;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace Codec.Benchmarks;

/// <summary>
/// Scenario 4 for DHCP: writing the DHCPACK packet into a caller's buffer, checksums computed. Hand-written
/// (<see cref="DhcpAckSample.Write"/>), ours (<see cref="GeneratedDhcp.Write"/>) and PacketDotNet.
/// Each output is read back in <c>[GlobalSetup]</c>: checksums valid, and the DHCP part folds as the sample's does.
/// Times are per packet.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.CpuBound)]
public class DhcpAckWrite
{
    private readonly byte[] _destination = new byte[1024];
    private IPAddress _server = null!;
    private IPAddress _client = null!;
    private IPAddress _mask = null!;
    private IPAddress _publicDns = null!;
    private PhysicalAddress _hardware = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = PacketDotNetPackets.Address(DhcpAckSample.Server);
        _client = PacketDotNetPackets.Address(DhcpAckSample.Client);
        _mask = PacketDotNetPackets.Address(DhcpAckSample.Mask);
        _publicDns = PacketDotNetPackets.Address(DhcpAckSample.PublicDns);
        _hardware = new PhysicalAddress([0x00, 0x0c, 0x29, 0x4f, 0x8e, 0x35]);

        byte[] sample = DhcpAckSample.CreatePackets()[DhcpAckSample.BatchSize - 1];
        ulong expected = Fold.Seed;
        DhcpFold.TryReadHandWritten(sample.AsSpan(28), ref expected);
        Check("HandWritten", HandWritten, expected);
        Check("Generated", Generated, expected);
        Check("PacketDotNet", PacketDotNet, expected);
    }

    private void Check(string name, Func<int> write, ulong expected)
    {
        int total = write();
        ReadOnlySpan<byte> packet = _destination.AsSpan(0, total / DhcpAckSample.BatchSize);
        ulong layers = Fold.Seed;
        ulong dhcp = Fold.Seed;
        if (total == 0
            || !HandWrittenPackets.TryReadIpv4(packet, ref layers, out ReadOnlySpan<byte> payload)
            || !HandWrittenPackets.TryReadUdp(payload, ref layers, out ReadOnlySpan<byte> data)
            || !InternetChecksum.IsValidTransport(new IPv4Address(DhcpAckSample.Server), new IPv4Address(DhcpAckSample.Client), 17, payload)
            || !DhcpFold.TryReadHandWritten(data, ref dhcp))
        {
            throw new InvalidOperationException($"{name}'s packet does not read back: {Convert.ToHexString(packet)}");
        }

        Contestants.Agree(nameof(DhcpAckWrite), expected, (name, dhcp));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = DhcpAckSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int HandWritten()
    {
        Span<byte> destination = _destination;
        int total = 0;
        for (int i = 0; i < DhcpAckSample.BatchSize; i++)
        {
            total += DhcpAckSample.Write(destination, i);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = DhcpAckSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Generated()
    {
        Span<byte> destination = _destination;
        int total = 0;
        for (int i = 0; i < DhcpAckSample.BatchSize; i++)
        {
            total += GeneratedDhcp.Write(destination, i);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = DhcpAckSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int PacketDotNet()
    {
        int total = 0;
        for (int i = 0; i < DhcpAckSample.BatchSize; i++)
        {
            total += PacketDotNetDhcp.Write(_destination, i, _server, _client, _hardware, _mask, _publicDns);
        }

        return total;
    }
}
