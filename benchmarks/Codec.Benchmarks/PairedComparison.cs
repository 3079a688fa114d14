using System.Globalization;
using System.Runtime.CompilerServices;

namespace Codec.Benchmarks;

/// <summary>
/// A check of the ratios that does not depend on the machine staying equally busy for minutes: BenchmarkDotNet
/// measures one benchmark after another, so a neighbour that gets busier halfway skews the ratio between them.
/// Here the benchmarks of a class take turns, round after round (the order rotating), each timed for about
/// <see cref="SampleNanoseconds"/> of CPU time, and the ratio to the baseline is taken within each round. The median
/// of those per-round ratios is the estimate; the quartiles say how much it moved. Run with <c>--paired</c>.
/// </summary>
internal static class PairedComparison
{
    private const long SampleNanoseconds = 2_000_000;
    private const long WarmupNanoseconds = 1_500_000_000; // past tiered compilation's call counting, OSR and tier 1

    private static long s_sink;

    private sealed record Candidate(string Method, Func<long> Invoke, int OperationsPerInvoke);

    public static int Run(string[] args)
    {
        int rounds = 300;
        string? csvPath = null;
        var only = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--rounds" && i + 1 < args.Length)
            {
                rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--paired-csv" && i + 1 < args.Length)
            {
                csvPath = args[++i];
            }
            else if (args[i] == "--paired-class" && i + 1 < args.Length)
            {
                only.Add(args[++i]);
            }
        }

        var read = new Ipv4HeaderRead();
        read.Setup();
        var write = new Ipv4HeaderWrite();
        write.Setup();
        var checksum = new InternetChecksumCompute();
        checksum.Setup();
        var (reader1, reader1000) = (new Transport.ProtocolReaderBenchmarks { MessagesPerRead = 1 }, new Transport.ProtocolReaderBenchmarks { MessagesPerRead = 1000 });
        reader1.Setup();
        reader1000.Setup();
        var (inPlace1, inPlace1000) = (new Transport.ProtocolReaderInPlaceBenchmarks { MessagesPerRead = 1 }, new Transport.ProtocolReaderInPlaceBenchmarks { MessagesPerRead = 1000 });
        inPlace1.Setup();
        inPlace1000.Setup();
        const int messages = Transport.ProtocolReaderBenchmarks.Messages;
        const int batch = Ipv4Samples.BatchSize;

        var classes = new (string Name, Candidate[] Candidates)[]
        {
            ("InternetChecksumCompute",
            [
                new("NaiveScalar", () => checksum.NaiveScalar(), 1),
                new("RuntimeCompute", () => checksum.RuntimeCompute(), 1),
            ]),
            ("Ipv4HeaderRead",
            [
                new("HandWritten", () => (long)read.HandWritten(), batch),
                new("GeneratedTryRead", () => (long)read.GeneratedTryRead(), batch),
                new("GeneratedTryReadBool", () => (long)read.GeneratedTryReadBool(), batch),
                new("GeneratedReadOnlyView", () => (long)read.GeneratedReadOnlyView(), batch),
            ]),
            ("Ipv4HeaderWrite",
            [
                new("HandWritten", () => write.HandWritten(), batch),
                new("GeneratedTryWrite", () => write.GeneratedTryWrite(), batch),
            ]),
            ("ProtocolReader 1 per read",
            [
                new("BarePipeReaderLoop", () => reader1.BarePipeReaderLoop().Result, messages),
                new("ProtocolReaderLoop", () => reader1.ProtocolReaderLoop().Result, messages),
                new("ProtocolReaderTryReadLoop", () => reader1.ProtocolReaderTryReadLoop().Result, messages),
            ]),
            ("ProtocolReader 1000 per read",
            [
                new("BarePipeReaderLoop", () => reader1000.BarePipeReaderLoop().Result, messages),
                new("ProtocolReaderLoop", () => reader1000.ProtocolReaderLoop().Result, messages),
                new("ProtocolReaderTryReadLoop", () => reader1000.ProtocolReaderTryReadLoop().Result, messages),
            ]),
            ("ProtocolReader in place 1 per read",
            [
                new("BareInPlaceLoop", () => inPlace1.BareInPlaceLoop().Result, messages),
                new("ProtocolReaderInPlaceLoop", () => inPlace1.ProtocolReaderInPlaceLoop().Result, messages),
            ]),
            ("ProtocolReader in place 1000 per read",
            [
                new("BareInPlaceLoop", () => inPlace1000.BareInPlaceLoop().Result, messages),
                new("ProtocolReaderInPlaceLoop", () => inPlace1000.ProtocolReaderInPlaceLoop().Result, messages),
            ]),
        };
        classes = [.. classes, .. Reflected.Select(type => (type.Name, ReflectedCandidates(type)))];
        if (only.Count > 0)
        {
            classes = [.. classes.Where(c => only.Any(o => c.Name.Contains(o, StringComparison.OrdinalIgnoreCase)))];
        }

        var csv = new List<string> { "Class,Method,MedianNs,RatioMedian,RatioP25,RatioP75,Rounds" };
        foreach (var (name, candidates) in classes)
        {
            Console.WriteLine($"// Paired: {name}, {rounds} rounds");
            foreach (string line in Compare(name, candidates, rounds))
            {
                csv.Add(line);
                Console.WriteLine(line);
            }
        }

        if (csvPath is not null)
        {
            File.WriteAllLines(csvPath, csv);
        }

        return 0;
    }

