namespace Codec;

/// <summary>
/// The number of elements of a <see cref="MessageList{T}"/> field comes from an earlier unsigned integer field (DNS's
/// QDCOUNT, ANCOUNT, …). On write the field is computed from the list's count when it is 0, and written as set otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class CountAttribute : Attribute
{
    /// <summary>The count comes from the field named <paramref name="field"/>.</summary>
    public CountAttribute(string field) => Field = field;

    /// <summary>The name of the integer field holding the count.</summary>
    public string Field { get; }
}
