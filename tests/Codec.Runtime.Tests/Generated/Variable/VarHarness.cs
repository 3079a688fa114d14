using System.Buffers;
using FsCheck;
using FsCheck.Fluent;

namespace Codec.Runtime.Tests.Generated.Variable;

/// <summary>The checks every variable-length test message must pass, against its <see cref="VarSpec"/>.</summary>
internal interface IVarHarness
{
    string Name { get; }

    VarSpec Spec { get; }

    void ConstantsAndSizes();

    void ValidEncodingsRead(int cases);

    int RandomInputsMatchReference(int cases);

    void TruncationsAtEveryLength(int values);

    void WriteMatchesReference(int cases);

    void EqualityComparesSpanContents(int cases);

    void ToStringShowsSpansAsHex(int cases);

    Property ValuesRoundTrip();

    Property ComputedLengthsRoundTrip();

    Property BytesRoundTrip();

    Property TooSmallDestinations();

    Property InexpressibleLengths();

    Property ExplicitLengthsAreWrittenAsSet();

    /// <summary>Reads <paramref name="input"/> with the generated code and checks it against the reference.</summary>
    void CheckRead(ReadOnlySpan<byte> input);

    /// <summary>Checks the generated dissection of <paramref name="input"/> against the reference, and returns it.</summary>
    MessageDissection CheckDissect(ReadOnlySpan<byte> input);

    /// <summary>The generated <c>TryRead</c> result.</summary>
    ReadResult TryRead(ReadOnlySpan<byte> input);

    /// <summary>The generated <c>TryWrite</c> of <paramref name="value"/> into <paramref name="destination"/>.</summary>
    WriteResult TryWrite(VarValue value, Span<byte> destination);

    /// <summary>Reads with the generated code and returns the value in test form (the read must succeed).</summary>
    VarValue ReadValue(ReadOnlySpan<byte> input);

    /// <summary>The generated <c>ToString()</c> of <paramref name="value"/>.</summary>
    string Show(VarValue value);

    /// <summary>The generated <c>==</c> of the two values.</summary>
    bool Equal(VarValue left, VarValue right);
}

