using System.Buffers;
using System.Runtime.CompilerServices;

namespace Codec.Benchmarks;

/// <summary>
/// The hand-written way to read an IPv4 header from a <see cref="ReadOnlySequence{T}"/>, as a careful
/// <c>PipeReader</c> loop does it (Kestrel's pattern): read the first span in place when the header fits in it,
/// otherwise copy the 20 octets to the stack and read them there; then the consumed position for <c>AdvanceTo</c>.
/// The octets are read by <see cref="HandWrittenIpv4.TryRead"/>, the span baseline of <see cref="Ipv4HeaderRead"/>.
/// </summary>
internal static class HandWrittenSequenceIpv4
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryRead(in ReadOnlySequence<byte> sequence, out HandIpv4Header header, out SequencePosition consumed)
    {
        ReadOnlySpan<byte> first = sequence.FirstSpan;
        bool read;
        if (first.Length >= 20)
        {
            read = HandWrittenIpv4.TryRead(first, out header);
        }
        else if (sequence.Length >= 20)
        {
            Span<byte> copy = stackalloc byte[20];
            sequence.Slice(0, 20).CopyTo(copy);
            read = HandWrittenIpv4.TryRead(copy, out header);
        }
        else
        {
            header = default;
            read = false;
        }

        consumed = read ? sequence.GetPosition(20) : sequence.Start;
        return read;
    }
}
