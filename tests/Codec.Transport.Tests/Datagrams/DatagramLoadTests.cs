using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Codec.Transport.Datagrams;
using Xunit.Abstractions;
using static Codec.Transport.Tests.Datagrams.DatagramTestKit;

namespace Codec.Transport.Tests.Datagrams;

public class DatagramLoadTests(ITestOutputHelper output)
{
    private const int Count = 100_000;
    private const int Window = 128;
    private const int MaxAttempts = 5;
    private static readonly TimeSpan RetransmitAfter = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(45);

    /// <summary>
    /// 100,000 probes on loopback with a window of 128 outstanding, each answered by an echo of (sequence, attempt).
    /// A probe unanswered for 250 ms is sent again (at most 5 attempts). Every sequence number must be answered, and no
    /// (sequence, attempt) twice: a second answer to the same attempt is a duplicate made by the transport.
    /// </summary>
    [Fact(Timeout = 60_000)]
    public async Task Hundred_thousand_datagrams_on_loopback_none_lost_none_duplicated()
    {
        var buffers = new DatagramSocketOptions { ReceiveBufferSize = 4 << 20, SendBufferSize = 4 << 20 };
        await using var listener = new DatagramListener(new() { EndPoints = [Loopback4], ReceiveLoops = 2, SocketOptions = buffers }, new ProbeHandler());
        listener.Start();
        SocketAddress server = listener.LocalEndPoints[0].Serialize();
        using var client = UdpDatagramSocket.Bind(Loopback4, buffers);

        int[] answered = new int[Count];   // bit n: attempt n was answered
        long[] sentAt = new long[Count];
        int[] attempts = new int[Count];
        int answeredCount = 0, duplicates = 0, strangers = 0, retransmits = 0, abandoned = 0, nextSequence = 0;
        using var window = new SemaphoreSlim(Window, Window);
        using var budget = new CancellationTokenSource(Budget);
        CancellationToken token = budget.Token;
        var clock = Stopwatch.StartNew();

        // Finished when every probe is answered or given up on.
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void CheckFinished()
        {
            if (Volatile.Read(ref answeredCount) + Volatile.Read(ref abandoned) >= Count)
            {
                finished.TrySetResult();
            }
        }

        async Task ReceiveAsync()
        {
            var buffer = new byte[64];
            var from = new SocketAddress(AddressFamily.InterNetwork);
            while (true)
            {
                int length = await client.ReceiveFromAsync(buffer, from, token);
                if (!EchoProbe.TryRead(buffer.AsSpan(0, length), out EchoProbe probe).IsDone || probe.Sequence >= Count || probe.Attempt >= MaxAttempts || !from.Equals(server))
                {
                    Interlocked.Increment(ref strangers);
                    continue;
                }

                int bit = 1 << probe.Attempt;
                int before = Interlocked.Or(ref answered[probe.Sequence], bit);
                if ((before & bit) != 0)
                {
                    Interlocked.Increment(ref duplicates);
                }
                else if (before == 0)
                {
                    Interlocked.Increment(ref answeredCount);
                    window.Release();
                    CheckFinished();
                }
            }
        }

        async Task SendAsync(int sequence, int attempt)
        {
            Volatile.Write(ref sentAt[sequence], clock.ElapsedTicks);
            await client.SendToAsync(Probe((uint)sequence, (ushort)attempt), server, token);
        }

        async Task SendAllAsync()
        {
            for (int sequence = 0; sequence < Count; sequence++)
            {
                await window.WaitAsync(token);
                await SendAsync(sequence, 0);
                Volatile.Write(ref nextSequence, sequence + 1);
            }
        }

        async Task RetransmitAsync()
        {
            long after = (long)(RetransmitAfter.TotalSeconds * Stopwatch.Frequency);
            int lowest = 0;
            while (!finished.Task.IsCompleted)
            {
                await Task.Delay(50, token);
                int sent = Volatile.Read(ref nextSequence);
                while (lowest < sent && Volatile.Read(ref answered[lowest]) != 0)
                {
                    lowest++;
                }

                for (int sequence = lowest; sequence < sent; sequence++)
                {
                    if (Volatile.Read(ref answered[sequence]) != 0 || clock.ElapsedTicks - Volatile.Read(ref sentAt[sequence]) < after)
                    {
                        continue;
                    }

                    if (++attempts[sequence] >= MaxAttempts)
                    {
                        // Give up on it; marking it answered-by-nobody would hide the loss, so it stays unanswered.
                        Interlocked.Increment(ref abandoned);
                        Volatile.Write(ref sentAt[sequence], long.MaxValue / 2);
                        CheckFinished();
                        continue;
                    }

                    Interlocked.Increment(ref retransmits);
                    await SendAsync(sequence, attempts[sequence]);
                }
            }
        }

        Task receiver = Task.Run(ReceiveAsync);
        Task sender = Task.Run(SendAllAsync);
        Task retransmitter = Task.Run(RetransmitAsync);
        // The receiver and the retransmitter end only after the finish or by failing; the budget bounds the wait.
        await Task.WhenAny(finished.Task, receiver, retransmitter, Task.Delay(Timeout.Infinite, token));
        bool completed = finished.Task.IsCompleted;
        await budget.CancelAsync();
        foreach (Task task in new[] { receiver, sender, retransmitter })
        {
            try
            {
                await task;
            }
            catch (OperationCanceledException)
            {
            }
        }

        TimeSpan elapsed = clock.Elapsed;
        output.WriteLine($"{Count} round-trips in {elapsed.TotalMilliseconds:F0} ms ({Count / elapsed.TotalSeconds:F0}/s), window {Window}, " +
            $"retransmits {retransmits}, duplicates {duplicates}, strangers {strangers}, abandoned {abandoned}; listener {listener.Counters}");

        int[] missing = Enumerable.Range(0, Count).Where(i => answered[i] == 0).Take(10).ToArray();
        Assert.True(missing.Length == 0, $"unanswered sequence numbers, first ones: {string.Join(", ", missing)}");
        Assert.True(completed, $"not every probe was answered within {Budget}");
        Assert.Equal(0, duplicates);
        Assert.Equal(0, strangers);
        Assert.Equal(0, abandoned);
        Assert.Equal(Count, answeredCount);
        Assert.True(elapsed < Budget, $"took {elapsed}");

        DatagramCounters counters = listener.Counters;
        Assert.Equal(Count + retransmits, counters.Received);
        Assert.Equal(counters.Received, counters.Sent);
        Assert.Equal(0, counters.Dropped + counters.HandlerErrors + counters.ReceiveErrors + counters.SendErrors);
    }
}
