using System.Globalization;
using System.Text;

namespace Codec.Runtime.Tests.Generated.Variable;

/// <summary>What a member of a variable-length test message is.</summary>
internal enum VarKind
{
    /// <summary>An unsigned integer field of a fixed width.</summary>
    Fixed,

    /// <summary>A span whose length is Source × Scale + Offset bytes.</summary>
    Length,

    /// <summary>A span that takes the rest of the message.</summary>
    Remaining,
}

/// <summary>One member of a variable-length test message, as the tests understand it.</summary>
internal sealed record VarItem(string Name, VarKind Kind)
{
    /// <summary>Width on the wire (fixed fields).</summary>
    public int Bits { get; init; }

    /// <summary>Width of the member's C# type (8, 16, 32), for values too wide for the field.</summary>
    public int TypeBits { get; init; }

    /// <summary>The dissection label; <c>null</c> means the member name.</summary>
    public string? Label { get; init; }

    /// <summary>For <see cref="VarKind.Length"/>: the field holding the length.</summary>
    public string? Source { get; init; }

    /// <summary>For length spans, and for the message-length field: bytes = value × Scale + Offset.</summary>
    public long Scale { get; init; } = 1;

    public long Offset { get; init; }

    /// <summary>Whether this fixed field gives the length of the whole message.</summary>
    public bool IsMessageLength { get; init; }

    /// <summary>Which run of fixed fields (run k follows the k-th span) and where in it the field starts.</summary>
    public int Run { get; init; }

    public int BitInRun { get; init; }

    /// <summary>For a fixed field that a span's length comes from: that span.</summary>
    public string? LengthOf { get; init; }

    public bool IsSpan => Kind != VarKind.Fixed;

    public ulong Mask => Bits >= 64 ? ulong.MaxValue : (1UL << Bits) - 1;

    public ulong TypeMask => TypeBits >= 64 ? ulong.MaxValue : (1UL << TypeBits) - 1;

    /// <summary>Bytes of the run that this field needs (the byte holding its last bit included).</summary>
    public int EndInRun => (BitInRun + Bits + 7) / 8;

    public string DisplayLabel => Label ?? Name;

    /// <summary>Whether writing computes this field when it is 0.</summary>
    public bool IsComputed => LengthOf is not null || IsMessageLength;

    public static VarItem Field(string name, int bits, int typeBits, string? label = null) =>
        new(name, VarKind.Fixed) { Bits = bits, TypeBits = typeBits, Label = label };

    public static VarItem MessageLengthField(string name, int bits, int typeBits, long scale = 1, long offset = 0) =>
        new(name, VarKind.Fixed) { Bits = bits, TypeBits = typeBits, IsMessageLength = true, Scale = scale, Offset = offset };

    public static VarItem Span(string name, string source, long scale = 1, long offset = 0) =>
        new(name, VarKind.Length) { Source = source, Scale = scale, Offset = offset };

    public static VarItem Rest(string name) => new(name, VarKind.Remaining);

    public override string ToString() => Name;
}

/// <summary>A run of fixed fields, and the span that follows it (if any).</summary>
internal sealed record VarRun(int Index, IReadOnlyList<VarItem> Fields, int Bytes, VarItem? After);

/// <summary>
/// A test-side message value: every fixed field as raw bits (a ulong; test values may be wider than the field to
/// check that writing refuses them) and every span as an array.
/// </summary>
internal sealed class VarValue
{
    public VarValue()
    {
    }

    private VarValue(Dictionary<string, ulong> fixedFields, Dictionary<string, byte[]> spans)
    {
        Fixed = new Dictionary<string, ulong>(fixedFields);
        Spans = new Dictionary<string, byte[]>(spans);
    }

    public Dictionary<string, ulong> Fixed { get; } = new();

    public Dictionary<string, byte[]> Spans { get; } = new();

    public ulong this[string field] => Fixed[field];

