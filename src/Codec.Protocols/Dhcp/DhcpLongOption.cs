namespace Codec.Protocols.Dhcp;

// RFC 3396 §7: "The aggregate option buffer is made up of the optional parameters field, the file field, and the sname
// field, in that order ... If more than one instance of an option is present, the instances are concatenated, in the
// order they appear in the aggregate option buffer, and the result is the value of the option."

/// <summary>
/// RFC 3396 long options: the value of an option split into several instances is their concatenation. Copies into a
/// caller's buffer (no allocation); a single instance needs no copy (use <see cref="DhcpOptionSections.TryFind"/>).
/// </summary>
public static class DhcpLongOption
{
    /// <summary>The total length of every instance of <paramref name="code"/>, or -1 when there is none.</summary>
    public static int GetLength(scoped in DhcpOptionSections sections, int code)
    {
        int length = -1;
        foreach (OptionEntry option in sections)
        {
            if (option.Kind == code && !option.IsSingleByte)
            {
                length = Math.Max(length, 0) + option.Value.Length;
            }
        }

        return length;
    }

    /// <summary>
    /// Concatenates the values of every instance of <paramref name="code"/> into <paramref name="destination"/>.
    /// False when there is none or <paramref name="destination"/> is shorter than <see cref="GetLength"/>.
    /// </summary>
    public static bool TryConcatenate(scoped in DhcpOptionSections sections, int code, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        int length = GetLength(sections, code);
        if (length < 0 || length > destination.Length)
        {
            return false;
        }

        foreach (OptionEntry option in sections)
        {
            if (option.Kind == code && !option.IsSingleByte)
            {
                option.Value.CopyTo(destination[bytesWritten..]);
                bytesWritten += option.Value.Length;
            }
        }

        return true;
    }
}
