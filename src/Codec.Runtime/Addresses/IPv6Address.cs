using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace Codec;

/// <summary>An IPv6 address as the 128-bit number it is on the wire (RFC 8200 §3). A value type: no allocation.</summary>
public readonly record struct IPv6Address : ISpanFormattable
{
    /// <summary>Creates the address from its high and low 64 bits (network order).</summary>
    public IPv6Address(ulong upper, ulong lower)
    {
        Upper = upper;
        Lower = lower;
    }

    /// <summary>The first 64 bits, first byte most significant.</summary>
    public ulong Upper { get; }

    /// <summary>The last 64 bits, first byte most significant.</summary>
    public ulong Lower { get; }

    /// <summary>Reads 16 bytes in network order.</summary>
    public static IPv6Address FromBytes(ReadOnlySpan<byte> bytes) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));

    /// <summary>Writes the 16 bytes in network order.</summary>
    public void WriteBytes(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, Upper);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], Lower);
    }

    /// <summary>Parses RFC 4291 text notation.</summary>
    public static IPv6Address Parse(string text) =>
        TryParse(text, out var address) ? address : throw new FormatException($"'{text}' is not an IPv6 address.");

    /// <summary>
    /// Parses RFC 4291 text notation without throwing. <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> also takes
    /// "[::1]:80" and "fe80::1%eth0" and drops the port or zone; those are refused rather than silently truncated.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out IPv6Address address)
    {
        address = default;
        if (text is null || text.AsSpan().IndexOfAny("[]%") >= 0
            || !IPAddress.TryParse(text, out var ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        ip.TryWriteBytes(bytes, out _);
        address = FromBytes(bytes);
        return true;
    }

    /// <summary>Converts to <see cref="IPAddress"/> (allocates).</summary>
    public IPAddress ToIPAddress()
    {
        Span<byte> bytes = stackalloc byte[16];
        WriteBytes(bytes);
        return new IPAddress(bytes);
    }

    /// <summary>The longest text form: six fields and a dotted quad.</summary>
    private const int MaxTextLength = 45;   // ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255

    /// <summary>RFC 5952 text form, e.g. 2001:db8::1 (the text <see cref="IPAddress"/> gives).</summary>
    public override string ToString() => ToString(null, null);

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        Span<char> text = stackalloc char[MaxTextLength];
        return new string(text[..Format(text)]);
    }

    /// <summary>Writes the RFC 5952 text form without allocating; false (nothing written) if it does not fit.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        Span<char> text = stackalloc char[MaxTextLength];
        int length = Format(text);
        if (length > destination.Length)
        {
            charsWritten = 0;
            return false;
        }

        text[..length].CopyTo(destination);
        charsWritten = length;
        return true;
    }

    /// <summary>
    /// The text form (RFC 5952 §4): fields in lower-case hex without leading zeros, the longest run of two or more
    /// zero fields (the first of equal runs) written "::". As <see cref="IPAddress"/> writes it, the last 32 bits are a
    /// dotted quad (RFC 5952 §5) for IPv4-compatible (::a.b.c.d), IPv4-mapped (::ffff:a.b.c.d) and SIIT
    /// (::ffff:0:a.b.c.d) addresses whose seventh field is not zero, and for ISATAP interface identifiers (…:0:5efe:a.b.c.d).
    /// </summary>
    private int Format(Span<char> text)
    {
        Span<ushort> fields = stackalloc ushort[8];
        for (int i = 0; i < 4; i++)
        {
            fields[i] = (ushort)(Upper >> (48 - (16 * i)));
            fields[i + 4] = (ushort)(Lower >> (48 - (16 * i)));
        }

        bool quad = (Upper == 0 && fields[6] != 0 && ((fields[4] == 0 && fields[5] is 0 or 0xFFFF) || (fields[4] == 0xFFFF && fields[5] == 0)))
            || (fields[4] == 0 && fields[5] == 0x5EFE);
        ReadOnlySpan<ushort> hex = quad ? fields[..6] : fields;

        // The longest run of zero fields, two or more long; the first of equal runs.
        int runStart = -1, runLength = 1;
        for (int i = 0, zeros = 0; i < hex.Length; i++)
        {
            zeros = hex[i] == 0 ? zeros + 1 : 0;
            if (zeros > runLength)
            {
                runLength = zeros;
                runStart = i - zeros + 1;
            }
        }

        int length = 0;
        for (int i = 0; i < hex.Length; i++)
        {
            if (i == runStart)
            {
                text[length++] = ':';
                text[length++] = ':';
                i += runLength - 1;
                continue;
            }

            if (i != 0 && text[length - 1] != ':')
            {
                text[length++] = ':';
            }

            hex[i].TryFormat(text[length..], out int digits, "x", CultureInfo.InvariantCulture);
            length += digits;
        }

        if (quad)
        {
            if (text[length - 1] != ':')
            {
                text[length++] = ':';
            }

            new IPv4Address((uint)Lower).TryFormat(text[length..], out int written, default, null);
            length += written;
        }

        return length;
    }
}