    public VarValue With(string field, ulong value)
    {
        var copy = new VarValue(Fixed, Spans);
        copy.Fixed[field] = value;
        return copy;
    }

    public VarValue WithSpan(string span, byte[] bytes)
    {
        var copy = new VarValue(Fixed, Spans);
        copy.Spans[span] = bytes;
        return copy;
    }

    /// <summary>A copy whose spans are new arrays with the same content.</summary>
    public VarValue DeepCopy()
    {
        var copy = new VarValue(Fixed, Spans);
        foreach (string key in Spans.Keys)
        {
            copy.Spans[key] = Spans[key].ToArray();
        }

        return copy;
    }

    public bool SameAs(VarValue other) =>
        Fixed.Count == other.Fixed.Count && Fixed.All(p => other.Fixed.TryGetValue(p.Key, out ulong v) && v == p.Value)
        && Spans.Count == other.Spans.Count && Spans.All(p => other.Spans.TryGetValue(p.Key, out byte[]? s) && s.AsSpan().SequenceEqual(p.Value));

    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var (name, value) in Fixed)
        {
            sb.Append(name).Append('=').Append(value.ToString(CultureInfo.InvariantCulture)).Append(' ');
        }

        foreach (var (name, bytes) in Spans)
        {
            // Long spans are cut short: failure messages stay readable.
            string hex = bytes.Length <= 48 ? Convert.ToHexStringLower(bytes) : Convert.ToHexStringLower(bytes.AsSpan(0, 16)) + $"…({bytes.Length} bytes)";
            sb.Append(name).Append("=[").Append(hex).Append("] ");
        }

        return sb.ToString().TrimEnd();
    }
}

/// <summary>
/// What reading should give: a status, the bytes consumed, and on failure the error (Expected/Actual as the generated
/// code reports them: bytes needed/available, or for LengthOutOfRange the limit and the length found).
/// </summary>
internal sealed record RefRead(CodecStatus Status, int Consumed, CodecErrorKind Kind, string? Field, int BitOffset, ulong Expected, ulong Actual)
{
    public VarValue? Value { get; init; }

    /// <summary>Where each span lies in the input (offset, length).</summary>
    public Dictionary<string, (int Offset, int Length)>? Ranges { get; init; }

    public static RefRead Done(int consumed, VarValue value, Dictionary<string, (int, int)> ranges) =>
        new(CodecStatus.Done, consumed, CodecErrorKind.None, null, 0, 0, 0) { Value = value, Ranges = ranges };

    public static RefRead NeedMoreData(string? field, int bitOffset, long needed, long available) =>
        new(CodecStatus.NeedMoreData, 0, CodecErrorKind.Truncated, field, bitOffset, (ulong)needed, (ulong)available);

    public static RefRead Invalid(string? field, int bitOffset, ulong expected, ulong actual) =>
        new(CodecStatus.InvalidData, 0, CodecErrorKind.LengthOutOfRange, field, bitOffset, expected, actual);

    public override string ToString() => Status == CodecStatus.Done
        ? $"Done ({Consumed} bytes) {Value}"
        : $"{Status} {Kind} field={Field ?? "null"} bit={BitOffset} expected={Expected} actual={Actual}";
}

/// <summary>What writing should give: a status, the error, and on success the bytes.</summary>
internal sealed record RefWrite(CodecStatus Status, CodecErrorKind Kind, string? Field, int BitOffset, ulong Expected, ulong Actual, byte[]? Bytes)
{
    public override string ToString() => Status == CodecStatus.Done
        ? $"Done {Convert.ToHexStringLower(Bytes!)}"
        : $"{Status} {Kind} field={Field ?? "null"} bit={BitOffset} expected={Expected} actual={Actual}";
}

/// <summary>One field a dissection should show.</summary>
internal sealed record RefDissected(string Name, string Label, int BitOffset, int BitLength, ulong? Value, string Display, FieldKind Kind);

