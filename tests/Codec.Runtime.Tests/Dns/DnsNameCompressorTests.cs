using Codec.Dns;

namespace Codec.Runtime.Tests.Dns;

/// <summary>A message the compressor builds, for tests that need many pointers.</summary>
internal static class DnsCompressionSamples
{
    public static readonly string[] Names =
    [
        "www.example.com.", "mail.example.com.", "example.com.", "WWW.EXAMPLE.COM.", "ns1.example.net.",
        "a.b.c.d.example.com.", "c.d.example.com.", "x.c.d.example.com.", ".", "com.", "net.", "ns2.EXAMPLE.net.",
    ];

    /// <summary>A 12-octet header, then <see cref="Names"/> written with compression; <paramref name="offsets"/> says where each starts.</summary>
    public static byte[] Build(out int[] offsets)
    {
        var message = new byte[512];
        int position = 12;
        var compressor = new DnsNameCompressor();
        offsets = new int[Names.Length];
        for (int i = 0; i < Names.Length; i++)
        {
            offsets[i] = position;
            byte[] wire = Parse(Names[i]);
            WriteResult result = compressor.TryWrite(wire, message, ref position);
            if (!result.IsDone)
            {
                throw new InvalidOperationException(result.ToString());
            }
        }

        return message[..position];
    }

    public static byte[] Parse(string text)
    {
        var wire = new byte[DnsName.MaxWireLength];
        if (!DnsName.TryParse(text, wire, out int written))
        {
            throw new ArgumentException(text);
        }

        return wire[..written];
    }
}

public class DnsNameCompressorTests
{
    [Fact]
    public void Writes_the_RFC_1035_example_the_way_the_RFC_draws_it()
    {
        var message = new byte[93];
        var compressor = new DnsNameCompressor();

        int position = 20;
        Assert.Equal(12, compressor.TryWrite(DnsTestData.Wire("F", "ISI", "ARPA"), message, ref position).BytesWritten);
        position = 40;
        Assert.Equal(6, compressor.TryWrite(DnsTestData.Wire("FOO", "F", "ISI", "ARPA"), message, ref position).BytesWritten);
        position = 64;
        Assert.Equal(2, compressor.TryWrite(DnsTestData.Wire("ARPA"), message, ref position).BytesWritten);
        position = 92;
        Assert.Equal(1, compressor.TryWrite(DnsTestData.Wire(), message, ref position).BytesWritten);
        Assert.Equal(93, position);

        Assert.Equal(DnsTestData.Rfc1035Example(), message);
    }

    [Fact]
    public void Names_read_back_equal_and_the_message_is_shorter()
    {
        byte[] message = DnsCompressionSamples.Build(out int[] offsets);

        int uncompressed = 12 + DnsCompressionSamples.Names.Sum(n => DnsCompressionSamples.Parse(n).Length);
        Assert.True(message.Length < uncompressed, $"{message.Length} vs {uncompressed}");
        Assert.Equal(12 + 17 + 7 + 2 + 2 + 17 + 10 + 2 + 4 + 1 + 2 + 2 + 6, message.Length);

        for (int i = 0; i < offsets.Length; i++)
        {
            Assert.True(DnsName.TryRead(message, offsets[i], out DnsName name, out int consumed), DnsCompressionSamples.Names[i]);
            Assert.True(name.EqualsPresentation(DnsCompressionSamples.Names[i]), $"{name.ToString()} vs {DnsCompressionSamples.Names[i]}");
            Assert.Equal(i + 1 < offsets.Length ? offsets[i + 1] - offsets[i] : message.Length - offsets[i], consumed);
        }

        // WWW.EXAMPLE.COM. matched www.example.com. ignoring case: it is a bare pointer, and reads back in the first spelling.
        Assert.True(DnsName.TryRead(message, offsets[3], out DnsName shouted, out int shoutedLength));
        Assert.Equal(2, shoutedLength);
        Assert.Equal("www.example.com.", shouted.ToString());
    }

    [Fact]
    public void Without_repeated_suffixes_nothing_is_compressed()
    {
        var message = new byte[100];
        var compressor = new DnsNameCompressor();
        int position = 12;
        compressor.TryWrite(DnsTestData.Wire("a", "b"), message, ref position);
        compressor.TryWrite(DnsTestData.Wire("c", "d"), message, ref position);
        Assert.Equal(12 + 5 + 5, position);
        Assert.Equal(4, compressor.Count);
    }

    [Fact]
    public void Reset_forgets_the_previous_message()
    {
        var message = new byte[100];
        var compressor = new DnsNameCompressor();
        int position = 12;
        compressor.TryWrite(DnsTestData.Wire("example", "com"), message, ref position);
        compressor.Reset();
        Assert.Equal(0, compressor.Count);

        // Same buffer, new message: the name must be written in full again, not point into the old one.
        position = 12;
        Assert.Equal(13, compressor.TryWrite(DnsTestData.Wire("example", "com"), message, ref position).BytesWritten);
    }

