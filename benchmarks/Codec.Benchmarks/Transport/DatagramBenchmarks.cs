using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Codec.Transport.Datagrams;

namespace Codec.Benchmarks.Transport;

/// <summary>
/// Datagram round-trips on loopback against a <see cref="DatagramListener"/> with an echo handler (one receive loop):
/// one datagram in flight, 32 in flight, and one through <see cref="DatagramClient"/> with a timed receive.
/// Round-trips per second = 1e9 / Mean (ns).
/// </summary>
/// <remarks>
/// Read these with wall time (<c>run.sh --wall-clock</c>, or BenchmarkDotNet's default): a round-trip is mostly waiting,
/// which a thread's CPU time does not count. MemoryDiagnoser's Allocated column counts the benchmark thread only (the
/// client); the listener runs on pool threads, so the "Process B/datagram" column adds what the whole process
/// allocated per datagram from the end of the warm-up in GlobalSetup to GlobalCleanup, harness included: an upper
/// bound of the listener's steady-state allocation (filled with <c>--inProcess</c> only, as it is read in-process).
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class DatagramBenchmarks
{
    private const int InFlight = 32;
    private const int Payload = 64;
    private static readonly ConcurrentDictionary<string, double> s_processBytesPerDatagram = new();

    private DatagramListener _listener = null!;
    private Socket _client = null!;
    private DatagramClient _asyncClient = null!;
    private SocketAddress _server = null!;
    private SocketAddress _from = null!;
    private byte[] _request = null!;
    private byte[] _reply = null!;
    private long _allocatedAtStart;
    private long _receivedAtStart;

    [GlobalSetup]
    public void Setup()
    {
        var buffers = new DatagramSocketOptions { ReceiveBufferSize = 1 << 20, SendBufferSize = 1 << 20 };
        _listener = new DatagramListener(new() { EndPoints = [new IPEndPoint(IPAddress.Loopback, 0)], ReceiveLoops = 1, SocketOptions = buffers }, new Echo());
        _listener.Start();
        _server = _listener.LocalEndPoints[0].Serialize();
        _from = new SocketAddress(AddressFamily.InterNetwork);
        _request = Enumerable.Range(0, Payload).Select(i => (byte)i).ToArray();
        _reply = new byte[Payload * 2];

        _client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 5_000, ReceiveBufferSize = 1 << 20 };
        _client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _asyncClient = new DatagramClient(AddressFamily.InterNetwork, options: buffers);

        // Cross-check: the echo comes back whole, from the listener.
        if (RoundTrip() != Payload || !_reply.AsSpan(0, Payload).SequenceEqual(_request) || !_from.Equals(_server))
        {
            throw new InvalidOperationException("The listener did not echo the request.");
        }

        for (int i = 0; i < 10_000; i++)
        {
            RoundTrip();
        }

        _allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
        _receivedAtStart = _listener.Counters.Received;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - _allocatedAtStart;
        long datagrams = _listener.Counters.Received - _receivedAtStart;
        _listener.StopAsync().GetAwaiter().GetResult();
        _client.Dispose();
        _asyncClient.Dispose();
        double perDatagram = datagrams == 0 ? double.NaN : (double)allocated / datagrams;
        s_processBytesPerDatagram[CurrentBenchmark ?? "?"] = perDatagram;
        Console.WriteLine($"// {CurrentBenchmark}: {datagrams} datagrams, {allocated} bytes allocated process-wide ({perDatagram:F3} B/datagram); listener {_listener.Counters}");
    }

    /// <summary>Set by each benchmark so that GlobalCleanup knows whose numbers it has.</summary>
    private static string? CurrentBenchmark { get; set; }

    [Benchmark(Baseline = true, Description = "round-trip, 1 in flight")]
    public int RoundTrip()
    {
        CurrentBenchmark = nameof(RoundTrip);
        _client.SendTo(_request, SocketFlags.None, _server);
        return _client.ReceiveFrom(_reply, SocketFlags.None, _from);
    }

    [Benchmark(OperationsPerInvoke = InFlight, Description = "round-trip, 32 in flight")]
    public int RoundTrips32InFlight()
    {
        CurrentBenchmark = nameof(RoundTrips32InFlight);
        for (int i = 0; i < InFlight; i++)
        {
            _client.SendTo(_request, SocketFlags.None, _server);
        }

        int received = 0;
        for (int i = 0; i < InFlight; i++)
        {
            received += _client.ReceiveFrom(_reply, SocketFlags.None, _from);
        }

        return received;
    }

    [Benchmark(Description = "round-trip, DatagramClient with timeout")]
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<int> RoundTripDatagramClient()
    {
        CurrentBenchmark = nameof(RoundTripDatagramClient);
        await _asyncClient.SendAsync(_request, _server).ConfigureAwait(false);
        DatagramReceiveResult result = await _asyncClient.ReceiveAsync(_reply, _from, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        return result.TimedOut ? throw new TimeoutException("No echo within 5 s.") : result.Length;
    }

    private sealed class Echo : IDatagramHandler
    {
        public bool Handle(in DatagramContext context, ReadOnlySpan<byte> request, IBufferWriter<byte> reply)
        {
            reply.Write(request);
            return true;
        }
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new ProcessAllocationColumn());
    }

    /// <summary>Process-wide bytes allocated per datagram, measured by GlobalSetup/GlobalCleanup (in-process runs only).</summary>
    private sealed class ProcessAllocationColumn : IColumn
    {
        public string Id => nameof(ProcessAllocationColumn);

        public string ColumnName => "Process B/datagram";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Bytes allocated by the whole process per datagram the listener received, warm-up excluded (in-process runs only)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            s_processBytesPerDatagram.TryGetValue(benchmarkCase.Descriptor.WorkloadMethod.Name, out double value) ? value.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : "-";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