/// <summary>
/// The expected layout of a variable-length test message, written by hand from its definition, and a deliberately
/// plain reference codec for it that follows the documented rules field by field:
/// <list type="bullet">
/// <item>fixed fields are laid out back to back; a span ends a run of them, and the next run starts where the span
/// ends; big-endian bits are numbered from the MSB of a run's first byte, little-endian ones from its LSB;</item>
/// <item>a span's length is Source × Scale + Offset; a negative one is InvalidData (LengthOutOfRange);</item>
/// <item>a length past the end of the input is NeedMoreData; past the end the message length gives, InvalidData;</item>
/// <item>the message length (value × Scale + Offset) below MinimumSize, or below the bytes already read when it comes
/// after a span, is InvalidData; past the input, NeedMoreData;</item>
/// <item>Remaining takes the bytes up to the message length, or to the end of the input;</item>
/// <item>writing computes a length or message-length field left at 0 from the content (it must come out whole and
/// fit the field, else InvalidData ValueOutOfRange naming the field) and writes a non-zero one as it is.</item>
/// </list>
/// Bits are read one at a time; nothing is shared with the generator or the runtime's bit helpers.
/// </summary>
internal sealed class VarSpec
{
    public VarSpec(string typeName, string protocol, ByteOrder order, int expectedMinimumSize, params VarItem[] items)
    {
        TypeName = typeName;
        Protocol = protocol;
        Order = order;

        var placed = new List<VarItem>();
        var runs = new List<VarRun>();
        var runFields = new List<VarItem>();
        int bit = 0;
        int run = 0;
        foreach (VarItem item in items)
        {
            if (item.IsSpan)
            {
                if (bit % 8 != 0)
                {
                    throw new InvalidOperationException($"{typeName}: {item.Name} is not byte-aligned");
                }

                placed.Add(item with { Run = run });
                runs.Add(new VarRun(run, runFields, bit / 8, placed[^1]));
                runFields = new List<VarItem>();
                bit = 0;
                run++;
                continue;
            }

            VarItem field = item with { Run = run, BitInRun = bit };
            placed.Add(field);
            runFields.Add(field);
            bit += item.Bits;
        }

        runs.Add(new VarRun(run, runFields, bit / 8, null));

        // Mark the length sources.
        foreach (VarItem span in placed.Where(p => p.Kind == VarKind.Length).ToList())
        {
            int index = placed.FindIndex(p => p.Name == span.Source);
            placed[index] = placed[index] with { LengthOf = span.Name };
        }

        Items = placed;
        Runs = runs.Select(r => r with
        {
            Fields = r.Fields.Select(f => placed.Single(p => p.Name == f.Name)).ToList(),
            After = r.After is null ? null : placed.Single(p => p.Name == r.After.Name),
        }).ToList();
        MinimumSize = placed.Where(p => !p.IsSpan).Sum(p => p.Bits) / 8;
        MessageLength = placed.SingleOrDefault(p => p.IsMessageLength);
        if (MinimumSize != expectedMinimumSize)
        {
            throw new InvalidOperationException($"{typeName}: the spec has {MinimumSize} fixed bytes, expected {expectedMinimumSize}.");
        }

        if (MessageLength is not null && placed[^1].Kind != VarKind.Remaining)
        {
            throw new InvalidOperationException($"{typeName}: the tests expect a message length to come with a Remaining span.");
        }
    }

    public string TypeName { get; }

    public string Protocol { get; }

    public ByteOrder Order { get; }

    public bool BigEndian => Order != ByteOrder.LittleEndian;

    public IReadOnlyList<VarItem> Items { get; }

    public IEnumerable<VarItem> FixedFields => Items.Where(i => !i.IsSpan);

    public IEnumerable<VarItem> SpanItems => Items.Where(i => i.IsSpan);

    public IReadOnlyList<VarRun> Runs { get; }

