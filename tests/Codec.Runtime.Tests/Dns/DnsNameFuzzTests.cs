using Codec.Dns;
using Xunit.Abstractions;

namespace Codec.Runtime.Tests.Dns;

/// <summary>
/// Seeded random damage to valid messages: the reader never throws, never looks past the span it is given, and agrees
/// with <see cref="ReferenceDnsName"/> on every verdict and every label.
/// </summary>
public class DnsNameFuzzTests(ITestOutputHelper output)
{
    private const int Mutations = 120_000;

    [Fact]
    public void Mutated_messages_agree_with_the_reference()
    {
        var random = new Random(1035);
        byte[][] seeds = [DnsTestData.Rfc1035Example(), DnsCompressionSamples.Build(out _), .. DnsNameFuzz.PointerHeavySeeds()];
        var verdicts = new Dictionary<ReferenceOutcome, int>();
        for (int i = 0; i < Mutations; i++)
        {
            byte[] message = DnsNameFuzz.Mutate(random, seeds[random.Next(seeds.Length)]);
            foreach (int offset in DnsNameFuzz.Offsets(random, message))
            {
                ReferenceOutcome outcome = DnsNameFuzz.CheckAgainstReference(message, offset);
                verdicts[outcome] = verdicts.GetValueOrDefault(outcome) + 1;
            }
        }

        output.WriteLine(string.Join(", ", verdicts.OrderBy(v => v.Key).Select(v => $"{v.Key}: {v.Value}")));

        // The mutations reach every verdict often enough to mean something.
        foreach (ReferenceOutcome outcome in Enum.GetValues<ReferenceOutcome>())
        {
            Assert.True(verdicts.GetValueOrDefault(outcome) > 500, $"{outcome}: {verdicts.GetValueOrDefault(outcome)}");
        }
    }

    [Fact]
    public void Random_bytes_at_random_offsets_agree_with_the_reference()
    {
        var random = new Random(4343);
        for (int i = 0; i < 100_000; i++)
        {
            byte[] message = new byte[random.Next(0, 300)];
            random.NextBytes(message);

            // Bias towards pointers and short labels, the interesting octets.
            for (int j = 0; j < message.Length; j++)
            {
                int roll = random.Next(8);
                if (roll == 0)
                {
                    message[j] = (byte)(0xC0 | random.Next(0, 2));
                }
                else if (roll < 3)
                {
                    message[j] = (byte)random.Next(0, 8);
                }
            }

            DnsNameFuzz.CheckAgainstReference(message, random.Next(0, message.Length + 1));
        }
    }
}

internal static class DnsNameFuzz
{
    /// <summary>Names that pointer into one another several levels deep.</summary>
    public static IEnumerable<byte[]> PointerHeavySeeds()
    {
        var message = new byte[600];
        var compressor = new DnsNameCompressor();
        int position = 12;
        var random = new Random(7);
        string[] labels = ["a", "bb", "CCC", "example", "com", "x", "mail", "ns1", "\\000", "\\255", "\\."];
        for (int n = 0; n < 40; n++)
        {
            int count = random.Next(0, 6);
            string text = count == 0 ? "." : string.Join(".", Enumerable.Range(0, count).Select(_ => labels[random.Next(labels.Length)])) + ".";
            if (!compressor.TryWrite(DnsCompressionSamples.Parse(text), message, ref position).IsDone)
            {
                break;
            }
        }

        yield return message[..position];
        yield return DnsTestData.WithHeader([.. DnsTestData.NameOfLength(128), .. DnsTestData.NameOfLength(128)[..^1], 0xC0, 12]);

        // Names of one 63-octet label and a pointer to the previous one: the fourth and later are over 255 octets.
        var chain = new List<byte>(new byte[12]);
        int previous = -1;
        for (int n = 0; n < 8; n++)
        {
            int start = chain.Count;
            chain.Add(63);
            chain.AddRange(Enumerable.Repeat((byte)('a' + n), 63));
            chain.AddRange(previous < 0 ? [0] : [(byte)(0xC0 | (previous >> 8)), (byte)previous]);
            previous = start;
        }

        yield return chain.ToArray();
    }