/// <summary>
/// The generic part of the checks; a message's harness supplies the spec and the members generic code cannot
/// reach (building the ref struct from a test value and back, the operators, <c>Read</c>, <c>ToString</c>).
/// Generated code is always called inside a try/catch, so that an exception is reported with the input that caused
/// it instead of ending the loop.
/// </summary>
internal abstract class VarHarness<T> : IVarHarness
    where T : IWireMessage<T>, allows ref struct
{
    public string Name => Spec.TypeName;

    public abstract VarSpec Spec { get; }

    protected abstract int MinimumSizeConstant { get; }

    /// <summary>The ref struct holding <paramref name="value"/>'s fields; its spans are <paramref name="value"/>'s arrays.</summary>
    protected abstract T Build(VarValue value);

    /// <summary>The fields of <paramref name="value"/> in test form (spans copied).</summary>
    protected abstract VarValue Extract(T value);

    /// <summary>The span member named <paramref name="name"/> itself (not a copy).</summary>
    protected abstract ReadOnlySpan<byte> SpanOf(T value, string name);

    protected abstract T ReadOrThrow(ReadOnlySpan<byte> source);

    protected abstract bool TryReadOut(ReadOnlySpan<byte> source, out T value, out int bytesConsumed);

    protected abstract bool TryWriteOut(T value, Span<byte> destination, out int bytesWritten);

    protected abstract WriteResult WriteTo(T value, IBufferWriter<byte> writer);

    protected abstract bool OperatorEquals(T left, T right);

    protected abstract bool OperatorNotEquals(T left, T right);

    protected abstract bool EqualsMethod(T left, T right);

    protected abstract bool EqualsObject(T left, object? right);

    protected abstract int HashOf(T value);

    protected abstract string StringOf(T value);

    // ---------------------------------------------------------------------------------------------------------
    // Helpers

    /// <summary>A seed that depends only on the message and the check, so that every run sees the same cases.</summary>
    protected Random Rng(string check) => new((int)(Seed(check) & 0x7FFFFFFF));

    protected ulong Seed(string check)
    {
        uint hash = 2166136261;
        foreach (char c in Name + "/" + check)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }

    protected static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    protected void Fail(string message) => Assert.Fail($"{Name}: {message}");

    protected void Same(object? expected, object? actual, string what, ReadOnlySpan<byte> input = default)
    {
        if (!Equals(expected, actual))
        {
            Fail($"{what}: expected <{expected}>, got <{actual}>" + (input.IsEmpty ? string.Empty : $" (input {Hex(input)})"));
        }
    }

    /// <summary>A read value is the default one: every field 0 and every span empty.</summary>
    private bool IsDefault(T value)
    {
        VarValue v = Extract(value);
        return v.Fixed.Values.All(x => x == 0) && v.Spans.Values.All(s => s.Length == 0);
    }

    public ReadResult TryRead(ReadOnlySpan<byte> input)
    {
        try
        {
            return T.TryRead(input, out _);
        }
        catch (Exception e)
        {
            Fail($"TryRead threw {e.GetType().Name} ({e.Message}) on input {Hex(input)}; expected {Spec.Read(input)}");
            throw;
        }
    }

    public WriteResult TryWrite(VarValue value, Span<byte> destination) => Build(value).TryWrite(destination);

    public VarValue ReadValue(ReadOnlySpan<byte> input)
    {
        ReadResult result = T.TryRead(input, out T value);
        Same(CodecStatus.Done, result.Status, $"TryRead ({result})", input);
        return Extract(value);
    }

    public string Show(VarValue value) => StringOf(Build(value));

    public bool Equal(VarValue left, VarValue right) => OperatorEquals(Build(left), Build(right));

    // ---------------------------------------------------------------------------------------------------------
    // Reading

    public void ConstantsAndSizes()
    {
        Same(Spec.MinimumSize, MinimumSizeConstant, "MinimumSize");
        Same(Spec.MinimumSize, MinimumWireSize(), "IWireMessage.MinimumWireSize");
        Assert.Null(typeof(T).GetField("Size"));
        Assert.True(typeof(T).IsByRefLike, $"{Name} is a ref struct");
        Assert.Null(typeof(T).GetMethods().FirstOrDefault(m => m.Name == "TryRead" && m.GetParameters().Any(p => p.ParameterType.Name.StartsWith("ReadOnlySequence", StringComparison.Ordinal))));
    }

    private static int MinimumWireSize() => T.MinimumWireSize;

    public void CheckRead(ReadOnlySpan<byte> input)
    {
        RefRead expected = Spec.Read(input);
        ReadResult result;
        T value;
        try
        {
            result = T.TryRead(input, out value);
        }
        catch (Exception e)
        {
            Fail($"TryRead threw {e.GetType().Name} ({e.Message}) on input {Hex(input)}; expected {expected}");
            return;
        }

        string what = $"TryRead (reference: {expected}; generated: {result})";
        Same(expected.Status, result.Status, $"{what}: status", input);
        if (expected.Status == CodecStatus.Done)
        {
            Same(expected.Consumed, result.BytesConsumed, $"{what}: bytes consumed", input);
            VarValue actual = Extract(value);
            if (!expected.Value!.SameAs(actual))
            {
                Fail($"{what}: fields: expected {expected.Value}, got {actual} (input {Hex(input)})");
            }

            // Spans are slices of the input, where the reference says they are.
            foreach (var (name, (offset, length)) in expected.Ranges!)
            {
                ReadOnlySpan<byte> span = SpanOf(value, name);
                Same(length, span.Length, $"{what}: {name} length", input);
                if (length > 0)
                {
                    bool inside = input.Overlaps(span, out int at);
                    Same(true, inside, $"{what}: {name} is a slice of the input", input);
                    Same(offset, at, $"{what}: {name} offset in the input", input);
                }
            }
        }
        else
        {
            Same(0, result.BytesConsumed, $"{what}: bytes consumed", input);
            Same(expected.Kind, result.Error.Kind, $"{what}: error kind", input);
            Same(expected.Field, result.Error.Field, $"{what}: error field", input);
            Same(expected.BitOffset, result.Error.BitOffset, $"{what}: error bit offset", input);
            Same(expected.Expected, result.Error.Expected, $"{what}: error expected", input);
            Same(expected.Actual, result.Error.Actual, $"{what}: error actual", input);

            Same(true, IsDefault(value), $"{what}: a failed read leaves the default value", input);
        }

        CheckReadAt(input, result, expected);

        // The other entry points agree.
        bool done = TryReadOut(input, out _, out int consumed);
        Same(result.IsDone, done, "TryRead(out, out) result", input);
        Same(result.BytesConsumed, consumed, "TryRead(out, out) bytesConsumed", input);
        byte[] copy = input.ToArray();
        if (result.IsDone)
        {
            Exception? error = Record.Exception(() => { ReadOrThrow(copy); });
            Assert.True(error is null, $"{Name}: Read threw {error?.GetType().Name} on input {Hex(input)}");
        }
        else
        {
            var exception = Assert.Throws<CodecException>(() => { ReadOrThrow(copy); });
            Same(result.Status, exception.Status, "CodecException.Status", input);
            Same(result.Error, exception.Error, "CodecException.Error", input);
        }
    }

    /// <summary>
    /// <c>TryReadAt</c> the same bytes behind a 1–3 byte prefix: the same outcome, spans where the message now lies,
    /// error bit offsets counted from the start of the whole buffer (and for NeedMoreData, the bytes needed and available
    /// too, as <see cref="ReadResult.At"/> documents).
    /// </summary>
    private void CheckReadAt(ReadOnlySpan<byte> input, ReadResult result, RefRead expected)
    {
        int prefix = 1 + (input.Length % 3);
        byte[] buffer = new byte[prefix + input.Length];
        buffer.AsSpan(0, prefix).Fill(0xA5);
        input.CopyTo(buffer.AsSpan(prefix));
        ReadResult at;
        T value;
        try
        {
            at = T.TryReadAt(buffer, prefix, out value);
        }
        catch (Exception e)
        {
            Fail($"TryReadAt({prefix}) threw {e.GetType().Name} ({e.Message}) on input {Hex(buffer)}; expected {expected}");
            return;
        }

        string what = $"TryReadAt({prefix}) (TryRead: {result}; TryReadAt: {at})";
        Same(result.Status, at.Status, $"{what}: status", buffer);
        Same(result.BytesConsumed, at.BytesConsumed, $"{what}: bytes consumed", buffer);
        if (result.IsDone)
        {
            VarValue actual = Extract(value);
            if (!expected.Value!.SameAs(actual))
            {
                Fail($"{what}: fields: expected {expected.Value}, got {actual} (input {Hex(buffer)})");
            }

            foreach (var (name, (offset, length)) in expected.Ranges!)
            {
                ReadOnlySpan<byte> span = SpanOf(value, name);
                Same(length, span.Length, $"{what}: {name} length", buffer);
                if (length > 0)
                {
                    Same(true, buffer.AsSpan().Overlaps(span, out int position) && position == prefix + offset, $"{what}: {name} is the buffer's bytes from {prefix + offset}", buffer);
                }
            }

            return;
        }

        Same(result.Error.Kind, at.Error.Kind, $"{what}: error kind", buffer);
        Same(result.Error.Field, at.Error.Field, $"{what}: error field", buffer);
        Same(result.Error.BitOffset + (8 * prefix), at.Error.BitOffset, $"{what}: error bit offset", buffer);
        if (result.Status == CodecStatus.NeedMoreData)
        {
            Same(result.Error.Expected + (ulong)prefix, at.Error.Expected, $"{what}: bytes needed", buffer);
            Same(result.Error.Actual + (ulong)prefix, at.Error.Actual, $"{what}: bytes available", buffer);
        }
    }

    public MessageDissection CheckDissect(ReadOnlySpan<byte> input)
    {
        MessageDissection dissection;
        try
        {
            dissection = T.Dissect(input);
        }
        catch (Exception e)
        {
            Fail($"Dissect threw {e.GetType().Name} ({e.Message}) on input {Hex(input)}");
            throw;
        }

        Same(Spec.Protocol, dissection.Protocol, "Dissect protocol", input);
        Same(Spec.TypeName, dissection.TypeName, "Dissect type name", input);
        Same(Spec.Order == ByteOrder.LittleEndian ? ByteOrder.LittleEndian : ByteOrder.BigEndian, dissection.ByteOrder, "Dissect byte order", input);
        Same(TryRead(input), dissection.Result, "Dissect result", input);
        Same(dissection.Result.BytesConsumed, dissection.Length, "Dissect length", input);

        List<RefDissected> expected = Spec.Dissect(input);
        string names = string.Join(",", expected.Select(f => f.Name));
        string actualNames = string.Join(",", dissection.Fields.Select(f => f.Name));
        Same(names, actualNames, "Dissect fields", input);
        for (int i = 0; i < expected.Count; i++)
        {
            RefDissected e = expected[i];
            FieldDissection d = dissection.Fields[i];
            Same(e.Label, d.Label, $"Dissect {e.Name} label", input);
            Same(e.BitOffset, d.BitOffset, $"Dissect {e.Name} bit offset", input);
            Same(e.BitLength, d.BitLength, $"Dissect {e.Name} bit length", input);
            Same(e.Value, d.Value, $"Dissect {e.Name} value", input);
            Same(e.Display, d.Display, $"Dissect {e.Name} display", input);
            Same(e.Kind, d.Kind, $"Dissect {e.Name} kind", input);
        }

        return dissection;
    }

    public void ValidEncodingsRead(int cases)
    {
        Random rng = Rng(nameof(ValidEncodingsRead));
        foreach (VarValue value in VarGen.SampleValid(Spec, Seed(nameof(ValidEncodingsRead)), cases))
        {
            byte[] encoded = Spec.Encode(value);
            byte[] input = encoded;
            if (VarGen.TrailingBytesAreIgnored(Spec) && rng.Next(2) == 0)
            {
                input = new byte[encoded.Length + 1 + rng.Next(8)];
                rng.NextBytes(input);
                encoded.CopyTo(input, 0);
            }

            ReadResult result = T.TryRead(input, out T read);
            Same(CodecStatus.Done, result.Status, $"TryRead of the encoding of {value} ({result})", input);
            Same(encoded.Length, result.BytesConsumed, $"bytes consumed for {value}", input);
            VarValue back = Extract(read);
            if (!value.SameAs(back))
            {
                Fail($"TryRead of the encoding of {value} gave {back} (input {Hex(input)})");
            }

            Same(encoded.Length, read.GetSerializedSize(), "GetSerializedSize of the value read", input);
            CheckRead(input);
        }
    }

    public int RandomInputsMatchReference(int cases)
    {
        Random rng = Rng(nameof(RandomInputsMatchReference));
        VarValue[] pool = VarGen.SampleValid(Spec, Seed(nameof(RandomInputsMatchReference)), 400);
        var statuses = new Dictionary<CodecStatus, int>();
        for (int n = 0; n < cases; n++)
        {
            byte[] input = VarGen.RandomInput(Spec, pool, rng);
            CheckRead(input);
            CheckDissect(input);
            CodecStatus status = Spec.Read(input).Status;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
        }

        // The inputs reach every outcome the message has.
        Assert.True(statuses.GetValueOrDefault(CodecStatus.Done) > cases / 20, $"{Name}: too few Done cases: {string.Join(", ", statuses)}");
        Assert.True(statuses.GetValueOrDefault(CodecStatus.NeedMoreData) > cases / 20, $"{Name}: too few NeedMoreData cases: {string.Join(", ", statuses)}");
        bool canBeInvalid = Spec.MessageLength is not null || Spec.SpanItems.Any(s => s.Offset < 0);
        if (canBeInvalid)
        {
            Assert.True(statuses.GetValueOrDefault(CodecStatus.InvalidData) > cases / 50, $"{Name}: too few InvalidData cases: {string.Join(", ", statuses)}");
        }

        return cases;
    }

    public void TruncationsAtEveryLength(int values)
    {
        foreach (VarValue value in VarGen.SampleValid(Spec, Seed(nameof(TruncationsAtEveryLength)), values))
        {
            byte[] full = Spec.Encode(value);
            int restStart = Spec.UnboundedRest ? full.Length - value.Spans[Spec.Items[^1].Name].Length : full.Length;
            for (int length = 0; length < full.Length; length++)
            {
                ReadOnlySpan<byte> input = full.AsSpan(0, length);
                CheckRead(input);
                ReadResult result = T.TryRead(input, out T read);
                if (length < restStart)
                {
                    Same(CodecStatus.NeedMoreData, result.Status, $"truncation of {value} to {length} bytes ({result})", input);
                    Same(CodecErrorKind.Truncated, result.Error.Kind, $"error kind for a truncation to {length} bytes", input);
                    Same((ulong)length, result.Error.Actual, $"bytes available for a truncation to {length} bytes", input);
                    Assert.True(result.Error.Expected > (ulong)length, $"{Name}: a truncation to {length} bytes must need more than that ({result})");
                }
                else
                {
                    // Without a message length, the rest is whatever the input holds: a shorter rest, not an error.
                    Same(CodecStatus.Done, result.Status, $"truncation of {value} inside the rest, to {length} bytes", input);
                    Same(length, result.BytesConsumed, "bytes consumed", input);
                    Same(Hex(full.AsSpan(restStart, length - restStart)), Hex(SpanOf(read, Spec.Items[^1].Name)), "the rest so far", input);
                }

                // The dissection shows the fields that fit, then the same result.
                MessageDissection dissection = CheckDissect(input);
                foreach (FieldDissection field in dissection.Fields)
                {
                    Assert.True(field.BitOffset + field.BitLength <= length * 8, $"{Name}: dissected field {field.Name} lies past the {length} bytes of input");
                }
            }

            CheckRead(full);
            CheckDissect(full);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Writing

    /// <summary>A value to write: valid, or with a length field 0, set to something else, or too wide, or a span too long.</summary>
    private VarValue RandomWriteValue(Random rng, VarValue value)
    {
        VarItem[] fields = Spec.FixedFields.ToArray();
        switch (rng.Next(8))
        {
            case 0:
                return value;
            case 1 or 2:
            {
                // Every length field left at 0 (computed), maybe with a span of any length.
                VarValue zeroed = value;
                foreach (VarItem f in fields.Where(f => f.IsComputed))
                {
                    zeroed = zeroed.With(f.Name, 0);
                }

                if (rng.Next(2) == 0)
                {
                    VarItem span = Spec.SpanItems.ElementAt(rng.Next(Spec.SpanItems.Count()));
                    var bytes = new byte[rng.Next(rng.Next(4) == 0 ? 1200 : 50)];
                    rng.NextBytes(bytes);
                    zeroed = zeroed.WithSpan(span.Name, bytes);
                }

                return zeroed;
            }

            case 3:
            {
                // A length field set, to anything that fits.
                VarItem f = fields.Where(f => f.IsComputed).ElementAt(rng.Next(fields.Count(f => f.IsComputed)));
                return value.With(f.Name, (ulong)rng.NextInt64() & f.Mask);
            }

            case 4:
            {
                // A field too wide for its width (where its type is wider).
                VarItem[] narrow = fields.Where(f => f.Bits < f.TypeBits).ToArray();
                if (narrow.Length == 0)
                {
                    return value;
                }

                VarItem f = narrow[rng.Next(narrow.Length)];
                ulong tooWide = f.Mask + 1 + ((ulong)rng.NextInt64() & (f.TypeMask - f.Mask - 1));
                return value.With(f.Name, tooWide);
            }

            default:
                return value;
        }
    }

    public void WriteMatchesReference(int cases)
    {
        Random rng = Rng(nameof(WriteMatchesReference));
        foreach (VarValue original in VarGen.SampleValid(Spec, Seed(nameof(WriteMatchesReference)), cases))
        {
            VarValue value = RandomWriteValue(rng, original);
            int size = Spec.SerializedSize(value);
            int destinationLength = rng.Next(4) == 0 ? rng.Next(size + 1) : size + rng.Next(4);
            RefWrite expected = Spec.Write(value, destinationLength);

            byte[] destination = new byte[destinationLength];
            rng.NextBytes(destination);
            byte[] before = destination.ToArray();
            T message = Build(value);
            Same(size, message.GetSerializedSize(), $"GetSerializedSize of {value}");
            WriteResult result;
            try
            {
                result = message.TryWrite(destination);
            }
            catch (Exception e)
            {
                Fail($"TryWrite of {value} into {destinationLength} bytes threw {e.GetType().Name} ({e.Message})");
                return;
            }

            string what = $"TryWrite of {value} into {destinationLength} bytes (reference: {expected}; generated: {result})";
            Same(expected.Status, result.Status, $"{what}: status");
            if (expected.Status == CodecStatus.Done)
            {
                Same(expected.Bytes!.Length, result.BytesWritten, $"{what}: bytes written");
                Same(Hex(expected.Bytes), Hex(destination.AsSpan(0, result.BytesWritten)), $"{what}: bytes");
                Same(Hex(before.AsSpan(size)), Hex(destination.AsSpan(size)), $"{what}: bytes after the message are untouched");
            }
            else
            {
                Same(0, result.BytesWritten, $"{what}: bytes written");
                Same(expected.Kind, result.Error.Kind, $"{what}: error kind");
                Same(expected.Field, result.Error.Field, $"{what}: error field");
                Same(expected.BitOffset, result.Error.BitOffset, $"{what}: error bit offset");
                Same(expected.Expected, result.Error.Expected, $"{what}: error expected");
                Same(expected.Actual, result.Error.Actual, $"{what}: error actual");
                if (expected.Status == CodecStatus.DestinationTooSmall || Spec.FixedFields.Any(f => f.IsComputed && f.Name == expected.Field))
                {
                    // Checked before the first byte is written.
                    Same(Hex(before), Hex(destination), $"{what}: the destination is untouched");
                }
            }

            // The other entry points agree.
            // The bool overload is a body of its own (no WriteResult): the same answer and the same octets.
            byte[] viaBool = before.ToArray();
            Same(result.IsDone, TryWriteOut(message, viaBool, out int written), $"{what}: TryWrite(out)");
            Same(result.BytesWritten, written, $"{what}: TryWrite(out) bytesWritten");
            if (result.IsDone)
            {
                Same(Hex(destination), Hex(viaBool), $"{what}: TryWrite(out) bytes");
            }
            var writer = new ArrayBufferWriter<byte>();
            writer.Write(new byte[] { 0xAA, 0xBB });
            WriteResult viaWriter = WriteTo(message, writer);
            // Write(IBufferWriter) asks the writer for the whole message, so it only fails on a value that cannot be written.
            Same(Spec.Write(value, size).Status, viaWriter.Status, $"{what}: Write(IBufferWriter)");
            if (viaWriter.IsDone)
            {
                Same(2 + size, writer.WrittenCount, $"{what}: IBufferWriter advanced by the message");
                RefWrite unlimited = Spec.Write(value, size);
                Same(Hex(unlimited.Bytes), Hex(writer.WrittenSpan[2..]), $"{what}: Write(IBufferWriter) bytes");
            }
            else
            {
                Same(2, writer.WrittenCount, $"{what}: IBufferWriter must not advance on failure");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Equality and ToString

    public void EqualityComparesSpanContents(int cases)
    {
        Random rng = Rng(nameof(EqualityComparesSpanContents));
        foreach (VarValue value in VarGen.SampleValid(Spec, Seed(nameof(EqualityComparesSpanContents)), cases))
        {
            // The same content in other arrays (and, for a read value, in the input) is equal.
            T a = Build(value);
            T b = Build(value.DeepCopy());
            byte[] encoded = Spec.Encode(value);
            Same(CodecStatus.Done, T.TryRead(encoded, out T read).Status, "TryRead", encoded);
            Assert.True(OperatorEquals(a, b), $"{Name}: == on equal values {value}");
            Assert.False(OperatorNotEquals(a, b), $"{Name}: != on equal values {value}");
            Assert.True(EqualsMethod(a, b), $"{Name}: Equals on equal values {value}");
            Assert.True(OperatorEquals(a, read), $"{Name}: == between a built value and the same value read {value}");
            Same(HashOf(a), HashOf(b), $"GetHashCode of equal values {value}");
            Same(HashOf(a), HashOf(read), $"GetHashCode of a built and a read value {value}");
            Assert.False(EqualsObject(a, null), $"{Name}: Equals(null)");
            Assert.False(EqualsObject(a, "x"), $"{Name}: Equals(object)");

            // One byte, one more byte, or one fixed field different: unequal.
            foreach (VarItem span in Spec.SpanItems)
            {
                byte[] bytes = value.Spans[span.Name];
                if (bytes.Length > 0)
                {
                    byte[] changed = bytes.ToArray();
                    changed[rng.Next(changed.Length)] ^= (byte)(1 + rng.Next(255));
                    Unequal(a, Build(value.WithSpan(span.Name, changed)), $"{span.Name} with one byte changed", value);
                    Unequal(a, Build(value.WithSpan(span.Name, bytes[..^1])), $"{span.Name} one byte shorter", value);
                }

                Unequal(a, Build(value.WithSpan(span.Name, [.. bytes, 0])), $"{span.Name} one byte longer", value);
            }

            foreach (VarItem field in Spec.FixedFields)
            {
                Unequal(a, Build(value.With(field.Name, value[field.Name] ^ (1UL << rng.Next(field.Bits)))), $"{field.Name} changed", value);
            }
        }

        // An empty span equals a default one.
        VarValue empty = new();
        foreach (VarItem field in Spec.FixedFields)
        {
            empty = empty.With(field.Name, 0);
        }

        foreach (VarItem span in Spec.SpanItems)
        {
            empty = empty.WithSpan(span.Name, []);
        }

        Assert.True(OperatorEquals(Build(empty), default!), $"{Name}: a value with empty spans == default");
        Same(HashOf(default!), HashOf(Build(empty)), "GetHashCode of default and of empty spans");
    }

    private void Unequal(T a, T c, string change, VarValue value)
    {
        Assert.False(OperatorEquals(a, c), $"{Name}: == after {change} ({value})");
        Assert.False(OperatorEquals(c, a), $"{Name}: == (reversed) after {change} ({value})");
        Assert.True(OperatorNotEquals(a, c), $"{Name}: != after {change} ({value})");
        Assert.False(EqualsMethod(a, c), $"{Name}: Equals after {change} ({value})");
    }

    public void ToStringShowsSpansAsHex(int cases)
    {
        foreach (VarValue value in VarGen.SampleValid(Spec, Seed(nameof(ToStringShowsSpansAsHex)), cases))
        {
            Same(Spec.ToStringOf(value), StringOf(Build(value)), "ToString()");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Properties (FsCheck)

    private VarValue WithLengthsZeroed(VarValue value)
    {
        foreach (VarItem field in Spec.FixedFields.Where(f => f.IsComputed))
        {
            value = value.With(field.Name, 0);
        }

        return value;
    }

    /// <summary>read(write(x)) == x, spans compared by content, for values whose lengths agree with their spans.</summary>
    public Property ValuesRoundTrip() =>
        Prop.ForAll(Arb.From(VarGen.Valid(Spec)), (VarValue value) =>
        {
            T message = Build(value);
            var buffer = new byte[message.GetSerializedSize()];
            WriteResult written = message.TryWrite(buffer);
            Same(CodecStatus.Done, written.Status, $"TryWrite of {value} ({written})");
            Same(Hex(Spec.Encode(value)), Hex(buffer), $"TryWrite of {value}");
            ReadResult read = T.TryRead(buffer, out T back);
            Same(CodecStatus.Done, read.Status, $"TryRead ({read})", buffer);
            Same(buffer.Length, read.BytesConsumed, "bytes consumed", buffer);
            VarValue backValue = Extract(back);
            Assert.True(value.SameAs(backValue), $"{Name}: read(write(x)) != x: {value} -> {backValue}");
            Assert.True(OperatorEquals(message, back), $"{Name}: read(write(x)) == x is false for {value}");
        });

    /// <summary>Length fields left at 0 are computed: the bytes are those of the value with its lengths, and read back so.</summary>
    public Property ComputedLengthsRoundTrip() =>
        Prop.ForAll(Arb.From(VarGen.Valid(Spec)), (VarValue value) =>
        {
            VarValue zeroed = WithLengthsZeroed(value);
            T message = Build(zeroed);
            var buffer = new byte[message.GetSerializedSize()];
            WriteResult written = message.TryWrite(buffer);
            Same(CodecStatus.Done, written.Status, $"TryWrite of {zeroed} ({written})");
            Same(Hex(Spec.Encode(value)), Hex(buffer), $"TryWrite of {zeroed} (lengths computed)");
            VarValue back = ReadValue(buffer);
            foreach (VarItem field in Spec.FixedFields.Where(f => f.IsComputed))
            {
                Same(Spec.ConsistentLength(value, field), back[field.Name], $"{field.Name} read back after computing it for {zeroed}", buffer);
            }

            Assert.True(value.SameAs(back), $"{Name}: read(write(x with lengths 0)) = {back}, expected {value}");
        });

    /// <summary>write(read(b)) == b for valid encodings (the message's own bytes, when trailing bytes follow).</summary>
    public Property BytesRoundTrip()
    {
        Gen<byte[]> inputs = VarGen.Valid(Spec).SelectMany(value =>
        {
            byte[] encoded = Spec.Encode(value);
            return VarGen.TrailingBytesAreIgnored(Spec)
                ? Gen.Choose(0, 6).SelectMany(VarGen.Bytes).Select(tail => (byte[])[.. encoded, .. tail])
                : Gen.Constant(encoded);
        });
        return Prop.ForAll(Arb.From(inputs), (byte[] input) =>
        {
            ReadResult read = T.TryRead(input, out T value);
            Same(CodecStatus.Done, read.Status, $"TryRead ({read})", input);
            var output = new byte[value.GetSerializedSize()];
            Same(read.BytesConsumed, output.Length, "GetSerializedSize of the value read", input);
            Same(CodecStatus.Done, value.TryWrite(output).Status, "TryWrite", input);
            Same(Hex(input.AsSpan(0, read.BytesConsumed)), Hex(output), "write(read(b))", input);
        });
    }

    /// <summary>Any destination shorter than the message: DestinationTooSmall, nothing written.</summary>
    public Property TooSmallDestinations()
    {
        Gen<(VarValue, int)> cases = VarGen.Valid(Spec).SelectMany(value => Gen.Choose(0, Spec.SerializedSize(value) - 1).Select(length => (value, length)));
        return Prop.ForAll(Arb.From(cases), ((VarValue Value, int Length) c) =>
        {
            T message = Build(ZeroLengthsWhenEven(c.Value, c.Length));
            int size = message.GetSerializedSize();
            var destination = new byte[c.Length];
            Array.Fill(destination, (byte)0x5A);
            WriteResult result = message.TryWrite(destination);
            Same(CodecStatus.DestinationTooSmall, result.Status, $"TryWrite of {c.Value} into {c.Length} bytes ({result})");
            Same(CodecErrorKind.DestinationTooSmall, result.Error.Kind, "error kind");
            Same((ulong)size, result.Error.Expected, "bytes needed");
            Same((ulong)c.Length, result.Error.Actual, "bytes available");
            Same(0, result.BytesWritten, "bytes written");
            Assert.True(destination.All(b => b == 0x5A), $"{Name}: the destination was written to");
            Same(false, TryWriteOut(message, destination, out int written), "TryWrite(out)");
            Same(0, written, "TryWrite(out) bytesWritten");
        });

        // Half the cases leave the lengths to be computed: the size check comes first either way.
        VarValue ZeroLengthsWhenEven(VarValue value, int length) => length % 2 == 0 ? WithLengthsZeroed(value) : value;
    }

    /// <summary>
    /// A length field left at 0 whose span (or message) length it cannot express, because the length is not a whole
    /// number of units or needs more units than the field holds: InvalidData ValueOutOfRange naming the field, with
    /// its absolute bit offset, the field's maximum as Expected and the length (less the offset) as Actual.
    /// </summary>
    public Property InexpressibleLengths()
    {
        VarItem[] computed = Spec.FixedFields.Where(f => f.IsComputed).ToArray();
        Gen<(VarValue, VarItem, int)> cases = VarGen.Valid(Spec).SelectMany(value =>
            Gen.Elements(computed).SelectMany(field =>
                Gen.Choose(0, 1).SelectMany(tooBig =>
                {
                    // The span whose length decides: the field's own, or (for the message length) the last one.
                    VarItem span = field.IsMessageLength ? Spec.Items[^1] : Spec[field.LengthOf!];
                    VarItem rule = field.IsMessageLength ? field : span;
                    long others = field.IsMessageLength ? Spec.SerializedSize(value) - value.Spans[span.Name].Length : 0;
                    Gen<int> length;
                    if (tooBig == 1 || rule.Scale == 1)
                    {
                        // One to three bytes more than the field's maximum describes.
                        long maxContent = ((long)field.Mask * rule.Scale) + rule.Offset;
                        length = Gen.Choose(1, 3).Select(extra => (int)(maxContent - others + extra));
                    }
                    else
                    {
                        // Not a whole number of units: nudge a random length off the multiples of Scale.
                        length = Gen.Choose(0, 60).SelectMany(n => Gen.Choose(1, (int)rule.Scale - 1).Select(part =>
                        {
                            long remainder = (((others + n - rule.Offset) % rule.Scale) + rule.Scale) % rule.Scale;
                            return remainder == 0 ? n + part : n;
                        }));
                    }

                    return length.Select(n => (value.WithSpan(span.Name, new byte[n]), field, n));
                })));
        return Prop.ForAll(Arb.From(cases), ((VarValue Value, VarItem Field, int Length) c) =>
        {
            VarValue value = c.Value.With(c.Field.Name, 0);
            RefWrite expected = Spec.Write(value, Spec.SerializedSize(value));
            Same(CodecStatus.InvalidData, expected.Status, $"the reference, for {c.Field.Name} over {c.Length} bytes ({expected})");
            T message = Build(value);
            var destination = new byte[message.GetSerializedSize()];
            WriteResult result = message.TryWrite(destination);
            string what = $"TryWrite with {c.Field.Name} = 0 over {c.Length} bytes ({result}; reference {expected})";
            Same(CodecStatus.InvalidData, result.Status, what);
            Same(CodecErrorKind.ValueOutOfRange, result.Error.Kind, $"{what}: error kind");
            Same(expected.Field, result.Error.Field, $"{what}: error field");
            Same(expected.BitOffset, result.Error.BitOffset, $"{what}: error bit offset");
            Same(c.Field.Mask, result.Error.Expected, $"{what}: error expected (the field's maximum)");
            Same(expected.Actual, result.Error.Actual, $"{what}: error actual");
            Assert.True(destination.All(b => b == 0), $"{Name}: {what}: bytes were written");
        });
    }

    /// <summary>
    /// A non-zero length field is written as it is, whatever the span holds (the span is written whole): the bytes are
    /// the value's own, and reading them gives what the reference makes of them.
    /// </summary>
    public Property ExplicitLengthsAreWrittenAsSet()
    {
        VarItem[] computed = Spec.FixedFields.Where(f => f.IsComputed).ToArray();
        Gen<VarValue> cases = VarGen.Valid(Spec).SelectMany(value =>
            Gen.Elements(computed).SelectMany(field => Gen.Choose(1, (int)Math.Min(field.Mask, 600)).Select(set => value.With(field.Name, (ulong)set))));
        return Prop.ForAll(Arb.From(cases), (VarValue value) =>
        {
            T message = Build(value);
            var destination = new byte[message.GetSerializedSize()];
            WriteResult result = message.TryWrite(destination);
            Same(CodecStatus.Done, result.Status, $"TryWrite of {value} ({result})");
            Same(Hex(Spec.Encode(value)), Hex(destination), $"TryWrite of {value}: every field as set, every span whole");
            CheckRead(destination);
        });
    }
}
