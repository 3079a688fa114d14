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
