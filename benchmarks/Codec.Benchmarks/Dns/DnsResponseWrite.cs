using Codec.Dns;
using System.Net;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace Codec.Benchmarks;

/// <summary>
/// Scenario 4 for DNS: the whole response packet written into a caller's buffer — the DNS message as in
/// <see cref="DnsMessageWrite"/>, then the UDP header (checksum with the pseudo-header) and the IPv4 header (checksum).
/// Hand-written (the general builder <see cref="HandWrittenDnsWriter"/>, baseline; HandWrittenTemplate with the
/// template writer as the floor); generated (the compressing <see cref="GeneratedDnsWriter.WriteCompressed"/>, and
/// GeneratedUncompressed with <see cref="GeneratedDnsWriter.Write"/>; both with <see cref="GeneratedPackets.WrapUdp"/>); PacketDotNet
/// around Makaretu's and around ARSoft's message. Every packet is read back in <c>[GlobalSetup]</c> (both checksums
/// verified). Times are per packet.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.CpuBound)]
public class DnsResponseWrite
{
    private readonly byte[] _destination = new byte[512];
    private readonly DnsNameCompressor _compressor = new();
    private IPAddress _server = null!;
    private IPAddress _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = PacketDotNetPackets.Address(DnsSample.ServerAddress);
        _client = PacketDotNetPackets.Address(DnsSample.ClientAddress);
        Check("HandWritten", HandWritten);
        Check("HandWrittenTemplate", HandWrittenTemplate);
        Check("Generated", Generated);
        Span<byte> generated = _destination.AsSpan(0, _destination.Length);
        byte[] general = new byte[_destination.Length];
        if (GeneratedDnsWriter.WriteCompressed(generated[28..], DnsSample.Id, DnsSample.Address1, DnsSample.Address2, _compressor) != 94
            || HandWrittenDnsWriter.WriteSampleResponse(general, DnsSample.Id, DnsSample.Address1, DnsSample.Address2) != 94
            || !generated.Slice(28, 94).SequenceEqual(general.AsSpan(0, 94)))
        {
            throw new InvalidOperationException("The generated compressing writer does not write the hand-written builder's DNS octets.");
        }

        Check("GeneratedUncompressed", GeneratedUncompressed);
        Check("PacketDotNetMakaretu", PacketDotNetMakaretu);
        Check("PacketDotNetArsoft", PacketDotNetArsoft);
    }

    private void Check(string name, Func<int> write)
    {
        int total = write();
        ReadOnlySpan<byte> packet = _destination.AsSpan(0, total / DnsSample.BatchSize);
        ulong acc = Fold.Seed;
        ulong dnsAcc = Fold.Seed;
        if (total == 0
            || !HandWrittenPackets.TryReadIpv4(packet, ref acc, out ReadOnlySpan<byte> payload)
            || !HandWrittenPackets.TryReadUdp(payload, ref acc, out ReadOnlySpan<byte> dns)
            || !InternetChecksum.IsValidTransport(new IPv4Address(DnsSample.ServerAddress), new IPv4Address(DnsSample.ClientAddress), 17, payload)
            || packet[9] != 17 || packet[8] != 64 || (packet[6] & 0x40) == 0
            || !HandWrittenDns.TryRead(dns, ref dnsAcc))
        {
            throw new InvalidOperationException($"{name}'s packet does not read back: {Convert.ToHexString(packet)}");
        }

        Contestants.Agree(nameof(DnsResponseWrite), DnsExpected.Message(Fold.Seed, DnsSample.IdOf(DnsSample.BatchSize - 1)), (name, dnsAcc));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = DnsSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int HandWritten()
    {
        Span<byte> packet = _destination;
        int total = 0;
        for (int i = 0; i < DnsSample.BatchSize; i++)
        {
            int length = HandWrittenDnsWriter.WriteSampleResponse(packet[28..], DnsSample.IdOf(i), DnsSample.Address1, DnsSample.Address2);
            total += HandWrittenPackets.WrapUdp(packet, length, (ushort)(0x4d00 + i), DnsSample.ServerAddress, DnsSample.ClientAddress, 53, DnsSample.ClientPort);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = DnsSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int HandWrittenTemplate()
    {
        Span<byte> packet = _destination;
        int total = 0;
        for (int i = 0; i < DnsSample.BatchSize; i++)
        {
            int length = HandWrittenDns.WriteSampleResponse(packet[28..], DnsSample.IdOf(i), DnsSample.Address1, DnsSample.Address2);
            total += HandWrittenPackets.WrapUdp(packet, length, (ushort)(0x4d00 + i), DnsSample.ServerAddress, DnsSample.ClientAddress, 53, DnsSample.ClientPort);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = DnsSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Generated()
    {
        Span<byte> packet = _destination;
        int total = 0;
        for (int i = 0; i < DnsSample.BatchSize; i++)
        {
            int length = GeneratedDnsWriter.WriteCompressed(packet[28..], DnsSample.IdOf(i), DnsSample.Address1, DnsSample.Address2, _compressor);
            total += GeneratedPackets.WrapUdp(packet, length, (ushort)(0x4d00 + i), DnsSample.ServerAddress, DnsSample.ClientAddress, 53, DnsSample.ClientPort);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = DnsSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int GeneratedUncompressed()
    {
        Span<byte> packet = _destination;
        int total = 0;
        for (int i = 0; i < DnsSample.BatchSize; i++)
        {
            int length = GeneratedDnsWriter.Write(packet[28..], DnsSample.IdOf(i), DnsSample.Address1, DnsSample.Address2);
            total += GeneratedPackets.WrapUdp(packet, length, (ushort)(0x4d00 + i), DnsSample.ServerAddress, DnsSample.ClientAddress, 53, DnsSample.ClientPort);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = DnsSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int PacketDotNetMakaretu()
    {
        int total = 0;
        for (int i = 0; i < DnsSample.BatchSize; i++)
        {
            total += PacketDotNetPackets.WriteUdp(_destination, MakaretuPeer.Build(DnsSample.IdOf(i)), (ushort)(0x4d00 + i), _server, _client, 53, DnsSample.ClientPort);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = DnsSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int PacketDotNetArsoft()
    {
        int total = 0;
        for (int i = 0; i < DnsSample.BatchSize; i++)
        {
            total += PacketDotNetPackets.WriteUdp(_destination, ArsoftPeer.Build(DnsSample.IdOf(i)).ToArray(), (ushort)(0x4d00 + i), _server, _client, 53, DnsSample.ClientPort);
        }

        return total;
    }
}
