using Codec.Dns;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Codec.Runtime.Tests.Dns;

/// <summary>Names for one message, and the compressor's capacity: small messages (scanned table) and large ones (hash index).</summary>
public sealed record CompressionCase(byte[][][] Names, int Capacity)
{
    public override string ToString() => $"capacity {Capacity}: " + string.Join(" ", Names.Select(DnsTestData.Show));
}

public static class CompressionArbitraries
{
    private static readonly Gen<byte[]> Label = Gen.Frequency(
        (6, Gen.Choose(1, 4)),
        (1, Gen.Choose(5, 20))).SelectMany(length => Gen.Elements("abcXYZ019-".Select(c => (byte)c).ToArray()).ArrayOf(length));

    private static Gen<CompressionCase> Cases(int minNames, int maxNames) =>
        from pool in Gen.Choose(2, 12).SelectMany(n => Label.ArrayOf(n))
        from count in Gen.Choose(minNames, maxNames)
        from names in Gen.Choose(0, 5)
            .SelectMany(length => Gen.Choose(0, pool.Length - 1).ArrayOf(length))
            .Select(picks => picks.Select(p => FlipCase(pool[p], p + picks.Length)).ToArray())
            .ArrayOf(count)
        from capacity in Gen.Elements(DnsNameCompressor.DefaultCapacity, 1, 5, DnsNameCompressor.ScannedSuffixes, DnsNameCompressor.ScannedSuffixes + 1, 40, 8192)
        select new CompressionCase(names, capacity);

    /// <summary>Some spellings differ in ASCII case: they must still match.</summary>
    private static byte[] FlipCase(byte[] label, int seed) =>
        seed % 3 == 0 ? label.Select(b => char.IsAsciiLetter((char)b) ? (byte)(b ^ 0x20) : b).ToArray() : label;

    /// <summary>Up to 12 names: the table stays within the scanned suffixes or just past them.</summary>
    public static Arbitrary<CompressionCase> Small() => Arb.From(Cases(1, 12));

    /// <summary>Up to 600 names: the hash index, and names past offset 0x4000 that cannot be pointed to.</summary>
    public static Arbitrary<CompressionCase> Large() => Arb.From(Cases(20, 600));
}

/// <summary>
/// The compressor against a reference (RFC 1035 §4.1.4 done the plain way: every suffix written in full so far, looked
/// up one by one): the same length for every name, names that read back equal, and pointers that only point backwards
/// to where that very suffix starts.
/// </summary>
public class DnsNameCompressorPropertyTests
{
    [Property(Arbitrary = [typeof(SmallCases)], MaxTest = 400, Replay = "(1035,3597)")]
    public void Small_messages_compress_as_the_reference_does(CompressionCase c) => Check(c);

    [Property(Arbitrary = [typeof(LargeCases)], MaxTest = 60, Replay = "(4343,6891)")]
    public void Large_messages_compress_as_the_reference_does(CompressionCase c) => Check(c);

    public static class SmallCases
    {
        public static Arbitrary<CompressionCase> Cases() => CompressionArbitraries.Small();
    }

    public static class LargeCases
    {
        public static Arbitrary<CompressionCase> Cases() => CompressionArbitraries.Large();
    }

    private static void Check(CompressionCase c)
    {
        var message = new byte[12 + (c.Names.Length * DnsName.MaxWireLength)];
        var compressor = new DnsNameCompressor(c.Capacity);
        var reference = new Reference(c.Capacity);
        int position = 12;
        var offsets = new List<int>();
        for (int i = 0; i < c.Names.Length; i++)
        {
            byte[] wire = DnsTestData.Wire(c.Names[i].Cast<object>().ToArray());
            offsets.Add(position);
            int expected = reference.Write(c.Names[i], position);

            // Both entry points: the wire form (checked) and a DnsName read from it; the bool form and the result form.
            WriteResult result = default;
            int written;
            if (i % 2 == 0)
            {
                result = compressor.TryWrite(wire, message, ref position);
                Assert.True(result.IsDone, result.ToString());
                written = result.BytesWritten;
            }
            else
            {
                Assert.True(DnsName.TryRead(wire, 0, out DnsName name, out _));
                Assert.True(compressor.TryWrite(name, message, ref position, out written));
            }

            Assert.Equal(expected, written);
            Assert.Equal(offsets[i] + written, position);
        }

        Assert.Equal(reference.Count, compressor.Count);
        ReadOnlySpan<byte> built = message.AsSpan(0, position);
        for (int i = 0; i < c.Names.Length; i++)
        {
            Assert.True(DnsName.TryRead(built, offsets[i], out DnsName name, out int consumed), $"name {i}");
            Assert.Equal(i + 1 < offsets.Count ? offsets[i + 1] - offsets[i] : position - offsets[i], consumed);
            Assert.True(name.Equals(DnsTestData.Wire(c.Names[i].Cast<object>().ToArray())), $"name {i}: {name.ToString()} vs {DnsTestData.Show(c.Names[i])}");
            PointersGoBackToTheSameSuffix(built, offsets[i], c.Names[i]);
        }
    }

    /// <summary>Walks the name at <paramref name="offset"/>: a pointer met after k labels points below itself, to where the name's suffix from label k starts.</summary>
    private static void PointersGoBackToTheSameSuffix(ReadOnlySpan<byte> message, int offset, byte[][] labels)
    {
        int at = offset;
        int label = 0;
        while (message[at] != 0)
        {
            if (message[at] >= 0xC0)
            {
                int target = ((message[at] & 0x3F) << 8) | message[at + 1];
                Assert.True(target < offset, $"pointer at {at} to {target}");
                Assert.True(DnsName.TryRead(message, target, out DnsName suffix, out _));
                Assert.True(suffix.Equals(DnsTestData.Wire(labels[label..].Cast<object>().ToArray())), $"pointer at {at} to {target}: {suffix.ToString()}");
                return;
            }

            at += 1 + message[at];
            label++;
        }

        Assert.Equal(labels.Length, label);
    }

    /// <summary>The plain compressor: the suffixes of names written out in full, looked up by value (ASCII case ignored), first spelling kept.</summary>
    private sealed class Reference(int capacity)
    {
        private readonly HashSet<string> _suffixes = [];

        public int Count => _suffixes.Count;

        public int Write(byte[][] labels, int position)
        {
            int literal = 0;
            int k = 0;
            for (; k < labels.Length; k++)
            {
                if (_suffixes.Contains(Key(labels[k..])))
                {
                    break;
                }

                literal += 1 + labels[k].Length;
            }

            int at = 0;
            for (int j = 0; j < k; j++)
            {
                if (position + at < 0x4000 && _suffixes.Count < capacity)
                {
                    _suffixes.Add(Key(labels[j..]));
                }

                at += 1 + labels[j].Length;
            }

            return k < labels.Length ? literal + 2 : literal + 1;
        }

        private static string Key(byte[][] labels) =>
            string.Join("/", labels.Select(l => Convert.ToHexString(l.Select(b => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b).ToArray())));
    }
}