    [Fact]
    public void Pointers_only_go_below_0x4000()
    {
        var message = new byte[0x4000 + 64];
        var compressor = new DnsNameCompressor();

        // Written at 0x3FF0, its labels start at 0x3FF0, 0x3FF4 and 0x3FFC: all can be pointed to. The next name
        // starts at 0x4001: none of its labels can.
        int position = 0x3FF0;
        compressor.TryWrite(DnsTestData.Wire("www", "example", "com"), message, ref position);
        Assert.Equal(3, compressor.Count);
        Assert.Equal(0x4001, position);

        compressor.TryWrite(DnsTestData.Wire("other", "net"), message, ref position);
        Assert.Equal(3, compressor.Count);

        int before = position;
        Assert.Equal(2, compressor.TryWrite(DnsTestData.Wire("www", "example", "com"), message, ref position).BytesWritten);
        Assert.Equal([0xFF, 0xF0], message[before..position]);
        Assert.Equal(11, compressor.TryWrite(DnsTestData.Wire("other", "net"), message, ref position).BytesWritten);

        Assert.True(DnsName.TryRead(message, before, out DnsName name, out _));
        Assert.Equal("www.example.com.", name.ToString());
    }

    [Fact]
    public void A_full_table_still_writes_correct_names()
    {
        var message = new byte[4096];
        var compressor = new DnsNameCompressor(capacity: 2);
        int position = 12;
        var offsets = new List<(int Offset, string Name)>();
        foreach (string text in new[] { "a.example.", "b.example.", "c.example.", "a.example.", "example." })
        {
            offsets.Add((position, text));
            Assert.True(compressor.TryWrite(DnsCompressionSamples.Parse(text), message, ref position).IsDone);
        }

        Assert.Equal(2, compressor.Count);
        foreach ((int offset, string text) in offsets)
        {
            Assert.True(DnsName.TryRead(message.AsSpan(0, position), offset, out DnsName name, out _));
            Assert.True(name.EqualsPresentation(text), $"{name.ToString()} vs {text}");
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => new DnsNameCompressor(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DnsNameCompressor(8193));
    }

    [Fact]
    public void Too_small_destinations_fail_without_side_effects()
    {
        var compressor = new DnsNameCompressor();
        var message = new byte[12 + 13 + 6];
        int position = 12;
        compressor.TryWrite(DnsTestData.Wire("example", "com"), message, ref position);

        byte[] snapshot = message.ToArray();
        WriteResult result = compressor.TryWrite(DnsTestData.Wire("mail", "example", "com"), message, ref position);
        Assert.Equal(CodecStatus.DestinationTooSmall, result.Status);
        Assert.Equal(7ul, result.Error.Expected);
        Assert.Equal(6ul, result.Error.Actual);
        Assert.Equal(25, position);
        Assert.Equal(snapshot, message);
        Assert.Equal(2, compressor.Count);
    }

    [Fact]
    public void Invalid_names_are_refused()
    {
        var compressor = new DnsNameCompressor();
        var message = new byte[64];
        int position = 12;
        Assert.Equal(CodecErrorKind.LabelTooLong, compressor.TryWrite([0x40], message, ref position).Error.Kind);
        Assert.Equal(CodecErrorKind.ValueOutOfRange, compressor.TryWrite([0, 0], message, ref position).Error.Kind);
        Assert.Equal(CodecStatus.InvalidData, compressor.TryWrite([0xC0, 0], message, ref position).Status);
        Assert.Equal(CodecStatus.InvalidData, compressor.TryWrite([1, (byte)'a'], message, ref position).Status);
        Assert.Equal(12, position);
        Assert.Throws<ArgumentOutOfRangeException>(() => { int p = 65; compressor.TryWrite([0], message, ref p); });
    }

    [Fact]
    public void Copies_a_name_from_another_message_or_from_the_same_one()
    {
        byte[] source = DnsTestData.Rfc1035Example();
        Assert.True(DnsName.TryRead(source, 40, out DnsName foo, out _));

        var message = new byte[64];
        var compressor = new DnsNameCompressor();
        int position = 12;
        Assert.Equal(16, compressor.TryWrite(foo, message, ref position).BytesWritten);

        // The name just written, read from the message being built, written again: a bare pointer to 12.
        Assert.True(DnsName.TryRead(message, 12, out DnsName again, out _));
        Assert.Equal(2, compressor.TryWrite(again, message, ref position).BytesWritten);
        Assert.Equal([0xC0, 12], message[28..30]);
    }

    [Fact]
    public void A_message_rewritten_behind_the_compressors_back_gets_no_wrong_pointer()
    {
        var message = new byte[64];
        var compressor = new DnsNameCompressor();
        int position = 12;
        compressor.TryWrite(DnsTestData.Wire("example", "com"), message, ref position);
        message[13] = (byte)'X';   // "Xxample.com." now

        int before = position;
        compressor.TryWrite(DnsTestData.Wire("example", "com"), message, ref position);
        Assert.True(DnsName.TryRead(message, before, out DnsName name, out _));
        Assert.Equal("example.com.", name.ToString());
    }

    [Fact]
    public void A_remembered_name_rewritten_into_a_pointer_a_reader_refuses_is_not_pointed_to()
    {
        var message = new byte[64];
        var compressor = new DnsNameCompressor();
        int position = 12;
        compressor.TryWrite(DnsTestData.Wire("example", "com"), message, ref position);

        // "com." at 20 becomes a pointer to itself (a loop): "example" at 12 then no longer reads, nor does 20.
        message[20] = 0xC0;
        message[21] = 20;
        int before = position;
        Assert.True(compressor.TryWrite(DnsTestData.Wire("www", "example", "com"), message, ref position).IsDone);
        Assert.True(DnsName.TryRead(message, before, out DnsName name, out _));
        Assert.Equal("www.example.com.", name.ToString());
        Assert.Equal(DnsTestData.Wire("www", "example", "com").Length, position - before);   // written out in full

        // Case is ignored when a remembered suffix is confirmed: "EXAMPLE.COM." becomes a pointer to "www.example.com.".
        before = position;
        Assert.True(compressor.TryWrite(DnsTestData.Wire("EXAMPLE", "COM"), message, ref position).IsDone);
        Assert.Equal(2, position - before);
        Assert.True(DnsName.TryRead(message, before, out name, out _));
        Assert.Equal("example.com.", name.ToString());
    }

    [Fact]
    public void Every_spelling_of_a_suffix_that_differs_only_in_ASCII_case_is_pointed_to()
    {
        // Labels of 1 to 20 octets (word-at-a-time hashing and its tail), every capital letter and its neighbours.
        var compressor = new DnsNameCompressor();
        for (int length = 1; length <= 20; length++)
        {
            var label = new byte[length];
            for (int k = 0; k < length; k++)
            {
                label[k] = (byte)("ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(k * 7 + length) % 26]);
            }

            byte[] upper = DnsTestData.Wire(label, "EXAMPLE");
            byte[] lower = DnsTestData.Wire(label.Select(b => (byte)(b | 0x20)).ToArray(), "example");
            var message = new byte[128];
            int position = 12;
            compressor.Reset();
            Assert.True(compressor.TryWrite(upper, message, ref position).IsDone);
            int before = position;
            Assert.True(compressor.TryWrite(lower, message, ref position).IsDone);
            Assert.Equal(2, position - before);
            Assert.True(DnsName.TryRead(message, before, out DnsName name, out _));
            Assert.True(name.Equals(lower));
        }

        // Octets that are not letters are not folded: '@' is not '`', '[' is not '{', 0xC1 is not 0xE1.
        foreach ((char a, char b) in new[] { ('@', '`'), ('[', '{'), ('\xc1', '\xe1'), ('0', 'p') })
        {
            var message = new byte[64];
            int position = 12;
            compressor.Reset();
            Assert.True(compressor.TryWrite(DnsTestData.Wire(new byte[] { (byte)a }), message, ref position).IsDone);
            int before = position;
            Assert.True(compressor.TryWrite(DnsTestData.Wire(new byte[] { (byte)b }), message, ref position).IsDone);
            Assert.Equal(3, position - before);
        }
    }

    [Fact]
    public void A_label_octet_that_looks_like_a_pointer_is_not_followed()
    {
        // "a.\xC0\x05.com." then "a.\xC1\x05.com.": the same short key, first different inside the second label, where
        // the written name has 0xC0 0x05, which read as a length octet would be a pointer to 5. The octets at 5 hold the
        // rest of the second name, so following it would confirm a pointer to the first name: it must not be followed.
        byte[] first = [1, (byte)'a', 2, 0xC0, 0x05, 3, (byte)'c', (byte)'o', (byte)'m', 0];
        byte[] second = [1, (byte)'a', 2, 0xC1, 0x05, 3, (byte)'c', (byte)'o', (byte)'m', 0];
        var message = new byte[64];
        second.AsSpan(3).CopyTo(message.AsSpan(5));
        var compressor = new DnsNameCompressor();
        int position = 12;
        Assert.True(compressor.TryWrite(first, message, ref position).IsDone);
        int before = position;
        Assert.True(compressor.TryWrite(second, message, ref position).IsDone);

        Assert.Equal(7, position - before);     // "a", the second label, and a pointer to "com." in the first name
        Assert.True(DnsName.TryRead(message, before, out DnsName name, out _));
        var flat = new byte[name.WireLength];
        name.CopyUncompressedTo(flat);
        Assert.Equal(second, flat);
    }
}
