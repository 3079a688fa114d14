using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using PacketDotNet;

namespace Codec.Benchmarks;

/// <summary>
/// Scenario 1, the whole packet: IPv4 (header checksum verified) → UDP → the DNS sample response, every field of
/// every layer consumed. Hand-written baseline; generated <c>Ipv4Packet</c> → <c>UdpDatagram</c> → <c>DnsMessage</c>;
/// and the peers as a user would combine them: PacketDotNet 1.4.8 for IPv4/UDP and a DNS library for the payload.
/// Times are per packet (a batch of <see cref="DnsSample.BatchSize"/> per invocation).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.CpuBound)]
public class DnsResponseRead
{
    private byte[][] _packets = null!;

    [GlobalSetup]
    public void Setup()
    {
        _packets = DnsSample.CreatePackets();

        // The DNS part must fold to the constants; all contestants must agree on the IPv4 and UDP parts.
        ulong hand = Fold.Seed;
        foreach (byte[] packet in _packets)
        {
            ulong layers = Fold.Seed;
            if (!HandWrittenPackets.TryReadIpv4(packet, ref layers, out ReadOnlySpan<byte> payload) || !HandWrittenPackets.TryReadUdp(payload, ref layers, out ReadOnlySpan<byte> dns)
                || !HandWrittenDns.TryRead(dns, ref hand) || !InternetChecksum.IsValidTransport(new IPv4Address(DnsSample.ServerAddress), new IPv4Address(DnsSample.ClientAddress), 17, payload))
            {
                throw new InvalidOperationException("The sample packet does not read.");
            }
        }

        ulong expected = Fold.Seed;
        for (int i = 0; i < DnsSample.BatchSize; i++)
        {
            expected = DnsExpected.Message(expected, DnsSample.IdOf(i));
        }

        Contestants.Agree(nameof(DnsResponseRead) + " (DNS part)", expected, ("HandWritten", hand));
        Contestants.Agree(
            nameof(DnsResponseRead), HandWritten(), ("Generated", Generated()), ("PacketDotNetDnsClient", PacketDotNetDnsClient()),
            ("PacketDotNetMakaretu", PacketDotNetMakaretu()), ("PacketDotNetArsoft", PacketDotNetArsoft()));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = DnsSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong HandWritten()
    {
        ulong acc = Fold.Seed;
        foreach (byte[] packet in _packets)
        {
            if (!HandWrittenPackets.TryReadIpv4(packet, ref acc, out ReadOnlySpan<byte> payload)
                || !HandWrittenPackets.TryReadUdp(payload, ref acc, out ReadOnlySpan<byte> dns)
                || !HandWrittenDns.TryRead(dns, ref acc))
            {
                return 0;
            }
        }

        return acc;
    }

    [Benchmark(OperationsPerInvoke = DnsSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong Generated()
    {
        ulong acc = Fold.Seed;
        foreach (byte[] packet in _packets)
        {
            if (!GeneratedPackets.TryReadIpv4(packet, ref acc, out ReadOnlySpan<byte> payload)
                || !GeneratedPackets.TryReadUdp(payload, ref acc, out ReadOnlySpan<byte> dns)
                || !GeneratedDns.TryRead(dns, ref acc))
            {
                return 0;
            }
        }

        return acc;
    }

    [Benchmark(OperationsPerInvoke = DnsSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong PacketDotNetDnsClient()
    {
        ulong acc = Fold.Seed;
        foreach (byte[] packet in _packets)
        {
            if (PacketDotNetPackets.TryReadIpv4(packet, ref acc) is not IPv4Packet ip || PacketDotNetPackets.TryReadUdp(ip, ref acc) is not UdpPacket udp)
            {
                return 0;
            }

            // DnsClient resolves compression pointers against the start of the segment's array, not of the segment
            // (it reads names wrongly at a non-zero offset), so it gets the DNS message as its own array.
            byte[] dns = udp.PayloadData;
            DnsClientPeer.TryRead(dns, 0, dns.Length, ref acc);
        }

        return acc;
    }

    [Benchmark(OperationsPerInvoke = DnsSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong PacketDotNetMakaretu()
    {
        ulong acc = Fold.Seed;
        foreach (byte[] packet in _packets)
        {
            if (PacketDotNetPackets.TryReadIpv4(packet, ref acc) is not IPv4Packet ip || PacketDotNetPackets.TryReadUdp(ip, ref acc) is not UdpPacket udp)
            {
                return 0;
            }

            var dns = udp.PayloadDataSegment;
            MakaretuPeer.TryRead(dns.Bytes, dns.Offset, dns.Length, ref acc);
        }

        return acc;
    }

    [Benchmark(OperationsPerInvoke = DnsSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong PacketDotNetArsoft()
    {
        ulong acc = Fold.Seed;
        foreach (byte[] packet in _packets)
        {
            if (PacketDotNetPackets.TryReadIpv4(packet, ref acc) is not IPv4Packet ip || PacketDotNetPackets.TryReadUdp(ip, ref acc) is not UdpPacket udp)
            {
                return 0;
            }

            var dns = udp.PayloadDataSegment;
            ArsoftPeer.TryRead(dns.Bytes, dns.Offset, dns.Length, ref acc);
        }

        return acc;
    }
}
