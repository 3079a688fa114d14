using System.Globalization;
using Codec.Protocols.IPv4;
using Codec.Protocols.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Codec.Protocols.Tests.IPv4;

/// <summary>The IPv4 options of the corpus captures, compared with tshark 4.0's <c>ip.opt.type</c>.</summary>
public class Ipv4OptionsCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Option_types_match_tshark()
    {
        int compared = 0;
        int withOptions = 0;
        foreach (string capture in CorpusPackets.Captures())
        {
            TsharkFields tshark = TsharkFields.Read(capture);
            foreach ((int number, byte[] ip) in CorpusPackets.Ipv4(capture))
            {
                if (tshark.Get(number, "ip.version").Length == 0)
                {
                    continue;
                }

                ReadResult result = Ipv4Packet.TryRead(ip, out Ipv4Packet packet, ReadOptions.SkipChecksums);
                if (!result.IsDone)
                {
                    output.WriteLine($"{capture} #{number}: {result}; tshark: {tshark.Get(number, "_ws.expert.message")}");
                    continue;
                }

                var types = new List<string>();
                foreach (OptionEntry option in packet.Options)
                {
                    types.Add(option.Kind.ToString(CultureInfo.InvariantCulture));
                }

                string expected = tshark.Get(number, "ip.opt.type");
                expected = CorpusPackets.WithoutTrailingEnds(expected);
                Assert.True(CorpusPackets.WithoutTrailingEnds(string.Join('|', types)) == expected, $"{capture} #{number}: {string.Join('|', types)} vs tshark {expected}");
                compared++;
                withOptions += types.Count > 0 ? 1 : 0;
            }
        }

        output.WriteLine($"{compared} datagrams compared, {withOptions} with options");
        Assert.True(compared > 100);
        Assert.True(withOptions > 0);
    }
}
