namespace Codec.Runtime.Tests.Options;

/// <summary>A 16-bit value, the data of a typed option.</summary>
[Message]
public partial struct OptionWord
{
    [Field(0)] public ushort Value;
}

/// <summary>Raw octets to the end, the data of a variable typed option.</summary>
[Message]
public ref partial struct OptionBlob
{
    [Field(0), Remaining] public ReadOnlySpan<byte> Data;
}

/// <summary>TCP-like: length counts the header; 0 ends the list, 1 is a lone octet.</summary>
[OptionList(Name = "Header-counted options", LengthIncludesHeader = true)]
[Option(0, "End", SingleByte = true, EndsList = true)]
[Option(1, "Nop", SingleByte = true)]
[Option(2, "Word", Type = typeof(OptionWord))]
[Option(4, "Flag")]
[Option(9, "Blob", Type = typeof(OptionBlob))]
[Option(10, "Nested", Type = typeof(DataCountedOptions))]
public readonly ref partial struct HeaderCountedOptions
{
}

/// <summary>DHCP-like: length counts the data only; 0 is padding, 255 ends the list.</summary>
[OptionList(Name = "Data-counted options")]
[Option(0, "Pad", SingleByte = true)]
[Option(1, "Word", Type = typeof(OptionWord))]
[Option(255, "End", SingleByte = true, EndsList = true)]
public readonly ref partial struct DataCountedOptions
{
}

/// <summary>EDNS-like: 16-bit codes and lengths, no single-octet kinds, no end.</summary>
[OptionList(KindSize = 2, LengthSize = 2)]
[Option(10, "Cookie")]
public readonly ref partial struct WideOptions
{
}

/// <summary>A message carrying header-counted options sized in 32-bit words, then a payload.</summary>
[Message]
public ref partial struct OptionCarrier
{
    [Field(0)] public byte Words;
    [Field(1)] public byte Tag;
    [Field(2), Length(nameof(Words), Scale = 4)] public HeaderCountedOptions Options;
    [Field(3), Remaining] public ReadOnlySpan<byte> Payload;
}

/// <summary>A message whose options take the rest.</summary>
[Message]
public ref partial struct OptionTail
{
    [Field(0)] public ushort Id;
    [Field(1), Remaining] public DataCountedOptions Options;
}
