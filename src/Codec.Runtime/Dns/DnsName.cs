using System.Runtime.CompilerServices;

namespace Codec.Dns;

/// <summary>
/// A validated DNS domain name inside a message (RFC 1035 §3.1, §4.1.4): a view over the whole message and the
/// offset where the name starts, so that compression pointers can be followed. Nothing is copied; the uncompressed
/// length and the label count are cached by <see cref="TryRead(ReadOnlySpan{byte}, int, out DnsName)"/>, which is the
/// only way to get one besides <see cref="Root"/>. Once read, every member is bounds-safe and never fails.
/// </summary>
/// <remarks>
/// <para>Names compare case-insensitively in ASCII only (RFC 4343): <c>A</c>–<c>Z</c> equal <c>a</c>–<c>z</c>; every
/// other octet, 0x80–0xFF included, compares exactly.</para>
/// <para><c>default(DnsName)</c> is the root name.</para>
/// <para>Enumerating (<c>foreach (ReadOnlySpan&lt;byte&gt; label in name)</c>) yields the labels from the leftmost,
/// without length octets and without the empty root label.</para>
/// </remarks>
public readonly ref partial struct DnsName
{
    /// <summary>The longest name in uncompressed wire form, length octets and root included (RFC 1035 §2.3.4).</summary>
    public const int MaxWireLength = 255;

    /// <summary>The longest label, in octets (RFC 1035 §2.3.4).</summary>
    public const int MaxLabelLength = 63;

    /// <summary>
    /// The most compression pointers one name may follow. Pointers must already point strictly backwards, which rules
    /// out loops; the limit also bounds the work for chains of pointers to pointers. A name of 127 labels (the most
    /// 255 octets allow) each reached through its own pointer still reads.
    /// </summary>
    public const int MaxPointerHops = 127;

    /// <summary>
    /// The longest presentation form <see cref="TryFormat"/> can produce: four labels holding 250 octets that all need
    /// <c>\DDD</c>, four dots.
    /// </summary>
    public const int MaxPresentationLength = 1004;

    private readonly ReadOnlySpan<byte> _message;
    private readonly int _offset;

    // The uncompressed length, and the label count (bits 0-7) with whether the name follows a pointer (Compressed,
    // bit 16): 32-bit fields, each stored and loaded as one value. An element built by a caller and read by the
    // generated writer it calls is then forwarded from the caller's stores, where two octet fields stored one by one and
    // copied as one 16-bit load stalled that load. Two fields, not one packed: a reader that folds only the length
    // (the common case) would otherwise build and unpack the whole value for every name. A name without a pointer lies
    // flat where it was read, which the compressor then takes without walking it again.
    private const int Compressed = 1 << 16;
    private readonly int _wireLength;
    private readonly int _labels;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private DnsName(ReadOnlySpan<byte> message, int offset, int wireLength, int labels)
    {
        _message = message;
        _offset = offset;
        _wireLength = wireLength;
        _labels = labels;
    }

    /// <summary>The label field of a name that follows a pointer (<paramref name="compressed"/>) or not.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Labels(int labelCount, bool compressed) => labelCount | (compressed ? Compressed : 0);

    /// <summary>The root name, <c>.</c> (one zero octet).</summary>
    public static DnsName Root => new(DnsWire.RootName, 0, 1, 0);

    /// <summary>The message the name was read from (for <c>default</c>, a lone root octet).</summary>
    public ReadOnlySpan<byte> Message => _message.IsEmpty ? DnsWire.RootName : _message;

    /// <summary>Where the name starts in <see cref="Message"/>.</summary>
    public int Offset => _offset;

    /// <summary>Length of the name in uncompressed wire form: every length octet, every label, and the root octet (1–255).</summary>
    public int WireLength
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _message.IsEmpty ? 1 : _wireLength;
    }

    /// <summary>Number of labels, not counting the empty root label (0 for the root, 2 for <c>example.com.</c>).</summary>
    public int LabelCount => _labels & 0xFF;

    /// <summary>Whether this is the root name.</summary>
    public bool IsRoot => (_labels & 0xFF) == 0;

    /// <summary>The labels from the leftmost, without length octets and without the root label.</summary>
    public LabelEnumerator GetEnumerator() => new(Message, _offset);
}
