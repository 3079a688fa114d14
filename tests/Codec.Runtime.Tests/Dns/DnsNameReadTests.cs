using Codec.Dns;

namespace Codec.Runtime.Tests.Dns;

public class DnsNameReadTests
{
    [Theory]
    [InlineData(20, "F.ISI.ARPA.", 12, 3, 12)]
    [InlineData(40, "FOO.F.ISI.ARPA.", 6, 4, 16)]
    [InlineData(64, "ARPA.", 2, 1, 6)]
    [InlineData(92, ".", 1, 0, 1)]
    public void Reads_the_RFC_1035_section_4_1_4_example(int offset, string text, int consumed, int labels, int wireLength)
    {
        byte[] message = DnsTestData.Rfc1035Example();

        ReadResult result = DnsName.TryRead(message, offset, out DnsName name);

        Assert.Equal(CodecStatus.Done, result.Status);
        Assert.Equal(consumed, result.BytesConsumed);
        Assert.Equal(text, name.ToString());
        Assert.Equal(labels, name.LabelCount);
        Assert.Equal(wireLength, name.WireLength);
        Assert.Equal(offset, name.Offset);
        Assert.True(DnsName.TryRead(message, offset, out _, out int bytesConsumed));
        Assert.Equal(consumed, bytesConsumed);
    }

