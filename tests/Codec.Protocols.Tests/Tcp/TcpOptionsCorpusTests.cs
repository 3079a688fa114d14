using System.Globalization;
using Codec.Protocols.IPv4;
using Codec.Protocols.Tcp;
using Codec.Protocols.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Codec.Protocols.Tests.Tcp;

/// <summary>
/// Every TCP segment of the corpus captures, read as a <see cref="TcpSegment"/>, compared with tshark 4.0's fields
/// (pcap/tshark-fields): the option kinds in order, MSS, window scale, SACK edges and timestamps.
/// </summary>
public class TcpOptionsCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Options_match_tshark_on_every_segment_it_decodes()
    {
        int compared = 0;
        int withOptions = 0;
        var rejected = new List<string>();
        foreach (string capture in CorpusPackets.Captures())
        {
            TsharkFields tshark = TsharkFields.Read(capture);
            foreach ((int number, byte[] ip) in CorpusPackets.Ipv4(capture))
            {
                if (!CorpusPackets.TryReadWhole(ip, out Ipv4Packet packet) || packet.Protocol != IPProtocol.Tcp || tshark.Get(number, "tcp.hdr_len").Length == 0)
                {
                    continue;
                }

                string where = $"{capture} #{number}";
                ReadResult result = TcpSegment.TryRead(packet.Payload, out TcpSegment segment);
                if (!result.IsDone)
                {
                    // Only where tshark also found the header or an option malformed.
                    string expert = tshark.Get(number, "_ws.expert.message");
                    Assert.True(tshark.IsMalformed(number) || expert.Contains("option", StringComparison.OrdinalIgnoreCase) || expert.Contains("header length", StringComparison.OrdinalIgnoreCase), $"{where}: {result}; tshark: {expert}");
                    rejected.Add($"{where}: {result}");
                    continue;
                }

                var kinds = new List<string>();
                var mss = new List<string>();
                var shift = new List<string>();
                var left = new List<string>();
                var right = new List<string>();
                var tsval = new List<string>();
                var tsecr = new List<string>();
                foreach (OptionEntry option in segment.Options)
                {
                    kinds.Add(Text(option.Kind));
                    switch (option.Kind)
                    {
                        case TcpOptions.MaximumSegmentSizeKind when TcpMaximumSegmentSize.TryRead(option.Value, out var m).IsDone:
                            mss.Add(Text(m.Value));
                            break;
                        case TcpOptions.WindowScaleKind when TcpWindowScale.TryRead(option.Value, out var w).IsDone:
                            shift.Add(Text(w.ShiftCount));
                            break;
                        case TcpOptions.SackKind when TcpSack.TryRead(option.Value, out var sack).IsDone:
                            foreach (TcpSackBlock block in sack.Blocks)
                            {
                                left.Add(Text(block.LeftEdge));
                                right.Add(Text(block.RightEdge));
                            }

                            break;
                        case TcpOptions.TimestampsKind when TcpTimestamps.TryRead(option.Value, out var t).IsDone:
                            tsval.Add(Text(t.Value));
                            tsecr.Add(Text(t.EchoReply));
                            break;
                    }
                }

                // tshark shows every padding octet after End of Option List as another EOL; the list ends at the first.
                string expectedKinds = CorpusPackets.WithoutTrailingEnds(tshark.Get(number, "tcp.option_kind"));
                Assert.True(CorpusPackets.WithoutTrailingEnds(string.Join('|', kinds)) == expectedKinds, $"{where}: kinds {string.Join('|', kinds)} vs tshark {tshark.Get(number, "tcp.option_kind")}");
                Assert.Equal(kinds.Count(k => k == "0") > 0, segment.Options.HasEndOfOptionList);
                Assert.True(string.Join('|', mss) == tshark.Get(number, "tcp.options.mss_val"), where);
                Assert.True(string.Join('|', shift) == tshark.Get(number, "tcp.options.wscale.shift"), where);
                Assert.True(string.Join('|', left) == tshark.Get(number, "tcp.options.sack_le"), where);
                Assert.True(string.Join('|', right) == tshark.Get(number, "tcp.options.sack_re"), where);
                Assert.True(string.Join('|', tsval) == tshark.Get(number, "tcp.options.timestamp.tsval"), where);
                Assert.True(string.Join('|', tsecr) == tshark.Get(number, "tcp.options.timestamp.tsecr"), where);
                Assert.Equal(int.Parse(tshark.Get(number, "tcp.hdr_len"), CultureInfo.InvariantCulture), segment.DataOffset * 4);
                compared++;
                withOptions += kinds.Count > 0 ? 1 : 0;
            }
        }

        output.WriteLine($"{compared} segments compared, {withOptions} with options; rejected: {rejected.Count}");
        foreach (string line in rejected)
        {
            output.WriteLine(line);
        }

        Assert.True(compared > 100, $"only {compared} segments compared");
        Assert.True(withOptions > 20, $"only {withOptions} segments with options");
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
