using System.Globalization;

namespace Codec;

/// <summary>A 48-bit IEEE 802 MAC address, held as a number (first octet most significant). A value type.</summary>
public readonly record struct MacAddress : ISpanFormattable
{
    /// <summary>Creates the address from its 48-bit value; higher bits must be zero.</summary>
    public MacAddress(ulong value)
    {
        if (value > 0xFFFF_FFFF_FFFFUL)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "A MAC address has 48 bits.");
        }

        Value = value;
    }

    /// <summary>The address as a 48-bit number.</summary>
    public ulong Value { get; }

    /// <summary>ff:ff:ff:ff:ff:ff.</summary>
    public static MacAddress Broadcast => new(0xFFFF_FFFF_FFFFUL);

    /// <summary>Parses aa:bb:cc:dd:ee:ff or aa-bb-cc-dd-ee-ff.</summary>
    public static MacAddress Parse(string text)
    {
        string[] parts = text.Split(':', '-');
        if (parts.Length != 6)
        {
            throw new FormatException($"'{text}' is not a MAC address.");
        }

        ulong value = 0;
        foreach (string part in parts)
        {
            // One or two hex digits: byte.Parse alone would throw OverflowException for "100" and accept blanks.
            if (part.Length is < 1 or > 2 || !byte.TryParse(part, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out byte octet))
            {
                throw new FormatException($"'{text}' is not a MAC address.");
            }

            value = (value << 8) | octet;
        }

        return new MacAddress(value);
    }

    /// <summary>Lower-case, colon-separated, as tshark prints it: 00:1a:2b:3c:4d:5e.</summary>
    public override string ToString() => ToString(null, null);

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        Span<char> buffer = stackalloc char[17];
        TryFormat(buffer, out int written, default, null);
        return new string(buffer[..written]);
    }

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (destination.Length < 17)
        {
            return false;
        }

        for (int i = 0; i < 6; i++)
        {
            byte b = (byte)(Value >> (40 - (8 * i)));
            if (i > 0)
            {
                destination[charsWritten++] = ':';
            }

            destination[charsWritten++] = "0123456789abcdef"[b >> 4];
            destination[charsWritten++] = "0123456789abcdef"[b & 0xF];
        }

        return true;
    }
}
