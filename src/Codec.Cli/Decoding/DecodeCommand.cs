using System.CommandLine;
using Codec.Protocols.Frames;

namespace Codec.Cli.Decoding;

/// <summary><c>codecs decode</c>: takes frames apart and prints every layer, field by field.</summary>
internal static class DecodeCommand
{
    public static Command Create()
    {
        var hex = new Option<string?>("--hex") { Description = "One frame as hex (spaces and colons allowed)." };
        var link = new Option<LinkType>("--link") { Description = "What the frame starts with.", DefaultValueFactory = _ => LinkType.Ethernet };
        var format = new Option<OutputFormat>("--format") { Description = "text: a tree like tshark -V; json: one JSON object per frame.", DefaultValueFactory = _ => OutputFormat.Text };

        var command = new Command("decode", "Decode a frame given as hex; with no input, decode an embedded sample frame.")
        {
            hex,
            link,
            format,
        };

        command.SetAction(parse =>
        {
            string? text = parse.GetValue(hex);
            LinkType linkType = parse.GetValue(link);
            byte[] frame;
            if (text is null)
            {
                frame = SampleFrames.DnsQuery;
                linkType = LinkType.Ethernet;
                if (parse.GetValue(format) == OutputFormat.Text)
                {
                    Console.Out.WriteLine("# No input given: decoding an embedded sample frame (a DNS query over UDP/IPv4/Ethernet).");
                }
            }
            else if (!HexInput.TryParse(text, out frame, out string? error))
            {
                Console.Error.WriteLine("codecs decode: " + error);
                return 2;
            }

            FrameDissection dissection = FrameDissector.Dissect(frame, linkType);
            Console.Out.Write(FrameOutput.Format(dissection, frameNumber: 1, parse.GetValue(format)));
            return 0;
        });

        return command;
    }
}
