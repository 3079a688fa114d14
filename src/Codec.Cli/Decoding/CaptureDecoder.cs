using Codec.Protocols.Capture;
using Codec.Protocols.Frames;

namespace Codec.Cli.Decoding;

/// <summary>Decodes a capture file frame by frame, streaming: one frame's output is written before the next is read.</summary>
internal static class CaptureDecoder
{
    /// <summary>Exit code when the file cannot be read at all (missing, not a capture, header cut short).</summary>
    public const int Unreadable = 1;

    /// <summary>Exit code when the file breaks off after some frames (as tshark's "cut short in the middle of a packet").</summary>
    public const int CutShort = 2;

    public static int Decode(Stream input, string name, OutputFormat format, FrameDissectorOptions options, TextWriter output, TextWriter error, ProgressReporter? progress)
    {
        using var reader = new CaptureReader(input);
        long frames = 0;
        while (reader.TryReadPacket(out CapturePacket packet) == CaptureReadStatus.Packet)
        {
            frames++;
            FrameDissection frame = FrameDissector.Dissect(packet.Data, packet.LinkType, packet.OriginalLength, options);
            output.Write(FrameOutput.Format(frame, frames, format));
            progress?.Frame(frames, reader.Position);
        }

        output.Flush();
        progress?.Done(frames);
        if (reader.Error is { } failure)
        {
            error.WriteLine($"codecs decode: {name}: {failure}");
            return reader.IsHeaderRead ? CutShort : Unreadable;
        }

        return 0;
    }
}
