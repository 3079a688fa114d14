using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Codec.Runtime.Tests.Options;

/// <summary>
/// The generated option lists walk and write with their layout as constants; the runtime's generic
/// <see cref="OptionListReader"/>, <see cref="OptionEnumerator"/> and <see cref="OptionWriter"/> are the reference. For
/// every layout of <c>OptionTestTypes.cs</c> (header-counted with single octets, data-counted with a 255 end, 16-bit
/// kinds and lengths) both must agree on every input: status, error, count, padding, each option enumerated, and every
/// octet and result of a write. Seeds are fixed (Replay).
/// </summary>
public sealed class OptionFastPathProperties
{
    private const int Tests = 1000;

    /// <summary>Bytes biased toward option lists: small kinds and lengths, single-octet and end kinds.</summary>
    private static Arbitrary<byte[]> ListBytes() =>
        Gen.Frequency(
                (3, Gen.Elements<byte>(0, 1, 2, 3, 4, 5, 255)),
                (1, ArbMap.Default.GeneratorFor<byte>()))
            .ArrayOf()
            .Where(a => a.Length <= 64)
            .ToArbitrary();

    /// <summary>Writer operations: (what, kind, value length, alignment).</summary>
    private static Arbitrary<(int Op, int Kind, int Length, int Alignment)[]> WriterOps() =>
        Gen.Zip(
                Gen.Zip(Gen.Choose(0, 9), Gen.Frequency((4, Gen.Choose(0, 12)), (1, Gen.Elements(-1, 200, 255, 256, 65535, 65536)))),
                Gen.Zip(Gen.Frequency((4, Gen.Choose(0, 12)), (1, Gen.Elements(252, 253, 254, 255, 256, 300))), Gen.Choose(0, 8)))
            .Select(t => (t.Item1.Item1, t.Item1.Item2, t.Item2.Item1, t.Item2.Item2))
            .ArrayOf()
            .Where(a => a.Length <= 12)
            .ToArbitrary();

    /// <summary>Buffer sizes: mostly small (space runs out), some large enough for values at the length field's limit.</summary>
    private static Arbitrary<int> BufferSizes() =>
        Gen.Frequency((3, Gen.Choose(0, 80)), (1, Gen.Choose(250, 600))).ToArbitrary();

    [Property(MaxTest = Tests, Replay = "(2026112711,296140327)")]
    public Property Header_counted_reads_agree_with_the_runtime_walk() =>
        Prop.ForAll(ListBytes(), bytes =>
            Agree(bytes, HeaderCountedOptions.OptionLayout, static (s, o, e) => Snapshot(HeaderCountedOptions.TryReadAt(s, o, e, out HeaderCountedOptions l), l.Count, l.Padding.Length, Entries(l), HeaderCountedOptions.TryReadAt(s, o, e, out _, out int c) ? c : -1)));

    [Property(MaxTest = Tests, Replay = "(2026112712,296140327)")]
    public Property Data_counted_reads_agree_with_the_runtime_walk() =>
        Prop.ForAll(ListBytes(), bytes =>
            Agree(bytes, DataCountedOptions.OptionLayout, static (s, o, e) => Snapshot(DataCountedOptions.TryReadAt(s, o, e, out DataCountedOptions l), l.Count, l.Padding.Length, Entries(l), DataCountedOptions.TryReadAt(s, o, e, out _, out int c) ? c : -1)));

    [Property(MaxTest = Tests, Replay = "(2026112713,296140327)")]
    public Property Wide_reads_agree_with_the_runtime_walk() =>
        Prop.ForAll(ListBytes(), bytes =>
            Agree(bytes, WideOptions.OptionLayout, static (s, o, e) => Snapshot(WideOptions.TryReadAt(s, o, e, out WideOptions l), l.Count, l.Padding.Length, Entries(l), WideOptions.TryReadAt(s, o, e, out _, out int c) ? c : -1)));

