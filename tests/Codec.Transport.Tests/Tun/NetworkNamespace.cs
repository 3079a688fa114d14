using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Codec.Transport.Tests.Tun;

/// <summary>
/// A network namespace of its own for a test (<c>ip netns add codec-tun-XXXXXXXX</c>), deleted on dispose with
/// everything in it. <see cref="Run{T}"/> runs code on a thread that has entered the namespace: sockets and TUN
/// devices made there belong to the namespace for their whole life, whichever thread uses them later, so no test
/// packet can reach the host's interfaces.
/// </summary>
internal sealed class NetworkNamespace : IDisposable
{
    private const int CloneNewNet = 0x40000000;

    private NetworkNamespace(string name) => Name = name;

    public string Name { get; }

    public static NetworkNamespace Create()
    {
        string name = $"codec-tun-{Random.Shared.Next():x8}";
        TunEnvironment.Ip("netns", "add", name);
        var ns = new NetworkNamespace(name);
        try
        {
            ns.Ip("link", "set", "lo", "up");
            return ns;
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

    /// <summary>Runs <c>ip -n NAME ...</c>.</summary>
    public void Ip(params string[] arguments) => TunEnvironment.Ip(["-n", Name, .. arguments]);

    /// <summary>Runs <paramref name="action"/> on a new thread inside the namespace and returns its result.</summary>
    public T Run<T>(Func<T> action)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                // setns(2) moves only the calling thread; it moves back before it ends, for good measure.
                using SafeFileHandle original = File.OpenHandle("/proc/thread-self/ns/net");
                using SafeFileHandle target = File.OpenHandle($"/var/run/netns/{Name}");
                Enter(target);
                try
                {
                    result = action();
                }
                finally
                {
                    Enter(original);
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        if (!thread.Join(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException($"code in namespace {Name} did not finish within 10 s");
        }

        if (failure is not null)
        {
            throw new InvalidOperationException($"in namespace {Name}: {failure.Message}", failure);
        }

        return result;
    }

    public void Dispose() => TunEnvironment.Ip("netns", "delete", Name);

    private static void Enter(SafeFileHandle ns)
    {
        if (SetNs(ns, CloneNewNet) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new InvalidOperationException($"setns failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
        }
    }

    [DllImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static extern int SetNs(SafeFileHandle fd, int nstype);
}