    /// <summary>Classes compared through their [Benchmark] methods (baseline first; each returns a number).</summary>
    private static readonly Type[] Reflected =
    [
        typeof(TcpSynRead), typeof(TcpSynWrite), typeof(DhcpAckRead), typeof(DhcpAckWrite),
        typeof(DnsMessageRead), typeof(DnsResponseRead), typeof(DnsMessageWrite), typeof(DnsResponseWrite),
        typeof(DnsNameDecompression), typeof(Ipv4SequenceRead), typeof(Ipv4SplitSequenceRead), typeof(Ipv4SingleSegmentSequenceRead),
    ];

    private static Candidate[] ReflectedCandidates(Type type)
    {
        object instance = Activator.CreateInstance(type)!;
        foreach (var setup in type.GetMethods().Where(m => m.GetCustomAttributes(typeof(BenchmarkDotNet.Attributes.GlobalSetupAttribute), false).Length > 0))
        {
            setup.Invoke(instance, null);
        }

        var candidates = new List<Candidate>();
        foreach (var method in type.GetMethods())
        {
            if (method.GetCustomAttributes(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute), false).FirstOrDefault() is not BenchmarkDotNet.Attributes.BenchmarkAttribute benchmark)
            {
                continue;
            }

            Func<long> invoke;
            if (method.ReturnType == typeof(ulong))
            {
                Func<ulong> f = method.CreateDelegate<Func<ulong>>(instance);
                invoke = () => (long)f();
            }
            else if (method.ReturnType == typeof(int))
            {
                Func<int> f = method.CreateDelegate<Func<int>>(instance);
                invoke = () => f();
            }
            else
            {
                invoke = method.CreateDelegate<Func<long>>(instance);
            }

            var candidate = new Candidate(method.Name, invoke, benchmark.OperationsPerInvoke);
            if (benchmark.Baseline)
            {
                candidates.Insert(0, candidate);
            }
            else
            {
                candidates.Add(candidate);
            }
        }

        return [.. candidates];
    }

    private static IEnumerable<string> Compare(string className, Candidate[] candidates, int rounds)
    {
        var clock = ThreadCpuClock.Instance;
        long[] invokes = new long[candidates.Length];
        for (int c = 0; c < candidates.Length; c++)
        {
            // Warm up, then size a sample to about SampleNanoseconds.
            long start = clock.GetTimestamp(), count = 0;
            while (clock.GetTimestamp() - start < WarmupNanoseconds / candidates.Length)
            {
                for (int k = 0; k < 100; k++)
                {
                    s_sink += candidates[c].Invoke();
                }

                count += 100;
            }

            long calibrate = clock.GetTimestamp();
            for (int k = 0; k < 1000; k++)
            {
                s_sink += candidates[c].Invoke();
            }

            double perInvoke = (clock.GetTimestamp() - calibrate) / 1000.0;
            invokes[c] = Math.Max(1, (long)(SampleNanoseconds / Math.Max(perInvoke, 1)));
        }

        double[][] perOp = new double[candidates.Length][];
        for (int c = 0; c < candidates.Length; c++)
        {
            perOp[c] = new double[rounds];
        }

        for (int r = 0; r < rounds; r++)
        {
            for (int j = 0; j < candidates.Length; j++)
            {
                int c = (r + j) % candidates.Length;
                perOp[c][r] = Sample(candidates[c], invokes[c]);
            }
        }

        for (int c = 0; c < candidates.Length; c++)
        {
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++)
            {
                ratios[r] = perOp[c][r] / perOp[0][r];
            }

            yield return string.Create(
                CultureInfo.InvariantCulture,
                $"{className},{candidates[c].Method},{Quantile(perOp[c], 0.5):F3},{Quantile(ratios, 0.5):F3},{Quantile(ratios, 0.25):F3},{Quantile(ratios, 0.75):F3},{rounds}");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double Sample(Candidate candidate, long invokes)
    {
        long sink = 0;
        long start = ThreadCpuClock.Instance.GetTimestamp();
        for (long k = 0; k < invokes; k++)
        {
            sink += candidate.Invoke();
        }

        long elapsed = ThreadCpuClock.Instance.GetTimestamp() - start;
        s_sink += sink;
        return (double)elapsed / invokes / candidate.OperationsPerInvoke;
    }

    private static double Quantile(double[] values, double q)
    {
        double[] sorted = (double[])values.Clone();
        Array.Sort(sorted);
        double position = q * (sorted.Length - 1);
        int low = (int)Math.Floor(position);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }
}