    public int MinimumSize { get; }

    public VarItem? MessageLength { get; }

    public VarItem this[string name] => Items.Single(i => i.Name == name);

    /// <summary>Whether the last span takes the rest of the input (no message length bounds it).</summary>
    public bool UnboundedRest => MessageLength is null && Items[^1].Kind == VarKind.Remaining;

    // -----------------------------------------------------------------------------------------------------------
    // Bits, one at a time

    public ulong ReadBits(ReadOnlySpan<byte> run, int bitOffset, int bits)
    {
        ulong value = 0;
        for (int i = 0; i < bits; i++)
        {
            int b = bitOffset + i;
            bool set = BigEndian ? ((run[b / 8] >> (7 - (b % 8))) & 1) != 0 : ((run[b / 8] >> (b % 8)) & 1) != 0;
            if (BigEndian)
            {
                value = (value << 1) | (set ? 1UL : 0UL);
            }
            else if (set)
            {
                value |= 1UL << i;
            }
        }

        return value;
    }

    public void WriteBits(Span<byte> run, int bitOffset, int bits, ulong value)
    {
        for (int i = 0; i < bits; i++)
        {
            int b = bitOffset + i;
            bool set = ((value >> (BigEndian ? bits - 1 - i : i)) & 1) != 0;
            int mask = BigEndian ? 0x80 >> (b % 8) : 1 << (b % 8);
            run[b / 8] = set ? (byte)(run[b / 8] | mask) : (byte)(run[b / 8] & ~mask);
        }
    }

    // -----------------------------------------------------------------------------------------------------------
    // Layout of a value

    /// <summary>Where each run starts in a message whose spans have these lengths.</summary>
    public int[] RunStarts(Func<VarItem, int> spanLength)
    {
        var starts = new int[Runs.Count];
        int position = 0;
        foreach (VarRun run in Runs)
        {
            starts[run.Index] = position;
            position += run.Bytes;
            if (run.After is { } span)
            {
                position += spanLength(span);
            }
        }

        return starts;
    }

    /// <summary>The absolute bit offset of a fixed field in the message that <paramref name="value"/> writes.</summary>
    public int AbsoluteBit(VarValue value, VarItem field) => (RunStarts(s => value.Spans[s.Name].Length)[field.Run] * 8) + field.BitInRun;

    public int SerializedSize(VarValue value) => MinimumSize + SpanItems.Sum(s => value.Spans[s.Name].Length);

    /// <summary>The length field's value that describes <paramref name="value"/>'s content, or null when none does.</summary>
    public ulong? ConsistentLength(VarValue value, VarItem field)
    {
        long content = field.IsMessageLength ? SerializedSize(value) : value.Spans[field.LengthOf!].Length;
        long scale = field.IsMessageLength ? field.Scale : this[field.LengthOf!].Scale;
        long offset = field.IsMessageLength ? field.Offset : this[field.LengthOf!].Offset;
        long units = content - offset;
        if (units < 0 || units % scale != 0 || (ulong)(units / scale) > field.Mask)
        {
            return null;
        }

        return (ulong)(units / scale);
    }

    // -----------------------------------------------------------------------------------------------------------
    // Reading

