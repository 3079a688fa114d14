using System.Buffers.Binary;

namespace Codec.Runtime.Tests.Checksums;

public class InternetChecksumTests
{
    private static readonly byte[] Ipv4Header = Convert.FromHexString("45000073000040004011b861c0a80001c0a800c7");

    [Fact]
    public void Rfc1071_section3_numeric_example()
    {
        byte[] data = [0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7];

        // RFC 1071 §3: the sum is 0x2ddf0, folding the carry gives 0xddf2, and the checksum is its complement.
        Assert.Equal(0xddf2, (ushort)~InternetChecksum.Fold(InternetChecksum.Add(0, data)));
        Assert.Equal(0x220d, InternetChecksum.Compute(data));
        Assert.Equal(0x220d, Reference.InternetChecksum(data));

        // Byte-swapped data gives the byte-swapped sum (RFC 1071 §2(B)).
        byte[] swapped = [0x01, 0x00, 0x03, 0xf2, 0xf5, 0xf4, 0xf7, 0xf6];
        Assert.Equal(0x0d22, InternetChecksum.Compute(swapped));
    }

    [Fact]
    public void Real_ipv4_header_is_valid_and_its_checksum_recomputes()
    {
        Assert.Equal(20, Ipv4Header.Length);
        Assert.True(InternetChecksum.IsValid(Ipv4Header));
        Assert.Equal(0, InternetChecksum.Compute(Ipv4Header));

        byte[] zeroed = (byte[])Ipv4Header.Clone();
        zeroed[10] = 0;
        zeroed[11] = 0;
        Assert.Equal(0xb861, InternetChecksum.Compute(zeroed));
        Assert.False(InternetChecksum.IsValid(zeroed));

        byte[] corrupted = (byte[])Ipv4Header.Clone();
        corrupted[8] ^= 0x01; // TTL
        Assert.False(InternetChecksum.IsValid(corrupted));
    }

    [Fact]
    public void Edge_values()
    {
        Assert.Equal(0xFFFF, InternetChecksum.Compute([]));
        Assert.Equal(0xFFFF, InternetChecksum.Compute([0, 0, 0]));
        Assert.Equal(0x0000, InternetChecksum.Compute([0xFF, 0xFF]));
        Assert.Equal(0x00FF, InternetChecksum.Compute([0xFF]));            // odd byte is the high byte of a word
        Assert.Equal(0xFEFF, InternetChecksum.Compute([0x01]));            // ~0x0100
        Assert.Equal(0xFFFF, InternetChecksum.Fold(0));
        Assert.Equal(0x0000, InternetChecksum.Fold(0xFFFF));
        Assert.Equal(0xFFFE, InternetChecksum.Fold(0x10000));              // end-around carry: 0x0001
        Assert.Equal(0x0000, InternetChecksum.Fold(ulong.MaxValue));       // all ones folds to 0xFFFF
        Assert.Equal(0xFFFC, InternetChecksum.Fold(0x0000_0001_0000_0002UL));

        // Many all-ones words: large carries, still 0xFFFF before complement.
        byte[] ones = Enumerable.Repeat((byte)0xFF, 4096).ToArray();
        Assert.Equal(0x0000, InternetChecksum.Compute(ones));
        Assert.Equal(Reference.InternetChecksum(ones), InternetChecksum.Compute(ones));
    }

    [Fact]
    public void Every_length_0_to_64_matches_the_naive_reference()
    {
        var random = new Random(1071);
        for (int length = 0; length <= 64; length++)
        {
            for (int trial = 0; trial < 100; trial++)
            {
                byte[] data = trial switch
                {
                    0 => new byte[length],
                    1 => Enumerable.Repeat((byte)0xFF, length).ToArray(),
                    _ => Reference.RandomBytes(random, length),
                };
                Assert.True(
                    Reference.InternetChecksum(data) == InternetChecksum.Compute(data),
                    $"length {length}: {Reference.Hex(data)}");
            }
        }
    }

