using Codec.Dns.Wire;
using Codec.Dns.Zones;
using Codec.Protocols.Dns;

namespace Codec.Dns.Forwarding;

/// <summary>What a client's response copies from its query: RD, CD and its EDNS facts.</summary>
/// <param name="Rd">RD as asked.</param>
/// <param name="Cd">CD as asked.</param>
/// <param name="HasEdns">Whether the query had an OPT record.</param>
/// <param name="UdpPayloadSize">Its UDP payload size (512 without EDNS).</param>
/// <param name="DnssecOk">Its DO bit.</param>
public readonly record struct ClientFlags(bool Rd, bool Cd, bool HasEdns, ushort UdpPayloadSize, bool DnssecOk);

/// <summary>A question to forward: the name as the client spelled it, type, class, and the cache key.</summary>
public sealed class ForwardQuestion
{
    private ForwardQuestion(byte[] name, DnsType type, DnsClass dnsClass)
    {
        Name = name;
        Type = type;
        Class = dnsClass;
        Key = CacheKey.Of(name, type, dnsClass);
    }

    /// <summary>The name in uncompressed wire form.</summary>
    public byte[] Name { get; }

    /// <summary>QTYPE.</summary>
    public DnsType Type { get; }

    /// <summary>QCLASS.</summary>
    public DnsClass Class { get; }

    /// <summary>The cache key: the name folded to lower case, type and class.</summary>
    public string Key { get; }

    /// <summary>Creates a question from a name in presentation form.</summary>
    public static ForwardQuestion Create(string name, DnsType type, DnsClass dnsClass = DnsClass.IN)
    {
        Span<byte> wire = stackalloc byte[DnsName.MaxWireLength];
        WriteResult result = DnsName.TryParse(name, wire);
        if (!result.IsDone)
        {
            throw new ArgumentException($"'{name}' is not a domain name: {result.Error.Kind}", nameof(name));
        }

        return new ForwardQuestion(wire[..result.BytesWritten].ToArray(), type, dnsClass);
    }

    /// <summary>The question of a request <see cref="DnsQuery.Parse"/> accepted.</summary>
    internal static ForwardQuestion From(ReadOnlySpan<byte> request, out ushort id, out ClientFlags flags)
    {
        DnsQuery.Parse(request, out DnsQuery query);
        id = query.Id;
        flags = FlagsOf(in query);
        Span<byte> wire = stackalloc byte[DnsName.MaxWireLength];
        int length = query.Name.CopyUncompressedTo(wire);
        return new ForwardQuestion(wire[..length].ToArray(), query.Type, query.Class);
    }

    internal static ClientFlags FlagsOf(scoped in DnsQuery query) =>
        new(query.Rd, query.Cd, query.HasEdns, query.HasEdns ? query.UdpPayloadSize : (ushort)DnsQuery.ClassicUdpSize, query.DnssecOk);

    /// <inheritdoc/>
    public override string ToString() => $"{Zone.Format(Name)} {DnsText.Class(Class)} {DnsText.Type(Type)}";
}

/// <summary>Cache keys: the name's <see cref="NameKey"/>, then the type and the class as one char each.</summary>
internal static class CacheKey
{
    public const int MaxLength = DnsName.MaxWireLength + 2;

    public static string Of(ReadOnlySpan<byte> name, DnsType type, DnsClass dnsClass)
    {
        Span<char> key = stackalloc char[MaxLength];
        return new string(key[..Write(name, type, dnsClass, key)]);
    }

    public static int Write(ReadOnlySpan<byte> name, DnsType type, DnsClass dnsClass, Span<char> key)
    {
        NameKey.Write(name, key);
        key[name.Length] = (char)(ushort)type;
        key[name.Length + 1] = (char)(ushort)dnsClass;
        return name.Length + 2;
    }
}
