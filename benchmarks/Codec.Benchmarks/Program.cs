using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;
using Perfolizer.Metrology;

namespace Codec.Benchmarks;

/// <summary>
/// Entry point: every benchmark class in this assembly, chosen with BenchmarkDotNet's usual arguments
/// (<c>--filter '*'</c>, <c>--job short|dry</c>, <c>--inProcess</c>, ...). <c>benchmarks/run.sh</c> is the way to run them.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // --paired (ours): the interleaved ratio check of PairedComparison instead of BenchmarkDotNet.
        if (args.Contains("--paired"))
        {
            return PairedComparison.Run(args);
        }

        // Ratios are per class: each class holds its baseline and the code it is compared with.
        // Fixed units (ns, bytes) in every report, so that run.sh can read the CSV without converting units.
        IConfig config = DefaultConfig.Instance
            .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared))
            .WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(TimeUnit.Nanosecond).WithSizeUnit(SizeUnit.B))
            .AddColumn(StatisticColumn.Median); // BenchmarkDotNet shows it only for skewed samples; RESULTS.md always wants it

        // --thread-cpu-clock (ours, not BenchmarkDotNet's): time with the benchmark thread's CPU time, for machines
        // where other processes compete for the cores; only for benchmarks that never wait (Categories.CpuBound).
        // BenchmarkDotNet refines a job marked default in the config with the command line's options but then
        // ignores --job, so that one is resolved here.
        if (args.Contains("--thread-cpu-clock"))
        {
            args = args.Where(a => a != "--thread-cpu-clock").ToArray();
            Job baseJob = Job.Default;
            int jobIndex = Array.FindIndex(args, a => a is "--job" or "-j");
            if (jobIndex >= 0 && jobIndex + 1 < args.Length)
            {
                baseJob = args[jobIndex + 1].ToLowerInvariant() switch
                {
                    "default" => Job.Default,
                    "dry" => Job.Dry,
                    "short" or "shortrun" => Job.ShortRun,
                    "medium" or "mediumrun" => Job.MediumRun,
                    "long" or "longrun" => Job.LongRun,
                    "verylong" or "verylongrun" => Job.VeryLongRun,
                    string other => throw new ArgumentException($"--thread-cpu-clock does not know the job '{other}'."),
                };
                args = args.Take(jobIndex).Concat(args.Skip(jobIndex + 2)).ToArray();
            }

            config = config.AddJob(baseJob.WithClock(ThreadCpuClock.Instance).AsDefault());
        }

        // --only-category NAME / --exclude-category NAME (ours): keep only, or leave out, the benchmarks of a category;
        // run.sh runs the CpuBound ones apart. Unlike --anyCategories, which BenchmarkDotNet ORs with --filter, these
        // narrow whatever --filter selects.
        foreach (string option in new[] { "--only-category", "--exclude-category" })
        {
            int index = Array.IndexOf(args, option);
            if (index >= 0 && index + 1 < args.Length)
            {
                string category = args[index + 1];
                bool keep = option == "--only-category";
                args = args.Take(index).Concat(args.Skip(index + 2)).ToArray();
                config = config.AddFilter(new SimpleFilter(b => b.Descriptor.Categories.Contains(category) == keep));
            }
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).ToList();

        // A benchmark that threw (e.g. a GlobalSetup cross-check failing) or a build error must fail the script.
        bool failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }
}
