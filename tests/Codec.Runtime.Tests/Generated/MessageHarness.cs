using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Reflection;
using FsCheck;
using FsCheck.Fluent;

namespace Codec.Runtime.Tests.Generated;

/// <summary>The checks every generated message must pass, run against the hand-written <see cref="WireSpec"/>.</summary>
internal interface IMessageHarness
{
    string Name { get; }

    WireSpec Spec { get; }

    void SizeAndLayoutConstants();

    void ReadMatchesReference(int cases);

    void ViewGettersMatchReference(int cases);

    void WriteMatchesReference(int cases);

    void TruncatedInputAtEveryLength();

    void ConstantMismatch();

    void ReservedBits();

    void ValuesTooWideForTheirFields();

    void DestinationTooSmallAtEveryLength();

    void ViewSettersWriteInPlace(int cases);

    void ViewsOverShortBuffers();

    void DefaultViewsDoNotReadOutOfBounds();

    void EqualityAndHashing(int cases);

    void ToStringShowsEveryField(int cases);

    void DissectMatchesReference(int cases);

    Property ValuesRoundTrip();

    Property BytesRoundTrip();
}

/// <summary>
/// The generic part of the conformance checks. A message's harness supplies the spec and the few members that
/// generic code cannot reach (the views, <c>Read</c>, <c>Write</c>, the operators); everything else goes through
/// <see cref="IWireMessage{TSelf}"/> and reflection over the message's public fields.
/// </summary>
internal abstract class MessageHarness<T> : IMessageHarness
    where T : struct, IWireMessage<T>, IEquatable<T>
{
    private readonly Dictionary<string, FieldInfo> _members;

    protected MessageHarness()
    {
        _members = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Instance).ToDictionary(f => f.Name);
    }

    public string Name => typeof(T).Name;

    public abstract WireSpec Spec { get; }

    /// <summary>The generated <c>Size</c> constant.</summary>
    protected abstract int SizeConstant { get; }

    /// <summary>The generated <c>MinimumSize</c> constant.</summary>
    protected abstract int MinimumSizeConstant { get; }

    protected abstract T Read(ReadOnlySpan<byte> source);

    protected abstract WriteResult Write(T value, IBufferWriter<byte> writer);

    /// <summary><c>T.TryRead(source, out value, out bytesConsumed)</c>.</summary>
    protected abstract bool TryRead(ReadOnlySpan<byte> source, out T value, out int bytesConsumed);

    /// <summary><c>value.TryWrite(destination, out bytesWritten)</c>.</summary>
    protected abstract bool TryWrite(T value, Span<byte> destination, out int bytesWritten);

    protected abstract bool OperatorEquals(T left, T right);

    protected abstract bool OperatorNotEquals(T left, T right);

    /// <summary><c>new T.View(buffer).Field</c> (byte blocks as hex).</summary>
    protected abstract object ViewGet(Span<byte> buffer, string field);

    /// <summary><c>new T.ReadOnlyView(buffer).Field</c> (byte blocks as hex).</summary>
    protected abstract object ReadOnlyViewGet(ReadOnlySpan<byte> buffer, string field);

    /// <summary><c>default(T.View).Field</c>.</summary>
    protected abstract object DefaultViewGet(string field);

    /// <summary><c>default(T.ReadOnlyView).Field</c>.</summary>
    protected abstract object DefaultReadOnlyViewGet(string field);

    /// <summary><c>new T.View(buffer).Field = value</c>.</summary>
    protected abstract void ViewSet(Span<byte> buffer, string field, object value);

    protected abstract bool ViewTryCreate(Span<byte> buffer);

    protected abstract bool ReadOnlyViewTryCreate(ReadOnlySpan<byte> buffer);

    protected abstract void ViewConstruct(Span<byte> buffer);

    protected abstract void ReadOnlyViewConstruct(ReadOnlySpan<byte> buffer);

    protected abstract int ViewBufferLength(Span<byte> buffer);

    protected abstract ReadResult ViewTryRead(Span<byte> buffer, out T value);

    protected abstract ReadResult ReadOnlyViewTryRead(ReadOnlySpan<byte> buffer, out T value);

    protected abstract ReadResult DefaultViewTryRead(out T value);

    // ---------------------------------------------------------------------------------------------------------
    // Helpers

    /// <summary>A seed that depends only on the message and the check, so that every run sees the same cases.</summary>
    protected Random Rng(string check)
    {
        uint hash = 2166136261;
        foreach (char c in Name + "/" + check)
        {
            hash = (hash ^ c) * 16777619;
        }

        return new Random((int)(hash & 0x7FFFFFFF));
    }

    protected Type MemberType(WireField field) => _members[field.Name].FieldType;

    protected object GetMember(T value, string name) => _members[name].GetValue(value)!;

    protected T WithMember(T value, string name, object member)
    {
        object boxed = value;
        _members[name].SetValue(boxed, member);
        return (T)boxed;
    }

    /// <summary>Builds a message from raw field bits with test-side conversions (reserved entries are ignored).</summary>
    protected T Build(BigInteger[] raw)
    {
        object boxed = default(T);
        for (int i = 0; i < raw.Length; i++)
        {
            WireField f = Spec.Fields[i];
            if (!f.IsReserved)
            {
                _members[f.Name].SetValue(boxed, WireValues.Typed(MemberType(f), f, raw[i]));
            }
        }

        return (T)boxed;
    }

    /// <summary>The members of a message, in spec order, in comparable form.</summary>
    protected object[] Members(T value) =>
        Spec.Members.Select(f => WireValues.Comparable(GetMember(value, f.Name))).ToArray();

    /// <summary>The members a message holding <paramref name="raw"/> should have.</summary>
    protected object[] ExpectedMembers(BigInteger[] raw) =>
        Spec.Fields.Select((f, i) => (f, i)).Where(p => !p.f.IsReserved)
            .Select(p => WireValues.Comparable(WireValues.Typed(MemberType(p.f), p.f, raw[p.i]))).ToArray();

    protected static byte[] RandomBytes(Random rng, int length)
    {
        var bytes = new byte[length];
        rng.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Random bits of a field's width, often an edge value (0, all ones, the sign bit, all but the sign bit).</summary>
    protected static BigInteger RandomRaw(Random rng, WireField field)
    {
        switch (rng.Next(10))
        {
            case 0: return BigInteger.Zero;
            case 1: return field.Mask;
            case 2: return BigInteger.One << (field.Bits - 1);
            case 3: return field.Mask >> 1;
            default:
                var bytes = new byte[(field.Bits + 7) / 8 + 1];
                rng.NextBytes(bytes);
                return new BigInteger(bytes, isUnsigned: true) & field.Mask;
        }
    }

    /// <summary>Random raw values for every field; constants hold their value when <paramref name="constantsExact"/>.</summary>
    protected BigInteger[] RandomRaws(Random rng, bool constantsExact)
    {
        var raw = new BigInteger[Spec.Fields.Count];
        for (int i = 0; i < raw.Length; i++)
        {
            WireField f = Spec.Fields[i];
            raw[i] = f.IsReserved ? BigInteger.Zero : f.Constant is { } c && constantsExact ? c : RandomRaw(rng, f);
        }

        return raw;
    }

    protected static string Hex(ReadOnlySpan<byte> bytes) => WireValues.Hex(bytes);

    protected static void Fail(string message) => Assert.Fail(message);

    protected void AssertSame(object? expected, object? actual, string what, ReadOnlySpan<byte> input = default)
    {
        if (!Equals(expected, actual))
        {
            Fail($"{Name}: {what}: expected <{expected}>, got <{actual}>" + (input.IsEmpty ? string.Empty : $" (input {Hex(input)})"));
        }
    }

    protected void AssertMembers(object[] expected, object[] actual, string what, ReadOnlySpan<byte> input)
    {
        var members = Spec.Members.ToArray();
        for (int i = 0; i < expected.Length; i++)
        {
            AssertSame(expected[i], actual[i], $"{what}, field {members[i].Name}", input);
        }
    }

    protected void AssertBytes(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual, string what)
    {
        if (!expected.SequenceEqual(actual))
        {
            Fail($"{Name}: {what}:\n expected {Hex(expected)}\n actual   {Hex(actual)}");
        }
    }

    protected void AssertError(ReadResult result, CodecStatus status, CodecErrorKind kind, string? field, int bitOffset, ulong expected, ulong actual, ReadOnlySpan<byte> input)
    {
        AssertSame(status, result.Status, "status", input);
        AssertSame(0, result.BytesConsumed, "bytes consumed", input);
        AssertSame(kind, result.Error.Kind, "error kind", input);
        AssertSame(field, result.Error.Field, "error field", input);
        AssertSame(bitOffset, result.Error.BitOffset, "error bit offset", input);
        AssertSame(bitOffset / 8, result.Error.ByteOffset, "error byte offset", input);
        AssertSame(expected, result.Error.Expected, "error expected", input);
        AssertSame(actual, result.Error.Actual, "error actual", input);
    }

    /// <summary>The read result the reference predicts for <paramref name="input"/>.</summary>
    protected void AssertReadResult(ReadOnlySpan<byte> input, ReadResult result)
    {
        if (input.Length < Spec.Size)
        {
            int length = input.Length;
            WireField first = Spec.Fields.First(f => f.EndByte > length);
            AssertError(result, CodecStatus.NeedMoreData, CodecErrorKind.Truncated, first.Name, first.BitOffset, (ulong)Spec.Size, (ulong)input.Length, input);
            return;
        }

        ExpectedError? error = WireReference.FirstError(Spec, WireReference.Read(Spec, input));
        if (error is null)
        {
            AssertSame(CodecStatus.Done, result.Status, "status", input);
            AssertSame(Spec.Size, result.BytesConsumed, "bytes consumed", input);
            AssertSame(CodecErrorKind.None, result.Error.Kind, "error kind on success", input);
        }
        else
        {
            AssertError(result, CodecStatus.InvalidData, error.Kind, error.Field.Name, error.Field.BitOffset, error.Expected, error.Actual, input);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Checks

    public void SizeAndLayoutConstants()
    {
        AssertSame(Spec.Size, SizeConstant, "Size");
        AssertSame(Spec.Size, MinimumSizeConstant, "MinimumSize");
        AssertSame(Spec.Size, T.MinimumWireSize, "IWireMessage.MinimumWireSize");
        AssertSame(Spec.Size, default(T).GetSerializedSize(), "GetSerializedSize()");

        // Every public instance field of the struct is a wire field of the spec, and vice versa.
        var specMembers = Spec.Members.Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        var structMembers = _members.Keys.OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(specMembers, structMembers);
    }

    public void ReadMatchesReference(int cases)
    {
        Random rng = Rng(nameof(ReadMatchesReference));
        for (int n = 0; n < cases; n++)
        {
            byte[] input = RandomBytes(rng, Spec.Size + rng.Next(4));
            if (rng.Next(3) != 0)
            {
                WireReference.MakeValid(Spec, input);
            }

            BigInteger[] raw = WireReference.Read(Spec, input);
            ReadResult result = T.TryRead(input, out T value);
            AssertReadResult(input, result);
            bool ok = TryRead(input, out T value2, out int consumed);
            AssertSame(result.IsDone, ok, "TryRead(out, out) result", input);
            AssertSame(result.BytesConsumed, consumed, "TryRead(out, out) bytesConsumed", input);
            if (result.IsDone)
            {
                AssertMembers(ExpectedMembers(raw), Members(value), "TryRead", input);
                AssertMembers(ExpectedMembers(raw), Members(value2), "TryRead(out, out)", input);
                AssertMembers(ExpectedMembers(raw), Members(Read(input)), "Read", input);
            }
            else
            {
                var exception = Assert.Throws<CodecException>(() => Read(input));
                AssertSame(result.Status, exception.Status, "CodecException.Status", input);
                AssertSame(result.Error, exception.Error, "CodecException.Error", input);
            }
        }
    }

    public void ViewGettersMatchReference(int cases)
    {
        Random rng = Rng(nameof(ViewGettersMatchReference));
        for (int n = 0; n < cases; n++)
        {
            // Views do not validate: any bytes, constants and reserved bits included, read as they lie.
            byte[] input = RandomBytes(rng, Spec.Size + rng.Next(4));
            byte[] before = input.ToArray();
            BigInteger[] raw = WireReference.Read(Spec, input);
            object[] expected = ExpectedMembers(raw);
            var members = Spec.Members.ToArray();
            for (int i = 0; i < members.Length; i++)
            {
                AssertSame(expected[i], WireValues.Comparable(ViewGet(input, members[i].Name)), $"View.{members[i].Name}", input);
                AssertSame(expected[i], WireValues.Comparable(ReadOnlyViewGet(input, members[i].Name)), $"ReadOnlyView.{members[i].Name}", input);
            }

            AssertBytes(before, input, "getters must not change the buffer");

            ReadResult direct = T.TryRead(input, out T directValue);
            AssertSame(direct, ViewTryRead(input, out T viewValue), "View.TryRead result", input);
            AssertSame(direct, ReadOnlyViewTryRead(input, out T readOnlyViewValue), "ReadOnlyView.TryRead result", input);
            if (direct.IsDone)
            {
                AssertMembers(Members(directValue), Members(viewValue), "View.TryRead", input);
                AssertMembers(Members(directValue), Members(readOnlyViewValue), "ReadOnlyView.TryRead", input);
            }
        }
    }

    public void WriteMatchesReference(int cases)
    {
        Random rng = Rng(nameof(WriteMatchesReference));
        for (int n = 0; n < cases; n++)
        {
            // Constants get random members: writing must emit the declared constant whatever the member holds.
            BigInteger[] raw = RandomRaws(rng, constantsExact: rng.Next(2) == 0);
            T value = Build(raw);
            byte[] expected = WireReference.Write(Spec, raw);

            // The destination starts as garbage: every bit of the message (reserved ones too) must be written,
            // and nothing after it.
            byte[] destination = RandomBytes(rng, Spec.Size + 1 + rng.Next(4));
            byte[] garbage = destination.ToArray();
            WriteResult result = value.TryWrite(destination);
            AssertSame(CodecStatus.Done, result.Status, $"TryWrite status ({result})");
            AssertSame(Spec.Size, result.BytesWritten, "TryWrite bytes written");
            AssertBytes(expected, destination.AsSpan(0, Spec.Size), $"TryWrite of {value}");
            AssertBytes(garbage.AsSpan(Spec.Size), destination.AsSpan(Spec.Size), "bytes after the message");

            byte[] destination2 = RandomBytes(rng, Spec.Size);
            AssertSame(true, TryWrite(value, destination2, out int written), "TryWrite(out) result");
            AssertSame(Spec.Size, written, "TryWrite(out) bytesWritten");
            AssertBytes(expected, destination2, "TryWrite(out)");

            // Write(IBufferWriter) appends exactly Size bytes after what the writer already holds.
            var writer = new ArrayBufferWriter<byte>(1);
            int prefix = rng.Next(3);
            writer.Write(RandomBytes(rng, prefix));
            WriteResult written2 = Write(value, writer);
            AssertSame(CodecStatus.Done, written2.Status, "Write(IBufferWriter) status");
            AssertSame(Spec.Size, written2.BytesWritten, "Write(IBufferWriter) bytes written");
            AssertSame(prefix + Spec.Size, writer.WrittenCount, "IBufferWriter advanced by");
            AssertBytes(expected, writer.WrittenSpan[prefix..], "Write(IBufferWriter)");
        }
    }

    public void TruncatedInputAtEveryLength()
    {
        Random rng = Rng(nameof(TruncatedInputAtEveryLength));
        byte[] full = RandomBytes(rng, Spec.Size);
        WireReference.MakeValid(Spec, full);
        for (int length = 0; length < Spec.Size; length++)
        {
            ReadOnlySpan<byte> input = full.AsSpan(0, length);
            WireField first = Spec.Fields.First(f => f.EndByte > length);
            ReadResult result = T.TryRead(input, out _);
            AssertError(result, CodecStatus.NeedMoreData, CodecErrorKind.Truncated, first.Name, first.BitOffset, (ulong)Spec.Size, (ulong)length, input);
            AssertSame(false, TryRead(input, out _, out int consumed), $"TryRead(out, out) at length {length}");
            AssertSame(0, consumed, $"bytesConsumed at length {length}");

            byte[] copy = input.ToArray();
            var exception = Assert.Throws<CodecException>(() => Read(copy));
            AssertSame(CodecStatus.NeedMoreData, exception.Status, $"CodecException.Status at length {length}");
            AssertSame(result.Error, exception.Error, $"CodecException.Error at length {length}");

            // The dissection shows the fields that fit, then the same result.
            MessageDissection dissection = T.Dissect(input);
            AssertSame(result, dissection.Result, $"Dissect result at length {length}");
            string[] expectedNames = Spec.Fields.Where(f => f.EndByte <= length).Select(f => f.Name).ToArray();
            Assert.Equal(expectedNames, dissection.Fields.Select(f => f.Name).ToArray());
            AssertSame(0, dissection.Length, $"Dissect length at length {length}");
        }
    }

    public void ConstantMismatch()
    {
        Random rng = Rng(nameof(ConstantMismatch));
        foreach (WireField field in Spec.Fields.Where(f => f.IsConstant))
        {
            int count = field.Bits <= 8 ? 1 << field.Bits : 64;
            for (int v = 0; v < count; v++)
            {
                BigInteger wrong = field.Bits <= 8 ? v : RandomRaw(rng, field);
                if (wrong == field.Constant!.Value)
                {
                    continue;
                }

                byte[] input = RandomBytes(rng, Spec.Size);
                WireReference.MakeValid(Spec, input);
                WireReference.WriteField(input, field.BitOffset, field.Bits, Spec.IsBigEndian(field), wrong);
                ReadResult result = T.TryRead(input, out _);
                AssertError(result, CodecStatus.InvalidData, CodecErrorKind.ConstantMismatch, field.Name, field.BitOffset, field.Constant.Value, (ulong)wrong, input);
                var exception = Assert.Throws<CodecException>(() => Read(input));
                AssertSame(CodecStatus.InvalidData, exception.Status, "CodecException.Status", input);
                AssertSame(result.Error, exception.Error, "CodecException.Error", input);

                // A dissection of invalid data still shows every field, and the error.
                MessageDissection dissection = T.Dissect(input);
                AssertSame(result, dissection.Result, "Dissect result", input);
                AssertSame(Spec.Fields.Count, dissection.Fields.Count, "Dissect field count", input);
                AssertSame((ulong?)(ulong)wrong, dissection[field.Name]?.Value, "Dissect value of the constant", input);
            }
        }
    }

    public void ReservedBits()
    {
        Random rng = Rng(nameof(ReservedBits));
        foreach (WireField field in Spec.Fields.Where(f => f.IsReserved))
        {
            for (int n = 0; n < 64; n++)
            {
                BigInteger nonzero = RandomRaw(rng, field);
                if (nonzero.IsZero)
                {
                    nonzero = BigInteger.One;
                }

                byte[] input = RandomBytes(rng, Spec.Size);
                WireReference.MakeValid(Spec, input);
                WireReference.WriteField(input, field.BitOffset, field.Bits, Spec.IsBigEndian(field), nonzero);
                ReadResult result = T.TryRead(input, out T value);
                if (field.Reject)
                {
                    AssertError(result, CodecStatus.InvalidData, CodecErrorKind.ReservedNotZero, field.Name, field.BitOffset, 0, (ulong)nonzero, input);
                    var exception = Assert.Throws<CodecException>(() => Read(input));
                    AssertSame(result.Error, exception.Error, "CodecException.Error", input);
                }
                else
                {
                    AssertSame(CodecStatus.Done, result.Status, $"ignored reserved bits ({result})", input);
                    AssertMembers(ExpectedMembers(WireReference.Read(Spec, input)), Members(value), "TryRead with reserved bits set", input);

                    // Writing it back zeroes the reserved bits and keeps everything else.
                    var output = new byte[Spec.Size];
                    AssertSame(CodecStatus.Done, value.TryWrite(output).Status, "TryWrite status", input);
                    AssertBytes(WireReference.Canonical(Spec, input), output, "write(read(b)) with reserved bits set");
                }
            }
        }
    }

    /// <summary>Member values that do not fit their field's width: (value, raw the error should report or null).</summary>
    protected IEnumerable<(object Value, ulong? Actual)> TooWide(WireField field)
    {
        Type type = MemberType(field);
        Type underlying = type.IsEnum ? Enum.GetUnderlyingType(type) : type;
        int typeBits = underlying == typeof(bool) ? 1 : System.Runtime.InteropServices.Marshal.SizeOf(underlying) * 8;
        if (field.Bits >= typeBits || field.Kind is WireKind.Bool or WireKind.IPv4 or WireKind.Mac or WireKind.IPv6 or WireKind.Bytes or WireKind.Reserved)
        {
            yield break;
        }

        bool signed = underlying == typeof(sbyte) || underlying == typeof(short) || underlying == typeof(int) || underlying == typeof(long);
        if (signed && !type.IsEnum)
        {
            long min = -(1L << (field.Bits - 1));
            long max = (1L << (field.Bits - 1)) - 1;
            long typeMin = -(1L << (typeBits - 1));
            long typeMax = typeBits == 64 ? long.MaxValue : (1L << (typeBits - 1)) - 1;
            foreach (long v in new[] { min - 1, max + 1, typeMin, typeMax, -(1L << field.Bits), 1L << field.Bits })
            {
                if (v >= typeMin && v <= typeMax)
                {
                    yield return (Convert.ChangeType(v, underlying, CultureInfo.InvariantCulture), null);
                }
            }

            yield break;
        }

        ulong mask = (1UL << field.Bits) - 1;
        ulong typeMaxU = typeBits == 64 ? ulong.MaxValue : (1UL << typeBits) - 1;
        foreach (ulong v in new[] { mask + 1, typeMaxU, (mask + 1) | mask, (mask + 1) << 1 })
        {
            if (v > mask && v <= typeMaxU)
            {
                object boxed = type.IsEnum ? Enum.ToObject(type, v) : Convert.ChangeType(v, underlying, CultureInfo.InvariantCulture);
                yield return (boxed, v);
            }
        }
    }

    public void ValuesTooWideForTheirFields()
    {
        Random rng = Rng(nameof(ValuesTooWideForTheirFields));
        int checkedFields = 0;
        foreach (WireField field in Spec.Members.Where(f => !f.IsConstant))
        {
            foreach ((object tooWide, ulong? actual) in TooWide(field))
            {
                checkedFields++;
                T value = WithMember(Build(RandomRaws(rng, constantsExact: true)), field.Name, tooWide);
                string what = $"{field.Name} = {tooWide}";

                WriteResult result = value.TryWrite(new byte[Spec.Size]);
                AssertSame(CodecStatus.InvalidData, result.Status, $"TryWrite status for {what}");
                AssertSame(0, result.BytesWritten, $"TryWrite bytes written for {what}");
                AssertSame(CodecErrorKind.ValueOutOfRange, result.Error.Kind, $"error kind for {what}");
                AssertSame(field.Name, result.Error.Field, $"error field for {what}");
                AssertSame(field.BitOffset, result.Error.BitOffset, $"error bit offset for {what}");
                AssertSame((ulong)field.Mask, result.Error.Expected, $"error expected (the field's maximum) for {what}");
                if (actual is not null)
                {
                    AssertSame(actual.Value, result.Error.Actual, $"error actual for {what}");
                }

                AssertSame(false, TryWrite(value, new byte[Spec.Size], out int written), $"TryWrite(out) for {what}");
                AssertSame(0, written, $"TryWrite(out) bytesWritten for {what}");

                // The buffer writer is not advanced when the write fails.
                var writer = new ArrayBufferWriter<byte>();
                writer.Write(new byte[] { 1, 2 });
                WriteResult viaWriter = Write(value, writer);
                AssertSame(CodecStatus.InvalidData, viaWriter.Status, $"Write(IBufferWriter) status for {what}");
                AssertSame(2, writer.WrittenCount, $"IBufferWriter must not advance for {what}");

                // The view setter throws and leaves the buffer as it was.
                byte[] buffer = RandomBytes(rng, Spec.Size);
                byte[] before = buffer.ToArray();
                var exception = Assert.Throws<ArgumentOutOfRangeException>(() => ViewSet(buffer, field.Name, tooWide));
                AssertSame(field.Name, exception.ParamName, $"ArgumentOutOfRangeException.ParamName for {what}");
                AssertBytes(before, buffer, $"buffer after a rejected View.{what}");
            }
        }

        if (Spec.Members.Any(f => f.Kind is not (WireKind.Bool or WireKind.IPv4 or WireKind.Mac or WireKind.IPv6 or WireKind.Bytes) && f.Bits % 8 != 0 && !f.IsConstant))
        {
            Assert.True(checkedFields > 0, $"{Name}: no too-wide values were tried");
        }
    }

    public void DestinationTooSmallAtEveryLength()
    {
        Random rng = Rng(nameof(DestinationTooSmallAtEveryLength));
        T value = Build(RandomRaws(rng, constantsExact: true));
        for (int length = 0; length < Spec.Size; length++)
        {
            byte[] destination = RandomBytes(rng, length);
            byte[] before = destination.ToArray();
            WriteResult result = value.TryWrite(destination);
            AssertSame(CodecStatus.DestinationTooSmall, result.Status, $"status at length {length}");
            AssertSame(0, result.BytesWritten, $"bytes written at length {length}");
            AssertSame(CodecErrorKind.DestinationTooSmall, result.Error.Kind, $"error kind at length {length}");
            AssertSame((ulong)Spec.Size, result.Error.Expected, $"error expected at length {length}");
            AssertSame((ulong)length, result.Error.Actual, $"error actual at length {length}");
            AssertBytes(before, destination, $"destination of length {length} must be untouched");
            AssertSame(false, TryWrite(value, destination, out int written), $"TryWrite(out) at length {length}");
            AssertSame(0, written, $"TryWrite(out) bytesWritten at length {length}");
        }
    }

    public void ViewSettersWriteInPlace(int cases)
    {
        Random rng = Rng(nameof(ViewSettersWriteInPlace));
        WireField[] settable = Spec.Members.Where(f => !f.IsConstant).ToArray();
        for (int n = 0; n < cases; n++)
        {
            byte[] buffer = RandomBytes(rng, Spec.Size + rng.Next(4));
            WireField field = settable[rng.Next(settable.Length)];
            BigInteger raw = RandomRaw(rng, field);
            object value = WireValues.Typed(MemberType(field), field, raw);

            byte[] expected = buffer.ToArray();
            WireReference.WriteField(expected, field.BitOffset, field.Bits, Spec.IsBigEndian(field), raw);
            byte[] before = buffer.ToArray();
            ViewSet(buffer, field.Name, value);
            if (!expected.AsSpan().SequenceEqual(buffer))
            {
                Fail($"{Name}: View.{field.Name} = {WireValues.Comparable(value)} over {Hex(before)}:\n expected {Hex(expected)}\n actual   {Hex(buffer)}");
            }

            AssertSame(WireValues.Comparable(value), WireValues.Comparable(ViewGet(buffer, field.Name)), $"View.{field.Name} after setting it", buffer);
        }
    }

    public void ViewsOverShortBuffers()
    {
        for (int length = 0; length < Spec.Size; length++)
        {
            byte[] buffer = new byte[length];
            AssertSame(false, ViewTryCreate(buffer), $"View.TryCreate over {length} bytes");
            AssertSame(false, ReadOnlyViewTryCreate(buffer), $"ReadOnlyView.TryCreate over {length} bytes");
            Assert.ThrowsAny<ArgumentException>(() => ViewConstruct(buffer));
            Assert.ThrowsAny<ArgumentException>(() => ReadOnlyViewConstruct(buffer));
        }

        foreach (int length in new[] { Spec.Size, Spec.Size + 5 })
        {
            byte[] buffer = new byte[length];
            AssertSame(true, ViewTryCreate(buffer), $"View.TryCreate over {length} bytes");
            AssertSame(true, ReadOnlyViewTryCreate(buffer), $"ReadOnlyView.TryCreate over {length} bytes");
            AssertSame(length, ViewBufferLength(buffer), "View.Buffer length");
        }
    }

    public void DefaultViewsDoNotReadOutOfBounds()
    {
        // default(View) wraps an empty span: every getter must throw (not read memory), TryRead must report
        // NeedMoreData. Only managed, bounds-checked exceptions are acceptable.
        foreach (WireField field in Spec.Members)
        {
            Exception? error = Record.Exception(() => DefaultViewGet(field.Name));
            Assert.True(error is ArgumentOutOfRangeException or IndexOutOfRangeException, $"{Name}: default(View).{field.Name} threw {error?.GetType().Name ?? "nothing"}");
            error = Record.Exception(() => DefaultReadOnlyViewGet(field.Name));
            Assert.True(error is ArgumentOutOfRangeException or IndexOutOfRangeException, $"{Name}: default(ReadOnlyView).{field.Name} threw {error?.GetType().Name ?? "nothing"}");
        }

        ReadResult result = DefaultViewTryRead(out _);
        AssertSame(CodecStatus.NeedMoreData, result.Status, "default(View).TryRead status");
        AssertSame(0UL, result.Error.Actual, "default(View).TryRead available bytes");
    }

    public void EqualityAndHashing(int cases)
    {
        Random rng = Rng(nameof(EqualityAndHashing));
        for (int n = 0; n < cases; n++)
        {
            BigInteger[] raw = RandomRaws(rng, constantsExact: true);
            T a = Build(raw);
            T b = Build(raw);
            Assert.True(a.Equals(b), $"{Name}: Equals on equal values {a}");
            Assert.True(a.Equals((object)b), $"{Name}: Equals(object) on equal values");
            Assert.True(OperatorEquals(a, b), $"{Name}: == on equal values");
            Assert.False(OperatorNotEquals(a, b), $"{Name}: != on equal values");
            AssertSame(a.GetHashCode(), b.GetHashCode(), "GetHashCode of equal values");
            Assert.False(a.Equals((object?)null), $"{Name}: Equals(null)");
            Assert.False(a.Equals((object)Spec), $"{Name}: Equals(another type)");

            // A difference in any one member (for byte blocks, in one byte) makes them unequal.
            foreach (WireField field in Spec.Members.Where(f => !f.IsConstant))
            {
                int index = Spec.IndexOf(field.Name);
                BigInteger other = field.Kind == WireKind.Bytes
                    ? raw[index] ^ (new BigInteger(1 + rng.Next(255)) << (8 * rng.Next(field.Bits / 8)))
                    : raw[index] ^ (BigInteger.One << rng.Next(field.Bits));
                T c = WithMember(a, field.Name, WireValues.Typed(MemberType(field), field, other));
                Assert.False(a.Equals(c), $"{Name}: Equals after changing {field.Name}");
                Assert.False(c.Equals(a), $"{Name}: Equals (reversed) after changing {field.Name}");
                Assert.False(a.Equals((object)c), $"{Name}: Equals(object) after changing {field.Name}");
                Assert.False(OperatorEquals(a, c), $"{Name}: == after changing {field.Name}");
                Assert.True(OperatorNotEquals(a, c), $"{Name}: != after changing {field.Name}");
            }
        }
    }

    public void ToStringShowsEveryField(int cases)
    {
        Random rng = Rng(nameof(ToStringShowsEveryField));
        for (int n = 0; n < cases; n++)
        {
            T value = Build(RandomRaws(rng, constantsExact: true));
            string expected = Spec.TypeName + " { "
                + string.Join(", ", Spec.Members.Select(f => f.Name + " = " + WireValues.ToStringDisplay(f, GetMember(value, f.Name))))
                + " }";
            AssertSame(expected, value.ToString(), "ToString()");
        }
    }

    public void DissectMatchesReference(int cases)
    {
        Random rng = Rng(nameof(DissectMatchesReference));
        for (int n = 0; n < cases; n++)
        {
            byte[] input = RandomBytes(rng, Spec.Size + rng.Next(3));
            if (rng.Next(3) != 0)
            {
                WireReference.MakeValid(Spec, input);
            }

            BigInteger[] raw = WireReference.Read(Spec, input);
            MessageDissection dissection = T.Dissect(input);
            AssertSame(Spec.Protocol, dissection.Protocol, "Dissect protocol", input);
            AssertSame(Spec.TypeName, dissection.TypeName, "Dissect type name", input);
            AssertSame(Spec.Order == ByteOrder.LittleEndian ? ByteOrder.LittleEndian : ByteOrder.BigEndian, dissection.ByteOrder, "Dissect byte order", input);
            AssertSame(T.TryRead(input, out _), dissection.Result, "Dissect result", input);
            AssertReadResult(input, dissection.Result);
            AssertSame(dissection.Result.BytesConsumed, dissection.Length, "Dissect length", input);
            AssertSame(Spec.Fields.Count, dissection.Fields.Count, "Dissect field count", input);
            for (int i = 0; i < Spec.Fields.Count; i++)
            {
                WireField f = Spec.Fields[i];
                FieldDissection d = dissection.Fields[i];
                Type? memberType = f.IsReserved ? null : MemberType(f);
                AssertSame(f.Name, d.Name, $"field {i} name", input);
                AssertSame(f.DisplayLabel, d.Label, $"{f.Name} label", input);
                AssertSame(f.BitOffset, d.BitOffset, $"{f.Name} bit offset", input);
                AssertSame(f.Bits, d.BitLength, $"{f.Name} bit length", input);
                AssertSame(f.Bits <= 64 ? (ulong?)(ulong)raw[i] : null, d.Value, $"{f.Name} value", input);
                AssertSame(WireValues.DissectionDisplay(memberType, f, raw[i]), d.Display, $"{f.Name} display", input);
                AssertSame(WireValues.DissectionKind(f), d.Kind, $"{f.Name} kind", input);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Properties (FsCheck)

    private Gen<BigInteger> RawGen(WireField field)
    {
        if (field.IsReserved)
        {
            return Gen.Constant(BigInteger.Zero);
        }

        if (field.Constant is { } c)
        {
            return Gen.Constant(new BigInteger(c));
        }

        Gen<BigInteger> random = Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), (field.Bits + 7) / 8)
            .Select(bytes => new BigInteger(bytes, isUnsigned: true) & field.Mask);
        Gen<BigInteger> edges = Gen.Elements(BigInteger.Zero, BigInteger.One, field.Mask, BigInteger.One << (field.Bits - 1), field.Mask >> 1);
        return Gen.Frequency((1, edges), (4, random));
    }

    private Gen<BigInteger[]> RawsGen() => Gen.CollectToArray(Spec.Fields.Select(RawGen));

    private Gen<byte[]> ValidBytesGen() =>
        Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), Spec.Size).Select(bytes =>
        {
            WireReference.MakeValid(Spec, bytes);
            return bytes;
        });

    /// <summary>read(write(x)) == x for every value whose members fit their fields.</summary>
    public Property ValuesRoundTrip() =>
        Prop.ForAll(Arb.From(RawsGen()), (BigInteger[] raw) =>
        {
            T value = Build(raw);
            var buffer = new byte[Spec.Size];
            WriteResult written = value.TryWrite(buffer);
            AssertSame(CodecStatus.Done, written.Status, $"TryWrite of {value} ({written})");
            AssertBytes(WireReference.Write(Spec, raw), buffer, $"TryWrite of {value}");
            ReadResult read = T.TryRead(buffer, out T back);
            AssertSame(CodecStatus.Done, read.Status, $"TryRead ({read})", buffer);
            AssertMembers(Members(value), Members(back), "read(write(x))", buffer);
            Assert.True(value.Equals(back), $"{Name}: read(write(x)) != x for {value}: got {back}");
        });

    /// <summary>write(read(b)) == b for every valid byte string, with ignored reserved bits zeroed.</summary>
    public Property BytesRoundTrip() =>
        Prop.ForAll(Arb.From(ValidBytesGen()), (byte[] input) =>
        {
            ReadResult read = T.TryRead(input, out T value);
            AssertSame(CodecStatus.Done, read.Status, $"TryRead ({read})", input);
            var output = new byte[Spec.Size];
            AssertSame(CodecStatus.Done, value.TryWrite(output).Status, "TryWrite", input);
            AssertBytes(WireReference.Canonical(Spec, input), output, "write(read(b))");
        });
}
