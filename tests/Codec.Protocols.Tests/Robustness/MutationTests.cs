using System.Globalization;
using Codec.Protocols.Dns;
using Codec.Protocols.Frames;
using Codec.Protocols.IPv4;
using Codec.Protocols.Tcp;
using Codec.Protocols.Udp;
using Xunit.Abstractions;

namespace Codec.Protocols.Tests.Robustness;

/// <summary>
/// Seeded mutation test over the real corpus (issue 3): damaged IP packets and DNS messages go through every reader,
/// dissector and renderer we have. None may throw; every failure is a status whose offset lies inside the input;
/// a dissection reports the same result as the reader; a DNS message that reads is written and reads back.
/// CI runs <see cref="DefaultCount"/> inputs per corpus with a fixed seed; by hand, set CODECS_MUTATIONS (count) and
/// CODECS_MUTATION_SEED (seed) for longer or other runs. A failure prints the seed, iteration and input hex to replay.
/// </summary>
public class MutationTests(ITestOutputHelper output)
{
    private const int DefaultCount = 100_000;
    private const int DefaultSeed = 20261127;

    private static int Count => int.TryParse(Environment.GetEnvironmentVariable("CODECS_MUTATIONS"), CultureInfo.InvariantCulture, out int n) ? n : DefaultCount;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("CODECS_MUTATION_SEED"), CultureInfo.InvariantCulture, out int s) ? s : DefaultSeed;

    [Fact]
    public void Mutated_IP_packets_never_throw_and_fail_with_a_status_inside_the_input()
    {
        List<byte[]> seeds = MutationInputs.IPPackets();
        Assert.True(seeds.Count > 500, $"only {seeds.Count} IPv4 packets in the corpus");
        Run(seeds, ProbeIPPacket, "IPv4 packets");
    }

    [Fact]
    public void Mutated_DNS_messages_never_throw_and_fail_with_a_status_inside_the_input()
    {
        List<byte[]> seeds = MutationInputs.DnsMessages();
        Assert.True(seeds.Count > 200, $"only {seeds.Count} DNS messages in the corpus");
        Run(seeds, ProbeDnsMessage, "DNS messages");
    }

    [Fact]
    public void The_probe_catches_a_result_outside_the_input()
    {
        // A check that cannot fail is no check: an error offset past the end must be reported.
        var bad = ReadResult.Invalid(new CodecError(CodecErrorKind.LengthOutOfRange, "X", 8 * 100));
        Assert.Throws<MutationFailure>(() => Check(bad, 10, "X"));
    }

    private void Run(List<byte[]> seeds, Action<byte[]> probe, string what)
    {
        int count = Count, seed = Seed;
        var random = new Random(seed);
        var failures = new List<string>();
        int done = 0;
        for (int i = 0; i < count; i++)
        {
            byte[] input = Mutator.Mutate(random, seeds[random.Next(seeds.Count)]);
            try
            {
                probe(input);
            }
            catch (Exception e)
            {
                if (failures.Count < 10)
                {
                    failures.Add($"seed {seed} iteration {i}: {e.GetType().Name}: {e.Message}\n  input {Convert.ToHexString(input)}");
                }
            }

            done++;
        }

        output.WriteLine($"{done} mutated {what} from {seeds.Count} corpus inputs, seed {seed}: {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(count, done);
    }

    private static void ProbeIPPacket(byte[] input)
    {
        Check(Ipv4Header.TryRead(input, out _), input.Length, "Ipv4Header");
        ReadResult packetResult = Ipv4Packet.TryRead(input, out Ipv4Packet packet);
        Check(packetResult, input.Length, "Ipv4Packet");
        FastAgrees(packetResult, Ipv4Packet.TryRead(input, out _, out int packetBytes), packetBytes, "Ipv4Packet");
        Same(packetResult, Ipv4Packet.Dissect(input), "Ipv4Packet");
        var packetOptions = new OptionRecorder();
        bool packetVisited = Ipv4Packet.TryRead(input, ref packetOptions, out _, out int packetVisitedBytes);
        VisitAgrees(packetResult, packetVisited, packetVisitedBytes, packetOptions, packetResult.IsDone ? Describe(packet.Options) : null, "Ipv4Packet");
        // Most mutations break the header checksum; reading on without it takes them into the payloads.
        ReadResult unchecked_ = Ipv4Packet.TryRead(input, out packet, ReadOptions.SkipChecksums);
        Check(unchecked_, input.Length, "Ipv4Packet (checksums skipped)");
        if (unchecked_.IsDone)
        {
            byte[] payload = packet.Payload.ToArray();
            Check(TcpHeader.TryRead(payload, out _), payload.Length, "TcpHeader");
            Same(TcpHeader.TryRead(payload, out _), TcpHeader.Dissect(payload), "TcpHeader");
            ReadResult tcp = TcpSegment.TryRead(payload, out TcpSegment segment);
            Check(tcp, payload.Length, "TcpSegment");
            FastAgrees(tcp, TcpSegment.TryRead(payload, out _, out int tcpBytes), tcpBytes, "TcpSegment");
            Same(tcp, TcpSegment.Dissect(payload), "TcpSegment");
            var tcpOptions = new OptionRecorder();
            bool tcpVisited = TcpSegment.TryRead(payload, ref tcpOptions, out _, out int tcpVisitedBytes);
            VisitAgrees(tcp, tcpVisited, tcpVisitedBytes, tcpOptions, tcp.IsDone ? Describe(segment.Options) : null, "TcpSegment");
            ReadResult udp = UdpDatagram.TryRead(payload, out UdpDatagram datagram);
            Check(udp, payload.Length, "UdpDatagram");
            FastAgrees(udp, UdpDatagram.TryRead(payload, out _, out int udpBytes), udpBytes, "UdpDatagram");
            if (udp.IsDone)
            {
                ProbeDnsMessage(datagram.Data.ToArray());
            }
        }

        FrameDissection frame = FrameDissector.Dissect(input, LinkType.IPv4);
        foreach (FrameLayer layer in frame.Layers)
        {
            Check(layer.Dissection.Result, input.Length - layer.Offset, layer.Protocol);
            _ = DissectionText.ToText(layer.Dissection);
            _ = DissectionJson.ToJson(layer.Dissection);
        }
    }

    private static void ProbeDnsMessage(byte[] input)
    {
        ReadResult result = DnsMessage.TryRead(input, out DnsMessage dns);
        Check(result, input.Length, "DnsMessage");
        FastAgrees(result, DnsMessage.TryRead(input, out _, out int consumed), consumed, "DnsMessage");
        var counter = new SectionCounter();
        ReadResult visited = DnsMessage.TryRead(input, ref counter, out _);
        if (visited != result || (result.IsDone && counter.Elements != dns.QdCount + dns.AnCount + dns.NsCount + dns.ArCount))
        {
            throw new MutationFailure($"DnsMessage: the visiting read says {visited} after {counter.Elements} elements, the plain one {result}");
        }
        MessageDissection dissection = DnsMessage.Dissect(input);
        Same(result, dissection, "DnsMessage");
        _ = DissectionText.ToText(dissection);
        _ = DissectionJson.ToJson(dissection);
        if (!result.IsDone)
        {
            return;
        }

        string before = Walk(dns);
        byte[] written = new byte[dns.GetSerializedSize()];
        WriteResult write = dns.TryWrite(written);
        if (!write.IsDone)
        {
            throw new MutationFailure($"DnsMessage: read but not written back: {write}");
        }

        // The sections end where the counts say, but a compression pointer may lead into bytes after them (the rest
        // of the datagram, as dnspython also allows): those bytes are context the written message needs to read the same.
        byte[] withTrailer = [.. written, .. input.AsSpan(result.BytesConsumed)];
        ReadResult again = DnsMessage.TryRead(withTrailer, out DnsMessage reread);
        if (!again.IsDone || Walk(reread) != before)
        {
            throw new MutationFailure($"DnsMessage: written form reads back differently: {again}");
        }
    }

    /// <summary>The fast read (bool, no error built) must give the detailed read's verdict and length.</summary>
    private static void FastAgrees(ReadResult detailed, bool fast, int consumed, string what)
    {
        if (fast != detailed.IsDone || consumed != detailed.BytesConsumed)
        {
            throw new MutationFailure($"{what}: the fast read says {fast} ({consumed} bytes), the detailed one {detailed}");
        }
    }

    private struct SectionCounter : DnsMessage.IElementVisitor
    {
        public int Elements;

        public readonly void VisitHeader(scoped DnsMessage message)
        {
        }

        public void VisitQuestions(DnsQuestion element) => Elements++;

        public void VisitAnswers(DnsResourceRecord element) => Elements++;

        public void VisitAuthorities(DnsResourceRecord element) => Elements++;

        public void VisitAdditionals(DnsResourceRecord element) => Elements++;
    }

    /// <summary>
    /// The visiting read (each option handed over as it is validated, one walk) must give the plain read's verdict and
    /// length, show the header once before any option, and on success hand over exactly the options the plain read's
    /// list enumerates (<paramref name="enumerated"/>).
    /// </summary>
    private static void VisitAgrees(ReadResult plain, bool visited, int consumed, OptionRecorder recorder, string? enumerated, string what)
    {
        if (visited != plain.IsDone || consumed != plain.BytesConsumed)
        {
            throw new MutationFailure($"{what}: the visiting read says {visited} ({consumed} bytes), the plain one {plain}");
        }

        if (visited && (recorder.Headers != 1 || recorder.OptionsBeforeHeader || (recorder.Text?.ToString() ?? string.Empty) != enumerated))
        {
            throw new MutationFailure($"{what}: the visitor saw {recorder.Headers} headers and options [{recorder.Text}], the list enumerates [{enumerated}]");
        }
    }

    private static string Describe(TcpOptions options)
    {
        var recorder = new OptionRecorder();
        foreach (OptionEntry option in options)
        {
            recorder.VisitOptions(option);
        }

        return recorder.Text?.ToString() ?? string.Empty;
    }

    private static string Describe(Ipv4Options options)
    {
        var recorder = new OptionRecorder();
        foreach (OptionEntry option in options)
        {
            recorder.VisitOptions(option);
        }

        return recorder.Text?.ToString() ?? string.Empty;
    }

    /// <summary>Records what a visiting read hands over: each option's kind, place, length, end flag and value.</summary>
    private struct OptionRecorder : TcpSegment.IElementVisitor, Ipv4Packet.IElementVisitor
    {
        public System.Text.StringBuilder? Text;
        public int Headers;
        public bool OptionsBeforeHeader;

        public void VisitHeader(in TcpSegment message)
        {
            Headers++;
            if (!message.Options.IsEmpty || !message.Payload.IsEmpty)
            {
                throw new MutationFailure("TcpSegment: the visitor's header has members that are not read yet");
            }
        }

        public void VisitHeader(in Ipv4Packet message)
        {
            Headers++;
            if (!message.Options.IsEmpty || !message.Payload.IsEmpty)
            {
                throw new MutationFailure("Ipv4Packet: the visitor's header has members that are not read yet");
            }
        }

        public void VisitOptions(OptionEntry element)
        {
            OptionsBeforeHeader |= Headers == 0;
            Text ??= new System.Text.StringBuilder();
            Text.Append(CultureInfo.InvariantCulture, $"{element.Kind}@{element.Offset}+{element.Length}{(element.EndsList ? "E" : string.Empty)}:{Convert.ToHexString(element.Value)};");
        }
    }

    /// <summary>Every name and record of the message, so lazily read parts are read too.</summary>
    private static string Walk(scoped in DnsMessage dns)
    {
        var text = new System.Text.StringBuilder();
        foreach (DnsQuestion question in dns.Questions)
        {
            text.Append(question.Name.ToString()).Append(question.Type).Append(';');
        }

        WalkRecords(text, dns.Answers);
        WalkRecords(text, dns.Authorities);
        WalkRecords(text, dns.Additionals);
        return text.ToString();
    }

    private static void WalkRecords(System.Text.StringBuilder text, MessageList<DnsResourceRecord> records)
    {
        foreach (DnsResourceRecord record in records)
        {
            text.Append(record.Name.ToString()).Append(record.Type).Append(record.Ttl).Append(Convert.ToHexString(record.RData)).Append(';');
        }
    }

    private static void Check(ReadResult result, int length, string what)
    {
        switch (result.Status)
        {
            case CodecStatus.Done when result.BytesConsumed <= 0 || result.BytesConsumed > length:
                throw new MutationFailure($"{what}: Done with {result.BytesConsumed} bytes of {length}");
            case CodecStatus.Done:
                return;
            case CodecStatus.NeedMoreData or CodecStatus.InvalidData:
                if (result.Error.Kind == CodecErrorKind.None || result.Error.ByteOffset < 0 || result.Error.ByteOffset > length)
                {
                    throw new MutationFailure($"{what}: {result} for an input of {length} bytes");
                }

                return;
            default:
                throw new MutationFailure($"{what}: unknown status {result.Status}");
        }
    }

    private static void Same(ReadResult read, MessageDissection dissection, string what)
    {
        if (read != dissection.Result)
        {
            throw new MutationFailure($"{what}: the reader says {read}, the dissection {dissection.Result}");
        }
    }

    private sealed class MutationFailure(string message) : Exception(message);
}
