using Codec.Runtime.Tests.Options;

namespace Codec.Runtime.Tests.Unions;

public enum PayloadKind : byte
{
    Word = 1,
    Blob = 2,
    Options = 3,
}

/// <summary>Case 1: a 16-bit word; case 2: raw octets; case 3: data-counted options; others raw.</summary>
[Union(Name = "Payload")]
[Case(1, "Word", typeof(OptionWord))]
[Case(2, "Blob", typeof(OptionBlob))]
[Case(3, "Options", typeof(DataCountedOptions))]
[DefaultCase("Raw")]
public readonly ref partial struct Payload
{
}

/// <summary>A kind, a length and the payload it chooses, then a trailer.</summary>
[Message]
public ref partial struct UnionCarrier
{
    [Field(0)] public PayloadKind Kind;
    [Field(1)] public byte Length;
    [Field(2), Length(nameof(Length)), Discriminator(nameof(Kind))] public Payload Body;
    [Field(3)] public byte Trailer;
}

/// <summary>A signed discriminator and a payload to the end.</summary>
[Message]
public ref partial struct UnionTail
{
    [Field(0)] public short Kind;
    [Field(1), Remaining, Discriminator(nameof(Kind))] public Payload Body;
}
