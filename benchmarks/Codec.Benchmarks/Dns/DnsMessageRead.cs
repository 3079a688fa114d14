using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace Codec.Benchmarks;

/// <summary>
/// Scenario 1, DNS layer alone: parsing the sample response (<see cref="DnsSample"/>: compression, a CNAME, two A
/// records, EDNS0) and consuming every field (<see cref="DnsFold"/>). Hand-written baseline, the generated
/// <c>DnsMessage</c>, DnsClient 1.8.0 (internal parser, see <see cref="DnsClientPeer"/>), Makaretu.Dns 2.0.1,
/// ARSoft.Tools.Net 3.6.1. Times are per message (a batch of <see cref="DnsSample.BatchSize"/> per invocation).
/// Benchmark methods are <c>NoInlining</c> so each is compiled as a unit, whichever harness calls it.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.CpuBound)]
public class DnsMessageRead
{
    private byte[][] _messages = null!;

    [GlobalSetup]
    public void Setup()
    {
        _messages = DnsSample.CreateMessages();
        ulong expected = Fold.Seed;
        for (int i = 0; i < DnsSample.BatchSize; i++)
        {
            expected = DnsExpected.Message(expected, DnsSample.IdOf(i));
        }

        Contestants.Agree(nameof(DnsMessageRead), expected, ("HandWritten", HandWritten()), ("Generated", Generated()), ("DnsClient", DnsClient()), ("Makaretu", Makaretu()), ("Arsoft", Arsoft()));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = DnsSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong HandWritten()
    {
        ulong acc = Fold.Seed;
        foreach (byte[] message in _messages)
        {
            if (!HandWrittenDns.TryRead(message, ref acc))
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
        foreach (byte[] message in _messages)
        {
            if (!GeneratedDns.TryRead(message, ref acc))
            {
                return 0;
            }
        }

        return acc;
    }

    [Benchmark(OperationsPerInvoke = DnsSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong DnsClient()
    {
        ulong acc = Fold.Seed;
        foreach (byte[] message in _messages)
        {
            DnsClientPeer.TryRead(message, 0, message.Length, ref acc);
        }

        return acc;
    }

    [Benchmark(OperationsPerInvoke = DnsSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong Makaretu()
    {
        ulong acc = Fold.Seed;
        foreach (byte[] message in _messages)
        {
            MakaretuPeer.TryRead(message, 0, message.Length, ref acc);
        }

        return acc;
    }

    [Benchmark(OperationsPerInvoke = DnsSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong Arsoft()
    {
        ulong acc = Fold.Seed;
        foreach (byte[] message in _messages)
        {
            ArsoftPeer.TryRead(message, 0, message.Length, ref acc);
        }

        return acc;
    }
}