    [Fact]
    public void Long_buffers_match_the_naive_reference()
    {
        var random = new Random(791);
        foreach (int length in new[] { 1499, 1500, 9001, 65535 })
        {
            byte[] data = Reference.RandomBytes(random, length);
            Assert.Equal(Reference.InternetChecksum(data), InternetChecksum.Compute(data));
        }
    }

    [Fact]
    public void Add_over_pieces_at_even_offsets_equals_one_shot()
    {
        var random = new Random(4711);
        for (int trial = 0; trial < 500; trial++)
        {
            byte[] data = Reference.RandomBytes(random, random.Next(0, 200));
            ushort oneShot = InternetChecksum.Compute(data);

            ulong partial = 0;
            int offset = 0;
            while (offset < data.Length)
            {
                // Even-sized pieces (the last may be odd), so that every piece starts at an even offset.
                int size = Math.Min(2 * random.Next(0, 12), data.Length - offset);
                if (size == 0 && data.Length - offset == 1)
                {
                    size = 1;
                }

                partial = InternetChecksum.Add(partial, data.AsSpan(offset, size));
                offset += size;
            }

            Assert.Equal(oneShot, InternetChecksum.Fold(partial));
        }

        // A pseudo-header then a segment, as TCP and UDP do.
        byte[] all = Reference.RandomBytes(random, 12 + 37);
        ulong sum = InternetChecksum.Add(InternetChecksum.Add(0, all.AsSpan(0, 12)), all.AsSpan(12));
        Assert.Equal(InternetChecksum.Compute(all), InternetChecksum.Fold(sum));
    }

    [Fact]
    public void IsValid_after_inserting_the_checksum()
    {
        var random = new Random(1624);
        for (int trial = 0; trial < 500; trial++)
        {
            int words = random.Next(2, 40);
            byte[] data = Reference.RandomBytes(random, words * 2);
            int at = 2 * random.Next(0, words);
            data[at] = 0;
            data[at + 1] = 0;
            ushort checksum = InternetChecksum.Compute(data);
            BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(at), checksum);
            Assert.True(InternetChecksum.IsValid(data), Reference.Hex(data));

            // Flip one bit anywhere: no longer valid (a single-bit error always changes the one's complement sum).
            int bit = random.Next(data.Length * 8);
            data[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(InternetChecksum.IsValid(data), Reference.Hex(data));
        }
    }

    [Fact]
    public void Rfc1624_section4_example()
    {
        // m = 0x5555 changes to 0x3285; the other octets sum to 0xCD7A. HC = 0xDD2F; recomputation gives 0x0000,
        // and so must eqn. 3 (eqn. 2 would have given 0xFFFF).
        Assert.Equal(0x0000, InternetChecksum.Update(0xDD2F, (ushort)0x5555, (ushort)0x3285));

        byte[] before = [0xCD, 0x7A, 0x55, 0x55];
        byte[] after = [0xCD, 0x7A, 0x32, 0x85];
        Assert.Equal(0xDD2F, InternetChecksum.Compute(before));
        Assert.Equal(0x0000, InternetChecksum.Compute(after));
    }