    [Property(MaxTest = Tests, Replay = "(2026112714,296140327)")]
    public Property Header_counted_writer_agrees_with_the_runtime_writer() =>
        Prop.ForAll(WriterOps(), BufferSizes(), (ops, size) =>
        {
            byte[] fast = new byte[size];
            byte[] slow = new byte[size];
            var writer = new HeaderCountedOptions.Writer(fast);
            var reference = new OptionWriter(slow, HeaderCountedOptions.OptionLayout);
            foreach (var op in ops)
            {
                byte[] value = Value(op.Length);
                bool boolForm = op.Alignment >= 5; // the bool overloads must succeed exactly when the WriteResult ones would
                int n = 0;
                WriteResult s = op.Op switch
                {
                    0 => reference.TryAdd(op.Kind),
                    1 or 2 => reference.TryAdd(op.Kind, value),
                    3 => reference.TryAdd(2, new OptionWord { Value = (ushort)op.Kind }),
                    4 => reference.TryAdd(9, new OptionBlob { Data = value }),
                    5 => reference.TryAdd(1),
                    6 => reference.TryAdd(4),
                    7 => reference.TryAdd(0),
                    _ => op.Alignment == 0 ? Throws(() => new OptionWriter(slow, HeaderCountedOptions.OptionLayout).TryEnd(0)) : reference.TryEnd(op.Alignment),
                };
                WriteResult f = op.Op switch
                {
                    0 => boolForm ? AsResult(writer.TryAdd(op.Kind, out n), n, s) : writer.TryAdd(op.Kind),
                    1 or 2 => boolForm ? AsResult(writer.TryAdd(op.Kind, value, out n), n, s) : writer.TryAdd(op.Kind, value),
                    3 => boolForm ? AsResult(writer.TryAddWord(new OptionWord { Value = (ushort)op.Kind }, out n), n, s) : writer.TryAddWord(new OptionWord { Value = (ushort)op.Kind }),
                    4 => boolForm ? AsResult(writer.TryAddBlob(new OptionBlob { Data = value }, out n), n, s) : writer.TryAddBlob(new OptionBlob { Data = value }),
                    5 => boolForm ? AsResult(writer.TryAddNop(out n), n, s) : writer.TryAddNop(),
                    6 => boolForm ? AsResult(writer.TryAddFlag(out n), n, s) : writer.TryAddFlag(),
                    7 => boolForm ? AsResult(writer.TryAddEnd(out n), n, s) : writer.TryAddEnd(),
                    _ => op.Alignment == 0 ? Throws(() => new HeaderCountedOptions.Writer(fast).TryEnd(0))
                        : boolForm ? AsResult(writer.TryEnd(op.Alignment, out n), n, s) : writer.TryEnd(op.Alignment),
                };
                if (f != s || writer.BytesWritten != reference.BytesWritten || writer.Count != reference.Count || writer.IsEnded != reference.IsEnded)
                {
                    return false;
                }
            }

            return fast.AsSpan(0, writer.BytesWritten).SequenceEqual(slow.AsSpan(0, reference.BytesWritten)) && ListAgrees(writer.ToList().Count, writer.ToList().Padding.Length, writer.ToList().Bytes, reference.Written, HeaderCountedOptions.OptionLayout);
        });

