namespace Codec;

/// <summary>
/// Marks a <c>readonly ref partial struct</c> as a union: octets whose meaning a discriminator field of the enclosing
/// message chooses (DNS RDATA by TYPE). Each <see cref="CaseAttribute"/> maps a discriminator value to a message type
/// read from the octets; values without a case are kept raw (<see cref="DefaultCaseAttribute"/>, required). Use it as
/// a member of a variable-length message with <see cref="DiscriminatorAttribute"/> and <see cref="LengthAttribute"/>
/// or <see cref="RemainingAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class UnionAttribute : Attribute
{
    /// <summary>Name shown in dissections. Default: the type name.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// When true, zero octets that the chosen case cannot hold (a case whose message is never empty) are the default
    /// (raw) case rather than invalid; a case that can be empty (DNS OPT without options) still reads as itself. DNS needs this: RFC 2136 §2.4 and §2.5.2 send RRs of any TYPE with RDLENGTH 0 (class
    /// ANY or NONE) to test or delete an RRset. The value then has <c>UnknownDiscriminator</c>, as raw octets do.
    /// </summary>
    public bool EmptyIsDefault { get; set; }
}

/// <summary>One case of a <see cref="UnionAttribute"/> union: for discriminator <see cref="Value"/>, the octets are a <see cref="Type"/>.</summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false, AllowMultiple = true)]
public sealed class CaseAttribute : Attribute
{
    /// <summary>Case <paramref name="member"/> for discriminator <paramref name="value"/>, read as <paramref name="type"/>.</summary>
    public CaseAttribute(ulong value, string member, Type type)
    {
        Value = value;
        Member = member;
        Type = type;
    }

    /// <summary>The discriminator value.</summary>
    public ulong Value { get; }

    /// <summary>The name the accessors are built from (<c>Mx</c> gives <c>IsMx</c> and <c>TryGetMx</c>).</summary>
    public string Member { get; }

    /// <summary>A [Message] or [OptionList] type that the case's octets must hold exactly.</summary>
    public Type Type { get; }

    /// <summary>Name shown in dissections. Default: the member name.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// Whether the DNS names inside the case may be compressed when the enclosing message is written with a
    /// <c>DnsNameCompressor</c>: the case's octets are then read as <see cref="Type"/> and written by its compressing
    /// writer, and the union's length field is set afterwards. RFC 1035 §4.1.4 allows it for the well-known types (NS,
    /// CNAME, PTR, MX, SOA); RFC 3597 §4 forbids it for every other type (SRV's target is written as it is). A case
    /// whose type has no name fields has nothing to compress (CODEC035). Default: false (the octets are written as they
    /// are).
    /// </summary>
    public bool CompressNames { get; set; }
}

/// <summary>The case of a union for discriminator values that have no <see cref="CaseAttribute"/>: raw octets (RFC 3597).</summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class DefaultCaseAttribute : Attribute
{
    /// <summary>The default case, whose accessor is <c>Is{member}</c>.</summary>
    public DefaultCaseAttribute(string member) => Member = member;

    /// <summary>The name of the default case.</summary>
    public string Member { get; }
}

/// <summary>On a union member of a message: the earlier integer or enum field whose value chooses the union's case.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class DiscriminatorAttribute : Attribute
{
    /// <summary>The case comes from the field named <paramref name="field"/>.</summary>
    public DiscriminatorAttribute(string field) => Field = field;

    /// <summary>The discriminator field's name.</summary>
    public string Field { get; }
}
