namespace Codec;

/// <summary>
/// The field always holds <see cref="Value"/>: reading validates it (a mismatch is
/// <see cref="CodecErrorKind.ConstantMismatch"/>), writing emits it whatever the member holds.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class ConstantAttribute : Attribute
{
    /// <summary>Declares the constant value of the field.</summary>
    public ConstantAttribute(ulong value) => Value = value;

    /// <summary>The value on the wire, as an unsigned number of the field's width.</summary>
    public ulong Value { get; }
}
