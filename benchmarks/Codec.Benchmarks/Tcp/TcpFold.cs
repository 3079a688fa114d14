using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Codec.Benchmarks;

/// <summary>
/// What every TCP contestant consumes: the fixed header's fields, then every option in order — its kind, and its value
/// for MSS, window scale and timestamps (NOP and SACK-permitted are their kind alone). The end-of-options kind ends
/// the walk. Also the hand-written option walker (RFC 9293 §3.2 rules: kinds 0 and 1 are one octet, the others carry a
/// length of at least 2 that must fit).
/// </summary>
internal static class TcpFold
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Header(ulong acc, int sourcePort, int destinationPort, uint sequence, uint acknowledgment, int dataOffset, int flags, int window, int checksum, int urgent)
    {
        acc = Fold.Mix(acc, (ulong)(uint)sourcePort | ((ulong)(uint)destinationPort << 16) | ((ulong)sequence << 32));
        acc = Fold.Mix(acc, acknowledgment | ((ulong)(uint)dataOffset << 32) | ((ulong)(uint)(flags & 0xFF) << 40) | ((ulong)(uint)window << 48));
        return Fold.Mix(acc, (ulong)(uint)checksum | ((ulong)(uint)urgent << 16));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Option(ulong acc, int kind, ulong value) => Fold.Mix(acc, (ulong)(uint)kind << 56 ^ value);

    public const int EndOfOptions = 0;
    public const int NoOperation = 1;
    public const int MaximumSegmentSize = 2;
    public const int WindowScale = 3;
    public const int SackPermitted = 4;
    public const int Timestamps = 8;

    /// <summary>Walks raw TCP options, folding each; false if one is malformed.</summary>
    public static bool TryFoldOptions(ReadOnlySpan<byte> options, ref ulong acc)
    {
        int i = 0;
        while (i < options.Length)
        {
            int kind = options[i];
            if (kind == EndOfOptions)
            {
                break;
            }

            if (kind == NoOperation)
            {
                acc = Option(acc, kind, 0);
                i++;
                continue;
            }

            if (i + 1 >= options.Length)
            {
                return false;
            }

            int length = options[i + 1];
            if (length < 2 || length > options.Length - i)
            {
                return false;
            }

            ReadOnlySpan<byte> value = options.Slice(i + 2, length - 2);
            switch (kind)
            {
                case MaximumSegmentSize when value.Length == 2:
                    acc = Option(acc, kind, BinaryPrimitives.ReadUInt16BigEndian(value));
                    break;
                case WindowScale when value.Length == 1:
                    acc = Option(acc, kind, value[0]);
                    break;
                case SackPermitted when value.Length == 0:
                    acc = Option(acc, kind, 0);
                    break;
                case Timestamps when value.Length == 8:
                    acc = Option(acc, kind, BinaryPrimitives.ReadUInt64BigEndian(value));
                    break;
                default:
                    acc = Option(acc, kind, (ulong)(uint)length);
                    break;
            }

            i += length;
        }

        return true;
    }
}
