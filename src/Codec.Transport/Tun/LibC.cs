using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace Codec.Transport.Tun;

/// <summary>The few libc calls the TUN device needs, with Linux's constants (the same on x86-64 and arm64).</summary>
[SupportedOSPlatform("linux")]
internal static class LibC
{
    // <asm-generic/fcntl.h>
    public const int O_RDWR = 0x0002;
    public const int O_NONBLOCK = 0x0800;
    public const int O_CLOEXEC = 0x80000;

    // <asm-generic/errno-base.h>, <asm-generic/errno.h>
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int EINTR = 4;
    public const int EAGAIN = 11;
    public const int EACCES = 13;
    public const int EBUSY = 16;
    public const int ENODEV = 19;

    // <asm-generic/poll.h>
    public const short POLLIN = 0x0001;
    public const short POLLOUT = 0x0004;

    // <linux/if_tun.h>: TUNSETIFF = _IOW('T', 202, int); IFF_TUN: IP packets, IFF_NO_PI: no 4-byte packet-information prefix.
    public const uint TUNSETIFF = 0x400454ca;
    public const short IFF_TUN = 0x0001;
    public const short IFF_NO_PI = 0x1000;

    // <linux/if.h>: struct ifreq { char ifr_name[IFNAMSIZ = 16]; union { short ifru_flags; ... (24 bytes) }; }.
    public const int IfNameSize = 16;
    public const int IfReqSize = 40;

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static extern int Ioctl(SafeFileHandle fd, nuint request, ref byte argument);

    [DllImport("libc", EntryPoint = "read", SetLastError = true)]
    public static extern nint Read(SafeFileHandle fd, ref byte buffer, nuint count);

    [DllImport("libc", EntryPoint = "write", SetLastError = true)]
    public static extern nint Write(SafeFileHandle fd, in byte buffer, nuint count);

    [DllImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static extern int Poll(ref PollFd fds, nuint count, int timeoutMilliseconds);

    /// <summary>struct pollfd.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }
}
