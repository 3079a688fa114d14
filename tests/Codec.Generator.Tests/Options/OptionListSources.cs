namespace Codec.Generator.Tests.Options;

/// <summary>Sources with option lists for the generator's tests.</summary>
internal static class OptionListSources
{
    /// <summary>TCP-like options (header-counted, EOL/NOP, a typed MSS, an untyped flag) inside a segment.</summary>
    public const string Segment = """
        using System;
        using Codec;

        namespace Sample.Options;

        [Message]
        public partial struct Mss
        {
            [Field(0)] public ushort Value;
        }

        [OptionList(Name = "Segment options", LengthIncludesHeader = true)]
        [Option(0, "End", SingleByte = true, EndsList = true)]
        [Option(1, "Nop", Name = "No-Operation", SingleByte = true)]
        [Option(2, "MaximumSegmentSize", Type = typeof(Mss))]
        [Option(4, "SackPermitted")]
        public readonly ref partial struct SegmentOptions
        {
        }

        [Message]
        public ref partial struct Segment
        {
            [Field(0)] public ushort Port;
            [Field(1, Bits = 4)] public byte Words;
            [Field(2, Bits = 4)] public byte Flags;
            [Field(3), Length(nameof(Words), Scale = 4, Offset = -3)] public SegmentOptions Options;
            [Field(4), Remaining] public ReadOnlySpan<byte> Payload;
        }
        """;

    /// <summary>A source with one option list named <c>Bad</c> with <paramref name="attributes"/> after [OptionList].</summary>
    public static string OptionList(string attributes, string listArguments = "", string declaration = "public readonly ref partial struct Bad") => $$"""
        using System;
        using Codec;

        namespace Tests;

        [Message]
        public partial struct Word
        {
            [Field(0)] public ushort Value;
        }

        public struct Plain
        {
            public int Value;
        }

        [OptionList({{listArguments}})]
        {{attributes}}
        {{declaration}}
        {
        }
        """;
}
