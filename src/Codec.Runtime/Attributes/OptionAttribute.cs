namespace Codec;

/// <summary>
/// Declares one kind of option of an <see cref="OptionListAttribute"/> list. With <see cref="Type"/>, the generator
/// emits <c>TryGet{Member}(out Type)</c> and a writer method <c>TryAdd{Member}(in Type)</c>; without, <c>Has{Member}</c>
/// and <c>TryGet{Member}(out ReadOnlySpan&lt;byte&gt;)</c>. Kinds that are not declared are kept raw.
/// </summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false, AllowMultiple = true)]
public sealed class OptionAttribute : Attribute
{
    /// <summary>Option <paramref name="kind"/>, whose accessors are named after <paramref name="member"/>.</summary>
    public OptionAttribute(int kind, string member)
    {
        Kind = kind;
        Member = member;
    }

    /// <summary>The kind (type, code) value.</summary>
    public int Kind { get; }

    /// <summary>The name the accessors are built from (<c>MaximumSegmentSize</c> gives <c>TryGetMaximumSegmentSize</c>).</summary>
    public string Member { get; }

    /// <summary>Name shown in dissections. Default: the member name split into words.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// The value's type: a <c>[Message]</c> or another <c>[OptionList]</c> type (relay agent sub-options), read from the
    /// option's value octets, which it must fill exactly. Default: none (raw octets).
    /// </summary>
    public Type? Type { get; set; }

    /// <summary>A lone kind octet without length or value (TCP's NOP and EOL, DHCP's Pad and End).</summary>
    public bool SingleByte { get; set; }

    /// <summary>The option ends the list; the octets after it are padding (TCP EOL, IPv4 EOOL, DHCP End).</summary>
    public bool EndsList { get; set; }
}