    [Theory]
    [InlineData(20, 12)]
    [InlineData(40, 6)]
    [InlineData(92, 1)]
    public void The_walk_answers_the_fast_reads_length_and_the_names_memo(int offset, int consumed)
    {
        byte[] message = DnsTestData.Rfc1035Example();

        Assert.True(DnsName.TryRead(message, offset, out DnsName name, out _));
        Assert.True(DnsName.TryWalk(message, offset, out int walked, out int memo));

        Assert.Equal(consumed, walked);
        Assert.Equal(name.Memo, memo);
        Assert.True(DnsName.ReadMemoized(message, offset, memo, out DnsName rebuilt));
        Assert.Equal(name.WireLength, rebuilt.WireLength);
        Assert.Equal(name.LabelCount, rebuilt.LabelCount);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void The_walk_says_no_to_a_negative_offset_without_throwing(int offset)
    {
        Assert.False(DnsName.TryWalk(DnsTestData.Rfc1035Example(), offset, out int consumed, out int memo));
        Assert.Equal(0, consumed);
        Assert.Equal(0, memo);
    }

    [Fact]
    public void The_RFC_example_names_are_suffixes_of_each_other()
    {
        byte[] message = DnsTestData.Rfc1035Example();
        Assert.True(DnsName.TryRead(message, 20, out DnsName fIsiArpa, out _));
        Assert.True(DnsName.TryRead(message, 40, out DnsName fooFIsiArpa, out _));
        Assert.True(DnsName.TryRead(message, 64, out DnsName arpa, out _));
        Assert.True(DnsName.TryRead(message, 92, out DnsName root, out _));

        Assert.True(fooFIsiArpa.IsSubdomainOf(fIsiArpa));
        Assert.True(fooFIsiArpa.IsSubdomainOf(arpa));
        Assert.True(fIsiArpa.IsSubdomainOf(arpa));
        Assert.True(arpa.IsSubdomainOf(root));
        Assert.True(arpa.IsSubdomainOf(arpa));
        Assert.False(arpa.IsSubdomainOf(fIsiArpa));
        Assert.False(fIsiArpa.IsSubdomainOf(fooFIsiArpa));
        Assert.True(root.IsRoot);

        Span<byte> flat = stackalloc byte[DnsName.MaxWireLength];
        int written = fooFIsiArpa.CopyUncompressedTo(flat);
        Assert.Equal(DnsTestData.Wire("FOO", "F", "ISI", "ARPA"), flat[..written].ToArray());
    }

    [Fact]
    public void Labels_are_slices_of_the_message_in_order()
    {
        byte[] message = DnsTestData.Rfc1035Example();
        Assert.True(DnsName.TryRead(message, 40, out DnsName name, out _));

        var labels = DnsTestData.Labels(name).Select(l => System.Text.Encoding.ASCII.GetString(l)).ToArray();
        Assert.Equal(["FOO", "F", "ISI", "ARPA"], labels);

        // Zero-copy: the F label is the octet at 21 of the message itself.
        var e = name.GetEnumerator();
        e.MoveNext();
        e.MoveNext();
        Assert.True(System.Runtime.CompilerServices.Unsafe.AreSame(
            ref System.Runtime.InteropServices.MemoryMarshal.GetReference(e.Current), ref message[21]));
    }

    [Fact]
    public void Default_and_Root_are_the_root_name()
    {
        DnsName none = default;
        Assert.True(none.IsRoot);
        Assert.Equal(1, none.WireLength);
        Assert.Equal(".", none.ToString());
        Assert.True(none.Equals(DnsName.Root));
        Assert.True(none.Equals(new byte[] { 0 }));
        Assert.Equal(".", DnsName.Root.ToString());
        Assert.Empty(DnsTestData.Labels(DnsName.Root));
    }

    [Fact]
    public void A_pointer_to_itself_is_a_loop()
    {
        byte[] message = DnsTestData.WithHeader(0xC0, 12);

        ReadResult result = DnsName.TryRead(message, 12, out DnsName name);

        AssertInvalid(result, CodecErrorKind.CompressionLoop, 12);
        Assert.True(name.IsRoot);   // failed reads leave the default
    }

    [Fact]
    public void A_two_pointer_cycle_is_rejected_from_either_end()
    {
        // 12: pointer to 14; 14: pointer to 12.
        byte[] message = DnsTestData.WithHeader(0xC0, 14, 0xC0, 12);

        // From 14 the first hop is backwards, the second comes back to where the name began.
        AssertInvalid(DnsName.TryRead(message, 14, out _), CodecErrorKind.CompressionLoop, 12);

        // From 12 the first hop already points forward.
        AssertInvalid(DnsName.TryRead(message, 12, out _), CodecErrorKind.PointerOutOfRange, 12);
    }

    [Fact]
    public void A_label_that_swallows_its_own_pointer_cannot_loop()
    {
        // 12: "a" then a pointer to 12 -- which points before the pointer itself (the rule some readers use) yet loops.
        byte[] message = DnsTestData.WithHeader(1, (byte)'a', 0xC0, 12);
        AssertInvalid(DnsName.TryRead(message, 12, out _), CodecErrorKind.CompressionLoop, 14);

        // 12: label of 3 covering a pointer at 14 back to 12; the next pointer at 16 goes back to 12 again.
        byte[] covered = DnsTestData.WithHeader(3, (byte)'x', 0xC0, 12, 0xC0, 12);
        AssertInvalid(DnsName.TryRead(covered, 14, out _), CodecErrorKind.CompressionLoop, 16);
        Assert.Equal(CodecStatus.InvalidData, DnsName.TryRead(covered, 16, out _).Status);
    }

    [Fact]
    public void A_forward_pointer_is_out_of_range_even_to_a_valid_name()
    {
        // 12: pointer to 14, where "a." sits.
        byte[] message = DnsTestData.WithHeader(0xC0, 14, 1, (byte)'a', 0);

        AssertInvalid(DnsName.TryRead(message, 12, out _), CodecErrorKind.PointerOutOfRange, 12, expected: 12, actual: 14);
        Assert.True(DnsName.TryRead(message, 14, out DnsName a, out _));
        Assert.Equal("a.", a.ToString());
    }

    [Theory]
    [InlineData(17)]      // just past the end
    [InlineData(18)]
    [InlineData(0x3FFF)]  // the largest pointer
    public void A_pointer_at_or_past_the_end_is_out_of_range(int target)
    {
        // A name at 12 (".a" would be forward, so the pointer is in a second name at 15): 12 = "a.", 15 = pointer.
        byte[] message = DnsTestData.WithHeader(1, (byte)'a', 0, (byte)(0xC0 | (target >> 8)), (byte)target);
        Assert.Equal(17, message.Length);

        AssertInvalid(DnsName.TryRead(message, 15, out _), CodecErrorKind.PointerOutOfRange, 15, expected: 17, actual: (ulong)target);
    }

    [Fact]
    public void A_backward_pointer_to_the_header_is_followed()
    {
        // unbound's test_packets.5 "bad compression pointer - to header": the octet at 4 is QDCOUNT's high octet, 0.
        byte[] message = DnsTestData.WithHeader(0xC0, 4);
        Assert.True(DnsName.TryRead(message, 12, out DnsName name, out int consumed));
        Assert.Equal(".", name.ToString());
        Assert.Equal(2, consumed);
    }

    [Theory]
    [InlineData(0x40)]   // a label of 64, or RFC 6891's extended label type
    [InlineData(0x41)]
    [InlineData(0x7F)]
    [InlineData(0x80)]   // reserved
    [InlineData(0xBF)]
    public void Length_octets_0x40_to_0xBF_are_rejected(byte octet)
    {
        var body = new byte[1 + 64 + 1];
        body[0] = octet;
        body.AsSpan(1, 64).Fill((byte)'a');
        byte[] message = DnsTestData.WithHeader(body);

        AssertInvalid(DnsName.TryRead(message, 12, out _), CodecErrorKind.LabelTooLong, 12, expected: 63, actual: octet);
    }

    [Fact]
    public void A_label_of_63_reads()
    {
        byte[] wire = DnsTestData.Wire(new string('x', 63));
        Assert.True(DnsName.TryRead(wire, 0, out DnsName name, out int consumed));
        Assert.Equal(65, consumed);
        Assert.Equal(63, DnsTestData.Labels(name).Single().Length);
    }

    [Fact]
    public void A_name_of_255_octets_reads_and_256_does_not()
    {
        byte[] max = DnsTestData.NameOfLength(255);
        Assert.True(DnsName.TryRead(max, 0, out DnsName name, out int consumed));
        Assert.Equal(255, consumed);
        Assert.Equal(255, name.WireLength);

        byte[] over = DnsTestData.NameOfLength(256);
        ReadResult result = DnsName.TryRead(over, 0, out _);
        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal(CodecErrorKind.NameTooLong, result.Error.Kind);
        Assert.Equal(255ul, result.Error.Expected);
        Assert.Equal(256ul, result.Error.Actual);
        Assert.Equal(192, result.Error.ByteOffset);   // the length octet of the label that does not fit
    }

    [Fact]
    public void The_255_limit_counts_octets_reached_through_pointers()
    {
        // 12: a 128-octet name; then a name of 127 octets of labels pointing to it: 127 + 128 = 255, fine.
        // A name with one octet more of labels is 256.
        byte[] suffix = DnsTestData.NameOfLength(128);
        byte[] fits = DnsTestData.NameOfLength(128)[..^1];        // 127 octets of labels
        byte[] tooMany = DnsTestData.NameOfLength(129)[..^1];     // 128 octets of labels

        foreach ((byte[] prefix, bool ok) in new[] { (fits, true), (tooMany, false) })
        {
            byte[] message = DnsTestData.WithHeader([.. suffix, .. prefix, 0xC0, 12]);
            int at = 12 + suffix.Length;
            ReadResult result = DnsName.TryRead(message, at, out DnsName name);
            if (ok)
            {
                Assert.Equal(CodecStatus.Done, result.Status);
                Assert.Equal(255, name.WireLength);
                Assert.Equal(prefix.Length + 2, result.BytesConsumed);
            }
            else
            {
                Assert.Equal(CodecErrorKind.NameTooLong, result.Error.Kind);
            }
        }
    }

    [Fact]
    public void Chains_of_more_than_127_pointers_are_rejected()
    {
        // Offsets 12, 14, ... each hold a pointer to the one before; 12 points to the root octet at 4 (QDCOUNT high).
        foreach ((int pointers, bool ok) in new[] { (127, true), (128, false) })
        {
            var message = new byte[12 + (2 * pointers)];
            message[5] = 1;
            int previous = 4;
            for (int i = 0; i < pointers; i++)
            {
                int at = 12 + (2 * i);
                message[at] = (byte)(0xC0 | (previous >> 8));
                message[at + 1] = (byte)previous;
                previous = at;
            }

            ReadResult result = DnsName.TryRead(message, previous, out DnsName name);
            if (ok)
            {
                Assert.Equal(CodecStatus.Done, result.Status);
                Assert.True(name.IsRoot);
            }
            else
            {
                AssertInvalid(result, CodecErrorKind.CompressionLoop, 12, expected: 127, actual: 128);
            }
        }
    }

    [Fact]
    public void Truncating_a_compressed_message_anywhere_needs_more_data()
    {
        byte[] message = DnsTestData.Rfc1035Example();
        int[] starts = [20, 40, 64, 92];
        int[] ends = [32, 46, 66, 93];   // where each name's own octets end
        for (int length = 0; length <= message.Length; length++)
        {
            ReadOnlySpan<byte> cut = message.AsSpan(0, length);
            for (int i = 0; i < starts.Length; i++)
            {
                ReadResult result = DnsName.TryRead(cut, starts[i], out _);
                if (length >= ends[i])
                {
                    Assert.Equal(CodecStatus.Done, result.Status);
                }
                else
                {
                    Assert.Equal(CodecStatus.NeedMoreData, result.Status);
                    Assert.Equal(CodecErrorKind.Truncated, result.Error.Kind);
                    Assert.Equal((ulong)length, result.Error.Actual);
                    Assert.True(result.Error.Expected > (ulong)length, $"length {length}, name at {starts[i]}: {result}");
                }
            }
        }
    }

    [Theory]
    [InlineData(new byte[] { 3, (byte)'a', (byte)'b' }, 0, 4)]              // the label needs 4 octets
    [InlineData(new byte[] { 1, (byte)'a' }, 2, 3)]                         // the next length octet is missing
    [InlineData(new byte[] { 1, (byte)'a', 0xC0 }, 2, 4)]                   // the pointer's second octet is missing
    [InlineData(new byte[] { 2, (byte)'a', (byte)'b', 63 }, 3, 67)]         // a 63-octet label at 3: 3 + 1 + 63
    public void Truncation_names_the_element_that_runs_off_the_end(byte[] message, int byteOffset, int needed)
    {
        ReadResult result = DnsName.TryRead(message, 0, out _);
        Assert.Equal(CodecStatus.NeedMoreData, result.Status);
        Assert.Equal(CodecErrorKind.Truncated, result.Error.Kind);
        Assert.Equal(byteOffset, result.Error.ByteOffset);
        Assert.Equal((ulong)needed, result.Error.Expected);
        Assert.Equal((ulong)message.Length, result.Error.Actual);
    }

    [Fact]
    public void Truncating_a_compressor_built_message_anywhere_needs_more_data()
    {
        // A message built by the compressor: many pointers, each into a different earlier name.
        byte[] message = DnsCompressionSamples.Build(out int[] offsets);
        for (int length = 0; length <= message.Length; length++)
        {
            foreach (int offset in offsets)
            {
                ReadResult result = DnsName.TryRead(message.AsSpan(0, length), offset, out _);
                Assert.True(result.Status is CodecStatus.Done or CodecStatus.NeedMoreData, $"length {length}, offset {offset}: {result}");
            }
        }
    }

    [Fact]
    public void Reading_at_or_past_the_end_needs_more_data_and_a_negative_offset_throws()
    {
        byte[] message = DnsTestData.Wire("a");
        Assert.Equal(CodecStatus.NeedMoreData, DnsName.TryRead(message, message.Length, out _).Status);
        Assert.Equal(CodecStatus.NeedMoreData, DnsName.TryRead(message, message.Length + 5, out _).Status);
        Assert.Equal(CodecStatus.NeedMoreData, DnsName.TryRead([], 0, out _).Status);
        Assert.Throws<ArgumentOutOfRangeException>(() => DnsName.TryRead(message, -1, out _));
    }

    [Fact]
    public void Errors_describe_themselves()
    {
        string text = DnsName.TryRead(DnsTestData.WithHeader(0xC0, 12), 12, out _).ToString();
        Assert.Contains("compression loop", text);
        Assert.Contains("byte 12", text);
        Assert.Contains("label too long", DnsName.TryRead(DnsTestData.WithHeader(0x40), 12, out _).ToString());
        Assert.Contains("out of range", DnsName.TryRead(DnsTestData.WithHeader(0xC0, 0x20), 12, out _).ToString());
        Assert.Contains("name too long", DnsName.TryRead(DnsTestData.NameOfLength(256), 0, out _).ToString());
    }

    private static void AssertInvalid(ReadResult result, CodecErrorKind kind, int byteOffset, ulong? expected = null, ulong? actual = null)
    {
        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal(kind, result.Error.Kind);
        Assert.Equal(byteOffset, result.Error.ByteOffset);
        Assert.Equal(0, result.BytesConsumed);
        if (expected is { } e)
        {
            Assert.Equal(e, result.Error.Expected);
        }

        if (actual is { } a)
        {
            Assert.Equal(a, result.Error.Actual);
        }
    }
}
