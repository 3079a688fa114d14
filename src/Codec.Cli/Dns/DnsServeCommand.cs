using System.CommandLine;
using System.Net;
using Codec.Dns.Hosting;
using Codec.Dns.Server;
using Codec.Dns.Zones;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Codec.Cli.Dns;

/// <summary><c>codecs dns serve</c>: an authoritative server for zone files and a caching forwarder, over UDP and TCP.</summary>
internal static class DnsServeCommand
{
    public static Command Create()
    {
        var zones = new Option<string[]>("--zone") { Description = "A zone file (RFC 1035 master format); repeat for more. Origin: its first $ORIGIN, else the file name without .zone.", Arity = ArgumentArity.ZeroOrMore };
        var listen = new Option<string[]>("--listen") { Description = "ADDR:PORT to serve UDP and TCP on; repeat for more (default 127.0.0.1:5353).", Arity = ArgumentArity.ZeroOrMore };
        var forward = new Option<string[]>("--forward") { Description = "ADDR:PORT of an upstream for names outside the zones; repeat for failover, in order of preference.", Arity = ArgumentArity.ZeroOrMore };
        var timeout = new Option<int>("--forward-timeout") { Description = "Milliseconds to wait for one upstream before asking the next.", DefaultValueFactory = _ => 800 };
        var cacheSize = new Option<int>("--cache-size") { Description = "The most forwarded answers cached.", DefaultValueFactory = _ => 10_000 };

        var serve = new Command("serve", "Serve DNS: zones authoritatively, other names through a caching forwarder. With no zone and no forwarder, an embedded sample zone (example.test.). SIGHUP reloads zones; Ctrl-C stops.")
        {
            zones,
            listen,
            forward,
            timeout,
            cacheSize,
        };

        serve.SetAction(parse =>
        {
            PreferInlineSocketCompletions();
            var options = new DnsServerOptions
            {
                ForwardTimeout = TimeSpan.FromMilliseconds(parse.GetValue(timeout)),
                CacheSize = parse.GetValue(cacheSize),
                CounterLogInterval = TimeSpan.FromSeconds(30),
            };
            if (parse.GetValue(timeout) <= 0 || options.CacheSize < 0)
            {
                return Fail("--forward-timeout must be positive and --cache-size not negative");
            }

            foreach (string file in parse.GetValue(zones) ?? [])
            {
                options.ZoneFiles.Add(file);
            }

            foreach (string text in parse.GetValue(listen) ?? [])
            {
                if (!TryEndPoint(text, defaultPort: 5353, out IPEndPoint? endPoint))
                {
                    return Fail($"--listen {text}: not ADDR:PORT");
                }

                options.Listen.Add(endPoint);
            }

            foreach (string text in parse.GetValue(forward) ?? [])
            {
                if (!TryEndPoint(text, defaultPort: 53, out IPEndPoint? endPoint))
                {
                    return Fail($"--forward {text}: not ADDR:PORT");
                }

                options.Forwarders.Add(endPoint);
            }

            // Check the zones before starting anything, so a bad file is one clear line and a non-zero exit.
            if (ZoneLoader.Load(options, out IReadOnlyList<ZoneFileError> errors) is null)
            {
                foreach (ZoneFileError error in errors)
                {
                    Console.Error.WriteLine("codecs dns serve: " + error);
                }

                return 1;
            }

            if (options.ZoneFiles.Count == 0 && options.Forwarders.Count == 0)
            {
                Console.Out.WriteLine("# No zone and no forwarder given: serving the embedded sample zone example.test. (try: dig @127.0.0.1 -p 5353 www.example.test)");
            }

            HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss ";
            });
            builder.Services.AddDnsServer(configured =>
            {
                configured.ForwardTimeout = options.ForwardTimeout;
                configured.CacheSize = options.CacheSize;
                configured.CounterLogInterval = options.CounterLogInterval;
                foreach (string file in options.ZoneFiles)
                {
                    configured.ZoneFiles.Add(file);
                }

                foreach (IPEndPoint endPoint in options.Listen)
                {
                    configured.Listen.Add(endPoint);
                }

                foreach (IPEndPoint endPoint in options.Forwarders)
                {
                    configured.Forwarders.Add(endPoint);
                }
            });

            try
            {
                using IHost host = builder.Build();
                host.Run();
                return 0;
            }
            catch (System.Net.Sockets.SocketException e)
            {
                return Fail("cannot listen: " + e.Message);
            }
            catch (IOException e)
            {
                return Fail("cannot listen: " + e.Message);
            }
        });

        return new Command("dns", "DNS services.") { serve };
    }

    /// <summary>
    /// Lets the socket engine run completions on its epoll threads instead of queueing each one to the thread pool.
    /// The UDP receive loops answer synchronously and never block, so the hand-off to a pool thread (and its wake-up)
    /// was most of the cost per query: benchmarks/dnsperf measured about 13 µs of server CPU per query without this and
    /// 8 µs with it. The runtime reads the variable once, at the first asynchronous socket operation, so this runs before
    /// anything opens a socket; a value the user set wins.
    /// </summary>
    private static void PreferInlineSocketCompletions()
    {
        const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
        if (Environment.GetEnvironmentVariable(Variable) is null)
        {
            Environment.SetEnvironmentVariable(Variable, "1");
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("codecs dns serve: " + message);
        return 2;
    }

    private static bool TryEndPoint(string text, int defaultPort, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPEndPoint? endPoint)
    {
        if (IPEndPoint.TryParse(text, out endPoint))
        {
            if (endPoint.Port == 0 && !text.EndsWith(":0", StringComparison.Ordinal))
            {
                endPoint.Port = defaultPort;
            }

            return true;
        }

        if (IPAddress.TryParse(text, out IPAddress? address))
        {
            endPoint = new IPEndPoint(address, defaultPort);
            return true;
        }

        return false;
    }
}
