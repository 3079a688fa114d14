using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace Codec;

/// <summary>An IPv4 address as the 32-bit number it is on the wire (RFC 791 §3.2). A value type: no allocation.</summary>
public readonly record struct IPv4Address : ISpanFormattable, IComparable<IPv4Address>
{
    /// <summary>Creates the address whose network-order number is <paramref name="value"/> (192.0.2.1 is 0xC0000201).</summary>
    public IPv4Address(uint value) => Value = value;

    /// <summary>Creates the address <c>a.b.c.d</c>.</summary>
    public IPv4Address(byte a, byte b, byte c, byte d) => Value = ((uint)a << 24) | ((uint)b << 16) | ((uint)c << 8) | d;

    /// <summary>The address as a number, first octet most significant.</summary>
    public uint Value { get; }

    /// <summary>0.0.0.0.</summary>
    public static IPv4Address Any => default;

    /// <summary>255.255.255.255.</summary>
    public static IPv4Address Broadcast => new(uint.MaxValue);

    /// <summary>Parses dotted-quad notation.</summary>
    public static IPv4Address Parse(string text) =>
        TryParse(text, out var address) ? address : throw new FormatException($"'{text}' is not an IPv4 address.");

    /// <summary>
    /// Parses dotted-quad notation (four decimal octets, 0–255) without throwing. The legacy inet_aton forms that
    /// <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> accepts are refused: fewer parts ("127.1"), hex
    /// ("0x7f.0.0.1") and leading zeros, which inet_aton reads as octal ("010.0.0.1" would be 8.0.0.1).
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out IPv4Address address)
    {
        address = default;
        if (text is null)
        {
            return false;
        }

        uint value = 0;
        int parts = 0;
        int i = 0;
        while (true)
        {
            int start = i;
            uint octet = 0;
            while (i < text.Length && i - start < 3 && char.IsAsciiDigit(text[i]))
            {
                octet = (octet * 10) + (uint)(text[i] - '0');
                i++;
            }

            int digits = i - start;
            if (digits == 0 || octet > 255 || (digits > 1 && text[start] == '0'))
            {
                return false;
            }

            value = (value << 8) | octet;
            parts++;
            if (parts == 4)
            {
                break;
            }

            if (i >= text.Length || text[i] != '.')
            {
                return false;
            }

            i++;
        }

        if (i != text.Length)
        {
            return false;
        }

        address = new IPv4Address(value);
        return true;
    }

    /// <summary>Converts from <see cref="IPAddress"/> (IPv4 only).</summary>
    public static IPv4Address FromIPAddress(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork || !address.TryWriteBytes(bytes, out _))
        {
            throw new ArgumentException("Not an IPv4 address.", nameof(address));
        }

        return new IPv4Address(bytes[0], bytes[1], bytes[2], bytes[3]);
    }

    /// <summary>Converts to <see cref="IPAddress"/> (allocates).</summary>
    public IPAddress ToIPAddress() => new([(byte)(Value >> 24), (byte)(Value >> 16), (byte)(Value >> 8), (byte)Value]);

    /// <inheritdoc/>
    public int CompareTo(IPv4Address other) => Value.CompareTo(other.Value);

    /// <summary>Dotted-quad notation, e.g. 192.0.2.1.</summary>
    public override string ToString() => ToString(null, null);

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        Span<char> buffer = stackalloc char[15];
        TryFormat(buffer, out int written, default, null);
        return new string(buffer[..written]);
    }

    /// <summary>
    /// Writes the dotted quad; false (nothing written) if it does not fit. Allocates nothing, also before the JIT has
    /// optimized it (an interpolated string boxes each octet in unoptimized code).
    /// </summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        int length = 0;
        for (int shift = 24; shift >= 0; shift -= 8)
        {
            if (shift != 24)
            {
                if (length == destination.Length)
                {
                    charsWritten = 0;
                    return false;
                }

                destination[length++] = '.';
            }

            if (!((Value >> shift) & 0xFF).TryFormat(destination[length..], out int digits, default, CultureInfo.InvariantCulture))
            {
                charsWritten = 0;
                return false;
            }

            length += digits;
        }

        charsWritten = length;
        return true;
    }
}
