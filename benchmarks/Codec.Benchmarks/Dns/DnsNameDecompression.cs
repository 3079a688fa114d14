using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Codec.Dns;

namespace Codec.Benchmarks;

/// <summary>
/// Scenario 7 (issue 3): reading the six names of the sample response (<see cref="DnsSample.NameOffsets"/>: one
/// uncompressed, three that are a lone pointer — two of them to a name that itself ends in a pointer — the CNAME
/// target with a label and a pointer, and the root) with <see cref="DnsName.TryRead(ReadOnlySpan{byte}, int, out DnsName, out int)"/>
/// against the hand-written pointer-following walk (<see cref="HandWrittenDns.TryReadName"/>: the same validation
/// rules). Each folds the uncompressed wire length, the label count and the octets consumed. Times are per name.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.CpuBound)]
public class DnsNameDecompression
{
    private const int Names = 6;
    private byte[] _message = null!;
    private int[] _offsets = null!;

    [GlobalSetup]
    public void Setup()
    {
        _message = DnsSample.Message.ToArray();
        _offsets = DnsSample.NameOffsets.ToArray();
        if (_offsets.Length != Names)
        {
            throw new InvalidOperationException("The sample's name offsets changed.");
        }

        // Expected: www.example.com. at 12 (17 octets, 3 labels), owners at 33/51/67 (pointers, 2 octets), the CNAME target
        // web.example.com. at 45 (6 octets), the root at 83.
        ulong expected = 0;
        foreach (var (wire, labels, consumed) in new[] { (17, 3, 17), (17, 3, 2), (17, 3, 6), (17, 3, 2), (17, 3, 2), (1, 0, 1) })
        {
            expected = Fold.Mix(expected, (ulong)(uint)wire | ((ulong)(uint)labels << 16) | ((ulong)(uint)consumed << 32));
        }

        Contestants.Agree(nameof(DnsNameDecompression), expected, ("HandWritten", HandWritten()), ("Generated", Generated()));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Names)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong HandWritten()
    {
        ReadOnlySpan<byte> message = _message;
        ulong acc = 0;
        foreach (int offset in _offsets)
        {
            if (!HandWrittenDns.TryReadName(message, offset, out int wire, out int labels, out int consumed))
            {
                return 0;
            }

            acc = Fold.Mix(acc, (ulong)(uint)wire | ((ulong)(uint)labels << 16) | ((ulong)(uint)consumed << 32));
        }

        return acc;
    }

    [Benchmark(OperationsPerInvoke = Names)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong Generated()
    {
        ReadOnlySpan<byte> message = _message;
        ulong acc = 0;
        foreach (int offset in _offsets)
        {
            if (!DnsName.TryRead(message, offset, out DnsName name, out int consumed))
            {
                return 0;
            }

            acc = Fold.Mix(acc, (ulong)(uint)name.WireLength | ((ulong)(uint)name.LabelCount << 16) | ((ulong)(uint)consumed << 32));
        }

        return acc;
    }
}
