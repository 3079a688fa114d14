namespace Codec;

/// <summary>
/// A message taken apart field by field: the fields that could be read, and the result of reading the whole
/// message (so a malformed message shows what came before the error). Dissection allocates; it is for
/// dumps, JSON and snapshot tests, not hot paths.
/// </summary>
public sealed class MessageDissection
{
    /// <summary>Creates a dissection.</summary>
    public MessageDissection(string protocol, string typeName, IReadOnlyList<FieldDissection> fields, ReadResult result, ByteOrder byteOrder = ByteOrder.BigEndian, int offset = 0, IReadOnlyList<KeyValuePair<string, string>>? annotations = null)
    {
        Annotations = annotations ?? [];
        ByteOrder = byteOrder;
        Protocol = protocol;
        TypeName = typeName;
        Fields = fields;
        Result = result;
        Offset = offset;
    }

    /// <summary>The protocol's display name.</summary>
    public string Protocol { get; }

    /// <summary>The message type's name.</summary>
    public string TypeName { get; }

    /// <summary>Byte offset of the message within the enclosing frame.</summary>
    public int Offset { get; }

    /// <summary>The message's byte order, which decides how bit offsets count.</summary>
    public ByteOrder ByteOrder { get; }

    /// <summary>The fields read, in wire order.</summary>
    public IReadOnlyList<FieldDissection> Fields { get; }

    /// <summary>
    /// Facts found beyond the fields, such as a checksum's status: text shows them as <c>[Name: value]</c>, JSON as
    /// snake_case keys among the fields.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Annotations { get; }

    /// <summary>The outcome of reading the message.</summary>
    public ReadResult Result { get; }

    /// <summary>Bytes the message occupies (when read).</summary>
    public int Length => Result.BytesConsumed;

    /// <summary>The same dissection placed at <paramref name="offset"/> within a frame.</summary>
    public MessageDissection At(int offset) => new(Protocol, TypeName, Fields, Result, ByteOrder, offset, Annotations);

    /// <summary>The same dissection with one more annotation.</summary>
    public MessageDissection Annotate(string name, string value) =>
        new(Protocol, TypeName, Fields, Result, ByteOrder, Offset, [.. Annotations, new KeyValuePair<string, string>(name, value)]);

    /// <summary>The field named <paramref name="name"/> (member name), or <c>null</c>.</summary>
    public FieldDissection? this[string name]
    {
        get
        {
            foreach (var field in Fields)
            {
                if (field.Name == name)
                {
                    return field;
                }
            }

            return null;
        }
    }
}