    [Property(MaxTest = Tests, Replay = "(2026112715,296140327)")]
    public Property Data_counted_and_wide_writers_agree_with_the_runtime_writer() =>
        Prop.ForAll(WriterOps(), BufferSizes(), (ops, size) =>
        {
            byte[] fast = new byte[size];
            byte[] slow = new byte[size];
            byte[] wideFast = new byte[size];
            byte[] wideSlow = new byte[size];
            var writer = new DataCountedOptions.Writer(fast);
            var reference = new OptionWriter(slow, DataCountedOptions.OptionLayout);
            var wide = new WideOptions.Writer(wideFast);
            var wideReference = new OptionWriter(wideSlow, WideOptions.OptionLayout);
            foreach (var op in ops)
            {
                byte[] value = Value(op.Length);
                bool boolForm = op.Alignment >= 5;
                int n = 0;
                int m = 0;
                (WriteResult s, WriteResult ws) = op.Op switch
                {
                    0 => (reference.TryAdd(op.Kind), wideReference.TryAdd(op.Kind)),
                    1 or 2 or 3 => (reference.TryAdd(op.Kind, value), wideReference.TryAdd(op.Kind, value)),
                    4 => (reference.TryAdd(1, new OptionWord { Value = (ushort)op.Kind }), wideReference.TryAdd(10, value)),
                    5 => (reference.TryAdd(0), wideReference.TryAdd(10)),
                    6 => (reference.TryAdd(255), wideReference.TryAdd(op.Kind * 5000)),
                    _ => op.Alignment == 0 ? (WriteResult.Done(0), WriteResult.Done(0)) : (reference.TryEnd(op.Alignment), wideReference.TryEnd(op.Alignment)),
                };
                (WriteResult f, WriteResult wf) = op.Op switch
                {
                    0 => boolForm ? (AsResult(writer.TryAdd(op.Kind, out n), n, s), AsResult(wide.TryAdd(op.Kind, out m), m, ws)) : (writer.TryAdd(op.Kind), wide.TryAdd(op.Kind)),
                    1 or 2 or 3 => boolForm ? (AsResult(writer.TryAdd(op.Kind, value, out n), n, s), AsResult(wide.TryAdd(op.Kind, value, out m), m, ws)) : (writer.TryAdd(op.Kind, value), wide.TryAdd(op.Kind, value)),
                    4 => boolForm ? (AsResult(writer.TryAddWord(new OptionWord { Value = (ushort)op.Kind }, out n), n, s), AsResult(wide.TryAddCookie(value, out m), m, ws)) : (writer.TryAddWord(new OptionWord { Value = (ushort)op.Kind }), wide.TryAddCookie(value)),
                    5 => boolForm ? (AsResult(writer.TryAddPad(out n), n, s), AsResult(wide.TryAddCookie(out m), m, ws)) : (writer.TryAddPad(), wide.TryAddCookie()),
                    6 => boolForm ? (AsResult(writer.TryAddEnd(out n), n, s), AsResult(wide.TryAdd(op.Kind * 5000, out m), m, ws)) : (writer.TryAddEnd(), wide.TryAdd(op.Kind * 5000)),
                    _ => op.Alignment == 0 ? (WriteResult.Done(0), WriteResult.Done(0))
                        : boolForm ? (AsResult(writer.TryEnd(op.Alignment, out n), n, s), AsResult(wide.TryEnd(op.Alignment, out m), m, ws)) : (writer.TryEnd(op.Alignment), wide.TryEnd(op.Alignment)),
                };
                if (f != s || wf != ws || writer.BytesWritten != reference.BytesWritten || wide.BytesWritten != wideReference.BytesWritten
                    || writer.Count != reference.Count || wide.Count != wideReference.Count || wide.IsEnded != wideReference.IsEnded)
                {
                    return false;
                }
            }

            return reference.Written.SequenceEqual(fast.AsSpan(0, writer.BytesWritten)) && wideReference.Written.SequenceEqual(wideFast.AsSpan(0, wide.BytesWritten))
                && ListAgrees(writer.ToList().Count, writer.ToList().Padding.Length, writer.ToList().Bytes, reference.Written, DataCountedOptions.OptionLayout)
                && ListAgrees(wide.ToList().Count, wide.ToList().Padding.Length, wide.ToList().Bytes, wideReference.Written, WideOptions.OptionLayout);
        });

    [Fact]
    public void A_huge_alignment_is_a_destination_too_small_not_a_wrap_around()
    {
        var writer = new HeaderCountedOptions.Writer(new byte[16]);
        var reference = new OptionWriter(new byte[16], HeaderCountedOptions.OptionLayout);
        Assert.True(writer.TryAddNop().IsDone);
        Assert.True(reference.TryAdd(1).IsDone);

        WriteResult end = writer.TryEnd(int.MaxValue);

        Assert.Equal(CodecStatus.DestinationTooSmall, end.Status);
        Assert.Equal(reference.TryEnd(int.MaxValue), end);
        Assert.False(writer.TryEnd(int.MaxValue - 1, out _));
        Assert.Equal(1, writer.BytesWritten);
        Assert.False(writer.IsEnded);
    }

    [Fact]
    public void The_enumerator_stops_without_throwing_when_the_octets_change_after_validation()
    {
        byte[] bytes = Convert.FromHexString("01" + "020405b4" + "0a06" + "0102abcd" + "00");
        Assert.True(HeaderCountedOptions.TryRead(bytes, out HeaderCountedOptions list).IsDone);
        bytes[2] = 200; // the Word option now claims 200 octets
        bytes[1] = 9;
        var kinds = new List<int>();
        foreach (OptionEntry option in list)
        {
            kinds.Add(option.Kind);
        }

        Assert.Equal([1], kinds);
        bytes[2] = 1; // below the 2-octet header
        kinds.Clear();
        foreach (OptionEntry option in list)
        {
            kinds.Add(option.Kind);
        }

        Assert.Equal([1], kinds);
    }

