using System.Diagnostics;
using System.Globalization;

namespace Codec.Cli.Decoding;

/// <summary>Reports frames and frames per second on stderr about once a second, on one line rewritten in place, and a summary at the end.</summary>
internal sealed class ProgressReporter
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TextWriter _error;
    private long _lastReport;

    public ProgressReporter(TextWriter error) => _error = error;

    public void Frame(long frames, long bytes)
    {
        if ((frames & 1023) != 0 || _clock.ElapsedMilliseconds - _lastReport < 1000)
        {
            return;
        }

        _lastReport = _clock.ElapsedMilliseconds;
        _error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{frames} frames, {bytes / (1024 * 1024)} MiB, {frames / _clock.Elapsed.TotalSeconds:F0} frames/s   "));
    }

    public void Done(long frames) =>
        _error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\r{frames} frames in {_clock.Elapsed.TotalSeconds:F1} s, {frames / Math.Max(_clock.Elapsed.TotalSeconds, 1e-9):F0} frames/s"));
}
