namespace Codec.Runtime.Tests.Checksums;

/// <summary>
/// The vectorized <see cref="InternetChecksum.Add"/>, each vector kernel whatever the machine accelerates, and the scalar
/// baseline against the naive RFC 1071 reference and each other: every length, misaligned starts, long buffers that
/// cross the kernels' chunk boundaries, and partial sums fed piece by piece.
/// </summary>
public class InternetChecksumVectorTests
{
    private delegate ulong AddFunction(ulong partial, ReadOnlySpan<byte> data);

    private static readonly (string Name, AddFunction Add)[] Implementations =
    [
        ("Add", InternetChecksum.Add),
        ("Scalar", InternetChecksum.Scalar.Add),
        ("Vector128", InternetChecksum.AddVector128),
        ("Vector256", InternetChecksum.AddVector256),
    ];

    [Fact]
    public void Every_length_0_to_300_at_misaligned_starts_matches_the_reference_in_every_implementation()
    {
        var random = new Random(300);
        byte[] buffer = new byte[300 + 64];
        for (int length = 0; length <= 300; length++)
        {
            for (int pattern = 0; pattern < 6; pattern++)
            {
                int offset = pattern switch
                {
                    0 => 0,
                    1 => 1,
                    _ => random.Next(64),
                };
                Span<byte> data = buffer.AsSpan(offset, length);
                Fill(random, data, pattern);
                AssertAllAgree(data, 0, $"length {length}, offset {offset}, pattern {pattern}");
            }
        }
    }

    [Fact]
    public void Random_lengths_up_to_9000_match_the_reference()
    {
        var random = new Random(9000);
        byte[] buffer = new byte[9000 + 64];
        for (int trial = 0; trial < 300; trial++)
        {
            int length = trial < 5 ? 9000 - trial : random.Next(9001);
            int offset = random.Next(64);
            Span<byte> data = buffer.AsSpan(offset, length);
            Fill(random, data, trial % 6);
            ulong partial = trial % 3 == 0 ? 0 : Reference.RandomUInt64(random) >> 20;
            AssertAllAgree(data, partial, $"trial {trial}: length {length}, offset {offset}, partial 0x{partial:X}");
        }
    }

    /// <summary>
    /// The kernels reduce their 32-bit lanes every 64 KiB; all-ones data makes every lane as large as it can get, so
    /// a missing or too rare reduction overflows.
    /// </summary>
    [Theory]
    [InlineData(65534)]
    [InlineData(65535)]
    [InlineData(65536)]
    [InlineData(65537)]
    [InlineData(65536 + 30)]
    [InlineData(65536 + 32)]
    [InlineData((3 * 65536) + 31)]
    [InlineData((1 << 20) + 3)]
    [InlineData((5 << 20) + 17)]
    public void Long_buffers_across_chunk_boundaries_match_the_reference(int length)
    {
        var random = new Random(length);
        byte[] buffer = new byte[length + 1];
        Span<byte> data = buffer.AsSpan(1, length);
        data.Fill(0xFF);
        AssertAllAgree(data, 0, $"all ones, length {length}");

        data[^1] = 0xFE;
        AssertAllAgree(data, 0, $"all ones but the last byte, length {length}");

        random.NextBytes(data);
        AssertAllAgree(data, 0, $"random, length {length}");
    }

    [Fact]
    public void Pieces_at_even_offsets_in_any_mix_of_implementations_equal_one_shot()
    {
        var random = new Random(2);
        for (int trial = 0; trial < 1000; trial++)
        {
            int length = trial % 10 == 0 ? random.Next(1500, 9001) : random.Next(0, 600);
            byte[] data = new byte[length];
            Fill(random, data, trial % 6);
            ushort expected = Reference.InternetChecksum(data);
            ulong oneShot = InternetChecksum.Add(0, data);

            ulong partial = 0;
            int offset = 0;
            var pieces = new List<string>();
            while (offset < length)
            {
                // Even sizes, so every piece starts at an even offset; only the last may be odd. Sizes around the
                // vector widths exercise every kernel's tail handling.
                int size = random.Next(4) switch
                {
                    0 => 2 * random.Next(0, 8),
                    1 => 2 * random.Next(7, 17),
                    2 => 2 * random.Next(15, 70),
                    _ => 2 * random.Next(0, 1000),
                };
                size = Math.Min(size, length - offset);
                if (size == 0 && length - offset == 1)
                {
                    size = 1;
                }

                var (name, add) = Implementations[random.Next(Implementations.Length)];
                partial = add(partial, data.AsSpan(offset, size));
                pieces.Add($"{name}[{offset}..+{size}]");
                offset += size;
            }

            Assert.True(
                InternetChecksum.Fold(partial) == expected,
                $"trial {trial}, length {length}: pieces {string.Join(' ', pieces)} give 0x{InternetChecksum.Fold(partial):X4}, expected 0x{expected:X4}");
            Assert.Equal(expected, InternetChecksum.Fold(oneShot));
        }
    }

