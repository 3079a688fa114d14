using Codec.Dns;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Codec.Runtime.Tests.Dns;

/// <summary>A message's worth of names, as label lists (octets, not text), drawn from a small pool so that suffixes repeat.</summary>
public sealed record NameSet(byte[][][] Names)
{
    public override string ToString() => string.Join(" ", Names.Select(DnsTestData.Show));
}

public static class DnsArbitraries
{
    private static readonly Gen<byte> Octet = Gen.Frequency(
        (6, Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_".Select(c => (byte)c).ToArray())),
        (1, Gen.Elements((byte)'.', (byte)'\\', (byte)' ', (byte)'@', (byte)'$', (byte)'"', (byte)'(', (byte)';', (byte)0, (byte)0xFF)),
        (1, Gen.Choose(0, 255).Select(b => (byte)b)));

    private static readonly Gen<byte[]> Label = Gen.Frequency(
        (8, Gen.Choose(1, 8)),
        (1, Gen.Choose(9, 63)),
        (1, Gen.Constant(63))).SelectMany(length => Octet.ArrayOf(length));

    /// <summary>Flips the case of ASCII letters at random: the compressor must match ignoring case.</summary>
    private static Gen<byte[]> Recased(byte[] label) =>
        Gen.ArrayOf(Gen.Elements(true, false), label.Length).Select(flips =>
            label.Select((b, i) => flips[i] && char.IsAsciiLetter((char)b) ? (byte)(b ^ 0x20) : b).ToArray());

    private static readonly Gen<NameSet> Sets =
        from pool in Gen.Choose(1, 6).SelectMany(n => Label.ArrayOf(n))
        from count in Gen.Choose(1, 10)
        from names in Gen.Choose(0, 6)
            .SelectMany(length => Gen.Choose(0, pool.Length - 1).ArrayOf(length))
            .SelectMany(picks => Gen.CollectToArray(picks.Select(p => Recased(pool[p]))))
            .Select(Fit)
            .ArrayOf(count)
        select new NameSet(names);

    public static Arbitrary<NameSet> NameSets() => Arb.From(Sets);

    /// <summary>Drops labels from the left until the name fits 255 octets.</summary>
    private static byte[][] Fit(byte[][] labels)
    {
        int skip = 0;
        while (1 + labels.Skip(skip).Sum(l => 1 + l.Length) > DnsName.MaxWireLength)
        {
            skip++;
        }

        return labels[skip..];
    }
}

public class DnsNamePropertyTests
{
    [Property(Arbitrary = [typeof(DnsArbitraries)], MaxTest = 500, Replay = "(1035,4343)")]
    public void Uncompressed_names_read_back_octet_for_octet(NameSet set)
    {
        var message = new List<byte>(new byte[12]);
        var offsets = new List<int>();
        foreach (byte[][] labels in set.Names)
        {
            offsets.Add(message.Count);
            message.AddRange(DnsTestData.Wire(labels.Cast<object>().ToArray()));
        }

        byte[] bytes = message.ToArray();
        for (int i = 0; i < set.Names.Length; i++)
        {
            Assert.True(DnsName.TryRead(bytes, offsets[i], out DnsName name, out int consumed));
            Assert.Equal(DnsTestData.Wire(set.Names[i].Cast<object>().ToArray()).Length, consumed);
            Assert.Equal(set.Names[i], DnsTestData.Labels(name));

            // Presentation form round trip: wire -> text -> wire is the identity.
            var parsed = new byte[DnsName.MaxWireLength];
            Assert.True(DnsName.TryParse(name.ToString(), parsed, out int written));
            Assert.Equal(bytes.AsSpan(offsets[i], consumed).ToArray(), parsed[..written]);
        }
    }

    [Property(Arbitrary = [typeof(DnsArbitraries)], MaxTest = 500, Replay = "(1036,4343)")]
    public void Compressed_names_read_back_equal_and_shorter_when_suffixes_repeat(NameSet set)
    {
        var message = new byte[12 + (set.Names.Length * DnsName.MaxWireLength)];
        var compressor = new DnsNameCompressor();
        int position = 12;
        var offsets = new List<int>();
        int uncompressed = 12;
        foreach (byte[][] labels in set.Names)
        {
            offsets.Add(position);
            byte[] wire = DnsTestData.Wire(labels.Cast<object>().ToArray());
            uncompressed += wire.Length;
            WriteResult result = compressor.TryWrite(wire, message, ref position);
            Assert.Equal(CodecStatus.Done, result.Status);
        }

        for (int i = 0; i < set.Names.Length; i++)
        {
            Assert.True(DnsName.TryRead(message.AsSpan(0, position), offsets[i], out DnsName name, out int consumed));
            Assert.Equal(i + 1 < offsets.Count ? offsets[i + 1] - offsets[i] : position - offsets[i], consumed);
            byte[] flat = DnsTestData.Wire(set.Names[i].Cast<object>().ToArray());
            Assert.True(name.Equals(flat), $"name {i}: {name.ToString()} vs {DnsTestData.Show(set.Names[i])}");
            Assert.Equal(set.Names[i].Length, name.LabelCount);
            Assert.Equal(flat.Length, name.WireLength);
        }

        // A name whose last label (ignoring case) ends an earlier name must have been shortened by a pointer.
        bool repeats = Enumerable.Range(1, set.Names.Length - 1).Any(j => set.Names[j].Length > 0
            && Enumerable.Range(0, j).Any(i => set.Names[i].Length > 0 && SameIgnoringCase(set.Names[i][^1], set.Names[j][^1])));
        Assert.True(position <= uncompressed);
        Assert.Equal(repeats, position < uncompressed);
    }

    private static bool SameIgnoringCase(byte[] a, byte[] b) =>
        a.Length == b.Length && a.Zip(b).All(p => p.First == p.Second || (char.IsAsciiLetter((char)p.First) && (p.First ^ 0x20) == p.Second));
}
