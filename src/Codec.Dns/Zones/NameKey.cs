namespace Codec.Dns.Zones;

/// <summary>
/// Names as dictionary keys: the uncompressed wire form with ASCII letters folded to lower case (RFC 4343), one char
/// per octet, so that a key of any suffix of a name is a slice of the name's key and lookups need no allocation.
/// </summary>
internal static class NameKey
{
    /// <summary>The key of an uncompressed wire name.</summary>
    public static string Of(ReadOnlySpan<byte> wire)
    {
        Span<char> chars = stackalloc char[DnsName.MaxWireLength];
        Write(wire, chars);
        return new string(chars[..wire.Length]);
    }

    /// <summary>Writes the key of <paramref name="wire"/> into <paramref name="destination"/> (at least as long).</summary>
    public static void Write(ReadOnlySpan<byte> wire, Span<char> destination)
    {
        for (int i = 0; i < wire.Length; i++)
        {
            byte b = wire[i];
            destination[i] = (char)((uint)(b - 'A') <= 'Z' - 'A' ? b | 0x20 : b);
        }
    }

    /// <summary>
    /// Fills <paramref name="starts"/> with where each label starts in <paramref name="wire"/> (an uncompressed name) and
    /// returns the label count; <c>starts[count]</c> is the root octet's position.
    /// </summary>
    public static int LabelStarts(ReadOnlySpan<byte> wire, Span<int> starts)
    {
        int count = 0;
        int at = 0;
        while (wire[at] != 0)
        {
            starts[count++] = at;
            at += 1 + wire[at];
        }

        starts[count] = at;
        return count;
    }
}
