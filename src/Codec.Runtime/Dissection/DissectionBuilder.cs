namespace Codec;

/// <summary>Collects fields while generated code dissects a message.</summary>
public sealed class DissectionBuilder
{
    private readonly List<FieldDissection> _fields = new();
    private readonly string _protocol;
    private readonly string _typeName;
    private readonly ByteOrder _byteOrder;

    /// <summary>Starts a dissection of a message of type <paramref name="typeName"/>.</summary>
    public DissectionBuilder(string protocol, string typeName, ByteOrder byteOrder)
    {
        _protocol = protocol;
        _typeName = typeName;
        _byteOrder = byteOrder;
    }

    /// <summary>Adds a field.</summary>
    public void Add(string name, string label, int bitOffset, int bitLength, ulong? value, string display, FieldKind kind) =>
        _fields.Add(new FieldDissection(name, label, bitOffset, bitLength, value, display, kind));

    /// <summary>Finishes with the outcome of reading the message.</summary>
    public MessageDissection Complete(ReadResult result) => new(_protocol, _typeName, _fields.ToArray(), result, _byteOrder);
}