    public RefRead Read(ReadOnlySpan<byte> input)
    {
        int end = input.Length;
        bool bounded = false;
        int position = 0;
        var value = new VarValue();
        var ranges = new Dictionary<string, (int, int)>();
        foreach (VarRun run in Runs)
        {
            if (run.Fields.Count > 0)
            {
                int available = end - position;
                if (available < run.Bytes)
                {
                    // The first field that does not fit is named; the whole run is what is needed.
                    VarItem? first = run.Fields.FirstOrDefault(f => f.EndInRun > available);
                    return Short(first?.Name, (position * 8) + (first?.BitInRun ?? 0), position + run.Bytes, end, bounded);
                }

                ReadOnlySpan<byte> bytes = input.Slice(position, run.Bytes);
                foreach (VarItem field in run.Fields)
                {
                    value.Fixed[field.Name] = ReadBits(bytes, field.BitInRun, field.Bits);
                }

                if (run.Fields.FirstOrDefault(f => f.IsMessageLength) is { } lengthField)
                {
                    int bit = (position * 8) + lengthField.BitInRun;
                    long messageLength = ((long)value[lengthField.Name] * lengthField.Scale) + lengthField.Offset;

                    // The message holds at least its fixed part, and (when the length comes after a span) at least the
                    // bytes read so far: less contradicts it. Expected is that least length, Actual the length given.
                    long least = Math.Max(MinimumSize, position + run.Bytes);
                    if (messageLength < least)
                    {
                        return RefRead.Invalid(lengthField.Name, bit, (ulong)least, unchecked((ulong)messageLength));
                    }

                    if (messageLength > input.Length)
                    {
                        return RefRead.NeedMoreData(lengthField.Name, bit, messageLength, input.Length);
                    }

                    end = (int)messageLength;
                    bounded = true;
                }

                position += run.Bytes;
            }

            if (run.After is not { } span)
            {
                continue;
            }

            if (span.Kind == VarKind.Remaining)
            {
                ranges[span.Name] = (position, end - position);
                value.Spans[span.Name] = input[position..end].ToArray();
                position = end;
                continue;
            }

            long length = ((long)value[span.Source!] * span.Scale) + span.Offset;
            if (length < 0)
            {
                return RefRead.Invalid(span.Name, position * 8, (ulong)(end - position), unchecked((ulong)length));
            }

            if (length > end - position)
            {
                return Short(span.Name, position * 8, position + length, end, bounded);
            }

            ranges[span.Name] = (position, (int)length);
            value.Spans[span.Name] = input.Slice(position, (int)length).ToArray();
            position += (int)length;
        }

        return RefRead.Done(bounded ? end : position, value, ranges);
    }

    /// <summary>
    /// Too few bytes for a field or span: at the end of the input more may come (NeedMoreData: needed, available);
    /// inside a message whose length says it ends here, the message is wrong (LengthOutOfRange: available, needed).
    /// </summary>
    private static RefRead Short(string? field, int bitOffset, long needed, int end, bool bounded) =>
        bounded ? RefRead.Invalid(field, bitOffset, (ulong)end, (ulong)needed) : RefRead.NeedMoreData(field, bitOffset, needed, end);

    // -----------------------------------------------------------------------------------------------------------
    // Writing

    /// <summary>The bytes of <paramref name="value"/> with every field written as it is (each must fit).</summary>
    public byte[] Encode(VarValue value)
    {
        var output = new byte[SerializedSize(value)];
        int position = 0;
        foreach (VarRun run in Runs)
        {
            Span<byte> bytes = output.AsSpan(position, run.Bytes);
            foreach (VarItem field in run.Fields)
            {
                ulong raw = value[field.Name];
                if (raw > field.Mask)
                {
                    throw new InvalidOperationException($"{TypeName}.{field.Name} = {raw} does not fit {field.Bits} bits");
                }

                WriteBits(bytes, field.BitInRun, field.Bits, raw);
            }

            position += run.Bytes;
            if (run.After is { } span)
            {
                value.Spans[span.Name].CopyTo(output, position);
                position += value.Spans[span.Name].Length;
            }
        }

        return output;
    }

