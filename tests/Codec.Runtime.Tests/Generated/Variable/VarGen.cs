using FsCheck;
using FsCheck.Fluent;

namespace Codec.Runtime.Tests.Generated.Variable;

/// <summary>
/// Generators of test values and inputs for a <see cref="VarSpec"/>. Valid values are FsCheck generators (the
/// properties use them with fixed replay seeds; the seeded loops sample them with a fixed <see cref="Rnd"/>);
/// malformed inputs are derived from valid encodings with a seeded <see cref="Random"/>.
/// </summary>
internal static class VarGen
{
    private static readonly Gen<byte> AnyByte = Gen.Choose(0, 255).Select(b => (byte)b);

    public static Gen<byte[]> Bytes(int length) => Gen.ArrayOf(AnyByte, length);

    /// <summary>Random bits of a field's width, often an edge value (0, 1, all ones, the top bit, all but the top bit).</summary>
    public static Gen<ulong> Raw(int bits)
    {
        ulong mask = bits >= 64 ? ulong.MaxValue : (1UL << bits) - 1;
        Gen<ulong> random = Gen.Choose(0, int.MaxValue).SelectMany(hi => Gen.Choose(0, int.MaxValue).Select(lo => (((ulong)hi << 31) ^ (ulong)lo) & mask));
        Gen<ulong> edges = Gen.Elements(0UL, 1UL & mask, mask, 1UL << (bits - 1), mask >> 1);
        return Gen.Frequency((1, edges), (4, random));
    }

