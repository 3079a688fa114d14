using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Codec.Dns.PeerTests;

/// <summary><c>codecs dns serve</c> as a user runs it: a child process, dig against it, SIGHUP and Ctrl-C (SIGINT).</summary>
public sealed class DnsServeCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("codecs-serve-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task With_no_zone_the_sample_zone_answers_dig_at_once_and_ctrl_c_stops_it_cleanly()
    {
        int port = PeerTools.FreePort();
        using var serve = Serve("--listen", $"127.0.0.1:{port}");
        await serve.WaitForAsync("DNS served on");

        DigResult reply = await PeerServers.DigAsync(port, "www.example.test", "A");
        await serve.SignalAsync("INT");
        int exit = await serve.WaitForExitAsync();

        Assert.Equal(["www.example.test. 3600 in a 192.0.2.80"], reply.Answer);
        Assert.Contains("aa", reply.Flags.Split(' '));
        Assert.Equal(0, exit);
        Assert.Contains("Counters: queries=1 noerror=1", serve.Output);
    }

    [Fact]
    public async Task Sighup_reloads_the_zone_and_a_bad_file_keeps_the_old_one()
    {
        string zone = Path.Combine(_directory, "reload.test.zone");
        await File.WriteAllTextAsync(zone, "$TTL 60\n@ SOA ns h 1 2 3 4 5\nwww A 192.0.2.1\n");
        int port = PeerTools.FreePort();
        using var serve = Serve("--zone", zone, "--listen", $"127.0.0.1:{port}");
        await serve.WaitForAsync("DNS served on");

        await File.WriteAllTextAsync(zone, "$TTL 60\n@ SOA ns h 1 2 3 4 5\nwww A 192.0.2.999\n");
        await serve.SignalAsync("HUP");
        await serve.WaitForAsync("Zone reload failed");
        DigResult kept = await PeerServers.DigAsync(port, "www.reload.test", "A");

        await File.WriteAllTextAsync(zone, "$TTL 60\n@ SOA ns h 2 2 3 4 5\nwww A 192.0.2.2\n");
        await serve.SignalAsync("HUP");
        await serve.WaitForAsync("Zones reloaded");
        DigResult reloaded = await PeerServers.DigAsync(port, "www.reload.test", "A");
        await serve.SignalAsync("INT");
        await serve.WaitForExitAsync();

        Assert.Contains($"{zone}:3: bad IPv4 address '192.0.2.999'", serve.Output);
        Assert.Equal(["www.reload.test. 60 in a 192.0.2.1"], kept.Answer);
        Assert.Equal(["www.reload.test. 60 in a 192.0.2.2"], reloaded.Answer);
    }

    [Fact]
    public async Task A_bad_zone_at_start_is_one_line_with_file_and_line_and_a_non_zero_exit()
    {
        string zone = Path.Combine(_directory, "bad.test.zone");
        await File.WriteAllTextAsync(zone, "$TTL 60\n@ SOA ns h 1 2 3 4 5\n\nwww CNAME a\nwww TXT \"clash\"\n");
        using var serve = Serve("--zone", zone, "--listen", $"127.0.0.1:{PeerTools.FreePort()}");

        int exit = await serve.WaitForExitAsync();

        Assert.Equal(1, exit);
        Assert.Equal($"codecs dns serve: {zone}:5: www.bad.test. has a CNAME and other data (RFC 1034 §3.6.2)", serve.Error.Trim());
    }

    private static ServeProcess Serve(params string[] arguments) => new(arguments);

    private sealed class ServeProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly StringBuilder _error = new();

        public ServeProcess(string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "codecs.dll"));
            start.ArgumentList.Add("dns");
            start.ArgumentList.Add("serve");
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            _process = new Process { StartInfo = start };
            _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
            _process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public string Error
        {
            get
            {
                lock (_error)
                {
                    return _error.ToString();
                }
            }
        }

        public async Task WaitForAsync(string text)
        {
            var clock = Stopwatch.StartNew();
            while (!Output.Contains(text, StringComparison.Ordinal))
            {
                Assert.False(_process.HasExited, $"codecs exited early:\n{Output}\n{Error}");
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"no '{text}' in:\n{Output}\n{Error}");
                await Task.Delay(50);
            }
        }

        public async Task SignalAsync(string signal)
        {
            (int exit, _, string error) = await PeerTools.RunAsync("kill", ["-" + signal, _process.Id.ToString(CultureInfo.InvariantCulture)]);
            Assert.True(exit == 0, error);
        }

        public async Task<int> WaitForExitAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }

        private static void Append(StringBuilder builder, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (builder)
            {
                builder.AppendLine(line);
            }
        }
    }
}