    /// <summary>What <c>TryWrite</c> into <paramref name="destinationLength"/> bytes should give.</summary>
    public RefWrite Write(VarValue value, int destinationLength)
    {
        int size = SerializedSize(value);
        if (destinationLength < size)
        {
            return new RefWrite(CodecStatus.DestinationTooSmall, CodecErrorKind.DestinationTooSmall, null, 0, (ulong)size, (ulong)destinationLength, null);
        }

        // Length fields are settled first (nothing is written before every one of them is known to fit), then the
        // other fields in wire order.
        VarValue resolved = value;
        foreach (VarItem field in FixedFields.Where(f => f.IsComputed))
        {
            ulong raw = value[field.Name];
            int bit = AbsoluteBit(value, field);
            if (raw == 0)
            {
                long content = field.IsMessageLength ? size : value.Spans[field.LengthOf!].Length;
                VarItem rule = field.IsMessageLength ? field : this[field.LengthOf!];
                long units = content - rule.Offset;
                if (units < 0 || units % rule.Scale != 0 || (ulong)(units / rule.Scale) > field.Mask)
                {
                    return new RefWrite(CodecStatus.InvalidData, CodecErrorKind.ValueOutOfRange, field.Name, bit, field.Mask, unchecked((ulong)units), null);
                }

                resolved = resolved.With(field.Name, (ulong)(units / rule.Scale));
            }
            else if (raw > field.Mask)
            {
                return new RefWrite(CodecStatus.InvalidData, CodecErrorKind.ValueOutOfRange, field.Name, bit, field.Mask, raw, null);
            }
        }

        foreach (VarItem field in FixedFields.Where(f => !f.IsComputed))
        {
            if (value[field.Name] > field.Mask)
            {
                return new RefWrite(CodecStatus.InvalidData, CodecErrorKind.ValueOutOfRange, field.Name, AbsoluteBit(value, field), field.Mask, value[field.Name], null);
            }
        }

        return new RefWrite(CodecStatus.Done, CodecErrorKind.None, null, 0, 0, 0, Encode(resolved));
    }

    // -----------------------------------------------------------------------------------------------------------
    // Dissection

    /// <summary>
    /// The fields a dissection should show: each fixed field and span in order while it fits in the input (and inside
    /// the message length once that is known and smaller), stopping at the first one that does not (or at a negative
    /// span length). Offsets are absolute; integers show in decimal, spans in lowercase hex.
    /// </summary>
    public List<RefDissected> Dissect(ReadOnlySpan<byte> input)
    {
        var fields = new List<RefDissected>();
        var values = new Dictionary<string, ulong>();
        int end = input.Length;
        int position = 0;
        foreach (VarRun run in Runs)
        {
            foreach (VarItem field in run.Fields)
            {
                if (end - position < field.EndInRun)
                {
                    return fields;
                }

                ulong raw = ReadBits(input[position..], field.BitInRun, field.Bits);
                values[field.Name] = raw;
                fields.Add(new RefDissected(field.Name, field.DisplayLabel, (position * 8) + field.BitInRun, field.Bits, raw, raw.ToString(CultureInfo.InvariantCulture), FieldKind.Integer));
                if (field.IsMessageLength)
                {
                    long messageLength = ((long)raw * field.Scale) + field.Offset;
                    if (messageLength >= 0 && messageLength < end)
                    {
                        end = (int)messageLength;
                    }
                }
            }

            position += run.Bytes;
            if (run.After is not { } span)
            {
                continue;
            }

            long length = span.Kind == VarKind.Remaining ? end - position : ((long)values[span.Source!] * span.Scale) + span.Offset;
            if (length < 0 || length > end - position)
            {
                return fields;
            }

            fields.Add(new RefDissected(span.Name, span.DisplayLabel, position * 8, (int)length * 8, null, Convert.ToHexStringLower(input.Slice(position, (int)length)), FieldKind.Bytes));
            position += (int)length;
        }

        return fields;
    }

    /// <summary>What the generated ToString should give.</summary>
    public string ToStringOf(VarValue value) =>
        TypeName + " { "
        + string.Join(", ", Items.Select(i => i.Name + " = " + (i.IsSpan ? Convert.ToHexStringLower(value.Spans[i.Name]) : value[i.Name].ToString(CultureInfo.InvariantCulture))))
        + " }";
}
