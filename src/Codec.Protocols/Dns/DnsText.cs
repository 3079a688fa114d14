namespace Codec.Protocols.Dns;

/// <summary>Mnemonics as dig prints them: known TYPEs and CLASSes by name, others as TYPEnnn/CLASSnnn (RFC 3597 §5).</summary>
public static class DnsText
{
    /// <summary>"A", "AAAA", … or "TYPE65280".</summary>
    public static string Type(DnsType type) => Enum.IsDefined(type) ? type.ToString() : "TYPE" + ((ushort)type).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"IN", "CH", … or "CLASS4096".</summary>
    public static string Class(DnsClass dnsClass) => Enum.IsDefined(dnsClass) ? dnsClass.ToString() : "CLASS" + ((ushort)dnsClass).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
