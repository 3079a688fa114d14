using System.Globalization;
using System.Net;
using System.Numerics;
using System.Text;

namespace Codec.Runtime.Tests.Generated;

/// <summary>What sort of value a field of a test message holds, as the tests understand it.</summary>
internal enum WireKind
{
    Unsigned,
    Signed,
    Bool,
    Enum,
    Flags,
    IPv4,
    Mac,
    IPv6,
    Bytes,
    Reserved,
}

/// <summary>One field of the expected layout. <see cref="BitOffset"/> is filled in by <see cref="WireSpec"/>.</summary>
internal sealed record WireField(string Name, WireKind Kind, int Bits)
{
    /// <summary>The dissection label; <c>null</c> means the member name (for reserved bits, "Reserved").</summary>
    public string? Label { get; init; }

    /// <summary>An explicit per-field byte order (Default = none).</summary>
    public ByteOrder Order { get; init; }

    public ulong? Constant { get; init; }

    /// <summary>For reserved bits: whether reading rejects a nonzero value.</summary>
    public bool Reject { get; init; }

    public int BitOffset { get; init; }

    public int EndByte => (BitOffset + Bits + 7) / 8;

    public bool IsReserved => Kind == WireKind.Reserved;

    public bool IsConstant => Constant is not null;

    public BigInteger Mask => (BigInteger.One << Bits) - 1;

    public string DisplayLabel => Label ?? (IsReserved ? "Reserved" : Name);

    public override string ToString() => $"{Name}@{BitOffset}:{Bits}";
}

/// <summary>
/// The expected wire layout of a test message, written by hand from the definition: fields back to back in order,
/// without padding. Big-endian messages number bits from the most significant bit of byte 0, little-endian ones
/// from the least significant bit of byte 0; addresses are in network order unless the field overrides it.
/// </summary>
internal sealed class WireSpec
{
    public WireSpec(string typeName, string protocol, ByteOrder order, int expectedSize, params WireField[] fields)
    {
        TypeName = typeName;
        Protocol = protocol;
        Order = order;
        var placed = new WireField[fields.Length];
        int offset = 0;
        for (int i = 0; i < fields.Length; i++)
        {
            placed[i] = fields[i] with { BitOffset = offset };
            offset += fields[i].Bits;
        }

        if (offset != expectedSize * 8)
        {
            throw new InvalidOperationException($"{typeName}: the spec has {offset} bits, expected {expectedSize * 8}.");
        }

        Fields = placed;
        Size = expectedSize;
    }

    public string TypeName { get; }

    public string Protocol { get; }

    public ByteOrder Order { get; }

    public int Size { get; }

    public IReadOnlyList<WireField> Fields { get; }

    public IEnumerable<WireField> Members => Fields.Where(f => !f.IsReserved);

    public WireField this[string name] => Fields.Single(f => f.Name == name);

    public int IndexOf(string name) => Fields.Select((f, i) => (f, i)).Single(p => p.f.Name == name).i;

    /// <summary>Whether the field's bits are numbered big-endian (MSB first).</summary>
    public bool IsBigEndian(WireField field) => field.Order switch
    {
        ByteOrder.BigEndian => true,
        ByteOrder.LittleEndian => false,
        _ => field.Kind is WireKind.IPv4 or WireKind.Mac or WireKind.IPv6 or WireKind.Bytes || Order != ByteOrder.LittleEndian,
    };
}

/// <summary>
/// A deliberately naive reference codec: every field is read and written one bit at a time, straight from the
/// numbering rules, with arbitrary-precision values so that 128-bit fields need no special case.
/// </summary>
internal static class WireReference
{
    public static bool GetBit(ReadOnlySpan<byte> buffer, int bit, bool bigEndian) =>
        bigEndian ? ((buffer[bit / 8] >> (7 - (bit % 8))) & 1) == 1 : ((buffer[bit / 8] >> (bit % 8)) & 1) == 1;