    public static byte[] Mutate(Random random, byte[] seed)
    {
        var bytes = new List<byte>(seed);
        int edits = random.Next(1, 5);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:   // a pointer to somewhere in the message
                    int target = random.Next(bytes.Count + 4);
                    bytes[at] = (byte)(0xC0 | (target >> 8));
                    if (at + 1 < bytes.Count)
                    {
                        bytes[at + 1] = (byte)target;
                    }

                    break;
                case 2:   // a length octet around the limits
                    bytes[at] = (byte)random.Next(0, 70);
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 5:
                    bytes.RemoveAt(at);
                    break;
                default:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
            }
        }

        return bytes.ToArray();
    }

    public static IEnumerable<int> Offsets(Random random, byte[] message)
    {
        if (message.Length > 12)
        {
            yield return 12;
        }

        yield return random.Next(0, message.Length + 1);

        // Somewhere a name could start: the first length octet or pointer from a random point on.
        int at = random.Next(0, message.Length + 1);
        while (at < message.Length && message[at] is >= 0x40 and < 0xC0)
        {
            at++;
        }

        yield return at;
    }

    /// <summary>
    /// Reads at <paramref name="offset"/> from a span of exactly the message that sits in a larger buffer whose tail is
    /// zeros (root octets) and pointers: a reader that looked past its span would see names complete, and disagree with
    /// the reference, which only ever gets the exact array.
    /// </summary>
    public static ReferenceOutcome CheckAgainstReference(byte[] message, int offset)
    {
        var buffer = new byte[message.Length + 8];
        message.CopyTo(buffer, 0);
        buffer[^2] = 0xC0;
        ReadOnlySpan<byte> span = buffer.AsSpan(0, message.Length);

        ReferenceDnsName.Result expected = ReferenceDnsName.Read(message, offset);
        ReadResult result = DnsName.TryRead(span, offset, out DnsName name);

        if (!ReferenceDnsName.Agrees(expected.Outcome, result))
        {
            Assert.Fail($"offset {offset} of {Convert.ToHexString(message)}: reference {expected.Outcome}, reader {result}");
        }

        // The fast walk (bool) gives the same verdict, length and name as the detailed one.
        bool fast = DnsName.TryRead(span, offset, out DnsName fastName, out int fastConsumed);
        if (fast != result.IsDone || fastConsumed != result.BytesConsumed || fastName.WireLength != name.WireLength
            || fastName.LabelCount != name.LabelCount || fastName.Offset != name.Offset)
        {
            Assert.Fail($"offset {offset} of {Convert.ToHexString(message)}: detailed {result}, fast {fast} ({fastConsumed} octets)");
        }

        // The walk that generated unions inline (a case that is one name) gives the same verdict, length and memo.
        bool walked = DnsName.TryWalk(span, offset, out int walkConsumed, out int walkMemo);
        if (walked != fast || walkConsumed != fastConsumed || walkMemo != (fast ? fastName.Memo : 0))
        {
            Assert.Fail($"offset {offset} of {Convert.ToHexString(message)}: fast {fast} ({fastConsumed} octets), walk {walked} ({walkConsumed} octets, memo {walkMemo:X})");
        }

        if (expected.Outcome != ReferenceOutcome.Ok)
        {
            Assert.True(name.IsRoot);
            return expected.Outcome;
        }

        Assert.Equal(expected.Consumed, result.BytesConsumed);
        List<byte[]> labels = DnsTestData.Labels(name);
        if (labels.Count != expected.Labels.Count || !labels.Zip(expected.Labels).All(p => p.First.AsSpan().SequenceEqual(p.Second)))
        {
            Assert.Fail($"offset {offset} of {Convert.ToHexString(message)}: reference {DnsTestData.Show(expected.Labels)}, reader {DnsTestData.Show(labels)}");
        }

        Assert.Equal(1 + expected.Labels.Sum(l => 1 + l.Length), name.WireLength);
        Assert.Equal(expected.Labels.Count, name.LabelCount);

        // Whatever came out prints, parses back to the same octets, and equals itself flattened.
        Span<byte> flat = stackalloc byte[DnsName.MaxWireLength];
        int length = name.CopyUncompressedTo(flat);
        Span<byte> parsed = stackalloc byte[DnsName.MaxWireLength];
        string text = name.ToString();
        Assert.True(DnsName.TryParse(text, parsed, out int written), text);
        Assert.True(parsed[..written].SequenceEqual(flat[..length]), text);
        Assert.True(name.Equals(flat[..length]));
        Assert.True(name.EqualsPresentation(text));
        return expected.Outcome;
    }
}
