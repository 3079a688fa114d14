namespace Codec.Dns;

public readonly ref partial struct DnsName
{
    /// <summary>Whether both names have the same labels, ignoring ASCII case (RFC 4343); they may come from different messages.</summary>
    public bool Equals(DnsName other)
    {
        if (WireLength != other.WireLength || LabelCount != other.LabelCount)
        {
            return false;
        }

        LabelEnumerator mine = GetEnumerator();
        LabelEnumerator theirs = other.GetEnumerator();
        while (mine.MoveNext() && theirs.MoveNext())
        {
            if (!DnsWire.LabelEquals(mine.Current, theirs.Current))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether <paramref name="uncompressedWireName"/> (exactly one name in wire form without pointers, ending with
    /// the root octet) has the same labels, ignoring ASCII case. Malformed input is simply not equal.
    /// </summary>
    public bool Equals(ReadOnlySpan<byte> uncompressedWireName) =>
        TryReadUncompressed(uncompressedWireName, out DnsName other) && Equals(other);

    /// <summary>
    /// Whether the presentation form <paramref name="text"/> names this name, ignoring ASCII case: <c>ExAmPlE.CoM.</c>
    /// equals <c>example.com.</c>. Escapes count as the octets they stand for; a name without the trailing dot is taken
    /// relative to the root. Text that does not parse is not equal. Allocates nothing.
    /// </summary>
    public bool EqualsPresentation(ReadOnlySpan<char> text)
    {
        Span<byte> wire = stackalloc byte[MaxWireLength];
        return TryParse(text, wire, out int written) && Equals(wire[..written]);
    }

    /// <summary>Whether this name is <paramref name="other"/> or lies below it (<c>www.example.com.</c> is a subdomain of <c>example.com.</c> and of itself).</summary>
    public bool IsSubdomainOf(DnsName other)
    {
        int skip = LabelCount - other.LabelCount;
        if (skip < 0 || WireLength < other.WireLength)
        {
            return false;
        }

        LabelEnumerator mine = GetEnumerator();
        for (int i = 0; i < skip; i++)
        {
            mine.MoveNext();
        }

        LabelEnumerator theirs = other.GetEnumerator();
        while (theirs.MoveNext() && mine.MoveNext())
        {
            if (!DnsWire.LabelEquals(mine.Current, theirs.Current))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether this name is <paramref name="uncompressedWireName"/> or lies below it; malformed input gives false.</summary>
    public bool IsSubdomainOf(ReadOnlySpan<byte> uncompressedWireName) =>
        TryReadUncompressed(uncompressedWireName, out DnsName other) && IsSubdomainOf(other);

    /// <summary>A hash of the labels that ignores ASCII case, so that equal names hash alike.</summary>
    public override int GetHashCode()
    {
        uint hash = DnsWire.RootHash;
        foreach (ReadOnlySpan<byte> label in this)
        {
            hash = DnsWire.HashLabel(label, hash);
        }

        return (int)hash;
    }

    /// <summary>Reads exactly one uncompressed name: at offset 0 no pointer can point strictly backwards, so any pointer fails.</summary>
    internal static bool TryReadUncompressed(ReadOnlySpan<byte> wire, out DnsName name) =>
        TryRead(wire, 0, out name, out int consumed) && consumed == wire.Length;
}
