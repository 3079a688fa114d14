using System.Net;
using System.Net.Sockets;

namespace Codec.Transport.InMemory;

/// <summary>An endpoint of the <see cref="InMemoryTransport"/>, named; two with the same name are equal.</summary>
/// <param name="name">The name.</param>
public sealed class InMemoryEndPoint(string name) : EndPoint, IEquatable<InMemoryEndPoint>
{
    /// <summary>The name.</summary>
    public string Name { get; } = name ?? throw new ArgumentNullException(nameof(name));

    /// <inheritdoc/>
    public override AddressFamily AddressFamily => AddressFamily.Unspecified;

    /// <inheritdoc/>
    public bool Equals(InMemoryEndPoint? other) => other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as InMemoryEndPoint);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <inheritdoc/>
    public override string ToString() => "memory:" + Name;
}
