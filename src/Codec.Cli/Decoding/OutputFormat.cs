namespace Codec.Cli.Decoding;

/// <summary>How <c>codecs decode</c> prints frames.</summary>
internal enum OutputFormat
{
    /// <summary>An indented tree like <c>tshark -V</c>.</summary>
    Text,

    /// <summary>JSON Lines: one object per frame.</summary>
    Json,
}
