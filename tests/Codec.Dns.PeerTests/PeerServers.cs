using System.Diagnostics;
using System.Net;
using Codec.Dns.Server;

namespace Codec.Dns.PeerTests;

/// <summary>knotd and our server, each on its own loopback port, serving the same zone files; started once for the tests.</summary>
public sealed class PeerServers : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("codecs-peers-").FullName;
    private Process? _knotd;

    /// <summary>Our server.</summary>
    public DnsServer Ours { get; private set; } = null!;

    /// <summary>Our server's port (UDP and TCP).</summary>
    public int OurPort { get; private set; }

    /// <summary>knotd's port (UDP and TCP).</summary>
    public int KnotPort { get; private set; }

    /// <summary>Where the zone files lie.</summary>
    public string ZoneFile { get; private set; } = null!;

    /// <summary>knotd's log, for failure messages.</summary>
    public string KnotLog => Path.Combine(_directory, "knotd.log");

    public async Task InitializeAsync()
    {
        string knotd = PeerTools.Knotd;
        ZoneFile = PeerZone.WriteTo(_directory);

        KnotPort = PeerTools.FreePort();
        string storage = Path.Combine(_directory, "knot");
        Directory.CreateDirectory(storage);
        string config = Path.Combine(_directory, "knot.conf");
        await File.WriteAllTextAsync(config, $"""
            server:
                rundir: "{storage}"
                listen: 127.0.0.1@{KnotPort}
                udp-workers: 1
                tcp-workers: 1
                background-workers: 1
            database:
                storage: "{storage}"
            log:
              - target: stderr
                any: warning
            zone:
              - domain: {PeerZone.Origin}
                file: "{ZoneFile}"
                storage: "{storage}"
                zonefile-sync: -1
                zonefile-load: whole
                journal-content: none
            """);
        var start = new ProcessStartInfo(knotd) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(config);
        _knotd = Process.Start(start)!;
        _ = DrainAsync(_knotd, KnotLog);

        OurPort = PeerTools.FreePort();
        var options = new DnsServerOptions { CounterLogInterval = TimeSpan.Zero, ReceiveLoops = 2 };
        options.Listen.Add(new IPEndPoint(IPAddress.Loopback, OurPort));
        options.ZoneFiles.Add(ZoneFile);
        Ours = new DnsServer(options);
        await Ours.StartAsync();

        // knotd loads its zone in the background: wait until it answers for it.
        var clock = Stopwatch.StartNew();
        while (true)
        {
            DigResult soa = await DigAsync(KnotPort, PeerZone.Origin, "SOA");
            if (soa.Status == "NOERROR" && soa.Answer.Count == 1)
            {
                break;
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(20) || _knotd.HasExited)
            {
                throw new InvalidOperationException("knotd did not come up: " + await File.ReadAllTextAsync(KnotLog));
            }

            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        await Ours.DisposeAsync();
        if (_knotd is { HasExited: false })
        {
            _knotd.Kill();
            await _knotd.WaitForExitAsync();
        }

        _knotd?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Runs dig against a port: <c>+noall +comments +question +answer +authority +additional</c> plus <paramref name="extra"/>.</summary>
    internal static async Task<DigResult> DigAsync(int port, string name, string type, params string[] extra)
    {
        string[] arguments = ["@127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "+noall", "+comments", "+question", "+answer", "+authority", "+additional", "+time=2", "+tries=2", .. extra, name, type];
        (int _, string output, string error) = await PeerTools.RunAsync(PeerTools.Dig, arguments);
        return DigResult.Parse(output + error);
    }

    private static async Task DrainAsync(Process process, string log)
    {
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        string error = await process.StandardError.ReadToEndAsync();
        await File.WriteAllTextAsync(log, await output + error);
    }
}

[CollectionDefinition(Name)]
public sealed class PeerCollection : ICollectionFixture<PeerServers>
{
    public const string Name = "peers";
}
