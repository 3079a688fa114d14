using System.Diagnostics.CodeAnalysis;

namespace Codec.Cli.Decoding;

/// <summary>Reads hex as people paste it: "45 00 00 3c", "45:00:00:3c" or "4500003c".</summary>
internal static class HexInput
{
    public static bool TryParse(string text, out byte[] bytes, [NotNullWhen(false)] out string? error)
    {
        string digits = string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c is not ':' and not '-'));
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[2..];
        }

        bytes = [];
        if (digits.Length % 2 != 0)
        {
            error = $"the hex has an odd number of digits ({digits.Length})";
            return false;
        }

        try
        {
            bytes = Convert.FromHexString(digits);
            error = null;
            return true;
        }
        catch (FormatException)
        {
            error = "the input is not hex";
            return false;
        }
    }
}
