namespace Codec;

/// <summary>
/// Marks a <c>partial struct</c> as a wire message. Its members marked with <see cref="FieldAttribute"/> are laid out
/// on the wire in the order given by <see cref="FieldAttribute.Order"/>, and the generator emits readers, writers,
/// views and a dissection for it.
/// </summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class MessageAttribute : Attribute
{
    /// <summary>Byte order of the message's fields unless a field overrides it. Default: big-endian (network order).</summary>
    public ByteOrder ByteOrder { get; set; }

    /// <summary>Protocol name shown in dissections (for example <c>"Internet Protocol Version 4"</c>). Default: the type name.</summary>
    public string? Name { get; set; }
}
