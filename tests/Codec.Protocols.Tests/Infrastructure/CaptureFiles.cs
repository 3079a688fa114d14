using Codec.Protocols.Capture;

namespace Codec.Protocols.Tests.Infrastructure;

/// <summary>The corpus's capture files, and whole-file reads for tests (the reader itself streams).</summary>
internal static class CaptureFiles
{
    public static string PcapDirectory => Path.Combine(Corpus.Directory, "pcap");

    /// <summary>Every .pcap and .pcapng of the corpus, by file name.</summary>
    public static IEnumerable<string> Names() =>
        Directory.EnumerateFiles(PcapDirectory)
            .Where(f => f.EndsWith(".pcap", StringComparison.Ordinal) || f.EndsWith(".pcapng", StringComparison.Ordinal))
            .Select(f => Path.GetFileName(f)!)
            .Order(StringComparer.Ordinal);

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (string name in Names())
        {
            data.Add(name);
        }

        return data;
    }

    public static string PathOf(string name) => Path.Combine(PcapDirectory, name);

    /// <summary>Every packet of a file, copied out, with the reader's final status.</summary>
    public static (List<CapturedFrame> Frames, CaptureReadStatus Status, CaptureError? Error) ReadAll(Stream stream)
    {
        using var reader = new CaptureReader(stream);
        var frames = new List<CapturedFrame>();
        CaptureReadStatus status;
        while ((status = reader.TryReadPacket(out CapturePacket packet)) == CaptureReadStatus.Packet)
        {
            frames.Add(new CapturedFrame(packet.Data.ToArray(), packet.OriginalLength, packet.LinkType, packet.InterfaceId, packet.Timestamp, packet.TimestampUnitsPerSecond));
        }

        return (frames, status, reader.Error);
    }

    public static (List<CapturedFrame> Frames, CaptureReadStatus Status, CaptureError? Error) ReadAll(string name) =>
        ReadAll(File.OpenRead(PathOf(name)));
}

/// <summary>A packet copied out of a reader.</summary>
internal sealed record CapturedFrame(byte[] Data, int OriginalLength, LinkLayerType LinkType, int InterfaceId, ulong Timestamp, ulong UnitsPerSecond);
