using Codec.Dns;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace Codec.Benchmarks;

/// <summary>
/// Scenario 1 (build) and 4, DNS layer alone: writing the sample response into a caller's buffer from the same inputs
/// (names in wire form, types, TTLs, addresses, the id). Baseline: the hand-written general builder
/// (<see cref="HandWrittenDnsWriter"/>: checks the names, compresses by looking suffixes up among the names written).
/// HandWrittenTemplate is the other end, a template for this one response with its pointers worked out in advance
/// (<see cref="HandWrittenDns.WriteSampleResponse"/>: little more than 94 octet stores), kept as the floor. Then the
/// generated writers (see <see cref="GeneratedDnsWriter"/>), Makaretu.Dns (builds the message objects, serializes to a
/// new array, copied into the buffer), ARSoft.Tools.Net (the same; its encoder is internal, see <see cref="ArsoftPeer"/>).
/// DnsClient builds only queries, so it is not here. Every output is read back in <c>[GlobalSetup]</c> and must fold
/// to the sample's values. Times are per message.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.CpuBound)]
public class DnsMessageWrite
{
    private readonly byte[] _destination = new byte[512];
    private readonly DnsNameCompressor _compressor = new();

    [GlobalSetup]
    public void Setup()
    {
        Check("HandWritten", HandWritten, 94 * DnsSample.BatchSize);
        Check("HandWrittenTemplate", HandWrittenTemplate, 94 * DnsSample.BatchSize);
        byte[] general = new byte[94], template = new byte[94];
        if (HandWrittenDnsWriter.WriteSampleResponse(general, DnsSample.Id, DnsSample.Address1, DnsSample.Address2) != 94
            || HandWrittenDns.WriteSampleResponse(template, DnsSample.Id, DnsSample.Address1, DnsSample.Address2) != 94
            || !general.AsSpan().SequenceEqual(template) || !general.AsSpan().SequenceEqual(DnsSample.Message))
        {
            throw new InvalidOperationException("The hand-written builder and the template do not both write the sample's octets.");
        }
        Check("Generated", Generated, 94 * DnsSample.BatchSize);

        // Ours compresses what the hand-written builder compresses (the CNAME target inside RDATA included): the same octets.
        byte[] generated = new byte[512];
        if (GeneratedDnsWriter.WriteCompressed(generated, DnsSample.Id, DnsSample.Address1, DnsSample.Address2, _compressor) != 94
            || !generated.AsSpan(0, 94).SequenceEqual(general))
        {
            throw new InvalidOperationException($"The generated compressing writer does not write the hand-written builder's octets: {Convert.ToHexString(generated, 0, 94)}");
        }

        Check("GeneratedUncompressed", GeneratedUncompressed, 150 * DnsSample.BatchSize);
        Check("Makaretu", Makaretu, 0);
        Check("Arsoft", Arsoft, 0);
    }

    private void Check(string name, Func<int> write, int expectedTotal)
    {
        int total = write();
        if (total == 0 || (expectedTotal != 0 && total != expectedTotal))
        {
            throw new InvalidOperationException($"{name} wrote {total} octets for the batch, expected {expectedTotal}.");
        }

        // The last message of the batch is in the buffer.
        ulong acc = Fold.Seed;
        ushort id = DnsSample.IdOf(DnsSample.BatchSize - 1);
        if (!HandWrittenDns.TryRead(_destination.AsSpan(0, total / DnsSample.BatchSize), ref acc))
        {
            throw new InvalidOperationException($"{name}'s output does not read: {Convert.ToHexString(_destination, 0, total / DnsSample.BatchSize)}");
        }

        Contestants.Agree(nameof(DnsMessageWrite), DnsExpected.Message(Fold.Seed, id), (name, acc));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = DnsSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int HandWritten()
    {
        Span<byte> destination = _destination;
        int total = 0;
        for (int i = 0; i < DnsSample.BatchSize; i++)
        {
            total += HandWrittenDnsWriter.WriteSampleResponse(destination, DnsSample.IdOf(i), DnsSample.Address1, DnsSample.Address2);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = DnsSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int HandWrittenTemplate()
    {
        Span<byte> destination = _destination;
        int total = 0;
        for (int i = 0; i < DnsSample.BatchSize; i++)
        {
            total += HandWrittenDns.WriteSampleResponse(destination, DnsSample.IdOf(i), DnsSample.Address1, DnsSample.Address2);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = DnsSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Generated()
    {
        Span<byte> destination = _destination;
        int total = 0;
        for (int i = 0; i < DnsSample.BatchSize; i++)
        {
            total += GeneratedDnsWriter.WriteCompressed(destination, DnsSample.IdOf(i), DnsSample.Address1, DnsSample.Address2, _compressor);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = DnsSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int GeneratedUncompressed()
    {
        Span<byte> destination = _destination;
        int total = 0;
        for (int i = 0; i < DnsSample.BatchSize; i++)
        {
            total += GeneratedDnsWriter.Write(destination, DnsSample.IdOf(i), DnsSample.Address1, DnsSample.Address2);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = DnsSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Makaretu()
    {
        Span<byte> destination = _destination;
        int total = 0;
        for (int i = 0; i < DnsSample.BatchSize; i++)
        {
            total += MakaretuPeer.Write(destination, DnsSample.IdOf(i));
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = DnsSample.BatchSize)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Arsoft()
    {
        Span<byte> destination = _destination;
        int total = 0;
        for (int i = 0; i < DnsSample.BatchSize; i++)
        {
            total += ArsoftPeer.Write(destination, DnsSample.IdOf(i));
        }

        return total;
    }
}
