using System.Buffers;

namespace Codec.Transport.Framing;

/// <summary>
/// A per-thread reusable buffer for writers that must know a message's length before writing its prefix. Writing is
/// synchronous, so a buffer rented and returned within one write never crosses threads; nested writers rent their own.
/// </summary>
internal static class ScratchBuffer
{
    private const int KeepLimit = 128 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_cached;

    public static ArrayBufferWriter<byte> Rent()
    {
        ArrayBufferWriter<byte>? buffer = t_cached;
        t_cached = null;
        return buffer ?? new ArrayBufferWriter<byte>(512);
    }

    public static void Return(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity <= KeepLimit)
        {
            buffer.ResetWrittenCount();
            t_cached = buffer;
        }
    }
}
