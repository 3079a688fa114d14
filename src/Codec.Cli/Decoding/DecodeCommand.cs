using System.CommandLine;
using Codec.Protocols.Frames;

namespace Codec.Cli.Decoding;

/// <summary><c>codecs decode</c>: takes frames apart and prints every layer, field by field.</summary>
internal static class DecodeCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo?>("FILE") { Description = "A pcap or pcapng file (the link type is taken from the file). Without FILE and --hex: an embedded sample capture.", Arity = ArgumentArity.ZeroOrOne };
        var hex = new Option<string?>("--hex") { Description = "One frame as hex (spaces and colons allowed)." };
        var link = new Option<LinkOption>("--link") { Description = "What the --hex frame starts with.", DefaultValueFactory = _ => LinkOption.Ethernet };
        var format = new Option<OutputFormat>("--format") { Description = "text: a tree like tshark -V; json: one JSON object per frame (JSON Lines).", DefaultValueFactory = _ => OutputFormat.Text };
        var dnsPorts = new Option<ushort[]>("--dns-port") { Description = "Also take this UDP/TCP port for DNS (besides 53 and 5353); repeatable.", AllowMultipleArgumentsPerToken = false };
        var dhcpPorts = new Option<ushort[]>("--dhcp-port") { Description = "Also take this UDP port for DHCP (besides 67 and 68); repeatable.", AllowMultipleArgumentsPerToken = false };
        var progress = new Option<bool>("--progress") { Description = "Report frames/s on stderr (the default when stderr is a terminal)." };

        var command = new Command("decode", "Decode a pcap/pcapng file, or one frame given as hex; with no input, an embedded sample capture.")
        {
            file,
            hex,
            link,
            format,
            dnsPorts,
            dhcpPorts,
            progress,
        };

        command.SetAction(parse =>
        {
            OutputFormat outputFormat = parse.GetValue(format);
            var options = FrameDissectorOptions.WithPorts(parse.GetValue(dnsPorts) ?? [], parse.GetValue(dhcpPorts) ?? []);
            string? text = parse.GetValue(hex);
            FileInfo? path = parse.GetValue(file);
            if (text is not null && path is not null)
            {
                Console.Error.WriteLine("codecs decode: give either FILE or --hex, not both");
                return 2;
            }

            if (text is not null)
            {
                if (!HexInput.TryParse(text, out byte[] frame, out string? error))
                {
                    Console.Error.WriteLine("codecs decode: " + error);
                    return 2;
                }

                FrameDissection dissection = FrameDissector.Dissect(frame, (LinkType)parse.GetValue(link), options);
                Console.Out.Write(FrameOutput.Format(dissection, 1, outputFormat));
                return 0;
            }

            using var output = new StreamWriter(Console.OpenStandardOutput(), bufferSize: 1 << 16) { AutoFlush = false };
            ProgressReporter? reporter = parse.GetValue(progress) || !Console.IsErrorRedirected ? new ProgressReporter(Console.Error) : null;
            if (path is null)
            {
                if (outputFormat == OutputFormat.Text)
                {
                    output.WriteLine("# No input given: decoding the embedded sample capture (DHCP, DNS, ICMP, ICMPv6 and TCP over IPv6).");
                    output.WriteLine("# Decode your own with: codecs decode FILE.pcap [--format json]   or   codecs decode --hex HEX --link ipv4");
                    output.WriteLine();
                }

                return CaptureDecoder.Decode(SampleCapture.Open(), SampleCapture.Name, outputFormat, options, output, Console.Error, null);
            }

            Stream input;
            try
            {
                input = new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"codecs decode: {path}: {Reason(e)}");
                return CaptureDecoder.Unreadable;
            }

            return CaptureDecoder.Decode(input, path.ToString(), outputFormat, options, output, Console.Error, reporter);
        });

        return command;
    }

    private static string Reason(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException => "permission denied",
        _ => e.Message,
    };
}