    public static void SetBit(Span<byte> buffer, int bit, bool bigEndian, bool value)
    {
        int mask = bigEndian ? 0x80 >> (bit % 8) : 1 << (bit % 8);
        buffer[bit / 8] = value ? (byte)(buffer[bit / 8] | mask) : (byte)(buffer[bit / 8] & ~mask);
    }

    /// <summary>
    /// The field's value: big-endian, its first bit is the most significant; little-endian, its first bit is bit 0.
    /// </summary>
    public static BigInteger ReadField(ReadOnlySpan<byte> buffer, int bitOffset, int bits, bool bigEndian)
    {
        BigInteger value = BigInteger.Zero;
        for (int i = 0; i < bits; i++)
        {
            bool bit = GetBit(buffer, bitOffset + i, bigEndian);
            if (bigEndian)
            {
                value = (value << 1) | (bit ? 1 : 0);
            }
            else if (bit)
            {
                value |= BigInteger.One << i;
            }
        }

        return value;
    }

    public static void WriteField(Span<byte> buffer, int bitOffset, int bits, bool bigEndian, BigInteger value)
    {
        for (int i = 0; i < bits; i++)
        {
            int valueBit = bigEndian ? bits - 1 - i : i;
            SetBit(buffer, bitOffset + i, bigEndian, !((value >> valueBit) & 1).IsZero);
        }
    }

    /// <summary>The raw value of every field, reserved ones included, in spec order.</summary>
    public static BigInteger[] Read(WireSpec spec, ReadOnlySpan<byte> buffer)
    {
        var raw = new BigInteger[spec.Fields.Count];
        for (int i = 0; i < raw.Length; i++)
        {
            WireField f = spec.Fields[i];
            raw[i] = ReadField(buffer, f.BitOffset, f.Bits, spec.IsBigEndian(f));
        }

        return raw;
    }

    /// <summary>The bytes of a message whose fields hold <paramref name="raw"/>: constants as declared, reserved bits zero.</summary>
    public static byte[] Write(WireSpec spec, BigInteger[] raw)
    {
        var buffer = new byte[spec.Size];
        for (int i = 0; i < raw.Length; i++)
        {
            WireField f = spec.Fields[i];
            BigInteger value = f.IsReserved ? BigInteger.Zero : f.Constant is { } c ? new BigInteger(c) : raw[i];
            WriteField(buffer, f.BitOffset, f.Bits, spec.IsBigEndian(f), value);
        }

        return buffer;
    }

    /// <summary>The first field, in wire order, that makes the input invalid, or null.</summary>
    public static ExpectedError? FirstError(WireSpec spec, BigInteger[] raw)
    {
        for (int i = 0; i < raw.Length; i++)
        {
            WireField f = spec.Fields[i];
            if (f.Constant is { } c && raw[i] != c)
            {
                return new ExpectedError(CodecErrorKind.ConstantMismatch, f, c, (ulong)raw[i]);
            }

            if (f.IsReserved && f.Reject && !raw[i].IsZero)
            {
                return new ExpectedError(CodecErrorKind.ReservedNotZero, f, 0, (ulong)raw[i]);
            }
        }

        return null;
    }

    /// <summary>Forces constants to their value and rejected reserved bits to zero, so that the input reads.</summary>
    public static void MakeValid(WireSpec spec, Span<byte> buffer)
    {
        foreach (WireField f in spec.Fields)
        {
            if (f.Constant is { } c)
            {
                WriteField(buffer, f.BitOffset, f.Bits, spec.IsBigEndian(f), c);
            }
            else if (f.IsReserved && f.Reject)
            {
                WriteField(buffer, f.BitOffset, f.Bits, spec.IsBigEndian(f), BigInteger.Zero);
            }
        }
    }

    /// <summary>What writing a read message gives back: every reserved bit zero, and nothing past the message.</summary>
    public static byte[] Canonical(WireSpec spec, ReadOnlySpan<byte> buffer)
    {
        byte[] copy = buffer[..spec.Size].ToArray();
        foreach (WireField f in spec.Fields.Where(f => f.IsReserved))
        {
            WriteField(copy, f.BitOffset, f.Bits, spec.IsBigEndian(f), BigInteger.Zero);
        }

        return copy;
    }
}

