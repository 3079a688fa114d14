namespace Codec;

/// <summary>
/// This integer field gives the length of the whole message, from its first byte: bytes = value × <see cref="Scale"/> +
/// <see cref="Offset"/> (IPv4 Total Length, UDP Length). Reading stops there; bytes after it are not the message's.
/// On write the field is computed from the message's size when it is 0, and written as set otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class MessageLengthAttribute : Attribute
{
    /// <summary>Bytes per unit of the field. Default 1.</summary>
    public int Scale { get; set; } = 1;

    /// <summary>Added after scaling. Default 0.</summary>
    public int Offset { get; set; }
}
