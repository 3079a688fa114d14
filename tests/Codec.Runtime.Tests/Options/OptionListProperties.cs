using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Codec.Runtime.Tests.Options;

/// <summary>
/// Write/read properties of generated option lists. Seeds are fixed (Replay) so CI runs the same cases every time.
/// </summary>
public sealed class OptionListProperties
{
    private const int Tests = 500;

    /// <summary>Options as (kind, value) pairs with kinds that take a length (not 0, 1) and values that fit.</summary>
    private static Arbitrary<(int Kind, byte[] Value)[]> HeaderCountedOptionsArb() =>
        Gen.Zip(Gen.Choose(2, 255), Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>()).Where(v => v.Length <= 40))
            .ArrayOf()
            .Where(a => a.Length <= 6)
            .ToArbitrary();

    [Property(MaxTest = Tests, Replay = "(2026112701,296140327)")]
    public Property Header_counted_read_of_write_is_identity() =>
        Prop.ForAll(HeaderCountedOptionsArb(), options =>
        {
            byte[] buffer = new byte[512];
            var writer = new HeaderCountedOptions.Writer(buffer);
            foreach ((int kind, byte[] value) in options)
            {
                if (!writer.TryAdd(kind, value).IsDone)
                {
                    return false;
                }
            }

            if (!writer.TryEnd(4).IsDone || writer.BytesWritten % 4 != 0)
            {
                return false;
            }

            ReadResult read = HeaderCountedOptions.TryRead(buffer.AsSpan(0, writer.BytesWritten), out HeaderCountedOptions list);
            if (!read.IsDone || list.Count != options.Length + 1)
            {
                return false;
            }

            int i = 0;
            foreach (OptionEntry entry in list)
            {
                if (i == options.Length)
                {
                    return entry.Kind == 0 && entry.EndsList;
                }

                if (entry.Kind != options[i].Kind || !entry.Value.SequenceEqual(options[i].Value) || entry.Length != options[i].Value.Length + 2)
                {
                    return false;
                }

                i++;
            }

            return false;
        });

    [Property(MaxTest = Tests, Replay = "(2026112702,296140327)")]
    public Property Data_counted_read_of_write_is_identity() =>
        Prop.ForAll(HeaderCountedOptionsArb(), options =>
        {
            byte[] buffer = new byte[512];
            var writer = new DataCountedOptions.Writer(buffer);
            int expectedCount = 0;
            foreach ((int kind, byte[] value) in options)
            {
                int k = kind == 255 ? 254 : kind;
                if (!writer.TryAdd(k, value).IsDone)
                {
                    return false;
                }

                expectedCount++;
            }

            writer.TryEnd();
            ReadResult read = DataCountedOptions.TryRead(buffer.AsSpan(0, writer.BytesWritten), out DataCountedOptions list);
            int total = 0;
            foreach (OptionEntry entry in list)
            {
                total += entry.Length;
            }

            return read.IsDone && list.Count == expectedCount + 1 && total == writer.BytesWritten && list.Padding.IsEmpty;
        });

    [Property(MaxTest = Tests, Replay = "(2026112703,296140327)")]
    public Property Arbitrary_bytes_read_as_a_status_and_a_read_list_covers_its_bytes(byte[] bytes) =>
        Check(bytes).ToProperty();

    [Property(MaxTest = Tests, Replay = "(2026112704,296140327)")]
    public Property Every_prefix_of_a_written_list_reads_as_done_at_option_boundaries_and_invalid_elsewhere() =>
        Prop.ForAll(HeaderCountedOptionsArb(), options =>
        {
            byte[] buffer = new byte[512];
            var writer = new HeaderCountedOptions.Writer(buffer);
            var boundaries = new HashSet<int> { 0 };
            foreach ((int kind, byte[] value) in options)
            {
                writer.TryAdd(kind, value);
                boundaries.Add(writer.BytesWritten);
            }

            for (int length = 0; length <= writer.BytesWritten; length++)
            {
                ReadResult result = HeaderCountedOptions.TryRead(buffer.AsSpan(0, length), out _);
                CodecStatus expected = boundaries.Contains(length) ? CodecStatus.Done : CodecStatus.InvalidData;
                if (result.Status != expected || (!result.IsDone && result.Error.ByteOffset >= length + 1))
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = Tests, Replay = "(2026112705,296140327)")]
    public Property A_carrier_round_trips_with_its_length_field_computed() =>
        Prop.ForAll(HeaderCountedOptionsArb(), ArbMap.Default.ArbFor<byte[]>(), (options, payload) =>
        {
            byte[] optionBuffer = new byte[512];
            var writer = new HeaderCountedOptions.Writer(optionBuffer);
            foreach ((int kind, byte[] value) in options)
            {
                writer.TryAdd(kind, value);
            }

            writer.TryEnd(4);
            var carrier = new OptionCarrier { Tag = 3, Options = writer.ToList(), Payload = payload };
            byte[] bytes = new byte[carrier.GetSerializedSize()];
            WriteResult written = carrier.TryWrite(bytes);
            if (writer.BytesWritten / 4 > 255)
            {
                return written.Status == CodecStatus.InvalidData;
            }

            ReadResult read = OptionCarrier.TryRead(bytes, out OptionCarrier back);
            byte[] again = new byte[bytes.Length];
            return written.IsDone && read.IsDone && back.Words * 4 == writer.BytesWritten
                && back.Options.Bytes.SequenceEqual(writer.ToList().Bytes) && back.Payload.SequenceEqual(payload)
                && back.TryWrite(again).IsDone && again.AsSpan().SequenceEqual(bytes);
        });

    private static bool Check(byte[] bytes)
    {
        foreach (int cut in new[] { bytes.Length, bytes.Length / 2 })
        {
            ReadOnlySpan<byte> span = bytes.AsSpan(0, cut);
            ReadResult result = HeaderCountedOptions.TryRead(span, out HeaderCountedOptions list);
            _ = HeaderCountedOptions.Dissect(span);
            _ = DataCountedOptions.TryRead(span, out _);
            _ = WideOptions.TryRead(span, out _);
            _ = OptionCarrier.TryRead(span, out _);
            _ = OptionCarrier.Dissect(span);
            if (result.IsDone)
            {
                int total = 0;
                foreach (OptionEntry entry in list)
                {
                    total += entry.Length;
                    _ = list.TryGetWord(out _);
                    _ = list.TryGetNested(out _);
                }

                if (total + list.Padding.Length != span.Length)
                {
                    return false;
                }
            }
            else if (result.Status != CodecStatus.InvalidData || result.Error.Kind != CodecErrorKind.LengthOutOfRange)
            {
                return false;
            }
        }

        return true;
    }
}
