namespace Codec.Cli.Decoding;

/// <summary>
/// The capture built into the command so that a new user sees output at once: eight frames of a host getting an
/// address, resolving a name, pinging it and opening a TCP connection over IPv6 (Samples/make-sample.py builds it).
/// </summary>
internal static class SampleCapture
{
    public const string Name = "(embedded sample capture)";

    public static Stream Open() =>
        typeof(SampleCapture).Assembly.GetManifestResourceStream("sample.pcap")
        ?? throw new InvalidOperationException("the sample capture is missing from the assembly");
}