internal sealed record ExpectedError(CodecErrorKind Kind, WireField Field, ulong Expected, ulong Actual);

/// <summary>Test-side conversions between raw field bits and member values, and how values should be shown.</summary>
internal static class WireValues
{
    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    public static BigInteger FromBytesBigEndian(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: true, isBigEndian: true);

    public static byte[] ToBytesBigEndian(BigInteger value, int length)
    {
        var result = new byte[length];
        for (int i = 0; i < length; i++)
        {
            result[length - 1 - i] = (byte)((value >> (8 * i)) & 0xFF);
        }

        return result;
    }

    /// <summary>Two's complement: the field's top bit is the sign.</summary>
    public static long SignExtend(BigInteger raw, int bits)
    {
        BigInteger half = BigInteger.One << (bits - 1);
        BigInteger value = raw >= half ? raw - (BigInteger.One << bits) : raw;
        return (long)value;
    }

    public static BigInteger TwosComplement(long value, int bits) =>
        value >= 0 ? new BigInteger(value) : (BigInteger.One << bits) + value;

    /// <summary>The member value a field of type <paramref name="type"/> holds for raw bits <paramref name="raw"/>.</summary>
    public static object Typed(Type type, WireField field, BigInteger raw)
    {
        if (type.IsEnum)
        {
            return Enum.ToObject(type, (ulong)raw);
        }

        if (type == typeof(byte)) { return (byte)raw; }
        if (type == typeof(ushort)) { return (ushort)raw; }
        if (type == typeof(uint)) { return (uint)raw; }
        if (type == typeof(ulong)) { return (ulong)raw; }
        if (type == typeof(sbyte)) { return (sbyte)SignExtend(raw, field.Bits); }
        if (type == typeof(short)) { return (short)SignExtend(raw, field.Bits); }
        if (type == typeof(int)) { return (int)SignExtend(raw, field.Bits); }
        if (type == typeof(long)) { return SignExtend(raw, field.Bits); }
        if (type == typeof(bool)) { return !raw.IsZero; }
        if (type == typeof(IPv4Address)) { return new IPv4Address((uint)raw); }
        if (type == typeof(MacAddress)) { return new MacAddress((ulong)raw); }
        if (type == typeof(IPv6Address))
        {
            return new IPv6Address((ulong)(raw >> 64), (ulong)(raw & ulong.MaxValue));
        }

        if (type == typeof(FixedBytes16))
        {
            FixedBytes16 block = default;
            ToBytesBigEndian(raw, 16).CopyTo((Span<byte>)block);
            return block;
        }

        throw new NotSupportedException(type.FullName);
    }

    /// <summary>The raw bits of a member value (which must fit the field).</summary>
    public static BigInteger Raw(WireField field, object value)
    {
        switch (value)
        {
            case Enum e:
                return new BigInteger(Convert.ToUInt64(e, CultureInfo.InvariantCulture)) & field.Mask;
            case byte v: return v;
            case ushort v: return v;
            case uint v: return v;
            case ulong v: return v;
            case sbyte v: return TwosComplement(v, field.Bits);
            case short v: return TwosComplement(v, field.Bits);
            case int v: return TwosComplement(v, field.Bits);
            case long v: return TwosComplement(v, field.Bits);
            case bool v: return v ? BigInteger.One : BigInteger.Zero;
            case IPv4Address v: return v.Value;
            case MacAddress v: return v.Value;
            case IPv6Address v: return (new BigInteger(v.Upper) << 64) | v.Lower;
            case FixedBytes16 v:
                return FromBytesBigEndian((ReadOnlySpan<byte>)v);
            default:
                throw new NotSupportedException(value.GetType().FullName);
        }
    }

    /// <summary>A value in a form that compares by content (byte blocks become hex).</summary>
    public static object Comparable(object value) => value switch
    {
        FixedBytes16 block => Hex((ReadOnlySpan<byte>)block),
        _ => value,
    };