    [Fact]
    public void Update_of_a_16_bit_word_equals_full_recomputation()
    {
        var random = new Random(16);
        for (int trial = 0; trial < 2000; trial++)
        {
            byte[] header = NonZeroHeader(random, random.Next(4, 30) * 2, out int checksumAt);
            ushort checksum = InternetChecksum.Compute(header);
            BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(checksumAt), checksum);

            int wordAt = PickWordOtherThan(random, header.Length, checksumAt);
            ushort oldWord = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(wordAt));
            ushort newWord = (trial % 7) switch
            {
                0 => 0,
                1 => 0xFFFF,
                2 => oldWord,
                _ => (ushort)random.Next(0x10000),
            };
            BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(wordAt), newWord);

            ushort updated = InternetChecksum.Update(checksum, oldWord, newWord);
            BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(checksumAt), 0);
            ushort recomputed = InternetChecksum.Compute(header);
            Assert.True(recomputed == updated, $"trial {trial}: 0x{oldWord:X4}->0x{newWord:X4}, update 0x{updated:X4}, recomputed 0x{recomputed:X4}");

            BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(checksumAt), updated);
            Assert.True(InternetChecksum.IsValid(header));
        }
    }

    [Fact]
    public void Update_of_a_32_bit_address_equals_full_recomputation()
    {
        var random = new Random(32);
        for (int trial = 0; trial < 2000; trial++)
        {
            byte[] header = (byte[])Ipv4Header.Clone();
            // Randomise everything but version/IHL, then compute a fresh checksum.
            random.NextBytes(header.AsSpan(1));
            header[10] = 0;
            header[11] = 0;
            ushort checksum = InternetChecksum.Compute(header);
            BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(10), checksum);

            int addressAt = random.Next(2) == 0 ? 12 : 16; // source or destination (NAT rewrite)
            uint oldAddress = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(addressAt));
            uint newAddress = (trial % 5) switch
            {
                0 => 0,
                1 => uint.MaxValue,
                2 => oldAddress,
                _ => (uint)random.NextInt64(0, 1L << 32),
            };
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(addressAt), newAddress);

            ushort updated = InternetChecksum.Update(checksum, oldAddress, newAddress);
            header[10] = 0;
            header[11] = 0;
            ushort recomputed = InternetChecksum.Compute(header);
            Assert.True(recomputed == updated, $"trial {trial}: {oldAddress:X8}->{newAddress:X8}, update 0x{updated:X4}, recomputed 0x{recomputed:X4}");
        }
    }

    [Fact]
    public void Update_matches_a_real_nat_rewrite()
    {
        // 192.168.0.1 -> 10.0.0.1 in the example header; then TTL decrement (the word holding TTL and protocol).
        byte[] header = (byte[])Ipv4Header.Clone();
        ushort checksum = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(10));
        uint newSource = new IPv4Address(10, 0, 0, 1).Value;
        checksum = InternetChecksum.Update(checksum, BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(12)), newSource);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(12), newSource);
        ushort oldTtlWord = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(8));
        header[8]--;
        checksum = InternetChecksum.Update(checksum, oldTtlWord, BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(8)));
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(10), checksum);
        Assert.True(InternetChecksum.IsValid(header));
    }

    [Fact]
    public void Update_of_an_even_length_field_equals_full_recomputation()
    {
        var random = new Random(1624_2);
        for (int trial = 0; trial < 3000; trial++)
        {
            // [guard word 0x4xxx][checksum][body...]: the guard keeps the data from ever summing to +0.
            int bodyWords = random.Next(1, 40);
            byte[] data = Reference.RandomBytes(random, 4 + (2 * bodyWords));
            data[0] |= 0x40;
            data[2] = 0;
            data[3] = 0;
            ushort checksum = InternetChecksum.Compute(data);
            BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(2), checksum);

            int fieldWords = random.Next(1, bodyWords + 1);
            int fieldAt = 4 + (2 * random.Next(0, bodyWords - fieldWords + 1));
            byte[] oldField = data.AsSpan(fieldAt, 2 * fieldWords).ToArray();
            byte[] newField = (trial % 6) switch
            {
                0 => new byte[oldField.Length],
                1 => Enumerable.Repeat((byte)0xFF, oldField.Length).ToArray(),
                2 => (byte[])oldField.Clone(),
                3 => oldField.Select(b => (byte)~b).ToArray(),
                _ => Reference.RandomBytes(random, oldField.Length),
            };

            ushort updated = InternetChecksum.Update(checksum, oldField, newField);
            newField.CopyTo(data, fieldAt);
            data[2] = 0;
            data[3] = 0;
            ushort recomputed = InternetChecksum.Compute(data);
            Assert.True(recomputed == updated, $"trial {trial}: {Reference.Hex(oldField)} -> {Reference.Hex(newField)}, update 0x{updated:X4}, recomputed 0x{recomputed:X4}");
        }
    }

    [Fact]
    public void Update_of_a_field_equals_eqn3_applied_word_by_word()
    {
        // Whatever the checksum (consistent with any data or not, 0x0000 and 0xFFFF included): the same value as
        // eqn. 3 word by word, so the field overload keeps its -0/+0 behaviour exactly.
        var random = new Random(3);
        ushort[] edges = [0x0000, 0x0001, 0x7FFF, 0x8000, 0xFFFE, 0xFFFF];
        for (int trial = 0; trial < 20000; trial++)
        {
            int words = random.Next(0, 10);
            byte[] oldField = new byte[2 * words];
            byte[] newField = new byte[2 * words];
            for (int w = 0; w < words; w++)
            {
                ushort o = random.Next(3) == 0 ? edges[random.Next(edges.Length)] : (ushort)random.Next(0x10000);
                ushort n = random.Next(3) == 0 ? edges[random.Next(edges.Length)] : (ushort)random.Next(0x10000);
                BinaryPrimitives.WriteUInt16BigEndian(oldField.AsSpan(2 * w), o);
                BinaryPrimitives.WriteUInt16BigEndian(newField.AsSpan(2 * w), n);
            }

            ushort checksum = random.Next(2) == 0 ? edges[random.Next(edges.Length)] : (ushort)random.Next(0x10000);
            AssertFieldUpdateEqualsWordByWord(checksum, oldField, newField);
        }

        // Exhaustively over the words where +0 and -0 part ways: every combination of up to 3 words of 0x0000,
        // 0x0001, 0xFFFE, 0xFFFF under every edge checksum.
        ushort[] words4 = [0x0000, 0x0001, 0xFFFE, 0xFFFF];
        for (int words = 1; words <= 3; words++)
        {
            int combinations = 1 << (4 * words); // 2 bits per old word, 2 per new word
            for (int c = 0; c < combinations; c++)
            {
                byte[] oldField = new byte[2 * words];
                byte[] newField = new byte[2 * words];
                for (int w = 0; w < words; w++)
                {
                    BinaryPrimitives.WriteUInt16BigEndian(oldField.AsSpan(2 * w), words4[(c >> (4 * w)) & 3]);
                    BinaryPrimitives.WriteUInt16BigEndian(newField.AsSpan(2 * w), words4[(c >> ((4 * w) + 2)) & 3]);
                }

                foreach (ushort checksum in edges)
                {
                    AssertFieldUpdateEqualsWordByWord(checksum, oldField, newField);
                }
            }
        }

        static void AssertFieldUpdateEqualsWordByWord(ushort checksum, byte[] oldField, byte[] newField)
        {
            ushort expected = checksum;
            for (int w = 0; w < oldField.Length / 2; w++)
            {
                expected = InternetChecksum.Update(
                    expected,
                    BinaryPrimitives.ReadUInt16BigEndian(oldField.AsSpan(2 * w)),
                    BinaryPrimitives.ReadUInt16BigEndian(newField.AsSpan(2 * w)));
            }

            ushort actual = InternetChecksum.Update(checksum, oldField, newField);
            Assert.True(expected == actual, $"0x{checksum:X4}: {Reference.Hex(oldField)} -> {Reference.Hex(newField)}: word by word 0x{expected:X4}, field 0x{actual:X4}");
            if (oldField.Length == 4)
            {
                uint o32 = BinaryPrimitives.ReadUInt32BigEndian(oldField);
                uint n32 = BinaryPrimitives.ReadUInt32BigEndian(newField);
                Assert.Equal(expected, InternetChecksum.Update(checksum, o32, n32));
            }
        }
    }

    [Fact]
    public void Update_gives_plus_zero_where_compute_gives_minus_zero_only_for_all_zero_data()
    {
        // The data sums to -0 after the change (RFC 1624 §4): both give 0x0000, and the data verifies.
        byte[] data = [0xCD, 0x7A, 0x00, 0x00, 0x55, 0x55];
        ushort checksum = InternetChecksum.Compute(data);
        Assert.Equal(0xDD2F, checksum);
        ushort updated = InternetChecksum.Update(checksum, [0x55, 0x55], [0x32, 0x85]);
        data[4] = 0x32;
        data[5] = 0x85;
        Assert.Equal(0x0000, updated);
        Assert.Equal(0x0000, InternetChecksum.Compute(data));
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(2), updated);
        Assert.True(InternetChecksum.IsValid(data));

        // The data becomes all zeros (+0): Compute gives ~(+0) = 0xFFFF, which verifies; eqn. 3 gives 0x0000, which
        // does not. IP, TCP and UDP never get there (RFC 1624 §3): the version nibble, the pseudo-header's protocol.
        byte[] zeroed = [0x00, 0x00, 0x12, 0x34];
        ushort before = InternetChecksum.Compute(zeroed);
        Assert.Equal(0xEDCB, before);
        ushort eqn3 = InternetChecksum.Update(before, (ushort)0x1234, (ushort)0x0000);
        Assert.Equal(0x0000, eqn3);
        Assert.Equal(0x0000, InternetChecksum.Update(before, [0x12, 0x34], [0x00, 0x00]));
        zeroed[2] = 0;
        zeroed[3] = 0;
        Assert.Equal(0xFFFF, InternetChecksum.Compute(zeroed));
        zeroed[0] = 0xFF;
        zeroed[1] = 0xFF;
        Assert.True(InternetChecksum.IsValid(zeroed));
        zeroed[0] = 0x00;
        zeroed[1] = 0x00;
        Assert.False(InternetChecksum.IsValid(zeroed));

        // Eqn. 3 never answers 0xFFFF for a checksum that matched its data: that needs ~HC = ~m = m' = 0, i.e. an
        // old word of 0xFFFF under a checksum of 0xFFFF, which only all-zero data has.
        Assert.Equal(0xFFFF, InternetChecksum.Update(0xFFFF, (ushort)0xFFFF, (ushort)0x0000));
    }

    [Fact]
    public void Update_of_a_field_refuses_odd_or_mismatched_lengths()
    {
        Assert.Throws<ArgumentException>(() => InternetChecksum.Update(0, [1, 2, 3], [1, 2, 4]));
        Assert.Throws<ArgumentException>(() => InternetChecksum.Update(0, [1, 2], [1, 2, 3, 4]));
        Assert.Equal(0x1234, InternetChecksum.Update(0x1234, ReadOnlySpan<byte>.Empty, ReadOnlySpan<byte>.Empty));
    }

    /// <summary>
    /// Random data with a zeroed checksum slot and at least one non-zero word besides the one that will change, so that
    /// the data never sums to zero (where one's complement has two zeros and eqn. 3 rightly answers 0x0000 while
    /// recomputation over all-zero data gives 0xFFFF; RFC 1624 §3 notes headers never sum to zero).
    /// </summary>
    private static byte[] NonZeroHeader(Random random, int length, out int checksumAt)
    {
        byte[] data = Reference.RandomBytes(random, length);
        checksumAt = 2 * random.Next(length / 2);
        data[checksumAt] = 0;
        data[checksumAt + 1] = 0;
        data[checksumAt == 0 ? 2 : 0] |= 0x40; // like the version nibble of an IP header
        return data;
    }

    private static int PickWordOtherThan(Random random, int length, int checksumAt)
    {
        while (true)
        {
            int at = 2 * random.Next(length / 2);
            if (at != checksumAt && at != (checksumAt == 0 ? 2 : 0))
            {
                return at;
            }
        }
    }
}