    private delegate string Reader(ReadOnlySpan<byte> message, int offset, int end);

    /// <summary>The list read at several windows of <paramref name="bytes"/> by the generated reader and by the runtime's walk.</summary>
    private static bool Agree(byte[] bytes, OptionLayout layout, Reader generated)
    {
        foreach ((int offset, int end) in new[] { (0, bytes.Length), (Math.Min(1, bytes.Length), bytes.Length), (0, bytes.Length / 2), (bytes.Length / 3, bytes.Length - 1), (2, 1), (0, bytes.Length + 1) })
        {
            string fast = generated(bytes, offset, end);
            ReadResult reference = OptionListReader.Validate(bytes, offset, end, layout, out int count, out int optionsEnd);
            string slow = reference.IsDone
                ? Snapshot(reference, count, end - optionsEnd, ReferenceEntries(bytes, offset, optionsEnd, layout), end - offset)
                : Snapshot(reference, 0, 0, string.Empty, -1);
            if (fast != slow)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A writer's list against the runtime's walk of what it wrote: same octets, count and padding.</summary>
    private static bool ListAgrees(int count, int padding, ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> written, OptionLayout layout)
    {
        ReadResult reference = OptionListReader.Validate(written, 0, written.Length, layout, out int expectedCount, out int optionsEnd);
        return reference.IsDone && bytes.SequenceEqual(written) && count == expectedCount && padding == written.Length - optionsEnd;
    }

    private static string Snapshot(ReadResult result, int count, int padding, string entries, int consumed) =>
        result.IsDone ? $"Done {result.BytesConsumed} count {count} padding {padding} [{entries}] bool {consumed}" : $"{result} bool {consumed}";

    private static string Entries(HeaderCountedOptions list) => Describe(list.GetEnumerator());

    private static string Entries(DataCountedOptions list) => Describe(list.GetEnumerator());

    private static string Entries(WideOptions list) => Describe(list.GetEnumerator());

    private static string Describe(HeaderCountedOptions.Enumerator e)
    {
        var text = new System.Text.StringBuilder();
        while (e.MoveNext())
        {
            Append(text, e.Current);
        }

        return text.ToString();
    }

    private static string Describe(DataCountedOptions.Enumerator e)
    {
        var text = new System.Text.StringBuilder();
        while (e.MoveNext())
        {
            Append(text, e.Current);
        }

        return text.ToString();
    }

    private static string Describe(WideOptions.Enumerator e)
    {
        var text = new System.Text.StringBuilder();
        while (e.MoveNext())
        {
            Append(text, e.Current);
        }

        return text.ToString();
    }

    private static string ReferenceEntries(byte[] bytes, int offset, int optionsEnd, OptionLayout layout)
    {
        var text = new System.Text.StringBuilder();
        foreach (OptionEntry option in new OptionEnumerator(bytes, offset, optionsEnd, layout))
        {
            Append(text, option);
        }

        return text.ToString();
    }

    private static void Append(System.Text.StringBuilder text, OptionEntry option) =>
        text.Append($"({option.Kind} @{option.Offset} {option.Length} {Convert.ToHexString(option.Value)} {option.IsSingleByte} {option.EndsList})");

    /// <summary>A bool form's outcome as the result it must equal: Done with its count, or the reference's error.</summary>
    private static WriteResult AsResult(bool done, int bytesWritten, WriteResult reference) =>
        done ? WriteResult.Done(bytesWritten) : reference.IsDone ? WriteResult.Done(-1) : reference;

    private static byte[] Value(int length) => Enumerable.Range(0, length).Select(i => (byte)(i + 1)).ToArray();

    private static WriteResult Throws(Func<WriteResult> write)
    {
        try
        {
            return write();
        }
        catch (ArgumentOutOfRangeException)
        {
            return WriteResult.Invalid(new CodecError(CodecErrorKind.ValueOutOfRange, "threw", 0, 0, 0));
        }
    }
}
