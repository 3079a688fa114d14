using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
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

    /// <summary>RFC 5952 text form, e.g. 2001:db8::1.</summary>
    public override string ToString() => ToIPAddress().ToString();

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        ToIPAddress().TryFormat(destination, out charsWritten);
}