    /// <summary>How the generated code should name an enum value: "Tcp (6)", "Syn|Ack (0x12)", or the number.</summary>
    public static string EnumDisplay(Type enumType, ulong raw)
    {
        bool flags = enumType.IsDefined(typeof(FlagsAttribute), inherit: false);
        var members = enumType.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .OrderBy(f => f.MetadataToken)
            .Select(f => (Name: f.Name, Value: Convert.ToUInt64(f.GetRawConstantValue(), CultureInfo.InvariantCulture)))
            .ToList();
        if (!flags)
        {
            foreach (var m in members)
            {
                if (m.Value == raw)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"{m.Name} ({raw})");
                }
            }

            return raw.ToString(CultureInfo.InvariantCulture);
        }

        if (raw == 0)
        {
            var zero = members.FirstOrDefault(m => m.Value == 0);
            return zero.Name is null ? "0" : zero.Name + " (0x0)";
        }

        var names = new List<string>();
        ulong rest = raw;
        foreach (var m in members.Where(m => m.Value != 0))
        {
            if ((raw & m.Value) == m.Value)
            {
                names.Add(m.Name);
                rest &= ~m.Value;
            }
        }

        if (rest != 0)
        {
            names.Add("0x" + rest.ToString("X", CultureInfo.InvariantCulture));
        }

        return string.Join("|", names) + " (0x" + raw.ToString("X", CultureInfo.InvariantCulture) + ")";
    }

    public static string Dotted(uint value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value >> 24}.{(value >> 16) & 0xFF}.{(value >> 8) & 0xFF}.{value & 0xFF}");

    public static string MacText(ulong value)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 6; i++)
        {
            if (i > 0)
            {
                sb.Append(':');
            }

            sb.Append(((value >> (40 - (8 * i))) & 0xFF).ToString("x2", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>What a dissection should show for a field holding <paramref name="raw"/>.</summary>
    public static string DissectionDisplay(Type? memberType, WireField field, BigInteger raw) => field.Kind switch
    {
        WireKind.Unsigned => raw.ToString(CultureInfo.InvariantCulture),
        WireKind.Signed => SignExtend(raw, field.Bits).ToString(CultureInfo.InvariantCulture),
        WireKind.Bool => raw.IsZero ? "Not set" : "Set",
        WireKind.Enum or WireKind.Flags => EnumDisplay(memberType!, (ulong)raw),
        WireKind.IPv4 => Dotted((uint)raw),
        WireKind.Mac => MacText((ulong)raw),
        WireKind.IPv6 => new IPAddress(ToBytesBigEndian(raw, 16)).ToString(),
        WireKind.Bytes => Hex(ToBytesBigEndian(raw, field.Bits / 8)),
        WireKind.Reserved => "0x" + ((ulong)raw).ToString("X", CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException(field.Kind.ToString()),
    };

    public static FieldKind DissectionKind(WireField field) => field.Kind switch
    {
        WireKind.Unsigned => FieldKind.Integer,
        WireKind.Signed => FieldKind.SignedInteger,
        WireKind.Bool => FieldKind.Boolean,
        WireKind.Enum or WireKind.Flags => FieldKind.Enum,
        WireKind.IPv4 or WireKind.Mac or WireKind.IPv6 => FieldKind.Address,
        WireKind.Bytes => FieldKind.Bytes,
        _ => FieldKind.Reserved,
    };

    /// <summary>What the generated ToString should show for a member value.</summary>
    public static string ToStringDisplay(WireField field, object value) => value switch
    {
        Enum e => EnumDisplay(e.GetType(), (ulong)Raw(field, e)),
        bool b => b ? "true" : "false",
        FixedBytes16 block => Hex((ReadOnlySpan<byte>)block),
        IPv4Address a => Dotted(a.Value),
        MacAddress m => MacText(m.Value),
        IPv6Address a => new IPAddress(ToBytesBigEndian(Raw(field, a), 16)).ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };
}