    [Fact]
    public void Partial_sums_stand_for_the_big_endian_word_sum()
    {
        // Add(p, data) must fold like p + (exact sum of big-endian words), zero included, for any p.
        var random = new Random(1071);
        for (int trial = 0; trial < 2000; trial++)
        {
            int length = random.Next(0, 200);
            byte[] data = new byte[length];
            Fill(random, data, trial % 6);
            ulong partial = (trial % 4) switch
            {
                0 => 0,
                1 => 0xFFFF,
                2 => (ulong)random.Next(0x10000),
                _ => Reference.RandomUInt64(random) >> 16,
            };
            ushort expected = InternetChecksum.Fold(partial + ExactBigEndianWordSum(data));
            foreach (var (name, add) in Implementations)
            {
                Assert.True(
                    InternetChecksum.Fold(add(partial, data)) == expected,
                    $"{name}, trial {trial}, partial 0x{partial:X}: {Reference.Hex(data)}");
            }
        }
    }

    [Fact]
    public void All_zero_data_keeps_a_zero_partial_sum_zero()
    {
        // +0 must stay +0: a zero sum folds to checksum 0xFFFF, a non-zero sum that is 0 modulo 0xFFFF to 0x0000.
        foreach (int length in new[] { 0, 1, 2, 15, 16, 17, 31, 32, 33, 100, 1500 })
        {
            byte[] zeros = new byte[length];
            foreach (var (name, add) in Implementations)
            {
                Assert.True(add(0, zeros) == 0, $"{name}, length {length}");
                Assert.True(add(0x1234, zeros) == 0x1234, $"{name}, length {length}");
            }
        }
    }

    private static void AssertAllAgree(ReadOnlySpan<byte> data, ulong partial, string what)
    {
        ushort reference = partial == 0
            ? Reference.InternetChecksum(data)
            : InternetChecksum.Fold(partial + ExactBigEndianWordSum(data));
        ulong scalar = InternetChecksum.Scalar.Add(partial, data);
        Assert.True(InternetChecksum.Fold(scalar) == reference, $"Scalar: 0x{InternetChecksum.Fold(scalar):X4}, reference 0x{reference:X4}; {what}");
        if (partial == 0)
        {
            Assert.True(InternetChecksum.Compute(data) == reference, $"Compute: 0x{InternetChecksum.Compute(data):X4}, reference 0x{reference:X4}; {what}");
            Assert.True(InternetChecksum.Scalar.Compute(data) == reference, $"Scalar.Compute: 0x{InternetChecksum.Scalar.Compute(data):X4}, reference 0x{reference:X4}; {what}");
        }

        foreach (var (name, add) in Implementations)
        {
            // Every implementation returns bit-for-bit the same partial sum, not merely one that folds alike.
            ulong sum = add(partial, data);
            Assert.True(sum == scalar, $"{name}: partial 0x{sum:X}, scalar 0x{scalar:X}; {what}");
        }
    }

    private static ulong ExactBigEndianWordSum(ReadOnlySpan<byte> data)
    {
        ulong sum = 0;
        for (int i = 0; i < data.Length; i += 2)
        {
            sum += (ulong)((data[i] << 8) | (i + 1 < data.Length ? data[i + 1] : 0));
        }

        return sum;
    }

    /// <summary>Random bytes, all ones (maximal carries), zeros, ones with a few zeros, sparse, or 0xFF00 words.</summary>
    private static void Fill(Random random, Span<byte> data, int pattern)
    {
        switch (pattern)
        {
            case 0:
            case 1:
                random.NextBytes(data);
                break;
            case 2:
                data.Fill(0xFF);
                break;
            case 3:
                data.Fill(0xFF);
                for (int k = 0; k < 3 && data.Length > 0; k++)
                {
                    data[random.Next(data.Length)] = (byte)random.Next(0x100);
                }

                break;
            case 4:
                data.Clear();
                for (int k = 0; k < 3 && data.Length > 0; k++)
                {
                    data[random.Next(data.Length)] = (byte)random.Next(0x100);
                }

                break;
            default:
                for (int i = 0; i < data.Length; i++)
                {
                    data[i] = (i & 1) == 0 ? (byte)0xFF : (byte)0x00;
                }

                break;
        }
    }
}