    /// <summary>
    /// Values whose length fields agree with their spans (and whose message length, if any, with the whole message),
    /// so that they read back as they are. Spans hold up to about <paramref name="maxSpan"/> bytes.
    /// </summary>
    public static Gen<VarValue> Valid(VarSpec spec, int maxSpan = 40)
    {
        Gen<VarValue> gen = Gen.Constant(new VarValue());
        foreach (VarItem field in spec.FixedFields.Where(f => !f.IsComputed))
        {
            gen = gen.SelectMany(v => Raw(field.Bits).Select(raw => v.With(field.Name, raw)));
        }

        foreach (VarItem span in spec.SpanItems.Where(s => s.Kind == VarKind.Length))
        {
            VarItem source = spec[span.Source!];

            // The source values whose length is not negative, capped so that spans stay short.
            long first = span.Offset >= 0 ? 0 : (-span.Offset + span.Scale - 1) / span.Scale;
            long last = Math.Min((long)source.Mask, Math.Max(first, (maxSpan - span.Offset) / span.Scale));
            Gen<int> sourceValue = Gen.Frequency((1, Gen.Constant((int)first)), (1, Gen.Constant((int)last)), (6, Gen.Choose((int)first, (int)last)));
            gen = gen.SelectMany(v => sourceValue.SelectMany(s => Bytes((int)((s * span.Scale) + span.Offset)).Select(bytes => v.With(source.Name, (ulong)s).WithSpan(span.Name, bytes))));
        }

        if (spec.SpanItems.LastOrDefault(s => s.Kind == VarKind.Remaining) is { } rest)
        {
            if (spec.MessageLength is { } lengthField)
            {
                gen = gen.SelectMany(v =>
                {
                    // The message length must cover the fixed part and the other spans; the rest is the payload.
                    long used = spec.MinimumSize + spec.SpanItems.Where(s => s.Kind != VarKind.Remaining).Sum(s => v.Spans[s.Name].Length);
                    long first = Math.Max(0, (used - lengthField.Offset + lengthField.Scale - 1) / lengthField.Scale);
                    long last = Math.Min((long)lengthField.Mask, first + Math.Max(1, maxSpan / lengthField.Scale));
                    Gen<int> units = Gen.Frequency((1, Gen.Constant((int)first)), (6, Gen.Choose((int)first, (int)last)));
                    return units.SelectMany(u => Bytes((int)((u * lengthField.Scale) + lengthField.Offset - used))
                        .Select(bytes => v.With(lengthField.Name, (ulong)u).WithSpan(rest.Name, bytes)));
                });
            }
            else
            {
                Gen<int> length = Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(0, maxSpan)));
                gen = gen.SelectMany(v => length.SelectMany(Bytes).Select(bytes => v.WithSpan(rest.Name, bytes)));
            }
        }

        return gen;
    }

    /// <summary><paramref name="count"/> valid values, the same ones on every run.</summary>
    public static VarValue[] SampleValid(VarSpec spec, ulong seed, int count, int maxSpan = 40) =>
        Gen.Sample(Valid(spec, maxSpan), 50, new Rnd(seed), count);

    /// <summary>Trailing bytes that are not part of the message (only where the spec has an end of its own).</summary>
    public static bool TrailingBytesAreIgnored(VarSpec spec) => !spec.UnboundedRest;

    /// <summary>
    /// A random input, valid or not: garbage, a valid encoding as it is, extended, truncated, mutated, or with a length
    /// field set to a nearby or random value.
    /// </summary>
    public static byte[] RandomInput(VarSpec spec, VarValue[] pool, Random rng)
    {
        VarValue value = pool[rng.Next(pool.Length)];
        byte[] valid = spec.Encode(value);
        switch (rng.Next(10))
        {
            case 0:
            {
                var garbage = new byte[rng.Next(spec.MinimumSize + 48)];
                rng.NextBytes(garbage);
                return garbage;
            }

            case 1:
                return valid;

            case 2:
            {
                var extended = new byte[valid.Length + 1 + rng.Next(8)];
                rng.NextBytes(extended);
                valid.CopyTo(extended, 0);
                return extended;
            }

            case 3:
                return valid[..rng.Next(valid.Length + 1)];

            case 4:
            {
                byte[] mutated = valid.ToArray();
                for (int flips = 1 + rng.Next(3); flips > 0 && mutated.Length > 0; flips--)
                {
                    mutated[rng.Next(mutated.Length)] = (byte)rng.Next(256);
                }

                return rng.Next(3) == 0 ? mutated[..rng.Next(mutated.Length + 1)] : mutated;
            }

            case 5 or 6 or 7:
            {
                // A length field (of a span, or of the message) off by a little, or anything.
                VarItem[] lengths = spec.FixedFields.Where(f => f.IsComputed).ToArray();
                VarItem field = lengths[rng.Next(lengths.Length)];
                ulong current = value[field.Name];
                ulong changed = rng.Next(4) == 0
                    ? (ulong)rng.NextInt64() & field.Mask
                    : (ulong)Math.Clamp((long)current + rng.Next(-4, 5), 0L, (long)field.Mask);
                byte[] bytes = valid.ToArray();
                int start = spec.RunStarts(s => value.Spans[s.Name].Length)[field.Run];
                spec.WriteBits(bytes.AsSpan(start), field.BitInRun, field.Bits, changed);
                if (rng.Next(3) == 0)
                {
                    var extended = new byte[bytes.Length + rng.Next(16)];
                    rng.NextBytes(extended);
                    bytes.CopyTo(extended, 0);
                    return extended;
                }

                return bytes;
            }

            case 8:
            {
                // Garbage with small lengths: every length field of the first run 0–3 units.
                var garbage = new byte[rng.Next(spec.MinimumSize + 24)];
                rng.NextBytes(garbage);
                foreach (VarItem field in spec.Runs[0].Fields.Where(f => f.IsComputed))
                {
                    if (garbage.Length >= field.EndInRun)
                    {
                        spec.WriteBits(garbage, field.BitInRun, field.Bits, (ulong)rng.Next(4));
                    }
                }

                return garbage;
            }

            default:
            {
                var filled = new byte[rng.Next(spec.MinimumSize + 16)];
                Array.Fill(filled, rng.Next(2) == 0 ? (byte)0 : (byte)0xFF);
                return filled;
            }
        }
    }
}
