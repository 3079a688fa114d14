namespace Codec;

/// <summary>
/// A variable-length member (a <see cref="ReadOnlySpan{T}"/> of byte) that takes the rest of the message: up to the end
/// given by a <see cref="MessageLengthAttribute"/> field if there is one (so trailing padding is not payload), else up to
/// the end of the input. It must be the last member.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class RemainingAttribute : Attribute
{
}
