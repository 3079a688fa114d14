namespace Codec.Protocols.Capture;

/// <summary>An interface of a pcapng section, from its Interface Description Block.</summary>
/// <param name="LinkType">What its packets start with.</param>
/// <param name="SnapLength">The most bytes captured of a packet; 0 for no limit.</param>
/// <param name="TimestampUnitsPerSecond">Timestamp units per second (if_tsresol; 10^6 by default).</param>
public sealed record PcapngInterface(LinkLayerType LinkType, uint SnapLength, ulong TimestampUnitsPerSecond)
{
    /// <summary>The if_tsresol option code.</summary>
    public const ushort TimestampResolutionOption = 9;

    /// <summary>
    /// Units per second of an if_tsresol value: 10^n, or 2^n when the top bit is set. Values too large for 64 bits are
    /// clamped to the largest that fits (10^19, 2^63).
    /// </summary>
    public static ulong UnitsPerSecond(byte tsresol)
    {
        int exponent = tsresol & 0x7F;
        if ((tsresol & 0x80) != 0)
        {
            return 1UL << Math.Min(exponent, 63);
        }

        ulong units = 1;
        for (int i = 0; i < Math.Min(exponent, 19); i++)
        {
            units *= 10;
        }

        return units;
    }

    /// <summary>The if_tsresol value for <paramref name="unitsPerSecond"/>, or <c>false</c> if it is no power of 10 or 2.</summary>
    public static bool TryGetResolution(ulong unitsPerSecond, out byte tsresol)
    {
        tsresol = 0;
        ulong power = 1;
        for (byte n = 0; n <= 19; n++)
        {
            if (power == unitsPerSecond)
            {
                tsresol = n;
                return true;
            }

            if (n < 19)
            {
                power *= 10;
            }
        }

        if (unitsPerSecond != 0 && (unitsPerSecond & (unitsPerSecond - 1)) == 0)
        {
            tsresol = (byte)(0x80 | System.Numerics.BitOperations.Log2(unitsPerSecond));
            return true;
        }

        return false;
    }
}
