using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Codec.Transport.Datagrams;
using Xunit.Abstractions;
using static Codec.Transport.Tests.Datagrams.DatagramTestKit;

namespace Codec.Transport.Tests.Datagrams;

/// <summary>Allocation is measured process-wide, so these tests run alone.</summary>
[CollectionDefinition(nameof(AllocationMeasurements), DisableParallelization = true)]
public sealed class AllocationMeasurements;

/// <summary>
/// Steady state allocates nothing per datagram. Bytes are counted process-wide (GC.GetTotalAllocatedBytes), over
/// rounds of 20,000 round-trips after a warm-up; the best round counts, since tiered compilation and the thread pool
/// allocate now and then while they settle.
/// </summary>
[Collection(nameof(AllocationMeasurements))]
public class DatagramAllocationTests(ITestOutputHelper output)
{
    private const int Warmup = 5_000;
    private const int PerRound = 20_000;
    private const int Rounds = 5;

    [Fact(Timeout = 60_000)]
    public async Task The_listener_allocates_nothing_per_datagram_in_steady_state()
    {
        await using var listener = new DatagramListener(new() { EndPoints = [Loopback4], ReceiveLoops = 1 }, new ProbeHandler());
        listener.Start();

        // A blocking client with the SocketAddress overloads allocates nothing itself: what is measured is the listener.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(Loopback4);
        socket.ReceiveTimeout = 5_000;
        SocketAddress server = listener.LocalEndPoints[0].Serialize();
        var from = new SocketAddress(AddressFamily.InterNetwork);
        byte[] request = Probe(42);
        byte[] reply = new byte[64];

        double perDatagram = await Task.Run(() => Measure(count =>
        {
            for (int i = 0; i < count; i++)
            {
                socket.SendTo(request, SocketFlags.None, server);
                if (socket.ReceiveFrom(reply, SocketFlags.None, from) != request.Length)
                {
                    // Not Assert.Equal: it allocates a comparer per call, which this test would count.
                    throw new InvalidOperationException("The reply differs in length from the request.");
                }
            }

            return Task.CompletedTask;
        }));

        output.WriteLine($"{perDatagram:F3} bytes allocated per round-trip; listener {listener.Counters}");
        Assert.True(perDatagram < 1.0, $"{perDatagram:F2} bytes allocated per datagram");
    }

    [Fact(Timeout = 60_000)]
    public async Task The_client_allocates_nothing_per_timed_receive()
    {
        await using var listener = new DatagramListener(new() { EndPoints = [Loopback4], ReceiveLoops = 1 }, new ProbeHandler());
        listener.Start();
        SocketAddress server = listener.LocalEndPoints[0].Serialize();
        using var client = new DatagramClient();
        byte[] request = Probe(1);
        byte[] buffer = new byte[64];
        var from = new SocketAddress(AddressFamily.InterNetwork);

        double perDatagram = await Task.Run(() => Measure(async count =>
        {
            for (int i = 0; i < count; i++)
            {
                await client.SendAsync(request, server);
                DatagramReceiveResult result = await client.ReceiveAsync(buffer, from, TimeSpan.FromSeconds(5));
                if (!result.Received)
                {
                    throw new TimeoutException("No reply.");
                }
            }
        }));

        output.WriteLine($"{perDatagram:F3} bytes allocated per round-trip with a timed receive");

        // A Debug build compiles async methods into classes, one allocated per call: only optimized code can be held to 0.
        if (typeof(DatagramClient).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true)
        {
            output.WriteLine("Codec.Transport is not optimized (Debug): the bound is not checked; CI builds Release.");
            return;
        }

        Assert.True(perDatagram < 1.0, $"{perDatagram:F2} bytes allocated per datagram");
    }

    private static async Task<double> Measure(Func<int, Task> roundTrips)
    {
        await roundTrips(Warmup);
        double best = double.MaxValue;
        for (int round = 0; round < Rounds && best >= 1.0; round++)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            await roundTrips(PerRound);
            best = Math.Min(best, (double)(GC.GetTotalAllocatedBytes(precise: true) - before) / PerRound);
        }

        return best;
    }
}
